// Proposing, reviewing and leading an initiative through the real routes: every transition by
// the role allowed to make it, refusals for the others, and one decision when two staff act at once.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { initiatives, leadInvitations, participations } from "~/db/schema";
import { countProposalsToReview, reviewInitiative } from "~/domain/coalitions/proposals.server";
import * as manageRoute from "~/routes/initiatives.$slug_.manage";
import * as invitationRoute from "~/routes/initiatives.$slug_.lead-invitation";
import * as proposeRoute from "~/routes/initiatives.new";
import * as reviewRoute from "~/routes/secretariat.initiatives";
import { createUser, startSession } from "../support/accounts";
import { eventRows, ledInitiative, mailsTo, participationRows } from "../support/coalitions";
import { useTestDatabase } from "../support/db";
import { createActor, createMember, createRepresentative, stateActor } from "../support/directory";
import { callAction, callLoader, outcome, thrownOutcome } from "../support/remix";

const t = useTestDatabase();

const proposal = (actorId: string, extra: Record<string, string> = {}) => ({
  title: "Cyber norms for hospitals",
  summary: "States commit not to attack hospitals' networks.",
  description: "First paragraph.\n\n<script>alert(1)</script>",
  goals: "",
  axis: "international_law",
  theme: "cyber",
  joinPolicy: "open",
  language: "fr",
  actorId,
  ...extra,
});

async function staff() {
  const user = await createUser(t.db, { role: "secretariat" });
  return { user, cookie: (await startSession(t.db, user)).cookie };
}

async function propose(cookie: string, form: Record<string, string>) {
  return callAction(proposeRoute.action, "/initiatives/new", { db: t.db, headers: { Cookie: cookie }, form });
}

async function review(cookie: string, form: Record<string, string>) {
  return callAction(reviewRoute.action, "/secretariat/initiatives", { db: t.db, headers: { Cookie: cookie }, form });
}

