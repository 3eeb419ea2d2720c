// The rules the database itself enforces, whatever the application code does.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actors, affiliations, auditEvents, initiatives, meetings, participations, users } from "~/db/schema";
import { useTestDatabase } from "../support/db";

const t = useTestDatabase();

/** The SQLSTATE of a failed statement, whichever driver (postgres.js, PGlite) reported it. */
async function sqlState(statement: Promise<unknown>): Promise<string | undefined> {
  try {
    await statement;
  } catch (error) {
    for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    }
    throw error;
  }
  throw new Error("the statement succeeded");
}

const UNIQUE_VIOLATION = "23505";
const CHECK_VIOLATION = "23514";
const INSUFFICIENT_PRIVILEGE = "42501";

let counter = 0;
async function newUser(email = `user${++counter}@example.org`) {
  const [user] = await t.db.insert(users).values({ email, name: "Test User" }).returning();
  return user!;
}
async function newOrganisation(name = `Organisation ${++counter}`) {
  const [actor] = await t.db.insert(actors).values({ kind: "ngo", name, status: "approved" }).returning();
  return actor!;
}
async function newInitiative(title = `Initiative ${++counter}`, summary = "A summary.") {
  const [initiative] = await t.db
    .insert(initiatives)
    .values({ slug: `initiative-${++counter}`, title, summary, axis: "reform", theme: "other", status: "active" })
    .returning();
  return initiative!;
}

describe("audit events", () => {
  it("accepts new events but refuses UPDATE, DELETE and TRUNCATE", async () => {
    const [event] = await t.db
      .insert(auditEvents)
      .values({ action: "test.recorded", subjectType: "test", data: { after: { ok: true } } })
      .returning();
    expect(event!.id).toBeGreaterThan(0);

    expect(await sqlState(t.db.update(auditEvents).set({ action: "test.rewritten" }).where(eq(auditEvents.id, event!.id)))).toBe(
      INSUFFICIENT_PRIVILEGE,
    );
    expect(await sqlState(t.db.delete(auditEvents).where(eq(auditEvents.id, event!.id)))).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await sqlState(t.db.execute(sql`truncate audit_events`))).toBe(INSUFFICIENT_PRIVILEGE);

    const [kept] = await t.db.select().from(auditEvents).where(eq(auditEvents.id, event!.id));
    expect(kept!.action).toBe("test.recorded");
  });
});

describe("participations", () => {
  it("allow one row per actor and initiative", async () => {
    const actor = await newOrganisation();
    const initiative = await newInitiative();
    await t.db.insert(participations).values({ actorId: actor.id, initiativeId: initiative.id });
    expect(
      await sqlState(t.db.insert(participations).values({ actorId: actor.id, initiativeId: initiative.id, role: "lead" })),
    ).toBe(UNIQUE_VIOLATION);
  });

  it("let one actor join several initiatives, each with its own row", async () => {
    const actor = await newOrganisation();
    const first = await newInitiative();
    const second = await newInitiative();
    await t.db.insert(participations).values([
      { actorId: actor.id, initiativeId: first.id },
      { actorId: actor.id, initiativeId: second.id },
    ]);
    expect(await t.db.$count(participations, eq(participations.actorId, actor.id))).toBe(2);
  });
});

describe("state actors", () => {
  it("exist once per ISO code", async () => {
    expect(
      await sqlState(t.db.insert(actors).values({ kind: "state", name: "Another France", countryCode: "FRA" })),
    ).toBe(UNIQUE_VIOLATION);
  });

  it("need a country", async () => {
    expect(await sqlState(t.db.insert(actors).values({ kind: "state", name: "Nowhere" }))).toBe(CHECK_VIOLATION);
  });

  it("do not stop organisations from sharing a headquarters country", async () => {
    await t.db.insert(actors).values([
      { kind: "ngo", name: "Paris NGO", countryCode: "FRA" },
      { kind: "international_organization", name: "Paris IO", countryCode: "FRA" },
    ]);
  });
});

