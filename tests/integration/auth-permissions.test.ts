// Acting for an actor or leading an initiative is decided next to the data: the guard looks
// up this user's approved affiliation to this actor, never a flag the browser sends.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { can, requireInitiativeLead, requireRepresentative } from "~/auth/permissions.server";
import { actors, affiliations, initiatives, participations, type User } from "~/db/schema";
import { createUser, startSession } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { routeArgs, thrownOutcome } from "../support/remix";

const t = useTestDatabase();
let france: string;
let germany: string;
let initiativeLedByFrance: string;
let initiativeLedByGermany: string;

beforeAll(async () => {
  const states = await t.db
    .select({ id: actors.id, code: actors.countryCode })
    .from(actors)
    .where(and(eq(actors.kind, "state"), inArray(actors.countryCode, ["FRA", "DEU"])));
  france = states.find((s) => s.code === "FRA")?.id ?? "";
  germany = states.find((s) => s.code === "DEU")?.id ?? "";
  const made = await t.db
    .insert(initiatives)
    .values([
      { slug: "led-by-france", title: "Led by France", summary: "A test initiative", axis: "reform", theme: "gender", status: "active" },
      { slug: "led-by-germany", title: "Led by Germany", summary: "Another test initiative", axis: "reform", theme: "cyber", status: "active" },
    ])
    .returning({ id: initiatives.id, slug: initiatives.slug });
  initiativeLedByFrance = made.find((i) => i.slug === "led-by-france")?.id ?? "";
  initiativeLedByGermany = made.find((i) => i.slug === "led-by-germany")?.id ?? "";
  await t.db.insert(participations).values([
    { actorId: france, initiativeId: initiativeLedByFrance, role: "lead", status: "active" },
    { actorId: germany, initiativeId: initiativeLedByGermany, role: "lead", status: "active" },
    { actorId: france, initiativeId: initiativeLedByGermany, role: "supporter", status: "active" },
  ]);
});

async function memberOf(
  actorId: string,
  status: "pending" | "approved" | "rejected" | "revoked",
  role: "focal_point" | "delegate" = "focal_point",
): Promise<{ user: User; cookie: string }> {
  const user = await createUser(t.db);
  await t.db.insert(affiliations).values({ userId: user.id, actorId, role, status });
  return { user, cookie: (await startSession(t.db, user)).cookie };
}

const args = (cookie?: string) => routeArgs("/actors/x", { db: t.db, headers: cookie ? { Cookie: cookie } : {} });

