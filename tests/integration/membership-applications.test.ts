// The applicant's transitions, allowed and refused: claiming a State, registering an
// organisation (near-duplicates first, never twice pending), joining an approved one.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actors, affiliations, auditEvents } from "~/db/schema";
import { listPublicActors } from "~/domain/actors.server";
import { claimState, joinActor, registerOrganisation } from "~/domain/membership/applications.server";
import { actorListQuery } from "~/domain/public-query";
import * as applyPage from "~/routes/affiliations.new";
import { createUser } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { createActor, createAffiliation, createMember, stateActor } from "../support/directory";
import { callAction, callLoader, outcome, thrownOutcome } from "../support/remix";

const t = useTestDatabase();
const origin = { ip: "192.0.2.1", userAgent: "test" };

const stateClaim = (stateCode: string) =>
  ({
    intent: "state",
    stateCode,
    role: "focal_point",
    title: "Deputy Director",
    ministryOrMission: "Ministry for Europe and Foreign Affairs",
    officialEmail: "focal@diplomatie.gouv.fr",
  }) as const;

const organisation = (name: string, extra: Record<string, string> = {}) =>
  ({
    intent: "organisation",
    kind: "ngo",
    name,
    description: "Works for the rule of law.",
    motivation: "To support the humanitarian law initiatives.",
    title: "Director",
    officialEmail: "director@example.org",
    ...extra,
  }) as const;

const rowsOf = (userId: string) => t.db.select().from(affiliations).where(eq(affiliations.userId, userId));

describe("claiming a State", () => {
  it("attaches a pending affiliation to the State's existing actor, with an audit row", async () => {
    const user = await createUser(t.db);
    const france = await stateActor(t.db, "FRA");
    const result = await claimState(t.db, user.id, stateClaim("FRA"), origin);
    expect(result).toMatchObject({ ok: true, actorId: france.id });
    const [row] = await rowsOf(user.id);
    expect(row).toMatchObject({ status: "pending", role: "focal_point", actorId: france.id, ministryOrMission: "Ministry for Europe and Foreign Affairs" });
    const audit = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "affiliation.requested"), eq(auditEvents.subjectId, row!.id)));
    expect(audit).toHaveLength(1);
    // A State is claimed, never created: still exactly one actor for France.
    expect(await t.db.$count(actors, and(eq(actors.kind, "state"), eq(actors.countryCode, "FRA")))).toBe(1);
  });

  it("refuses a second open request for the same State, but lets a rejected applicant apply again beside the old one", async () => {
    const user = await createUser(t.db);
    expect((await claimState(t.db, user.id, stateClaim("DEU"), origin)).ok).toBe(true);
    expect(await claimState(t.db, user.id, stateClaim("DEU"), origin)).toEqual({ ok: false, reason: "alreadyOpen" });
    expect(await rowsOf(user.id)).toHaveLength(1);

    await t.db.update(affiliations).set({ status: "rejected", reviewReason: "Unknown to the ministry" }).where(eq(affiliations.userId, user.id));
    expect((await claimState(t.db, user.id, stateClaim("DEU"), origin)).ok).toBe(true);
    const rows = await rowsOf(user.id);
    expect(rows.map((r) => r.status).sort()).toEqual(["pending", "rejected"]);
    expect(rows.find((r) => r.status === "rejected")?.reviewReason).toBe("Unknown to the ministry");
  });

  it("refuses a State that does not exist, and stores nothing", async () => {
    const user = await createUser(t.db);
    expect(await claimState(t.db, user.id, stateClaim("ZZZ"), origin)).toEqual({ ok: false, reason: "unknownState" });
    expect(await rowsOf(user.id)).toHaveLength(0);
  });

  it("through the page: missing fields get errors in the form and change nothing; an unknown code is a field error", async () => {
    const { user, cookie } = await createMember(t.db);
    const bad = await outcome(await callAction(applyPage.action, "/affiliations/new", { db: t.db, headers: { Cookie: cookie }, form: { intent: "state", stateCode: "FRA" } }));
    const error = (bad.data as { result: { error: Record<string, string[]> } }).result.error;
    expect(error).toMatchObject({ role: ["errors.required"], title: ["errors.required"], officialEmail: ["errors.required"] });
    const unknown = await outcome(await callAction(applyPage.action, "/affiliations/new", { db: t.db, headers: { Cookie: cookie }, form: stateClaim("ZZZ") }));
    expect((unknown.data as { result: { error: Record<string, string[]> } }).result.error.stateCode).toEqual(["errors.unknownState"]);
    expect(await rowsOf(user.id)).toHaveLength(0);

    const sent = await outcome(await callAction(applyPage.action, "/affiliations/new", { db: t.db, headers: { Cookie: cookie }, form: stateClaim("ESP") }));
    expect(sent).toMatchObject({ status: 302 });
    expect(sent.headers.get("Location")).toBe("/dashboard?notice=applied");
  });

  it("through the page: offers the 195 States named in the reader's language", async () => {
    const { cookie } = await createMember(t.db);
    const page = await callLoader(applyPage.loader, "/affiliations/new?path=state", { db: t.db, headers: { Cookie: cookie, "Accept-Language": "fr" } });
    expect(page.states).toHaveLength(195);
    expect(page.states.find((s) => s.code === "DEU")?.name).toBe("Allemagne");
  });

  it("is for verified members only", async () => {
    const visitor = await thrownOutcome(callLoader(applyPage.loader, "/affiliations/new", { db: t.db }));
    expect(visitor.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    const { cookie } = await createMember(t.db, { verified: false });
    const unverified = await thrownOutcome(callAction(applyPage.action, "/affiliations/new", { db: t.db, headers: { Cookie: cookie }, form: stateClaim("FRA") }));
    expect(unverified.headers.get("Location")).toBe("/verify-email");
  });
});

