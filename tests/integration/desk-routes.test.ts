// The desk's pages as staff, members and visitors reach them: each decision through the review
// pages' actions, allowed for secretariat and admin, refused to everyone else, with field errors
// in the reader's language for a missing reason.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actors, affiliations } from "~/db/schema";
import * as actorReview from "~/routes/secretariat.actors.$id";
import * as actorQueue from "~/routes/secretariat.actors._index";
import * as affiliationReview from "~/routes/secretariat.affiliations.$id";
import * as affiliationQueue from "~/routes/secretariat.affiliations._index";
import * as audit from "~/routes/secretariat.audit";
import * as desk from "~/routes/secretariat._index";
import { createUser } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { createActor, createAffiliation, createInitiative, createMember, stateActor } from "../support/directory";
import { callAction, callLoader, outcome, thrownOutcome } from "../support/remix";

const t = useTestDatabase();

async function signedIn(role: "member" | "secretariat" | "admin") {
  return createMember(t.db, { role });
}

async function claim(iso3: string) {
  const applicant = await createUser(t.db);
  const affiliation = await createAffiliation(t.db, applicant, await stateActor(t.db, iso3), { status: "pending" });
  return { applicant, affiliation };
}

const decideAffiliation = (cookie: string | undefined, id: string, form: Record<string, string>) =>
  callAction(affiliationReview.action, `/secretariat/affiliations/${id}`, { db: t.db, params: { id }, headers: cookie ? { Cookie: cookie } : {}, form });
const decideActor = (cookie: string | undefined, id: string, form: Record<string, string>) =>
  callAction(actorReview.action, `/secretariat/actors/${id}`, { db: t.db, params: { id }, headers: cookie ? { Cookie: cookie } : {}, form });

const statusOf = async (id: string) => (await t.db.select({ s: affiliations.status }).from(affiliations).where(eq(affiliations.id, id)))[0]?.s;
const actorStatusOf = async (id: string) => (await t.db.select({ s: actors.status }).from(actors).where(eq(actors.id, id)))[0]?.s;

