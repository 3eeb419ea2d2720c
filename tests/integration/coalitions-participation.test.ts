// Joining and withdrawing, one initiative at a time, through the real routes: every transition
// by every role, the refusals when ids are changed in a request, and idempotent joins under load.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actors, participations } from "~/db/schema";
import { decideJoinRequest, joinInitiative, withdrawFromInitiative } from "~/domain/coalitions/participation.server";
import * as apiInitiative from "~/routes/api.v1.initiatives.$slug";
import * as initiativePage from "~/routes/initiatives.$slug";
import * as joinRoute from "~/routes/initiatives.$slug_.join";
import * as withdrawRoute from "~/routes/initiatives.$slug_.withdraw";
import { auditActions, eventRows, ledInitiative, mailsTo, participateWithHistory, participationRows } from "../support/coalitions";
import { useTestDatabase } from "../support/db";
import { createActor, createInitiative, createMember, createRepresentative, stateActor } from "../support/directory";
import { callAction, callLoader, outcome, thrownOutcome } from "../support/remix";

const t = useTestDatabase();

function join(slug: string, cookie: string, actorId: string) {
  return callAction(joinRoute.action, `/initiatives/${slug}/join`, { db: t.db, params: { slug }, headers: { Cookie: cookie }, form: { actorId } });
}

function withdraw(slug: string, cookie: string, actorId: string) {
  return callAction(withdrawRoute.action, `/initiatives/${slug}/withdraw?actor=${actorId}`, {
    db: t.db,
    params: { slug },
    headers: { Cookie: cookie },
    form: { actorId },
  });
}

async function page(slug: string, cookie?: string, query = "") {
  return callLoader(initiativePage.loader, `/initiatives/${slug}${query}`, { db: t.db, params: { slug }, headers: cookie ? { Cookie: cookie } : {} });
}

