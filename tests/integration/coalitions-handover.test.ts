// Handing over the lead in one step, through the manage page's real action: the participating
// actor becomes lead, the one handing over becomes a supporter or stays co-lead, with history,
// audit and emails in one transaction; refusals change nothing; races leave exactly the leads
// one of the orders would have left, never an initiative without a lead.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { leadInvitations, users } from "~/db/schema";
import { handOverLeadership } from "~/domain/coalitions/handover.server";
import { withdrawFromInitiative } from "~/domain/coalitions/participation.server";
import * as manageRoute from "~/routes/initiatives.$slug_.manage";
import { auditActions, eventRows, ledInitiative, mailsTo, participateWithHistory, participationRows } from "../support/coalitions";
import { useTestDatabase } from "../support/db";
import { createActor, createAffiliation, createRepresentative, stateActor } from "../support/directory";
import { callAction, callLoader, outcome, thrownOutcome } from "../support/remix";

const t = useTestDatabase();

function manage(slug: string, cookie: string, form: Record<string, string>) {
  return callAction(manageRoute.action, `/initiatives/${slug}/manage`, { db: t.db, params: { slug }, headers: { Cookie: cookie }, form });
}

/** An initiative led by one actor, with a second actor taking part as a supporter, each with a representative. */
async function cast() {
  const led = await ledInitiative(t.db);
  const supporterActor = await stateActor(t.db, "SEN");
  const supporter = await createRepresentative(t.db, supporterActor, {}, { locale: "fr" });
  await participateWithHistory(t.db, supporterActor, led.initiative);
  return { ...led, supporterActor, supporter };
}

const leadsOf = async (initiativeId: string) =>
  (await participationRows(t.db, initiativeId)).filter((r) => r.role === "lead" && r.status === "active").map((r) => r.actorId).sort();