describe("proposing and reviewing", () => {
  it("propose → staff approve → public with a stable slug, the proposer's actor its first lead, the proposer emailed", async () => {
    const france = await stateActor(t.db, "FRA");
    const focal = await createRepresentative(t.db, france);
    const res = await outcome(await propose(focal.cookie, proposal(france.id)));
    expect(res.status).toBe(302);
    const id = new URL(res.headers.get("Location")!, "http://x").searchParams.get("proposal")!;
    const [row] = await t.db.select().from(initiatives).where(eq(initiatives.id, id));
    expect(row).toMatchObject({ status: "submitted", language: "fr", proposedByActorId: france.id });
    // Not public, no participation yet.
    expect(await participationRows(t.db, id)).toEqual([]);
    const before = await countProposalsToReview(t.db);
    expect(before).toBeGreaterThan(0);

    const secretariat = await staff();
    const queue = await callLoader(reviewRoute.loader, "/secretariat/initiatives", { db: t.db, headers: { Cookie: secretariat.cookie } });
    expect(queue.queue.items.map((q) => q.id)).toContain(id);
    const decided = await outcome(await review(secretariat.cookie, { initiativeId: id, decision: "approve", reason: "" }));
    expect(decided.headers.get("Location")).toContain("notice=approve");
    const [approved] = await t.db.select().from(initiatives).where(eq(initiatives.id, id));
    expect(approved).toMatchObject({ status: "active", slug: "cyber-norms-for-hospitals" });
    expect(await participationRows(t.db, id)).toEqual([{ actorId: france.id, status: "active", role: "lead" }]);
    expect((await eventRows(t.db, id)).map((e) => e.kind)).toEqual(["joined"]);
    expect((await mailsTo(t.db, focal.user.email)).map((m) => m.template)).toEqual(["coalitionReviewApproved"]);
    expect(await countProposalsToReview(t.db)).toBe(before - 1);

    // A second initiative of the same title gets its own address; the first keeps its own.
    const again = await outcome(await propose(focal.cookie, proposal(france.id)));
    const secondId = new URL(again.headers.get("Location")!, "http://x").searchParams.get("proposal")!;
    await review(secretariat.cookie, { initiativeId: secondId, decision: "approve", reason: "" });
    const [second] = await t.db.select().from(initiatives).where(eq(initiatives.id, secondId));
    expect(second?.slug).toBe("cyber-norms-for-hospitals-2");
  });

  it("reject and ask for changes need a reason; changes go back to the proposer, who edits and resubmits", async () => {
    const actor = await createActor(t.db);
    const rep = await createRepresentative(t.db, actor);
    const res = await outcome(await propose(rep.cookie, proposal(actor.id, { title: "Needs work" })));
    const id = new URL(res.headers.get("Location")!, "http://x").searchParams.get("proposal")!;
    const secretariat = await staff();
    const missing = await outcome(await review(secretariat.cookie, { initiativeId: id, decision: "reject", reason: "  " }));
    expect(missing.status).toBe(400);
    expect(missing.data).toEqual({ reasonMissingFor: id });
    await review(secretariat.cookie, { initiativeId: id, decision: "changes", reason: "Say which states lead." });
    const page = await callLoader(proposeRoute.loader, `/initiatives/new?proposal=${id}`, { db: t.db, headers: { Cookie: rep.cookie } });
    expect(page.proposal).toMatchObject({ status: "changes_requested", reviewReason: "Say which states lead." });
    expect((await mailsTo(t.db, rep.user.email))[0]?.template).toBe("coalitionReviewChanges");
    await callAction(proposeRoute.action, "/initiatives/new", { db: t.db, headers: { Cookie: rep.cookie }, form: { ...proposal(actor.id, { title: "Better now" }), proposalId: id } });
    const [edited] = await t.db.select().from(initiatives).where(eq(initiatives.id, id));
    expect(edited).toMatchObject({ status: "submitted", title: "Better now" });
    await review(secretariat.cookie, { initiativeId: id, decision: "reject", reason: "Out of scope." });
    const [rejected] = await t.db.select().from(initiatives).where(eq(initiatives.id, id));
    expect(rejected?.status).toBe("rejected");
    // Once decided, the author can no longer edit it.
    expect((await thrownOutcome(callLoader(proposeRoute.loader, `/initiatives/new?proposal=${id}`, { db: t.db, headers: { Cookie: rep.cookie } }))).status).toBe(404);
  });

  it("one decision wins when two staff act at once", async () => {
    const actor = await createActor(t.db);
    const rep = await createRepresentative(t.db, actor);
    const res = await outcome(await propose(rep.cookie, proposal(actor.id, { title: "Raced" })));
    const id = new URL(res.headers.get("Location")!, "http://x").searchParams.get("proposal")!;
    const [a, b] = [await createUser(t.db, { role: "secretariat" }), await createUser(t.db, { role: "secretariat" })];
    const results = await Promise.all([
      reviewInitiative(t.db, { userId: a.id }, { initiativeId: id, decision: "approve" }),
      reviewInitiative(t.db, { userId: b.id }, { initiativeId: id, decision: "reject", reason: "no" }),
      reviewInitiative(t.db, { userId: b.id }, { initiativeId: id, decision: "changes", reason: "again" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await mailsTo(t.db, rep.user.email))).toHaveLength(1);
  });

  it("refusals: a member who represents no one, a changed actor id, a non-staff reviewer, another's proposal", async () => {
    const member = await createMember(t.db);
    const someone = await createActor(t.db);
    expect((await thrownOutcome(propose(member.cookie, proposal(someone.id)))).status).toBe(403);
    const rep = await createRepresentative(t.db, await createActor(t.db));
    expect((await thrownOutcome(propose(rep.cookie, proposal(someone.id)))).status).toBe(403);
    const bad = await outcome(await propose(rep.cookie, proposal(rep.affiliation.actorId, { title: "", summary: "x".repeat(501), axis: "war" })));
    expect(bad.status).toBe(200);
    expect((bad.data as { error: Record<string, string[]> }).error).toMatchObject({
      title: ["errors.titleRequired"],
      summary: ["errors.tooLong"],
      axis: ["errors.axisRequired"],
    });
    const mine = await outcome(await propose(rep.cookie, proposal(rep.affiliation.actorId)));
    const id = new URL(mine.headers.get("Location")!, "http://x").searchParams.get("proposal")!;
    expect((await thrownOutcome(review(rep.cookie, { initiativeId: id, decision: "approve", reason: "" }))).status).toBe(403);
    expect((await thrownOutcome(callLoader(proposeRoute.loader, `/initiatives/new?proposal=${id}`, { db: t.db, headers: { Cookie: member.cookie } }))).status).toBe(404);
  });
});

describe("leading", () => {
  function manage(slug: string, cookie: string, form: Record<string, string>) {
    return callAction(manageRoute.action, `/initiatives/${slug}/manage`, { db: t.db, params: { slug }, headers: { Cookie: cookie }, form });
  }

  it("only a lead opens the page; a supporter's representative gets a 403", async () => {
    const { initiative, lead } = await ledInitiative(t.db);
    const page = await callLoader(manageRoute.loader, `/initiatives/${initiative.slug}/manage`, { db: t.db, params: { slug: initiative.slug }, headers: { Cookie: lead.cookie } });
    expect(page.initiative.id).toBe(initiative.id);
    const other = await createRepresentative(t.db, await createActor(t.db));
    expect((await thrownOutcome(callLoader(manageRoute.loader, `/initiatives/${initiative.slug}/manage`, { db: t.db, params: { slug: initiative.slug }, headers: { Cookie: other.cookie } }))).status).toBe(403);
    expect((await thrownOutcome(manage(initiative.slug, other.cookie, { intent: "edit", title: "Hijacked" }))).status).toBe(403);
  });

  it("a lead declines one request with a reason and accepts another; a request id of another initiative is refused", async () => {
    const { initiative, lead } = await ledInitiative(t.db, { joinPolicy: "approval" });
    const [a, b] = [await createActor(t.db), await createActor(t.db)];
    await t.db.insert(participations).values([
      { actorId: a.id, initiativeId: initiative.id, status: "requested" },
      { actorId: b.id, initiativeId: initiative.id, status: "requested" },
    ]);
    const rows = await t.db.select().from(participations).where(eq(participations.initiativeId, initiative.id));
    const ra = rows.find((r) => r.actorId === a.id)!;
    const rb = rows.find((r) => r.actorId === b.id)!;
    const noReason = await outcome(await manage(initiative.slug, lead.cookie, { intent: "decide", participationId: ra.id, decision: "decline", reason: "" }));
    expect(noReason.status).toBe(400);
    await manage(initiative.slug, lead.cookie, { intent: "decide", participationId: ra.id, decision: "decline", reason: "Not a member of the region." });
    await manage(initiative.slug, lead.cookie, { intent: "decide", participationId: rb.id, decision: "accept" });
    expect((await participationRows(t.db, initiative.id)).filter((r) => r.role === "supporter").map((r) => [r.actorId, r.status]).sort()).toEqual(
      [[a.id, "declined"], [b.id, "active"]].sort(),
    );
    const elsewhere = await ledInitiative(t.db, { joinPolicy: "approval" });
    const c = await createActor(t.db);
    const [rc] = await t.db.insert(participations).values({ actorId: c.id, initiativeId: elsewhere.initiative.id, status: "requested" }).returning();
    const res = await outcome(await manage(initiative.slug, lead.cookie, { intent: "decide", participationId: rc!.id, decision: "accept" }));
    expect(res.headers.get("Location")).toContain("notice=alreadyDecided");
    expect((await participationRows(t.db, elsewhere.initiative.id)).find((r) => r.actorId === c.id)?.status).toBe("requested");
  });

  it("invite a co-lead, who accepts from the initiative page; then the first lead can step down, never the last", async () => {
    const { initiative, lead, leadActor } = await ledInitiative(t.db);
    const invitedActor = await createActor(t.db);
    const invitedRep = await createRepresentative(t.db, invitedActor);
    await manage(initiative.slug, lead.cookie, { intent: "invite", actorId: invitedActor.id });
    expect((await mailsTo(t.db, invitedRep.user.email)).map((m) => m.template)).toEqual(["coalitionLeadInvited"]);
    const lastLead = await outcome(await manage(initiative.slug, lead.cookie, { intent: "stepDown", actorId: leadActor.id }));
    expect(lastLead.headers.get("Location")).toContain("notice=lastLead");
    const [invitation] = await t.db.select().from(leadInvitations).where(eq(leadInvitations.initiativeId, initiative.id));
    // Someone who does not represent the invited actor cannot accept for it.
    expect((await thrownOutcome(callAction(invitationRoute.action, `/initiatives/${initiative.slug}/lead-invitation`, { db: t.db, params: { slug: initiative.slug }, headers: { Cookie: lead.cookie }, form: { invitationId: invitation!.id, answer: "accept" } }))).status).toBe(403);
    await callAction(invitationRoute.action, `/initiatives/${initiative.slug}/lead-invitation`, { db: t.db, params: { slug: initiative.slug }, headers: { Cookie: invitedRep.cookie }, form: { invitationId: invitation!.id, answer: "accept" } });
    expect((await participationRows(t.db, initiative.id)).filter((r) => r.role === "lead").map((r) => r.actorId).sort()).toEqual([leadActor.id, invitedActor.id].sort());
    expect((await mailsTo(t.db, lead.user.email)).map((m) => m.template)).toContain("coalitionLeadAccepted");
    await manage(initiative.slug, lead.cookie, { intent: "stepDown", actorId: leadActor.id });
    expect((await participationRows(t.db, initiative.id)).find((r) => r.actorId === leadActor.id)).toMatchObject({ role: "supporter", status: "active" });
    expect((await eventRows(t.db, initiative.id)).map((e) => e.kind)).toEqual(["joined", "joined", "lead_removed"]);
  });

  it("a message to all participants goes through the outbox to each actor's representatives", async () => {
    const { initiative, lead } = await ledInitiative(t.db);
    const supporter = await createActor(t.db);
    const rep = await createRepresentative(t.db, supporter, {}, { locale: "es" });
    await t.db.insert(participations).values({ actorId: supporter.id, initiativeId: initiative.id });
    const empty = await outcome(await manage(initiative.slug, lead.cookie, { intent: "message", subject: "", message: "" }));
    expect(empty.status).toBe(400);
    await manage(initiative.slug, lead.cookie, { intent: "message", subject: "Next meeting", message: "See you <b>soon</b>." });
    const [mail] = await mailsTo(t.db, rep.user.email);
    expect(mail).toMatchObject({ template: "coalitionMessage", locale: "es" });
    expect(mail?.htmlBody).not.toContain("<b>soon");
  });
});