describe("joining an open initiative", () => {
  it("a representative joins for their actor: active at once, dated, on the page and in the API, with event, audit row", async () => {
    const { initiative } = await ledInitiative(t.db);
    const chile = await stateActor(t.db, "CHL");
    const focal = await createRepresentative(t.db, chile);

    const before = await page(initiative.slug, focal.cookie);
    expect(before.visitor).toMatchObject({ kind: "member", represented: [{ actorId: chile.id, status: null }] });

    const res = await outcome(await join(initiative.slug, focal.cookie, chile.id));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/initiatives/${initiative.slug}?notice=joined#next-step`);

    expect((await participationRows(t.db, initiative.id)).find((p) => p.actorId === chile.id)).toMatchObject({ status: "active", role: "supporter" });
    expect((await eventRows(t.db, initiative.id)).filter((e) => e.actorId === chile.id).map((e) => e.kind)).toEqual(["joined"]);
    expect(await auditActions(t.db, initiative.id)).toContain("participation.join");

    const after = await page(initiative.slug, focal.cookie);
    expect(after.visitor).toMatchObject({ represented: [{ actorId: chile.id, status: "active", role: "supporter" }] });
    const api = await outcome(await callLoader(apiInitiative.loader, `/api/v1/initiatives/${initiative.slug}`, { db: t.db, params: { slug: initiative.slug } }));
    const body = api.data as { data: { supporters: { actor_id: string; since: string }[] } };
    expect(body.data.supporters.map((s) => s.actor_id)).toEqual([chile.id]);
    expect(Date.parse(body.data.supporters[0]!.since)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("a representative of several actors chooses which joins; the others are not touched", async () => {
    const { initiative } = await ledInitiative(t.db);
    const [a, b] = [await createActor(t.db), await createActor(t.db)];
    const rep = await createRepresentative(t.db, a);
    await t.db.insert((await import("~/db/schema")).affiliations).values({ userId: rep.user.id, actorId: b.id, role: "delegate", status: "approved" });
    expect((await page(initiative.slug, rep.cookie)).visitor).toMatchObject({ represented: expect.arrayContaining([expect.objectContaining({ actorId: b.id })]) });
    await join(initiative.slug, rep.cookie, b.id);
    const rows = await participationRows(t.db, initiative.id);
    expect(rows.map((r) => r.actorId)).toContain(b.id);
    expect(rows.map((r) => r.actorId)).not.toContain(a.id);
  });

  it("joining twice changes nothing the second time", async () => {
    const { initiative } = await ledInitiative(t.db);
    const actor = await createActor(t.db);
    const rep = await createRepresentative(t.db, actor);
    await join(initiative.slug, rep.cookie, actor.id);
    const again = await outcome(await join(initiative.slug, rep.cookie, actor.id));
    expect(again.headers.get("Location")).toContain("notice=already");
    expect((await eventRows(t.db, initiative.id)).filter((e) => e.actorId === actor.id)).toHaveLength(1);
  });

  it("many joins at once for one actor leave exactly one row and one 'joined' event", async () => {
    const { initiative } = await ledInitiative(t.db);
    const actor = await createActor(t.db);
    const rep = await createRepresentative(t.db, actor);
    const results = await Promise.all(
      Array.from({ length: 16 }, () => joinInitiative(t.db, { userId: rep.user.id }, { actorId: actor.id, initiativeId: initiative.id })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.changed)).toHaveLength(1);
    expect((await participationRows(t.db, initiative.id)).filter((r) => r.actorId === actor.id)).toHaveLength(1);
    expect((await eventRows(t.db, initiative.id)).filter((e) => e.actorId === actor.id).map((e) => e.kind)).toEqual(["joined"]);
  });

  it("many rejoins at once after a withdrawal leave one 'rejoined' event", async () => {
    const { initiative } = await ledInitiative(t.db);
    const actor = await createActor(t.db);
    const rep = await createRepresentative(t.db, actor);
    await joinInitiative(t.db, { userId: rep.user.id }, { actorId: actor.id, initiativeId: initiative.id });
    await withdrawFromInitiative(t.db, { userId: rep.user.id }, { actorId: actor.id, initiativeId: initiative.id });
    await Promise.all(Array.from({ length: 12 }, () => joinInitiative(t.db, { userId: rep.user.id }, { actorId: actor.id, initiativeId: initiative.id })));
    expect((await eventRows(t.db, initiative.id)).filter((e) => e.actorId === actor.id).map((e) => e.kind)).toEqual(["joined", "withdrawn", "rejoined"]);
  });
});

describe("withdrawing and rejoining", () => {
  it("asks for confirmation first, then withdraws; the timeline keeps both dates; rejoining is a new event", async () => {
    const { initiative } = await ledInitiative(t.db);
    const actor = await stateActor(t.db, "URY");
    const rep = await createRepresentative(t.db, actor);
    await join(initiative.slug, rep.cookie, actor.id);

    const confirm = await callLoader(withdrawRoute.loader, `/initiatives/${initiative.slug}/withdraw?actor=${actor.id}`, {
      db: t.db,
      params: { slug: initiative.slug },
      headers: { Cookie: rep.cookie },
    });
    expect(confirm.actor).toMatchObject({ id: actor.id, name: "Uruguay", status: "active" });
    // Seeing the confirmation changes nothing.
    expect((await participationRows(t.db, initiative.id)).find((r) => r.actorId === actor.id)?.status).toBe("active");

    const res = await outcome(await withdraw(initiative.slug, rep.cookie, actor.id));
    expect(res.headers.get("Location")).toBe(`/initiatives/${initiative.slug}?notice=withdrawn#next-step`);
    expect((await participationRows(t.db, initiative.id)).find((r) => r.actorId === actor.id)?.status).toBe("withdrawn");
    const shown = await page(initiative.slug);
    expect(shown.timeline.filter((e) => e.actorId === actor.id).map((e) => e.kind)).toEqual(["withdrawn", "joined"]);
    expect(shown.supporterGroups).toEqual([]);

    await join(initiative.slug, rep.cookie, actor.id);
    expect((await eventRows(t.db, initiative.id)).filter((e) => e.actorId === actor.id).map((e) => e.kind)).toEqual(["joined", "withdrawn", "rejoined"]);
  });

  it("the last lead cannot withdraw; a lead with a co-lead can", async () => {
    const { initiative, leadActor, lead } = await ledInitiative(t.db);
    const refused = await outcome(await withdraw(initiative.slug, lead.cookie, leadActor.id));
    expect(refused.status).toBe(409);
    expect(refused.data).toEqual({ error: "lastLead" });
    expect((await participationRows(t.db, initiative.id)).find((r) => r.actorId === leadActor.id)?.status).toBe("active");

    await participateWithHistory(t.db, await createActor(t.db), initiative, { role: "lead" });
    expect((await outcome(await withdraw(initiative.slug, lead.cookie, leadActor.id))).status).toBe(302);
  });

  it("two leads stepping down at once leave one lead", async () => {
    const { initiative, leadActor, lead } = await ledInitiative(t.db);
    const other = await createActor(t.db);
    const otherRep = await createRepresentative(t.db, other);
    await participateWithHistory(t.db, other, initiative, { role: "lead" });
    const results = await Promise.all([
      withdrawFromInitiative(t.db, { userId: lead.user.id }, { actorId: leadActor.id, initiativeId: initiative.id }),
      withdrawFromInitiative(t.db, { userId: otherRep.user.id }, { actorId: other.id, initiativeId: initiative.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await participationRows(t.db, initiative.id)).filter((r) => r.role === "lead" && r.status === "active")).toHaveLength(1);
  });
});

describe("joining an initiative whose leads approve each request", () => {
  it("the request waits; the lead is emailed; accepting makes it active and emails the actor's representatives", async () => {
    const { initiative, lead } = await ledInitiative(t.db, { joinPolicy: "approval" });
    const actor = await createActor(t.db);
    const rep = await createRepresentative(t.db, actor, {}, { locale: "fr" });
    const res = await outcome(await join(initiative.slug, rep.cookie, actor.id));
    expect(res.headers.get("Location")).toContain("notice=requested");
    const [row] = await t.db.select().from(participations).where(eq(participations.actorId, actor.id));
    expect(row).toMatchObject({ status: "requested" });
    expect((await page(initiative.slug, rep.cookie)).visitor).toMatchObject({ represented: [{ status: "requested" }] });
    expect((await page(initiative.slug)).supporterGroups).toEqual([]);
    expect((await mailsTo(t.db, lead.user.email)).map((m) => m.template)).toEqual(["coalitionJoinRequested"]);

    expect(await decideJoinRequest(t.db, { userId: lead.user.id }, { initiativeId: initiative.id, participationId: row!.id, decision: "accept" })).toEqual({ ok: true });
    expect((await participationRows(t.db, initiative.id)).find((r) => r.actorId === actor.id)?.status).toBe("active");
    const [mail] = await mailsTo(t.db, rep.user.email);
    expect(mail).toMatchObject({ template: "coalitionRequestAccepted", locale: "fr" });
    expect((await eventRows(t.db, initiative.id)).filter((e) => e.actorId === actor.id).map((e) => e.kind)).toEqual(["requested", "joined"]);
  });

  it("declining records the reason, tells the actor, keeps it off the public page; the actor may ask again", async () => {
    const { initiative, lead } = await ledInitiative(t.db, { joinPolicy: "approval" });
    const actor = await createActor(t.db);
    const rep = await createRepresentative(t.db, actor);
    await join(initiative.slug, rep.cookie, actor.id);
    const [row] = await t.db.select().from(participations).where(eq(participations.actorId, actor.id));
    const reason = "Outside the <b>scope</b> of this coalition.";
    await decideJoinRequest(t.db, { userId: lead.user.id }, { initiativeId: initiative.id, participationId: row!.id, decision: "decline", reason });
    expect((await eventRows(t.db, initiative.id)).find((e) => e.kind === "declined")).toMatchObject({ actorId: actor.id, reason });
    const [mail] = await mailsTo(t.db, rep.user.email);
    expect(mail?.template).toBe("coalitionRequestDeclined");
    expect(mail?.textBody).toContain(reason);
    expect(mail?.htmlBody).toContain("&lt;b&gt;scope&lt;/b&gt;");
    expect(mail?.htmlBody).not.toContain("<b>scope");
    const shown = await page(initiative.slug);
    expect(JSON.stringify(shown)).not.toContain("scope");
    expect((await page(initiative.slug, rep.cookie)).visitor).toMatchObject({ represented: [{ status: "declined" }] });
    await join(initiative.slug, rep.cookie, actor.id);
    expect((await participationRows(t.db, initiative.id)).find((r) => r.actorId === actor.id)?.status).toBe("requested");
  });

  it("each email names a State in its reader's language: the leads read Irlande or Ireland, Ireland's focal point Irlanda", async () => {
    const { initiative, lead, leadActor } = await ledInitiative(t.db, { joinPolicy: "approval" });
    const frenchLead = await createRepresentative(t.db, leadActor, {}, { locale: "fr" });
    const ireland = await stateActor(t.db, "IRL");
    const rep = await createRepresentative(t.db, ireland, {}, { locale: "es" });
    await join(initiative.slug, rep.cookie, ireland.id);
    const [toFrench] = await mailsTo(t.db, frenchLead.user.email);
    expect(toFrench).toMatchObject({ template: "coalitionJoinRequested", locale: "fr" });
    expect(toFrench?.subject).toContain("Irlande");
    expect(toFrench?.textBody).not.toContain("Ireland");
    const [toEnglish] = await mailsTo(t.db, lead.user.email);
    expect(toEnglish?.subject).toContain("Ireland");

    const [row] = await t.db.select().from(participations).where(eq(participations.actorId, ireland.id));
    await decideJoinRequest(t.db, { userId: lead.user.id }, { initiativeId: initiative.id, participationId: row!.id, decision: "decline", reason: "Not now." });
    const [declined] = await mailsTo(t.db, rep.user.email);
    expect(declined).toMatchObject({ template: "coalitionRequestDeclined", locale: "es" });
    expect(declined?.textBody).toContain("Irlanda");
    expect(declined?.textBody).not.toContain("Ireland");
  });

  it("a second decision on the same request, or by two leads at once, finds nothing left to decide", async () => {
    const { initiative, lead } = await ledInitiative(t.db, { joinPolicy: "approval" });
    const coLeadActor = await createActor(t.db);
    const coLead = await createRepresentative(t.db, coLeadActor);
    await participateWithHistory(t.db, coLeadActor, initiative, { role: "lead" });
    const actor = await createActor(t.db);
    const rep = await createRepresentative(t.db, actor);
    await join(initiative.slug, rep.cookie, actor.id);
    const [row] = await t.db.select().from(participations).where(eq(participations.actorId, actor.id));
    const results = await Promise.all([
      decideJoinRequest(t.db, { userId: lead.user.id }, { initiativeId: initiative.id, participationId: row!.id, decision: "accept" }),
      decideJoinRequest(t.db, { userId: coLead.user.id }, { initiativeId: initiative.id, participationId: row!.id, decision: "decline", reason: "no" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await eventRows(t.db, initiative.id)).filter((e) => e.actorId === actor.id)).toHaveLength(2);
  });
});

describe("refusals when a request is tampered with", () => {
  it("joining for an actor the user does not represent is a 403 and changes nothing", async () => {
    const { initiative } = await ledInitiative(t.db);
    const mine = await createActor(t.db);
    const theirs = await createActor(t.db);
    const rep = await createRepresentative(t.db, mine);
    const res = await thrownOutcome(join(initiative.slug, rep.cookie, theirs.id));
    expect(res.status).toBe(403);
    expect((await participationRows(t.db, initiative.id)).map((r) => r.actorId)).not.toContain(theirs.id);
  });

  it("a member without an approved affiliation, or a representative of a suspended actor, cannot join", async () => {
    const { initiative } = await ledInitiative(t.db);
    const pendingActor = await createActor(t.db);
    const pending = await createRepresentative(t.db, pendingActor, { status: "pending" });
    expect((await thrownOutcome(join(initiative.slug, pending.cookie, pendingActor.id))).status).toBe(403);
    const suspended = await createActor(t.db);
    const suspendedRep = await createRepresentative(t.db, suspended);
    await t.db.update(actors).set({ status: "suspended" }).where(eq(actors.id, suspended.id));
    expect((await thrownOutcome(join(initiative.slug, suspendedRep.cookie, suspended.id))).status).toBe(403);
    expect(await participationRows(t.db, initiative.id)).toHaveLength(1);
    // The page still tells them what to do.
    expect((await page(initiative.slug, pending.cookie)).visitor).toMatchObject({ represented: [], pendingAffiliations: 1 });
  });

  it("a proposal not yet approved is not found; a closed initiative says it is closed; nothing changes", async () => {
    const actor = await createActor(t.db);
    const rep = await createRepresentative(t.db, actor);
    const submitted = await createInitiative(t.db, { status: "submitted" });
    expect((await thrownOutcome(join(submitted.slug, rep.cookie, actor.id))).status).toBe(404);
    const closed = await createInitiative(t.db, { status: "closed" });
    const res = await outcome(await join(closed.slug, rep.cookie, actor.id));
    expect(res.headers.get("Location")).toContain("error=notOpen");
    expect(await participationRows(t.db, submitted.id)).toEqual([]);
    expect(await participationRows(t.db, closed.id)).toEqual([]);
  });

  it("a malformed actor id is a 400; withdrawing an actor one does not represent is a 403", async () => {
    const { initiative, leadActor } = await ledInitiative(t.db);
    const rep = await createRepresentative(t.db, await createActor(t.db));
    expect((await thrownOutcome(join(initiative.slug, rep.cookie, "not-a-uuid"))).status).toBe(400);
    expect((await thrownOutcome(withdraw(initiative.slug, rep.cookie, leadActor.id))).status).toBe(403);
    expect((await participationRows(t.db, initiative.id)).find((r) => r.actorId === leadActor.id)?.status).toBe("active");
  });

  it("a lead cannot decide a request of another initiative by changing its id; a non-lead cannot decide at all", async () => {
    const mine = await ledInitiative(t.db, { joinPolicy: "approval" });
    const other = await ledInitiative(t.db, { joinPolicy: "approval" });
    const actor = await createActor(t.db);
    const rep = await createRepresentative(t.db, actor);
    await join(other.initiative.slug, rep.cookie, actor.id);
    const [row] = await t.db.select().from(participations).where(eq(participations.actorId, actor.id));
    expect(
      await decideJoinRequest(t.db, { userId: mine.lead.user.id }, { initiativeId: mine.initiative.id, participationId: row!.id, decision: "accept" }),
    ).toEqual({ ok: false, reason: "notFound" });
    expect(
      await decideJoinRequest(t.db, { userId: mine.lead.user.id }, { initiativeId: other.initiative.id, participationId: row!.id, decision: "accept" }),
    ).toEqual({ ok: false, reason: "notLead" });
    expect((await participationRows(t.db, other.initiative.id)).find((r) => r.actorId === actor.id)?.status).toBe("requested");
  });

  it("an anonymous visitor is sent to sign in; the page offers sign-in and sign-up", async () => {
    const { initiative, leadActor } = await ledInitiative(t.db);
    const res = await thrownOutcome(callAction(joinRoute.action, `/initiatives/${initiative.slug}/join`, { db: t.db, params: { slug: initiative.slug }, form: { actorId: leadActor.id } }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login/);
    const shown = await page(initiative.slug);
    expect(shown.visitor).toEqual({ kind: "anonymous" });
    expect(shown.loginPath).toBe(`/login?redirectTo=${encodeURIComponent(`/initiatives/${initiative.slug}`)}`);
    const member = await createMember(t.db);
    expect((await page(initiative.slug, member.cookie)).visitor).toMatchObject({ kind: "member", represented: [], pendingAffiliations: 0 });
  });
});