describe("decisions through the review pages", () => {
  for (const role of ["secretariat", "admin"] as const) {
    it(`${role}: approves, rejects with a reason, asks for information, revokes`, async () => {
      const staff = await signedIn(role);
      const a = await claim("FRA");
      const approved = await outcome(await decideAffiliation(staff.cookie, a.affiliation.id, { intent: "approve" }));
      expect(approved.status).toBe(302);
      expect(approved.headers.get("Location")).toBe(`/secretariat/affiliations/${a.affiliation.id}?decided=approve`);
      expect(await statusOf(a.affiliation.id)).toBe("approved");

      const b = await claim("DEU");
      await decideAffiliation(staff.cookie, b.affiliation.id, { intent: "requestInfo", reason: "Your letter of appointment?" });
      expect(await statusOf(b.affiliation.id)).toBe("pending");
      await decideAffiliation(staff.cookie, b.affiliation.id, { intent: "reject", reason: "No letter" });
      expect(await statusOf(b.affiliation.id)).toBe("rejected");

      await decideAffiliation(staff.cookie, a.affiliation.id, { intent: "revoke", reason: "Left the ministry" });
      expect(await statusOf(a.affiliation.id)).toBe("revoked");
    });

    it(`${role}: approves or rejects an organisation, suspends and reinstates an actor`, async () => {
      const staff = await signedIn(role);
      const registrant = await createUser(t.db);
      const ngo = await createActor(t.db, { status: "pending", createdByUserId: registrant.id });
      await createAffiliation(t.db, registrant, ngo, { status: "pending" });
      await decideActor(staff.cookie, ngo.id, { intent: "approve" });
      expect(await actorStatusOf(ngo.id)).toBe("approved");
      await decideActor(staff.cookie, ngo.id, { intent: "suspend", reason: "Misuse of the logo" });
      expect(await actorStatusOf(ngo.id)).toBe("suspended");
      await decideActor(staff.cookie, ngo.id, { intent: "reinstate" });
      expect(await actorStatusOf(ngo.id)).toBe("approved");
      const other = await createActor(t.db, { status: "pending" });
      await decideActor(staff.cookie, other.id, { intent: "reject", reason: "Not an organisation" });
      expect(await actorStatusOf(other.id)).toBe("rejected");
    });
  }

  it("refuses every decision to a member (403) and to a visitor (sign-in), changing nothing", async () => {
    const member = await signedIn("member");
    const { affiliation } = await claim("ITA");
    const ngo = await createActor(t.db, { status: "pending" });
    for (const intent of ["approve", "reject", "requestInfo"]) {
      expect((await thrownOutcome(decideAffiliation(member.cookie, affiliation.id, { intent, reason: "x" }))).status).toBe(403);
      expect((await thrownOutcome(decideActor(member.cookie, ngo.id, { intent, reason: "x" }))).status).toBe(403);
      const visitor = await thrownOutcome(decideAffiliation(undefined, affiliation.id, { intent, reason: "x" }));
      expect(visitor.headers.get("Location")).toMatch(/^\/login\?/);
    }
    expect(await statusOf(affiliation.id)).toBe("pending");
    expect(await actorStatusOf(ngo.id)).toBe("pending");
  });

  it("a missing reason is a field error in the reader's language, and nothing changes", async () => {
    const staff = await signedIn("secretariat");
    const { affiliation } = await claim("ESP");
    const reply = await outcome(
      await callAction(affiliationReview.action, `/secretariat/affiliations/${affiliation.id}`, {
        db: t.db,
        params: { id: affiliation.id },
        headers: { Cookie: staff.cookie, "Accept-Language": "fr" },
        form: { intent: "reject", reason: "   " },
      }),
    );
    expect(reply.status).toBe(400);
    expect(reply.data).toMatchObject({ intent: "reject", result: { error: { reason: ["errors.reasonRequired"] } } });
    expect(await statusOf(affiliation.id)).toBe("pending");
  });

  it("the second of two decisions is told the item was already decided (409)", async () => {
    const [first, second] = [await signedIn("secretariat"), await signedIn("admin")];
    const { affiliation } = await claim("PRT");
    await decideAffiliation(first.cookie, affiliation.id, { intent: "approve" });
    const late = await outcome(await decideAffiliation(second.cookie, affiliation.id, { intent: "reject", reason: "Too late" }));
    expect(late.status).toBe(409);
    expect(late.data).toMatchObject({ result: { error: { "": ["errors.alreadyDecided"] } } });
    expect(await statusOf(affiliation.id)).toBe("approved");
  });

  it("a staff member's own application is refused to them and offered no decision", async () => {
    const staff = await signedIn("secretariat");
    const own = await createAffiliation(t.db, staff.user, await stateActor(t.db, "BEL"), { status: "pending" });
    const page = await callLoader(affiliationReview.loader, `/secretariat/affiliations/${own.id}`, { db: t.db, params: { id: own.id }, headers: { Cookie: staff.cookie } });
    expect(page.ownApplication).toBe(true);
    const refused = await outcome(await decideAffiliation(staff.cookie, own.id, { intent: "approve" }));
    expect(refused.data).toMatchObject({ result: { error: { "": ["errors.ownApplication"] } } });
    expect(await statusOf(own.id)).toBe("pending");
  });

  it("an unknown or malformed id is 404", async () => {
    const staff = await signedIn("secretariat");
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect((await thrownOutcome(decideAffiliation(staff.cookie, id, { intent: "approve" }))).status).toBe(404);
      expect((await thrownOutcome(callLoader(actorReview.loader, `/secretariat/actors/${id}`, { db: t.db, params: { id }, headers: { Cookie: staff.cookie } }))).status).toBe(404);
    }
  });
});

