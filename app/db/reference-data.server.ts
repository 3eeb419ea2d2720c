// UN member and observer states, from the maintained `world-countries` package (names,
// ISO codes, UN regional group). Loaded at every start-up: an upsert, so it is idempotent
// and picks up corrections when the package is updated.
import worldCountries from "world-countries";
import { sql } from "drizzle-orm";
import type { Executor } from "./client.server";
import { actors, countries } from "./schema";

type CountryRow = typeof countries.$inferInsert;

const REGIONAL_GROUPS: Record<string, NonNullable<CountryRow["unRegionalGroup"]>> = {
  "African Group": "african",
  "Asia and the Pacific Group": "asia_pacific",
  "Eastern European Group": "eastern_european",
  "Latin American and Caribbean Group": "latin_american_caribbean",
  "Western European and Others Group": "western_european_others",
};

// The two non-member observer states. The package marks the Holy See as a member; it is not.
const OBSERVER_STATES = new Set(["VAT", "PSE"]);

export function unStates(): CountryRow[] {
  return worldCountries
    .filter((c) => (c.unMember && !OBSERVER_STATES.has(c.cca3)) || OBSERVER_STATES.has(c.cca3))
    .map((c) => ({
      iso3: c.cca3,
      iso2: c.cca2,
      numericCode: c.ccn3,
      nameEn: c.name.common,
      nameFr: c.translations.fra?.common ?? c.name.common,
      nameEs: c.translations.spa?.common ?? c.name.common,
      unStatus: OBSERVER_STATES.has(c.cca3) ? ("observer" as const) : ("member" as const),
      unRegionalGroup: OBSERVER_STATES.has(c.cca3) ? null : (REGIONAL_GROUPS[c.unRegionalGroup] ?? null),
    }))
    .sort((a, b) => a.iso3.localeCompare(b.iso3));
}

/** Every UN state exists as a country row and as an approved state actor with no representatives. */
export async function loadReferenceData(db: Executor): Promise<void> {
  const rows = unStates();
  await db.transaction(async (tx) => {
    await tx
      .insert(countries)
      .values(rows)
      .onConflictDoUpdate({
        target: countries.iso3,
        set: {
          iso2: sql`excluded.iso2`,
          numericCode: sql`excluded.numeric_code`,
          nameEn: sql`excluded.name_en`,
          nameFr: sql`excluded.name_fr`,
          nameEs: sql`excluded.name_es`,
          unStatus: sql`excluded.un_status`,
          unRegionalGroup: sql`excluded.un_regional_group`,
        },
      });
    await tx
      .insert(actors)
      .values(rows.map((r) => ({ kind: "state" as const, name: r.nameEn, countryCode: r.iso3, status: "approved" as const })))
      .onConflictDoNothing({ target: actors.countryCode, where: sql`kind = 'state'` });
  });
}
