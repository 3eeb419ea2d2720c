// Public reads of the actor directory: approved actors only, names in the visitor's language.
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, countries, initiatives, participations, type Locale } from "~/db/schema";
import { visitorTranslation } from "./coalitions/translations.server";
import { PAGE_SIZE, type ActorListQuery } from "./public-query";
import { safeWebUrl } from "./web-url";

export const PUBLIC_INITIATIVE_STATUSES = ["active", "closed"] as const;

/** The name of a country (or of a state actor) in the visitor's language. */
export function countryName(locale: Locale): SQL<string | null> {
  const column = { en: countries.nameEn, fr: countries.nameFr, es: countries.nameEs }[locale];
  return sql<string | null>`${column}`;
}

/** States are named from the reference data, so "Allemagne" for a French reader; others by their own name. */
export function actorDisplayName(locale: Locale): SQL<string> {
  return sql<string>`case when ${actors.kind} = 'state' then coalesce(${countryName(locale)}, ${actors.name}) else ${
    actors.name
  } end`;
}

// The database collation puts "États-Unis" after "Zambie"; folding the accents sorts names as
// readers expect, on PostgreSQL and PGlite alike, without needing an ICU collation.
const FOLDED: Record<string, string> = {
  a: "áàâäãåāăą",
  c: "çćč",
  d: "ď",
  e: "éèêëēėęě",
  i: "íìîïīį",
  l: "ł",
  n: "ñńň",
  o: "óòôöõøōőœ",
  r: "ŕř",
  s: "śšş",
  t: "ť",
  u: "úùûüūůű",
  y: "ýÿ",
  z: "źżž",
};
const ACCENTED = Object.values(FOLDED).join("");
const PLAIN = Object.entries(FOLDED)
  .map(([plain, accented]) => plain.repeat(accented.length))
  .join("");

export function sortableName(name: SQL<string>): SQL<string> {
  return sql<string>`translate(lower(${name}), ${ACCENTED}, ${PLAIN})`;
}

/** "%" and "_" typed by a visitor are letters to look for, not wildcards. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`;
}

/** The actor takes part in at least one public initiative (an active participation). */
export const takesPart: SQL<boolean> = sql<boolean>`exists (select 1 from ${participations} join ${initiatives} on ${initiatives.id} = ${
  participations.initiativeId
} where ${participations.actorId} = ${actors.id} and ${participations.status} = 'active' and ${initiatives.status} in ('active', 'closed'))`;

/**
 * Who is in the Alliance, the one definition: an approved organisation, or a State once it has an
 * approved representative or takes part in a public initiative. Every UN State is an approved
 * reference row from the start; that alone does not make it a member of the network.
 */
export const inAlliance: SQL<boolean> = sql<boolean>`(${actors.status} = 'approved' and (${actors.kind} <> 'state' or exists (select 1 from ${affiliations} where ${
  affiliations.actorId
} = ${actors.id} and ${affiliations.status} = 'approved') or ${takesPart}))`;

export async function listPublicActors(db: Executor, query: ActorListQuery, locale: Locale) {
  const name = actorDisplayName(locale);
  const where = and(
    eq(actors.status, "approved"),
    query.scope === "all" ? undefined : inAlliance,
    query.kind ? eq(actors.kind, query.kind) : undefined,
    query.region ? eq(countries.unRegionalGroup, query.region) : undefined,
    query.participating === "yes" ? takesPart : undefined,
    query.initiative
      ? inArray(
          actors.id,
          db
            .select({ actorId: participations.actorId })
            .from(participations)
            .innerJoin(initiatives, eq(initiatives.id, participations.initiativeId))
            .where(
              and(
                eq(initiatives.slug, query.initiative),
                inArray(initiatives.status, PUBLIC_INITIATIVE_STATUSES),
                eq(participations.status, "active"),
              ),
            ),
        )
      : undefined,
    query.q
      ? or(
          ilike(name, containsPattern(query.q)),
          ilike(actors.name, containsPattern(query.q)),
          ilike(actors.shortName, containsPattern(query.q)),
        )
      : undefined,
  );
  const [counted] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(actors)
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(where);
  const total = counted?.total ?? 0;
  const offset = (query.page - 1) * PAGE_SIZE;
  // Past the last page there is nothing to fetch: answer from the count alone.
  if (offset >= total) return { items: [], total, page: query.page, pageSize: PAGE_SIZE };

  const rows = await db
    .select({
      id: actors.id,
      kind: actors.kind,
      category: actors.category,
      name,
      shortName: actors.shortName,
      countryCode: actors.countryCode,
      countryName: countryName(locale),
      website: actors.website,
      inAlliance,
    })
    .from(actors)
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(where)
    .orderBy(asc(sortableName(name)), asc(actors.id))
    .limit(PAGE_SIZE)
    .offset(offset);
  // How many public initiatives each actor of the page takes part in: one grouped query for the page.
  const taking =
    rows.length === 0
      ? []
      : await db
          .select({ actorId: participations.actorId, count: sql<number>`count(*)`.mapWith(Number) })
          .from(participations)
          .innerJoin(initiatives, eq(initiatives.id, participations.initiativeId))
          .where(
            and(
              inArray(
                participations.actorId,
                rows.map((row) => row.id),
              ),
              eq(participations.status, "active"),
              inArray(initiatives.status, PUBLIC_INITIATIVE_STATUSES),
            ),
          )
          .groupBy(participations.actorId);
  const counts = new Map(taking.map((row) => [row.actorId, row.count]));
  return {
    items: rows.map((row) => ({ ...row, website: safeWebUrl(row.website), initiativeCount: counts.get(row.id) ?? 0 })),
    total,
    page: query.page,
    pageSize: PAGE_SIZE,
  };
}

export type PublicActorListItem = Awaited<ReturnType<typeof listPublicActors>>["items"][number];

/** An approved actor and the public initiatives it takes part in; null when there is none to show. */
export async function getPublicActor(db: Executor, id: string, locale: Locale) {
  const [actor] = await db
    .select({
      id: actors.id,
      kind: actors.kind,
      category: actors.category,
      name: actorDisplayName(locale),
      shortName: actors.shortName,
      countryCode: actors.countryCode,
      countryName: countryName(locale),
      website: actors.website,
      description: actors.description,
      inAlliance,
    })
    .from(actors)
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(and(eq(actors.id, id), eq(actors.status, "approved")))
    .limit(1);
  if (!actor) return null;
  const visitor = visitorTranslation(locale);
  const taking = await db
    .select({
      slug: initiatives.slug,
      ...visitor.fields,
      axis: initiatives.axis,
      theme: initiatives.theme,
      status: initiatives.status,
      role: participations.role,
      since: participations.signedAt,
    })
    .from(participations)
    .innerJoin(initiatives, eq(initiatives.id, participations.initiativeId))
    .leftJoin(visitor.tr, visitor.on)
    .where(
      and(
        eq(participations.actorId, actor.id),
        eq(participations.status, "active"),
        inArray(initiatives.status, PUBLIC_INITIATIVE_STATUSES),
      ),
    )
    // Active initiatives before closed ones: what an actor does now comes first.
    .orderBy(sql`${initiatives.status} = 'closed'`, asc(participations.role), asc(visitor.fields.title));
  return { ...actor, website: safeWebUrl(actor.website), initiatives: taking };
}

export type PublicActor = NonNullable<Awaited<ReturnType<typeof getPublicActor>>>;