describe("the desk's pages", () => {
  it("queues list pending items oldest first, filtered by kind and UN regional group, in keyset pages", async () => {
    const staff = await signedIn("secretariat");
    const start = Date.parse("2020-01-01T00:00:00Z");
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const actor = await createActor(t.db, { status: "pending", name: `Queue NGO ${i}`, countryCode: i % 2 ? "KEN" : "FRA", createdAt: new Date(start + i * 60_000) });
      ids.push(actor.id);
    }
    const first = await callLoader(actorQueue.loader, "/secretariat/actors", { db: t.db, headers: { Cookie: staff.cookie } });
    expect(first.items.slice(0, 3).map((i) => i.id)).toEqual(ids.slice(0, 3));
    expect(first.items).toHaveLength(25);
    expect(first.newer).not.toBeNull();
    const second = await callLoader(actorQueue.loader, `/secretariat/actors?after=${encodeURIComponent(first.newer!)}`, { db: t.db, headers: { Cookie: staff.cookie } });
    expect(second.items.slice(0, 5).map((i) => i.id)).toEqual(ids.slice(25));
    const back = await callLoader(actorQueue.loader, `/secretariat/actors?before=${encodeURIComponent(second.older!)}`, { db: t.db, headers: { Cookie: staff.cookie } });
    expect(back.items.map((i) => i.id)).toEqual(ids.slice(0, 25));

    const african = await callLoader(actorQueue.loader, "/secretariat/actors?region=african", { db: t.db, headers: { Cookie: staff.cookie } });
    expect(african.total).toBe(15);
    expect(african.items.every((i) => i.countryName === "Kenya")).toBe(true);
    const igos = await callLoader(actorQueue.loader, "/secretariat/actors?kind=international_organization", { db: t.db, headers: { Cookie: staff.cookie } });
    expect(igos.total).toBe(0);
  });

  it("the affiliation queue leaves out a registration's own application (decided with the organisation)", async () => {
    const staff = await signedIn("secretariat");
    const { affiliation } = await claim("JPN");
    const registrant = await createUser(t.db);
    const pendingNgo = await createActor(t.db, { status: "pending", createdByUserId: registrant.id });
    const withNgo = await createAffiliation(t.db, registrant, pendingNgo, { status: "pending" });
    const queue = await callLoader(affiliationQueue.loader, "/secretariat/affiliations?region=asia_pacific", { db: t.db, headers: { Cookie: staff.cookie } });
    const listed = queue.items.map((i) => i.id);
    expect(listed).toContain(affiliation.id);
    expect(listed).not.toContain(withNgo.id);
  });

  it("the desk's figures count what waits and what was decided this month", async () => {
    const staff = await signedIn("secretariat");
    const before = await callLoader(desk.loader, "/secretariat", { db: t.db, headers: { Cookie: staff.cookie } });
    const { affiliation } = await claim("CAN");
    await decideAffiliation(staff.cookie, affiliation.id, { intent: "approve" });
    await claim("MEX");
    const after = await callLoader(desk.loader, "/secretariat", { db: t.db, headers: { Cookie: staff.cookie } });
    expect(after.figures.pendingAffiliations).toBe(before.figures.pendingAffiliations + 1);
    expect(after.figures.decisionsThisMonth).toBe(before.figures.decisionsThisMonth + 1);
    expect(after.figures.medianDaysToDecision).not.toBeNull();
    expect(after.oldestDays).not.toBeNull();
  });

  it("the desk counts the proposed initiatives waiting for review, beside the other queues", async () => {
    const staff = await signedIn("secretariat");
    const before = await callLoader(desk.loader, "/secretariat", { db: t.db, headers: { Cookie: staff.cookie } });
    await createInitiative(t.db, { status: "submitted" });
    await createInitiative(t.db, { status: "active" });
    const after = await callLoader(desk.loader, "/secretariat", { db: t.db, headers: { Cookie: staff.cookie } });
    expect(after.proposals).toBe(before.proposals + 1);
  });

  it("the audit log shows who decided what, filtered by person, action, actor and date", async () => {
    const staff = await signedIn("secretariat");
    const { applicant, affiliation } = await claim("NOR");
    await decideAffiliation(staff.cookie, affiliation.id, { intent: "reject", reason: "Wrong ministry" });
    const byApplicant = await callLoader(audit.loader, `/secretariat/audit?user=${encodeURIComponent(applicant.email)}`, { db: t.db, headers: { Cookie: staff.cookie } });
    expect(byApplicant.items).toHaveLength(1);
    expect(byApplicant.items[0]).toMatchObject({ action: "affiliation.rejected", authorName: staff.user.name, concernedEmail: applicant.email });
    const norway = await stateActor(t.db, "NOR");
    const byActor = await callLoader(audit.loader, `/secretariat/audit?actor=${norway.id}&action=affiliation.rejected`, { db: t.db, headers: { Cookie: staff.cookie } });
    expect(byActor.items.map((i) => i.subjectId)).toEqual([affiliation.id]);
    const past = await callLoader(audit.loader, `/secretariat/audit?user=${encodeURIComponent(applicant.email)}&to=2020-01-01`, { db: t.db, headers: { Cookie: staff.cookie } });
    expect(past.items).toEqual([]);
    const wrong = await callLoader(audit.loader, "/secretariat/audit?from=2026-02-01&to=2026-01-01", { db: t.db, headers: { Cookie: staff.cookie } });
    expect(wrong.result?.error).toMatchObject({ to: ["errors.dateOrder"] });
  });
});
