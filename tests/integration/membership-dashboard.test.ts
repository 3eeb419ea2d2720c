// The member's side once they have applied: where they stand, answering the secretariat, and
// what an approved representative may do for their actor. Rights follow status on every request;
// another actor's id in the URL or the form is a 403.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actors, affiliations, auditEvents } from "~/db/schema";
import { answerInformationRequest, getNextStep } from "~/domain/membership/dashboard.server";
import { localeCookie } from "~/i18n/i18next.server";
import * as actorPage from "~/routes/dashboard.actors.$id";
import * as dashboardPage from "~/routes/dashboard._index";
import { createUser } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { createActor, createAffiliation, createMember, createRepresentative, stateActor } from "../support/directory";
import { callAction, callLoader, outcome, thrownOutcome } from "../support/remix";

const t = useTestDatabase();
const origin = { ip: "192.0.2.1", userAgent: "test" };

const managePath = (id: string) => `/dashboard/actors/${id}`;
const loadActorPage = (actorId: string, cookie: string) =>
  callLoader(actorPage.loader, managePath(actorId), { db: t.db, params: { id: actorId }, headers: { Cookie: cookie } });
const postActorPage = (actorId: string, cookie: string, form: Record<string, string>) =>
  callAction(actorPage.action, managePath(actorId), { db: t.db, params: { id: actorId }, headers: { Cookie: cookie }, form });

describe("the next step", () => {
  it("goes apply → waiting since the date → answer the secretariat → approved", async () => {
    const user = await createUser(t.db);
    expect(await getNextStep(t.db, user.id, "en")).toEqual({ kind: "apply" });

    const germany = await stateActor(t.db, "DEU");
    const since = new Date("2026-11-20T09:00:00Z");
    const affiliation = await createAffiliation(t.db, user, germany, { status: "pending", createdAt: since });
    expect(await getNextStep(t.db, user.id, "fr")).toEqual({ kind: "waiting", since });

    const asked = new Date("2026-11-22T09:00:00Z");
    await t.db.update(affiliations).set({ infoRequestedAt: asked, infoRequest: "Which directorate?" }).where(eq(affiliations.id, affiliation.id));
    expect(await getNextStep(t.db, user.id, "fr")).toEqual({ kind: "answer", since: asked });

    await t.db.update(affiliations).set({ status: "approved" }).where(eq(affiliations.id, affiliation.id));
    expect(await getNextStep(t.db, user.id, "fr")).toEqual({ kind: "approved", actors: [{ id: germany.id, name: "Allemagne" }] });
  });

  it("on the dashboard, shows the reason of a rejection beside the new application", async () => {
    const { user, cookie } = await createMember(t.db);
    const chile = await stateActor(t.db, "CHL");
    await createAffiliation(t.db, user, chile, { status: "rejected", reviewReason: "Please use your ministry address", createdAt: new Date("2026-10-01") });
    await createAffiliation(t.db, user, chile, { status: "pending" });
    const page = await callLoader(dashboardPage.loader, "/dashboard", { db: t.db, headers: { Cookie: cookie, "Accept-Language": "en" } });
    expect(page.affiliations.map((a) => [a.status, a.reviewReason])).toEqual([
      ["pending", null],
      ["rejected", "Please use your ministry address"],
    ]);
    expect(page.step.kind).toBe("waiting");
  });

  it("on the dashboard, applies the profile's language when the browser never chose one", async () => {
    const { cookie } = await createMember(t.db, { locale: "fr" });
    const reply = await thrownOutcome(callLoader(dashboardPage.loader, "/dashboard", { db: t.db, headers: { Cookie: cookie, "Accept-Language": "en" } }));
    expect(reply.status).toBe(302);
    expect(await localeCookie.parse(reply.headers.get("Set-Cookie"))).toBe("fr");
    // A language chosen in this browser is kept.
    const chosen = (await localeCookie.serialize("es")).split(";")[0];
    const kept = await callLoader(dashboardPage.loader, "/dashboard", { db: t.db, headers: { Cookie: `${cookie}; ${chosen}` } });
    expect(kept.title).toMatch(/^Su panel/);
  });
});

