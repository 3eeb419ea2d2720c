// The test machinery itself: each file's database is fresh, migrated and holds the reference
// states; separate databases do not see each other; loaders and actions run without HTTP.
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { countries, users } from "~/db/schema";
import { action as chooseLanguage } from "~/routes/language";
import { loader as initiativesPage } from "~/routes/initiatives._index";
import { loader as initiativesApi } from "~/routes/api.v1.initiatives._index";
import { createTestDatabase, queryRows, useTestDatabase } from "../support/db";
import { callAction, callLoader, outcome, thrownOutcome } from "../support/remix";

const t = useTestDatabase();

describe("a test database", () => {
  it("has every migration applied and the reference states loaded", async () => {
    const journal = JSON.parse(fs.readFileSync("drizzle/meta/_journal.json", "utf8")) as { entries: unknown[] };
    const applied = await queryRows<{ count: number }>(t.db, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    expect(applied).toEqual([{ count: journal.entries.length }]);
    expect(await t.db.$count(countries)).toBe(195);
  });

  // Opening another copy takes a few seconds on PGlite.
  it("is its own: rows written in this file's database are not in another", { timeout: 60_000 }, async () => {
    await t.db.insert(users).values({ email: "only-here@example.org", name: "Only here" });
    const other = await createTestDatabase();
    try {
      expect(await other.db.$count(users)).toBe(0);
      expect(await t.db.$count(users)).toBe(1);
    } finally {
      await other.destroy();
    }
  });
});

describe("route helpers", () => {
  it("call a loader with the database in its context", async () => {
    const result = await outcome(await callLoader(initiativesApi, "/api/v1/initiatives?axis=reform", { db: t.db }));
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ data: [], total: 0, page: 1 });
  });

  it("report what a loader throws", async () => {
    const refused = await thrownOutcome(callLoader(initiativesPage, "/initiatives?axis=planets", { db: t.db }));
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ invalidParams: ["axis"] });
  });

  it("post a form to an action", async () => {
    const result = await outcome(await callAction(chooseLanguage, "/language", { db: t.db, form: { lng: "es", redirectTo: "/actors" } }));
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe("/actors");
    expect(result.headers.get("Set-Cookie")).toMatch(/^lng=/);
  });
});