describe("handing over the lead", () => {
  it("to a supporter, in one step: it leads, the former lead supports, history, audit and both sides' emails", async () => {
    const { initiative, leadActor, lead, supporterActor, supporter } = await cast();
    // An invitation to co-lead the new lead had sent earlier is overtaken by the handover.
    await t.db.insert(leadInvitations).values({ initiativeId: initiative.id, actorId: supporterActor.id, invitedByUserId: lead.user.id });

    const page = await callLoader(manageRoute.loader, `/initiatives/${initiative.slug}/manage`, { db: t.db, params: { slug: initiative.slug }, headers: { Cookie: lead.cookie } });
    expect(page.handoverTo.map((c) => c.id)).toEqual([supporterActor.id]);

    const res = await outcome(await manage(initiative.slug, lead.cookie, { intent: "handOver", fromActorId: leadActor.id, toActorId: supporterActor.id, afterwards: "supporter" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/initiatives/${initiative.slug}`);
    expect(await leadsOf(initiative.id)).toEqual([supporterActor.id]);
    expect((await participationRows(t.db, initiative.id)).find((r) => r.actorId === leadActor.id)).toMatchObject({ role: "supporter", status: "active" });
    expect((await eventRows(t.db, initiative.id)).slice(-2).map((e) => [e.actorId, e.kind])).toEqual([
      [supporterActor.id, "lead_added"],
      [leadActor.id, "lead_removed"],
    ]);
    expect(await auditActions(t.db, initiative.id)).toContain("initiative.hand_over");
    expect((await mailsTo(t.db, supporter.user.email)).map((m) => [m.template, m.locale])).toEqual([["coalitionLeadReceived", "fr"]]);
    expect((await mailsTo(t.db, lead.user.email)).map((m) => m.template)).toEqual(["coalitionLeadHandedOver"]);
    const [invitation] = await t.db.select().from(leadInvitations).where(eq(leadInvitations.initiativeId, initiative.id));
    expect(invitation?.status).toBe("withdrawn");

    // The new lead's representative now manages it; the former lead's no longer does.
    const theirs = await callLoader(manageRoute.loader, `/initiatives/${initiative.slug}/manage`, { db: t.db, params: { slug: initiative.slug }, headers: { Cookie: supporter.cookie } });
    expect(theirs.leads.map((l) => l.actorId)).toEqual([supporterActor.id]);
    expect((await thrownOutcome(callLoader(manageRoute.loader, `/initiatives/${initiative.slug}/manage`, { db: t.db, params: { slug: initiative.slug }, headers: { Cookie: lead.cookie } }))).status).toBe(403);
  });

  it("sharing instead: the former lead stays co-lead, and comes back to the manage page", async () => {
    const { initiative, leadActor, lead, supporterActor } = await cast();
    const res = await outcome(await manage(initiative.slug, lead.cookie, { intent: "handOver", fromActorId: leadActor.id, toActorId: supporterActor.id, afterwards: "colead" }));
    expect(res.headers.get("Location")).toBe(`/initiatives/${initiative.slug}/manage?handover=handedOver#handover-heading`);
    expect(await leadsOf(initiative.id)).toEqual([leadActor.id, supporterActor.id].sort());
    expect((await eventRows(t.db, initiative.id)).at(-1)).toMatchObject({ actorId: supporterActor.id, kind: "lead_added" });
    expect((await mailsTo(t.db, lead.user.email)).map((m) => m.template)).toEqual(["coalitionLeadShared"]);
  });

  it("refuses, changing nothing: no actor chosen, an actor not taking part, one already leading, another's actor, a supporter's representative", async () => {
    const { initiative, leadActor, lead, supporterActor, supporter } = await cast();
    const before = await participationRows(t.db, initiative.id);

    const missing = await outcome(await manage(initiative.slug, lead.cookie, { intent: "handOver", fromActorId: leadActor.id, afterwards: "supporter" }));
    expect(missing.status).toBe(400);
    expect((missing.data as { handOver: { error: Record<string, string[]> } }).handOver.error.toActorId).toEqual(["handover.errors.chooseTo"]);

    const outsider = await createActor(t.db);
    const notIn = await outcome(await manage(initiative.slug, lead.cookie, { intent: "handOver", fromActorId: leadActor.id, toActorId: outsider.id, afterwards: "supporter" }));
    expect(notIn.headers.get("Location")).toContain("handover=notParticipant");
    const self = await outcome(await manage(initiative.slug, lead.cookie, { intent: "handOver", fromActorId: leadActor.id, toActorId: leadActor.id, afterwards: "supporter" }));
    expect(self.headers.get("Location")).toContain("handover=sameActor");

    // Someone who does not represent the actor named as handing over.
    expect((await thrownOutcome(manage(initiative.slug, lead.cookie, { intent: "handOver", fromActorId: supporterActor.id, toActorId: leadActor.id, afterwards: "supporter" }))).status).toBe(403);
    // A supporter's representative is not a lead: the page itself refuses.
    expect((await thrownOutcome(manage(initiative.slug, supporter.cookie, { intent: "handOver", fromActorId: supporterActor.id, toActorId: leadActor.id, afterwards: "supporter" }))).status).toBe(403);

    await handOverLeadership(t.db, { userId: lead.user.id }, { initiativeId: initiative.id, fromActorId: leadActor.id, toActorId: supporterActor.id, afterwards: "colead" });
    const twice = await outcome(await manage(initiative.slug, lead.cookie, { intent: "handOver", fromActorId: leadActor.id, toActorId: supporterActor.id, afterwards: "supporter" }));
    expect(twice.headers.get("Location")).toContain("handover=alreadyLead");
    expect((await participationRows(t.db, initiative.id)).map((r) => [r.actorId, r.role]).sort()).toEqual(
      before.map((r) => [r.actorId, r.actorId === supporterActor.id ? "lead" : r.role]).sort(),
    );
  });
});

describe("an actor nobody represents any more", () => {
  it("is not offered, and a handover to it is refused, changing nothing: the initiative would have no one to manage it", async () => {
    // An organisation of its own (the States are shared by every test of this file).
    const { initiative, leadActor, lead } = await ledInitiative(t.db);
    const supporterActor = await createActor(t.db);
    const supporter = await createRepresentative(t.db, supporterActor);
    await participateWithHistory(t.db, supporterActor, initiative);
    // The supporter's only representative's account is disabled; another actor's request to be
    // represented still waits for review.
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, supporter.user.id));
    const unreviewed = await createActor(t.db);
    await participateWithHistory(t.db, unreviewed, initiative);
    await createAffiliation(t.db, lead.user, unreviewed, { status: "pending" });
    const before = await participationRows(t.db, initiative.id);

    const page = await callLoader(manageRoute.loader, `/initiatives/${initiative.slug}/manage`, { db: t.db, params: { slug: initiative.slug }, headers: { Cookie: lead.cookie } });
    expect(page.handoverTo).toEqual([]);
    for (const toActorId of [supporterActor.id, unreviewed.id]) {
      const res = await outcome(await manage(initiative.slug, lead.cookie, { intent: "handOver", fromActorId: leadActor.id, toActorId, afterwards: "supporter" }));
      expect(res.headers.get("Location")).toContain("handover=noRepresentative");
    }
    expect(await participationRows(t.db, initiative.id)).toEqual(before);
    expect(await auditActions(t.db, initiative.id)).not.toContain("initiative.hand_over");
  });
});

describe("at the same moment", () => {
  it("two handovers by the same lead to different actors: one wins, the other changes nothing", async () => {
    const { initiative, leadActor, lead, supporterActor } = await cast();
    const third = await createActor(t.db);
    await createRepresentative(t.db, third);
    await participateWithHistory(t.db, third, initiative);
    const results = await Promise.all(
      [supporterActor.id, third.id].map((toActorId) =>
        handOverLeadership(t.db, { userId: lead.user.id }, { initiativeId: initiative.id, fromActorId: leadActor.id, toActorId, afterwards: "supporter" }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const leads = await leadsOf(initiative.id);
    expect(leads).toHaveLength(1);
    expect([supporterActor.id, third.id]).toContain(leads[0]);
    expect((await eventRows(t.db, initiative.id)).filter((e) => e.kind === "lead_added")).toHaveLength(1);
  });

  it("a handover while the chosen actor withdraws: the initiative keeps a lead either way", async () => {
    const { initiative, leadActor, lead, supporterActor, supporter } = await cast();
    const [handover, withdrawal] = await Promise.all([
      handOverLeadership(t.db, { userId: lead.user.id }, { initiativeId: initiative.id, fromActorId: leadActor.id, toActorId: supporterActor.id, afterwards: "supporter" }),
      withdrawFromInitiative(t.db, { userId: supporter.user.id }, { actorId: supporterActor.id, initiativeId: initiative.id }),
    ]);
    // Handover first: the new lead is the last one and cannot leave. Withdrawal first: nothing to hand over to.
    expect([handover.ok, withdrawal.ok].filter(Boolean)).toHaveLength(1);
    expect(await leadsOf(initiative.id)).toEqual(handover.ok ? [supporterActor.id] : [leadActor.id]);
  });
});