describe("registering an organisation", () => {
  it("first shows near-duplicates of existing actors and stores nothing; confirming the name registers it", async () => {
    await createActor(t.db, { name: "International Committee for Peace Law", shortName: "ICPL" });
    const user = await createUser(t.db);
    const input = registerOrganisationInput("International Comittee for Peace Laws");
    const first = await registerOrganisation(t.db, user.id, input, "en", origin);
    expect(first).toMatchObject({ ok: false, reason: "possibleDuplicates" });
    expect(first.ok ? [] : "candidates" in first ? first.candidates.map((c) => c.name) : []).toContain("International Committee for Peace Law");
    expect(await rowsOf(user.id)).toHaveLength(0);

    const confirmed = await registerOrganisation(t.db, user.id, { ...input, confirmedName: input.name }, "en", origin);
    expect(confirmed.ok).toBe(true);
    const [actor] = await t.db.select().from(actors).where(eq(actors.name, input.name));
    expect(actor).toMatchObject({ status: "pending", kind: "ngo", createdByUserId: user.id, motivation: input.motivation });
    expect(await rowsOf(user.id)).toMatchObject([{ status: "pending", role: "focal_point", actorId: actor!.id }]);
  });

  it("is not public while pending: not in the directory, the API list or its page", async () => {
    const user = await createUser(t.db);
    const input = registerOrganisationInput("Quiet Waters Foundation");
    const result = await registerOrganisation(t.db, user.id, { ...input, confirmedName: input.name }, "en", origin);
    expect(result.ok).toBe(true);
    const everyone = await listPublicActors(t.db, actorListQuery.parse({ q: "Quiet Waters", scope: "all" }), "en");
    expect(everyone.total).toBe(0);
  });

  it("cannot be pending twice under the same name, even when two people register it at the same moment", async () => {
    const [a, b] = [await createUser(t.db), await createUser(t.db)];
    const input = { ...registerOrganisationInput("Twin Registrations Network"), confirmedName: "Twin Registrations Network" };
    const results = await Promise.all([
      registerOrganisation(t.db, a.id, input, "en", origin),
      registerOrganisation(t.db, b.id, { ...input, name: "twin registrations  network", confirmedName: "twin registrations  network" }, "en", origin),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: "alreadyPending" });
    expect(await t.db.$count(actors, eq(actors.status, "pending"))).toBeGreaterThanOrEqual(1);
    const loser = results[0]!.ok ? b : a;
    expect(await rowsOf(loser.id)).toHaveLength(0);
  });

  it("through the page: the first submission shows candidates, the confirmed one redirects to the dashboard", async () => {
    await createActor(t.db, { name: "Global Coalition for Clean Oceans" });
    const { user, cookie } = await createMember(t.db);
    const form = organisation("Global Coalition for Clean Ocean");
    const first = await outcome(await callAction(applyPage.action, "/affiliations/new", { db: t.db, headers: { Cookie: cookie }, form }));
    expect((first.data as { candidates: { name: string }[] }).candidates.map((c) => c.name)).toContain("Global Coalition for Clean Oceans");
    const second = await outcome(await callAction(applyPage.action, "/affiliations/new", { db: t.db, headers: { Cookie: cookie }, form: { ...form, confirmedName: form.name } }));
    expect(second.headers.get("Location")).toBe("/dashboard?notice=registered");
    expect(await rowsOf(user.id)).toHaveLength(1);
  });

  it("through the page: an 'other' actor needs its category, and a website must be a web address", async () => {
    const { user, cookie } = await createMember(t.db);
    const reply = await outcome(
      await callAction(applyPage.action, "/affiliations/new", {
        db: t.db,
        headers: { Cookie: cookie },
        form: organisation("Some Think Tank", { kind: "other", website: "javascript:alert(1)" }),
      }),
    );
    expect((reply.data as { result: { error: Record<string, string[]> } }).result.error).toMatchObject({
      category: ["errors.categoryRequired"],
      website: ["errors.websiteInvalid"],
    });
    expect(await rowsOf(user.id)).toHaveLength(0);
  });
});