describe("answering a request for information", () => {
  it("is possible while the secretariat waits, once, and the item stays pending", async () => {
    const user = await createUser(t.db);
    const org = await createActor(t.db);
    const affiliation = await createAffiliation(t.db, user, org, { status: "pending", infoRequestedAt: new Date(), infoRequest: "Your mandate?" });
    expect(await answerInformationRequest(t.db, user.id, { type: "affiliation", id: affiliation.id }, "Signed by the director.", origin)).toEqual({ ok: true });
    const [row] = await t.db.select().from(affiliations).where(eq(affiliations.id, affiliation.id));
    expect(row).toMatchObject({ status: "pending", infoResponse: "Signed by the director." });
    expect(await answerInformationRequest(t.db, user.id, { type: "affiliation", id: affiliation.id }, "Again", origin)).toEqual({
      ok: false,
      reason: "notAwaitingAnswer",
    });
    expect(await t.db.$count(auditEvents, eq(auditEvents.subjectId, affiliation.id))).toBe(1);
  });

  it("answers for a registered organisation too, by the person who registered it", async () => {
    const user = await createUser(t.db);
    const org = await createActor(t.db, { status: "pending", createdByUserId: user.id, infoRequestedAt: new Date(), infoRequest: "Statutes?" });
    await createAffiliation(t.db, user, org, { status: "pending" });
    expect(await answerInformationRequest(t.db, user.id, { type: "actor", id: org.id }, "Attached to our website.", origin)).toEqual({ ok: true });
    const [row] = await t.db.select().from(actors).where(eq(actors.id, org.id));
    expect(row?.infoResponse).toBe("Attached to our website.");
  });

  it("through the page: another person's application is a 403, and nothing changes", async () => {
    const owner = await createUser(t.db);
    const org = await createActor(t.db);
    const affiliation = await createAffiliation(t.db, owner, org, { status: "pending", infoRequestedAt: new Date(), infoRequest: "Why?" });
    const { cookie } = await createMember(t.db);
    const refused = await thrownOutcome(
      callAction(dashboardPage.action, "/dashboard", { db: t.db, headers: { Cookie: cookie }, form: { intent: "answer", subject: "affiliation", id: affiliation.id, response: "Hijacked" } }),
    );
    expect(refused.status).toBe(403);
    const [row] = await t.db.select().from(affiliations).where(eq(affiliations.id, affiliation.id));
    expect(row?.infoResponse).toBeNull();
  });

  it("through the page: an empty answer is a field error", async () => {
    const { user, cookie } = await createMember(t.db);
    const affiliation = await createAffiliation(t.db, user, await createActor(t.db), { status: "pending", infoRequestedAt: new Date(), infoRequest: "Why?" });
    const reply = await outcome(
      await callAction(dashboardPage.action, "/dashboard", { db: t.db, headers: { Cookie: cookie }, form: { intent: "answer", subject: "affiliation", id: affiliation.id, response: " " } }),
    );
    expect((reply.data as { result: { error: Record<string, string[]> } }).result.error.response).toEqual(["errors.required"]);
  });
});

describe("rights follow status", () => {
  it("lets an approved representative of an approved actor in, and no one else: pending, rejected, revoked, suspended, another actor", async () => {
    const org = await createActor(t.db);
    const other = await createActor(t.db);
    const approved = await createRepresentative(t.db, org);
    expect((await loadActorPage(org.id, approved.cookie)).actor.id).toBe(org.id);
    // Tampering with the id in the URL: another actor, or not an id at all.
    expect((await thrownOutcome(loadActorPage(other.id, approved.cookie))).status).toBe(403);
    expect((await thrownOutcome(loadActorPage("not-a-uuid", approved.cookie))).status).toBe(403);

    for (const status of ["pending", "rejected", "revoked"] as const) {
      const member = await createRepresentative(t.db, org, { status });
      expect((await thrownOutcome(loadActorPage(org.id, member.cookie))).status, status).toBe(403);
    }

    // Revocation and suspension count from the next request, with the same session.
    await t.db.update(affiliations).set({ status: "revoked" }).where(eq(affiliations.id, approved.affiliation.id));
    expect((await thrownOutcome(loadActorPage(org.id, approved.cookie))).status).toBe(403);
    const colleague = await createRepresentative(t.db, org);
    await t.db.update(actors).set({ status: "suspended" }).where(eq(actors.id, org.id));
    expect((await thrownOutcome(loadActorPage(org.id, colleague.cookie))).status).toBe(403);
  });

  it("shows colleagues' emails to those who share the actor, never to anyone else", async () => {
    const org = await createActor(t.db);
    const focal = await createRepresentative(t.db, org, {}, { email: "focal@shared.example" });
    const delegate = await createRepresentative(t.db, org, { role: "delegate" }, { email: "delegate@shared.example" });
    await createRepresentative(t.db, org, { status: "pending" }, { email: "applicant@shared.example" });
    const page = await loadActorPage(org.id, focal.cookie);
    expect(page.colleagues.map((c) => c.email)).toEqual(["delegate@shared.example"]);
    expect((await loadActorPage(org.id, delegate.cookie)).colleagues.map((c) => c.email)).toEqual(["focal@shared.example"]);
    const outsider = await createRepresentative(t.db, await createActor(t.db));
    expect((await thrownOutcome(loadActorPage(org.id, outsider.cookie))).status).toBe(403);
  });
});