describe("requireRepresentative", () => {
  it("lets in a member whose affiliation to that actor was approved", async () => {
    const { user, cookie } = await memberOf(france, "approved");
    expect(await requireRepresentative(args(cookie), france)).toMatchObject({ id: user.id });
  });

  it("refuses with 403 a representative of another actor", async () => {
    const { cookie } = await memberOf(france, "approved");
    expect((await thrownOutcome(requireRepresentative(args(cookie), germany))).status).toBe(403);
  });

  it("refuses with 403 while the affiliation is pending, and once it is rejected or revoked", async () => {
    for (const status of ["pending", "rejected", "revoked"] as const) {
      const { cookie } = await memberOf(germany, status);
      expect((await thrownOutcome(requireRepresentative(args(cookie), germany))).status, status).toBe(403);
    }
  });

  it("sends a visitor to sign in", async () => {
    expect((await thrownOutcome(requireRepresentative(args(), france))).headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("lets a delegate act for the actor, but keeps what is asked of the focal point to the focal point", async () => {
    const { user, cookie } = await memberOf(france, "approved", "delegate");
    expect(await requireRepresentative(args(cookie), france)).toMatchObject({ id: user.id });
    expect((await thrownOutcome(requireRepresentative(args(cookie), france, { role: "focal_point" }))).status).toBe(403);
    const focal = await memberOf(france, "approved", "focal_point");
    expect(await requireRepresentative(args(focal.cookie), france, { role: "focal_point" })).toMatchObject({ id: focal.user.id });
  });

  it("answers a malformed actor id with the same 403 as somebody else's actor", async () => {
    const { cookie } = await memberOf(france, "approved");
    for (const id of ["not-a-uuid", `${france}x`, "' or 1=1 --"]) {
      expect((await thrownOutcome(requireRepresentative(args(cookie), id))).status, id).toBe(403);
    }
  });

  it("refuses with 403 a representative of an actor the secretariat suspended, and lets them in again once reinstated", async () => {
    const [ngo] = await t.db
      .insert(actors)
      .values({ kind: "ngo", name: "Suspended Friends", status: "approved" })
      .returning({ id: actors.id });
    const ngoId = ngo?.id ?? "";
    const { cookie } = await memberOf(ngoId, "approved");
    await t.db.update(actors).set({ status: "suspended" }).where(eq(actors.id, ngoId));
    expect((await thrownOutcome(requireRepresentative(args(cookie), ngoId))).status).toBe(403);
    await t.db.update(actors).set({ status: "approved" }).where(eq(actors.id, ngoId));
    expect(await requireRepresentative(args(cookie), ngoId)).toBeTruthy();
  });
});

describe("requireInitiativeLead", () => {
  it("lets in a representative of the leading actor", async () => {
    const { user, cookie } = await memberOf(france, "approved");
    expect(await requireInitiativeLead(args(cookie), initiativeLedByFrance)).toMatchObject({ id: user.id });
  });

  it("refuses with 403 a representative of a mere supporter", async () => {
    const { cookie } = await memberOf(france, "approved");
    expect((await thrownOutcome(requireInitiativeLead(args(cookie), initiativeLedByGermany))).status).toBe(403);
  });

  it("refuses with 403 once the lead has withdrawn", async () => {
    // Its own initiative and actor: the shared ones stay as the other tests expect them.
    const [withdrawing] = await t.db.insert(actors).values({ kind: "ngo", name: "Withdrawing Lead", status: "approved" }).returning({ id: actors.id });
    const [initiative] = await t.db
      .insert(initiatives)
      .values({ slug: "lead-withdraws", title: "Lead withdraws", summary: "A test initiative", axis: "reform", theme: "other", status: "active" })
      .returning({ id: initiatives.id });
    const actorId = withdrawing?.id ?? "";
    const initiativeId = initiative?.id ?? "";
    await t.db.insert(participations).values({ actorId, initiativeId, role: "lead", status: "active" });
    const { user, cookie } = await memberOf(actorId, "approved");
    expect(await requireInitiativeLead(args(cookie), initiativeId)).toMatchObject({ id: user.id });
    await t.db
      .update(participations)
      .set({ status: "withdrawn" })
      .where(and(eq(participations.initiativeId, initiativeId), eq(participations.actorId, actorId)));
    expect((await thrownOutcome(requireInitiativeLead(args(cookie), initiativeId))).status).toBe(403);
  });

  it("refuses with 403 a pending member of the leading actor", async () => {
    const { cookie } = await memberOf(france, "pending");
    expect((await thrownOutcome(requireInitiativeLead(args(cookie), initiativeLedByFrance))).status).toBe(403);
  });
});

describe("can (what the pages show)", () => {
  const member = { role: "member" as const, emailVerified: true };
  it("shows acting for an actor only to its representatives", () => {
    expect(can(member, "represent", { actorId: "a", representedActorIds: ["a"] })).toBe(true);
    expect(can(member, "represent", { actorId: "b", representedActorIds: ["a"] })).toBe(false);
    expect(can(member, "propose:initiative", { actorId: "a" })).toBe(false);
  });

  it("shows review to staff, staff management to admins, and nothing to the unverified or signed out", () => {
    expect(can({ role: "secretariat", emailVerified: true }, "review")).toBe(true);
    expect(can({ role: "secretariat", emailVerified: true }, "manage:staff")).toBe(false);
    expect(can({ role: "admin", emailVerified: true }, "manage:staff")).toBe(true);
    expect(can(member, "review")).toBe(false);
    expect(can({ role: "admin", emailVerified: false }, "review")).toBe(false);
    expect(can(null, "read:audit")).toBe(false);
  });
});
