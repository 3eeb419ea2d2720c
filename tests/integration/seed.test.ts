// What the demo promises to a first-time visitor and to the people who try each role.
import { and, count, eq, gt, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { passwordProblem } from "~/auth/password-policy.server";
import { verifyPassword } from "~/auth/password.server";
import { actors, affiliations, initiatives, meetings, participations, users } from "~/db/schema";
import { DEMO_USERS } from "~/db/seed/demo-content";
import { seedDemoData, type DemoAccount } from "~/db/seed/demo.server";
import { useTestDatabase } from "../support/db";

const CO_CHAIRS = ["FRA", "DEU", "CAN", "CHL", "GHA", "MEX", "SGP"];
const GENDER_PILOTS = ["BFA", "TCD", "MLI", "MRT", "MOZ", "NER", "NGA", "SLE"];
const ALLIANCE_2019 = {
  "humanitarian-call-for-action": "international_law",
  "paris-call-for-trust-and-security-in-cyberspace": "new_governance",
  "international-partnership-for-information-and-democracy": "new_governance",
  "climate-and-security": "new_governance",
  "gender-at-the-centre": "reform",
  "lethal-autonomous-weapons-systems": "international_law",
} as const;

const t = useTestDatabase();
let accounts: DemoAccount[];

beforeAll(async () => {
  ({ accounts } = await seedDemoData(t.db));
});

async function stateId(iso3: string): Promise<string> {
  const [row] = await t.db
    .select({ id: actors.id })
    .from(actors)
    .where(and(eq(actors.kind, "state"), eq(actors.countryCode, iso3)));
  if (!row) throw new Error(`no state ${iso3}`);
  return row.id;
}

async function initiativeBySlug(slug: string) {
  const [row] = await t.db.select().from(initiatives).where(eq(initiatives.slug, slug));
  if (!row) throw new Error(`no initiative ${slug}`);
  return row;
}

async function participantCodes(slug: string, role: "lead" | "supporter"): Promise<string[]> {
  const initiative = await initiativeBySlug(slug);
  const rows = await t.db
    .select({ code: actors.countryCode })
    .from(participations)
    .innerJoin(actors, eq(actors.id, participations.actorId))
    .where(
      and(
        eq(participations.initiativeId, initiative.id),
        eq(participations.role, role),
        eq(participations.status, "active"),
        eq(actors.kind, "state"),
      ),
    );
  return rows.map((r) => r.code ?? "").sort();
}

describe("demo data", () => {
  it("has the six initiatives of 2019, active, each on its axis", async () => {
    const rows = await t.db
      .select({ slug: initiatives.slug, axis: initiatives.axis, status: initiatives.status })
      .from(initiatives)
      .where(inArray(initiatives.slug, Object.keys(ALLIANCE_2019)));
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.status).toBe("active");
      expect(row.axis).toBe(ALLIANCE_2019[row.slug as keyof typeof ALLIANCE_2019]);
    }
    expect((await initiativeBySlug("paris-call-for-trust-and-security-in-cyberspace")).launchedOn).toBe("2018-11-12");
    expect((await initiativeBySlug("gender-at-the-centre")).launchedOn).toBe("2019-07-05");
  });

  it("makes every co-chair of 2019 the lead of at least one active initiative", async () => {
    const leads = await t.db
      .selectDistinct({ code: actors.countryCode })
      .from(participations)
      .innerJoin(actors, eq(actors.id, participations.actorId))
      .innerJoin(initiatives, eq(initiatives.id, participations.initiativeId))
      .where(and(eq(participations.role, "lead"), eq(participations.status, "active"), eq(initiatives.status, "active")));
    expect(leads.map((l) => l.code)).toEqual(expect.arrayContaining(CO_CHAIRS));
  });

  it("has Germany and Nauru lead climate and security and the eight pilot countries support Gender at the Centre", async () => {
    expect(await participantCodes("climate-and-security", "lead")).toEqual(["DEU", "NRU"]);
    expect(await participantCodes("gender-at-the-centre", "supporter")).toEqual(expect.arrayContaining(GENDER_PILOTS));
  });

  it("gives organisations of every kind, and only approved ones take part", async () => {
    const kinds = await t.db
      .selectDistinct({ kind: actors.kind, category: actors.category })
      .from(actors)
      .where(eq(actors.status, "approved"));
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(["state", "international_organization", "regional_organization", "ngo", "other"]));
    expect(new Set(kinds.flatMap((k) => (k.category ? [k.category] : [])))).toEqual(
      new Set(["academia", "private_sector", "local_government", "foundation"]),
    );
    const unapproved = await t.db
      .select({ n: count() })
      .from(participations)
      .innerJoin(actors, eq(actors.id, participations.actorId))
      .where(sql`${actors.status} <> 'approved'`);
    expect(unapproved[0]?.n).toBe(0);
  });

  it("keeps support to one initiative from spilling over: Nauru supports climate and security only", async () => {
    const nauru = await stateId("NRU");
    const rows = await t.db
      .select({ slug: initiatives.slug })
      .from(participations)
      .innerJoin(initiatives, eq(initiatives.id, participations.initiativeId))
      .where(eq(participations.actorId, nauru));
    expect(rows.map((r) => r.slug)).toEqual(["climate-and-security"]);
  });

  it("holds items for review that the public must not see", async () => {
    const statuses = await t.db.select({ status: initiatives.status }).from(initiatives);
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining(["submitted", "closed"]));
    const pendingOrgs = await t.db.select({ name: actors.name }).from(actors).where(eq(actors.status, "pending"));
    expect(pendingOrgs).toHaveLength(1);
    const pendingAffiliations = await t.db.select({ id: affiliations.id }).from(affiliations).where(eq(affiliations.status, "pending"));
    expect(pendingAffiliations).toHaveLength(1);
  });

  it("schedules past meetings and upcoming ones", async () => {
    const [upcoming] = await t.db
      .select({ n: count() })
      .from(meetings)
      .where(gt(meetings.startsAt, new Date("2026-11-28T00:00:00Z")));
    const [all] = await t.db.select({ n: count() }).from(meetings);
    expect(upcoming?.n).toBeGreaterThanOrEqual(2);
    expect((all?.n ?? 0) - (upcoming?.n ?? 0)).toBeGreaterThanOrEqual(5);
  });
});