describe("asking the secretariat to revoke a colleague", () => {
  it("is a focal point's request, recorded with its reason and audited; the colleague stays approved until staff decide", async () => {
    const org = await createActor(t.db);
    const focal = await createRepresentative(t.db, org);
    const leaver = await createRepresentative(t.db, org, { role: "delegate" });
    const reply = await outcome(await postActorPage(org.id, focal.cookie, { intent: "request-revocation", affiliationId: leaver.affiliation.id, reason: "Left the ministry in October" }));
    expect(reply.headers.get("Location")).toBe(`${managePath(org.id)}?notice=revocationRequested`);
    const [row] = await t.db.select().from(affiliations).where(eq(affiliations.id, leaver.affiliation.id));
    expect(row).toMatchObject({ status: "approved", revocationRequestReason: "Left the ministry in October", revocationRequestedByUserId: focal.user.id });
    expect(await t.db.$count(auditEvents, eq(auditEvents.action, "affiliation.revocation_requested"))).toBeGreaterThanOrEqual(1);
  });

  it("refuses with 403 a delegate, and an affiliation id of another actor slipped into the form", async () => {
    const org = await createActor(t.db);
    const otherOrg = await createActor(t.db);
    const focal = await createRepresentative(t.db, org);
    const delegate = await createRepresentative(t.db, org, { role: "delegate" });
    const stranger = await createRepresentative(t.db, otherOrg, { role: "delegate" });
    const form = (id: string) => ({ intent: "request-revocation", affiliationId: id, reason: "No longer in post" });
    expect((await thrownOutcome(postActorPage(org.id, delegate.cookie, form(focal.affiliation.id)))).status).toBe(403);
    expect((await thrownOutcome(postActorPage(org.id, focal.cookie, form(stranger.affiliation.id)))).status).toBe(403);
    // Nor with the other actor's id in the URL.
    expect((await thrownOutcome(postActorPage(otherOrg.id, focal.cookie, form(stranger.affiliation.id)))).status).toBe(403);
    const rows = await t.db.select().from(affiliations).where(eq(affiliations.id, stranger.affiliation.id));
    expect(rows[0]?.revocationRequestedAt).toBeNull();
  });
});

describe("editing the actor's public profile", () => {
  it("lets a focal point change an organisation's profile, with before and after in the audit log", async () => {
    const org = await createActor(t.db, { name: "Old Name Institute" });
    const focal = await createRepresentative(t.db, org);
    const reply = await outcome(
      await postActorPage(org.id, focal.cookie, { intent: "profile", name: "New Name Institute", shortName: "NNI", website: "https://nni.example", description: "We research." }),
    );
    expect(reply.status).toBe(302);
    const [row] = await t.db.select().from(actors).where(eq(actors.id, org.id));
    expect(row).toMatchObject({ name: "New Name Institute", shortName: "NNI", website: "https://nni.example", description: "We research." });
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, org.id));
    expect(audit?.data).toMatchObject({ before: { name: "Old Name Institute" }, after: { name: "New Name Institute" } });
  });

  it("never renames a State: its name is reference data", async () => {
    const spain = await stateActor(t.db, "ESP");
    const focal = await createRepresentative(t.db, spain);
    await postActorPage(spain.id, focal.cookie, { intent: "profile", name: "Renamed", description: "Kingdom of Spain." });
    const [row] = await t.db.select().from(actors).where(eq(actors.id, spain.id));
    expect(row).toMatchObject({ name: spain.name, description: "Kingdom of Spain." });
  });

  it("refuses a delegate (403) and a bad website (field error), changing nothing", async () => {
    const org = await createActor(t.db, { name: "Steady Name Council" });
    const focal = await createRepresentative(t.db, org);
    const delegate = await createRepresentative(t.db, org, { role: "delegate" });
    expect((await thrownOutcome(postActorPage(org.id, delegate.cookie, { intent: "profile", name: "Taken Over" }))).status).toBe(403);
    const bad = await outcome(await postActorPage(org.id, focal.cookie, { intent: "profile", name: "Steady Name Council", website: "ftp://files.example" }));
    expect((bad.data as { result: { error: Record<string, string[]> } }).result.error.website).toEqual(["errors.websiteInvalid"]);
    const [row] = await t.db.select().from(actors).where(eq(actors.id, org.id));
    expect(row).toMatchObject({ name: "Steady Name Council", website: null });
  });
});
