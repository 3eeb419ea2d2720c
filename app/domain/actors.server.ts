// Public reads of the actor directory: approved actors only, names in the visitor's language.
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { sortKey } from "~/db/sort-key";
import { unionAll } from "drizzle-orm/pg-core";
import { actorCounts, actors, affiliations, countries, initiatives, participations, type Locale } from "~/db/schema";
import { foldedContainsPattern, foldedSql } from "./folding";
import { visitorTranslation } from "./coalitions/translation-reads.server";
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
export function sortableName(name: SQL<string>): SQL<string> {
  return sortKey(name);
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

/**
 * An organisation whose name or short name contains the text, ignoring case and accents: read
 * from the trigram indexes on the folded names (actors_name_folded_trgm_idx and its short-name
 * twin), so a search never folds every name of the directory (it did, 44 ms a search on the
 * bench data). For rows known to be organisations: a query that mixes both kinds asks each kind
 * on its own (listPublicActors, search.server.ts searchActors), one simple condition per table,
 * which also keeps the plan sane on a database without statistics yet.
 */
export function organisationMatches(text: string): SQL {
  const pattern = foldedContainsPattern(text);
  return sql`(${foldedSql(actors.name)} like ${pattern} or ${foldedSql(actors.shortName)} like ${pattern})`;
}

/** A State whose name contains the text, by any of its names (UN names in three languages, common names, aliases: the folded key on its country row). */
export function stateMatches(text: string): SQL {
  return sql`${countries.searchKey} like ${foldedContainsPattern(text)}`;
}

/**
 * inAlliance for rows already known to be approved States (195 at most): a State is in the
 * Alliance once it has an approved representative or takes part in a public initiative. Written
 * as correlated scalar subqueries that stop at the first row, not EXISTS: PostgreSQL turns EXISTS
 * into a hashed subplan over every active participation (54,000 on the bench data), which made
 * the home page's count of States cost 20 ms of database CPU instead of 1 (as map/network.server.ts).
 */
export const stateInAlliance: SQL<boolean> = sql<boolean>`((select true from ${affiliations} where ${affiliations.actorId} = ${actors.id} and ${
  affiliations.status
} = 'approved' limit 1) is not null or (select true from ${participations} join ${initiatives} on ${initiatives.id} = ${
  participations.initiativeId
} where ${participations.actorId} = ${actors.id} and ${participations.status} = 'active' and ${initiatives.status} in ('active', 'closed') limit 1) is not null)`;

/**
 * A page of the directory, in name order. Organisations are named by their own name, so their
 * order is read from an index (actors_approved_sort_idx, or per kind actors_approved_kind_sort_idx)
 * and only as far as the page; States are named in the visitor's language, so their order is
 * computed, over 195 rows at most. The page is the merge of both, each cut at the page's end.
 * The total comes from actor_counts (kept by a trigger) when only the kind is filtered; with
 * other filters it is counted, which is what a filtered list costs anyway. Count and page are
 * sent at once, and the page's participation counts after: three statements.
 */
export async function listPublicActors(db: Executor, query: ActorListQuery, locale: Locale) {
  const name = actorDisplayName(locale);
  const filters = [
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
  ];
  const filtered = filters.some((f) => f !== undefined) || Boolean(query.q);
  const withOrganisations = query.kind !== "state";
  const withStates = query.kind === undefined || query.kind === "state";
  // Every approved organisation is in the Alliance; a State only as inAlliance says.
  const organisationWhere = and(
    eq(actors.status, "approved"),
    sql`${actors.kind} <> 'state'`,
    query.kind ? eq(actors.kind, query.kind) : undefined,
    query.q ? organisationMatches(query.q) : undefined,
    ...filters,
  );
  const stateWhere = and(
    eq(actors.status, "approved"),
    eq(actors.kind, "state"),
    query.scope === "all" ? undefined : stateInAlliance,
    query.q ? stateMatches(query.q) : undefined,
    ...filters,
  );
  const offset = (query.page - 1) * PAGE_SIZE;

  const organisationCount = !withOrganisations
    ? sql`0`
    : filtered
      ? sql`(${db.select({ n: sql`count(*)` }).from(actors).leftJoin(countries, eq(countries.iso3, actors.countryCode)).where(organisationWhere)})`
      : sql`(${db
          .select({ n: sql`coalesce(sum(${actorCounts.n}), 0)` })
          .from(actorCounts)
          .where(and(eq(actorCounts.status, "approved"), sql`${actorCounts.kind} <> 'state'`, query.kind ? eq(actorCounts.kind, query.kind) : undefined))})`;
  const stateCount = withStates
    ? sql`(${db.select({ n: sql`count(*)` }).from(actors).leftJoin(countries, eq(countries.iso3, actors.countryCode)).where(stateWhere)})`
    : sql`0`;
  const counting = db
    .select({ total: sql<number>`${organisationCount} + ${stateCount}`.mapWith(Number) })
    .from(sql`(values (1)) as one (x)`);

  const columns = (displayName: SQL<string>, member: SQL<boolean>) => ({
    id: actors.id,
    kind: actors.kind,
    category: actors.category,
    name: sql<string>`${displayName}`.as("name"),
    shortName: actors.shortName,
    countryCode: actors.countryCode,
    countryName: sql<string | null>`${countryName(locale)}`.as("country_name"),
    website: actors.website,
    inAlliance: sql<boolean>`${member}`.as("in_alliance"),
    sortKey: sql<string>`${sortableName(displayName)}`.as("sort_key"),
  });
  const end = offset + PAGE_SIZE;
  const organisationPage = () =>
    db
      .select(columns(sql<string>`${actors.name}`, sql<boolean>`true`))
      .from(actors)
      .leftJoin(countries, eq(countries.iso3, actors.countryCode))
      .where(organisationWhere)
      .orderBy(sortableName(sql<string>`${actors.name}`), asc(actors.id));
  const statePage = () =>
    db
      .select(columns(name, query.scope === "all" ? inAlliance : sql<boolean>`true`))
      .from(actors)
      .leftJoin(countries, eq(countries.iso3, actors.countryCode))
      .where(stateWhere)
      .orderBy(sortableName(name), asc(actors.id));
  const paging =
    withOrganisations && withStates
      ? unionAll(organisationPage().limit(end), statePage().limit(end))
          .orderBy(sql`"sort_key"`, sql`"id"`)
          .limit(PAGE_SIZE)
          .offset(offset)
      : (withOrganisations ? organisationPage() : statePage()).limit(PAGE_SIZE).offset(offset);

  const [[counted], rows] = await Promise.all([counting, paging]);
  const total = counted?.total ?? 0;
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
    items: rows.map(({ sortKey: _key, ...row }) => ({ ...row, website: safeWebUrl(row.website), initiativeCount: counts.get(row.id) ?? 0 })),
    total,
    page: query.page,
    pageSize: PAGE_SIZE,
  };
}