describe("users", () => {
  it("have an email address unique whatever its case", async () => {
    await newUser("Alice@X.org");
    expect(await sqlState(t.db.insert(users).values({ email: "alice@x.org", name: "Alice again" }))).toBe(UNIQUE_VIOLATION);
  });
});

describe("affiliations", () => {
  it("allow one open (pending or approved) per user and actor, and keep closed ones beside the next", async () => {
    const user = await newUser();
    const actor = await newOrganisation();
    const [first] = await t.db.insert(affiliations).values({ userId: user.id, actorId: actor.id }).returning();
    expect(
      await sqlState(t.db.insert(affiliations).values({ userId: user.id, actorId: actor.id, role: "focal_point" })),
    ).toBe(UNIQUE_VIOLATION);

    await t.db.update(affiliations).set({ status: "rejected", reviewReason: "Unknown to the ministry" }).where(eq(affiliations.id, first!.id));
    await t.db.insert(affiliations).values({ userId: user.id, actorId: actor.id, status: "approved" });
    expect(await sqlState(t.db.insert(affiliations).values({ userId: user.id, actorId: actor.id }))).toBe(UNIQUE_VIOLATION);

    const rows = await t.db.select({ status: affiliations.status }).from(affiliations).where(eq(affiliations.userId, user.id));
    expect(rows.map((r) => r.status).sort()).toEqual(["approved", "rejected"]);
  });
});

describe("actors", () => {
  it("cannot be pending twice under the same name, whatever its case and spacing", async () => {
    await t.db.insert(actors).values({ kind: "ngo", name: "Friends of  the Charter", status: "pending" });
    expect(await sqlState(t.db.insert(actors).values({ kind: "other", category: "academia", name: " friends of the charter", status: "pending" }))).toBe(
      UNIQUE_VIOLATION,
    );
    // An approved or rejected namesake does not block a pending registration.
    await t.db.insert(actors).values({ kind: "ngo", name: "Friends of the Charter", status: "rejected" });
  });

  it("are found by trigram similarity of their names (pg_trgm)", async () => {
    await newOrganisation("International Crisis Network");
    const rows = await t.db
      .select({ name: actors.name })
      .from(actors)
      .where(sql`lower(${actors.name}) % lower(${"Internatonal Crisis Netwrk"})`);
    expect(rows.map((r) => r.name)).toContain("International Crisis Network");
  });
});

describe("meetings", () => {
  it("end after they start", async () => {
    const initiative = await newInitiative();
    const startsAt = new Date("2020-06-26T14:00:00Z");
    expect(
      await sqlState(t.db.insert(meetings).values({ initiativeId: initiative.id, title: "Backwards", startsAt, endsAt: startsAt })),
    ).toBe(CHECK_VIOLATION);
    await t.db
      .insert(meetings)
      .values({ initiativeId: initiative.id, title: "Forwards", startsAt, endsAt: new Date("2020-06-26T16:00:00Z") });
  });
});

describe("initiative search", () => {
  it("matches words of the title and summary, not other initiatives", async () => {
    const cyber = await newInitiative("Trust and Security in Cyberspace", "Nine principles for a safer internet.");
    await newInitiative("Climate and Security", "Rising seas and conflict.");

    const byTitle = await t.db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(sql`${initiatives.search} @@ websearch_to_tsquery('simple', 'cyberspace')`);
    expect(byTitle.map((r) => r.id)).toEqual([cyber.id]);

    const bySummary = await t.db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(sql`${initiatives.search} @@ websearch_to_tsquery('simple', 'principles internet')`);
    expect(bySummary.map((r) => r.id)).toEqual([cyber.id]);
  });

  it("keeps the search column in step with edits", async () => {
    const initiative = await newInitiative("Placeholder title");
    await t.db.update(initiatives).set({ title: "Lethal autonomous weapons" }).where(eq(initiatives.id, initiative.id));
    const found = await t.db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(sql`${initiatives.search} @@ websearch_to_tsquery('simple', 'autonomous')`);
    expect(found.map((r) => r.id)).toEqual([initiative.id]);
  });
});
