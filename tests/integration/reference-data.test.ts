// Every database starts with the UN's member and observer states (see app/db/reference-data.server.ts).
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadReferenceData } from "~/db/reference-data.server";
import { actors, countries } from "~/db/schema";
import { listenForPublicChanges } from "../../server/invalidation";
import { useTestDatabase } from "../support/db";

const t = useTestDatabase();

async function country(iso3: string) {
  const [row] = await t.db.select().from(countries).where(eq(countries.iso3, iso3));
  if (!row) throw new Error(`no country ${iso3}`);
  return row;
}

describe("reference data", () => {
  it("holds the 193 member states and the 2 observer states", async () => {
    const byStatus = await t.db
      .select({ status: countries.unStatus, count: sql<number>`count(*)::int` })
      .from(countries)
      .groupBy(countries.unStatus);
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r.count]))).toEqual({ member: 193, observer: 2 });

    const observers = await t.db.select({ iso3: countries.iso3 }).from(countries).where(eq(countries.unStatus, "observer"));
    expect(observers.map((r) => r.iso3).sort()).toEqual(["PSE", "VAT"]);
  });

  it("names each state in English, French and Spanish", async () => {
    expect(await country("DEU")).toMatchObject({ nameEn: "Germany", nameFr: "Allemagne", nameEs: "Alemania" });
    expect(await country("FRA")).toMatchObject({ nameEn: "France", nameFr: "France", nameEs: "Francia" });
    const missing = await t.db
      .select({ iso3: countries.iso3 })
      .from(countries)
      .where(sql`trim(${countries.nameEn}) = '' or trim(${countries.nameFr}) = '' or trim(${countries.nameEs}) = ''`);
    expect(missing).toEqual([]);
  });

  it("keeps the ISO codes", async () => {
    expect(await country("FRA")).toMatchObject({ iso2: "FR", numericCode: "250" });
    expect(await country("GHA")).toMatchObject({ iso2: "GH", numericCode: "288" });
  });

  it("places member states in their UN regional group", async () => {
    expect((await country("FRA")).unRegionalGroup).toBe("western_european_others");
    expect((await country("GHA")).unRegionalGroup).toBe("african");
    expect((await country("SGP")).unRegionalGroup).toBe("asia_pacific");
    expect((await country("CHL")).unRegionalGroup).toBe("latin_american_caribbean");
    expect((await country("POL")).unRegionalGroup).toBe("eastern_european");
    const ungrouped = await t.db
      .select({ iso3: countries.iso3 })
      .from(countries)
      .where(and(eq(countries.unStatus, "member"), sql`${countries.unRegionalGroup} is null`));
    expect(ungrouped).toEqual([]);
  });

  it("makes every state an approved actor with no one to represent it yet", async () => {
    const states = await t.db
      .select({ status: actors.status, count: sql<number>`count(*)::int` })
      .from(actors)
      .where(eq(actors.kind, "state"))
      .groupBy(actors.status);
    expect(states).toEqual([{ status: "approved", count: 195 }]);
  });

  it("can be loaded again without duplicating anything", async () => {
    await loadReferenceData(t.db);
    await loadReferenceData(t.db);
    expect(await t.db.$count(countries)).toBe(195);
    expect(await t.db.$count(actors, eq(actors.kind, "state"))).toBe(195);
  });

  // Countries and actors are public tables: any statement on them tells every instance to forget
  // its cached pages. Rewriting the reference data at each start-up did that whenever an instance
  // started, to all the others.
  it("writes nothing at a start-up that finds it in place, and mends a row that differs", async () => {
    const heard: string[] = [];
    const unlisten = await listenForPublicChanges(t.handle, (table) => heard.push(table));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    try {
      await loadReferenceData(t.db);
      await settle();
      expect(heard).toEqual([]);

      await t.db.update(countries).set({ nameFr: "Allemagne (ancien nom)" }).where(eq(countries.iso3, "DEU"));
      await t.db.update(actors).set({ name: "Federal Republic" }).where(and(eq(actors.kind, "state"), eq(actors.countryCode, "DEU")));
      await settle();
      heard.length = 0;
      await loadReferenceData(t.db);
      await settle();
      expect(heard).toEqual(expect.arrayContaining(["countries", "actors"]));
      expect(await country("DEU")).toMatchObject({ nameFr: "Allemagne" });
      const [germany] = await t.db.select({ name: actors.name }).from(actors).where(and(eq(actors.kind, "state"), eq(actors.countryCode, "DEU")));
      expect(germany?.name).toBe("Germany");
    } finally {
      await unlisten();
    }
  });
});
