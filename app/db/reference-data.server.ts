// UN member and observer states, from the maintained `world-countries` package (ISO codes,
// UN regional group, common names and spellings) with the UN's own short names laid over it
// (./un-names.ts). Checked at every start-up: what differs is upserted, so it is idempotent and
// picks up corrections when the package or the table is updated.
import worldCountries from "world-countries";
import { sql } from "drizzle-orm";
import { foldForSearch } from "~/domain/folding";
import type { Executor } from "./client.server";
import { actors, countries } from "./schema";
import { EXTRA_ALIASES, UN_SHORT_NAMES } from "./un-names";

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
    .map((c) => {
      const un = UN_SHORT_NAMES[c.cca3];
      const nameEn = un?.en ?? c.name.common;
      const nameFr = un?.fr ?? c.translations.fra?.common ?? c.name.common;
      const nameEs = un?.es ?? c.translations.spa?.common ?? c.name.common;
      // Every name a visitor may type: the UN's, the package's common and official names in
      // the three languages, its other spellings, and our own few aliases.
      const spellings = [
        nameEn,
        nameFr,
        nameEs,
        c.name.common,
        c.name.official,
        c.translations.fra?.common,
        c.translations.fra?.official,
        c.translations.spa?.common,
        c.translations.spa?.official,
        ...c.altSpellings,
        ...(EXTRA_ALIASES[c.cca3] ?? []),
      ];
      return {
        iso3: c.cca3,
        iso2: c.cca2,
        numericCode: c.ccn3,
        nameEn,
        nameFr,
        nameEs,
        unStatus: OBSERVER_STATES.has(c.cca3) ? ("observer" as const) : ("member" as const),
        unRegionalGroup: OBSERVER_STATES.has(c.cca3) ? null : (REGIONAL_GROUPS[c.unRegionalGroup] ?? null),
        searchKey: searchKey(spellings),
      };
    })
    .sort((a, b) => a.iso3.localeCompare(b.iso3));
}

/** Folded, distinct names joined by "|", so a search never matches across two names. */
export function searchKey(spellings: readonly (string | undefined)[]): string {
  const folded = spellings.filter((s): s is string => Boolean(s)).map(foldForSearch);
  return `|${[...new Set(folded)].join("|")}|`;
}

const COUNTRY_FIELDS = ["iso2", "numericCode", "nameEn", "nameFr", "nameEs", "unStatus", "unRegionalGroup", "searchKey"] as const;

/**
 * Every UN state exists as a country row and as an approved state actor with no representatives.
 * Only what differs from the stored rows is written, and nothing when nothing differs: countries
 * and actors are public tables whose statement triggers NOTIFY every instance to forget its cached
 * pages (drizzle/0008), so rewriting the 195 rows at each start-up emptied the page cache of every
 * running instance whenever one of them started (and left 195 dead rows behind).
 */
export async function loadReferenceData(db: Executor): Promise<void> {
  const rows = unStates();
  await db.transaction(async (tx) => {
    const [storedCountries, storedStates] = await Promise.all([
      tx.select().from(countries),
      tx.select({ countryCode: actors.countryCode, name: actors.name }).from(actors).where(sql`${actors.kind} = 'state'`),
    ]);
    const countryByIso3 = new Map(storedCountries.map((row) => [row.iso3, row]));
    const stateName = new Map(storedStates.map((row) => [row.countryCode, row.name]));
    const changedCountries = rows.filter((row) => {
      const stored = countryByIso3.get(row.iso3);
      return !stored || COUNTRY_FIELDS.some((field) => (stored[field] ?? null) !== (row[field] ?? null));
    });
    const changedStates = rows.filter((row) => stateName.get(row.iso3) !== row.nameEn);
    if (changedCountries.length > 0) {
      await tx
        .insert(countries)
        .values(changedCountries)
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
            searchKey: sql`excluded.search_key`,
          },
        });
    }
    // A state's own name follows the UN's English name (emails, exports and the audit log use
    // it); nothing else of the actor row is touched, and only when the name actually changes.
    if (changedStates.length > 0) {
      await tx
        .insert(actors)
        .values(changedStates.map((r) => ({ kind: "state" as const, name: r.nameEn, countryCode: r.iso3, status: "approved" as const })))
        .onConflictDoUpdate({
          target: actors.countryCode,
          targetWhere: sql`kind = 'state'`,
          set: { name: sql`excluded.name` },
          setWhere: sql`${actors.name} is distinct from excluded.name`,
        });
    }
  });
}