describe("demo accounts", () => {
  it("offers one verified account per role, each signing in with its printed password", async () => {
    expect(new Set(accounts.map((a) => a.role))).toEqual(new Set(["admin", "secretariat", "member"]));
    for (const account of accounts) {
      expect(passwordProblem(account.password, { email: account.email, name: DEMO_USERS.find((demo) => demo.email === account.email)?.name })).toBeNull();
      const [user] = await t.db.select().from(users).where(eq(users.email, account.email));
      expect(user?.role).toBe(account.role);
      expect(user?.emailVerifiedAt).toBeInstanceOf(Date);
      expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(user?.passwordHash ?? "", account.password)).toBe(true);
      expect(await verifyPassword(user?.passwordHash ?? "", `${account.password}x`)).toBe(false);
    }
  });

  it("lets the focal point represent France and the NGO representative Reporters Without Borders", async () => {
    const rows = await t.db
      .select({ email: users.email, role: affiliations.role, status: affiliations.status, actor: actors.name })
      .from(affiliations)
      .innerJoin(users, eq(users.id, affiliations.userId))
      .innerJoin(actors, eq(actors.id, affiliations.actorId))
      .where(eq(affiliations.status, "approved"));
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: "France", role: "focal_point" }),
        expect.objectContaining({ actor: "Reporters Without Borders" }),
      ]),
    );
  });
});

describe("seeding again", () => {
  it("adds nothing and returns the same accounts", async () => {
    const tables = [users, actors, affiliations, initiatives, participations, meetings] as const;
    const before = await Promise.all(tables.map(async (table) => (await t.db.select({ n: count() }).from(table))[0]?.n));
    const again = await seedDemoData(t.db);
    const after = await Promise.all(tables.map(async (table) => (await t.db.select({ n: count() }).from(table))[0]?.n));
    expect(after).toEqual(before);
    expect(again.accounts).toEqual(accounts);
  });
});