describe("joining an existing organisation", () => {
  it("asks to join an approved organisation (pending)", async () => {
    const org = await createActor(t.db);
    const user = await createUser(t.db);
    expect((await joinActor(t.db, user.id, joinInput(org.id), origin)).ok).toBe(true);
    expect(await rowsOf(user.id)).toMatchObject([{ status: "pending", actorId: org.id, role: "delegate" }]);
  });

  it("refuses an organisation that is pending, suspended or a State (States have their own path), and a made-up id", async () => {
    const user = await createUser(t.db);
    const pending = await createActor(t.db, { status: "pending" });
    const suspended = await createActor(t.db, { status: "suspended" });
    const france = await stateActor(t.db, "FRA");
    for (const id of [pending.id, suspended.id, france.id, "00000000-0000-4000-8000-000000000000"]) {
      expect(await joinActor(t.db, user.id, joinInput(id), origin)).toEqual({ ok: false, reason: "unknownActor" });
    }
    expect(await rowsOf(user.id)).toHaveLength(0);
  });

  it("refuses a second open request, including while already approved", async () => {
    const org = await createActor(t.db);
    const user = await createUser(t.db);
    await createAffiliation(t.db, user, org, { status: "approved" });
    expect(await joinActor(t.db, user.id, joinInput(org.id), origin)).toEqual({ ok: false, reason: "alreadyOpen" });
  });

  it("through the page: searches approved organisations only", async () => {
    await createActor(t.db, { name: "Searchable Partners Forum" });
    await createActor(t.db, { name: "Searchable Pending Forum", status: "pending" });
    const { cookie } = await createMember(t.db);
    const page = await callLoader(applyPage.loader, "/affiliations/new?path=join&q=searchable", { db: t.db, headers: { Cookie: cookie } });
    expect(page.joinable.map((a) => a.name)).toEqual(["Searchable Partners Forum"]);
  });
});

function registerOrganisationInput(name: string) {
  return {
    intent: "organisation" as const,
    kind: "ngo" as const,
    name,
    description: "Works for the rule of law.",
    motivation: "To support the humanitarian law initiatives.",
    title: "Director",
    officialEmail: "director@example.org",
  };
}

function joinInput(actorId: string) {
  return { intent: "join" as const, actorId, role: "delegate" as const, title: "Programme officer", officialEmail: "officer@example.org" };
}