export type PublicActorListItem = Awaited<ReturnType<typeof listPublicActors>>["items"][number];

/**
 * An approved actor, the public initiatives it takes part in (role, since when) and those it
 * left (joined, withdrawn: both dates); null when there is none to show. Two queries, whatever
 * the number of initiatives.
 */
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
  const rows = await db
    .select({
      slug: initiatives.slug,
      ...visitor.fields,
      axis: initiatives.axis,
      theme: initiatives.theme,
      status: initiatives.status,
      role: participations.role,
      participation: participations.status,
      since: participations.signedAt,
      // A withdrawal records who decided and when; rows older than that column, their last change.
      until: sql<Date>`coalesce(${participations.decidedAt}, ${participations.updatedAt})`.mapWith(participations.updatedAt),
    })
    .from(participations)
    .innerJoin(initiatives, eq(initiatives.id, participations.initiativeId))
    .leftJoin(visitor.tr, visitor.on)
    .where(
      and(
        eq(participations.actorId, actor.id),
        inArray(participations.status, ["active", "withdrawn"]),
        inArray(initiatives.status, PUBLIC_INITIATIVE_STATUSES),
      ),
    )
    // Active initiatives before closed ones: what an actor does now comes first.
    .orderBy(sql`${initiatives.status} = 'closed'`, asc(participations.role), asc(visitor.fields.title));
  const taking = rows.filter((row) => row.participation === "active").map(({ participation: _p, until: _u, ...row }) => row);
  const past = rows
    .filter((row) => row.participation === "withdrawn")
    .map(({ participation: _p, ...row }) => row)
    .sort((a, b) => b.until.getTime() - a.until.getTime());
  return { ...actor, website: safeWebUrl(actor.website), initiatives: taking, pastInitiatives: past };
}

export type PublicActor = NonNullable<Awaited<ReturnType<typeof getPublicActor>>>;

/** An approved actor's name in the visitor's language, for pages filtered by it; null when none. */
export async function getPublicActorName(db: Executor, id: string, locale: Locale): Promise<string | null> {
  const [row] = await db
    .select({ name: actorDisplayName(locale) })
    .from(actors)
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(and(eq(actors.id, id), eq(actors.status, "approved")))
    .limit(1);
  return row?.name ?? null;
}
