// One search across the public directory: initiatives (in any of their languages), actors and the
// upcoming meetings of active initiatives. It matches exactly as the directories do (the same
// predicates: prefix full-text on initiatives, folded names on actors), so each group's "see all"
// link opens a list with the same count; but it asks only for what the page shows: one statement
// per group, the first few rows with the group's total counted by a window function. Three
// statements whatever the text and the data, four with the signed-in visitor's session read.
import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, countries, initiatives, meetings, type Locale } from "~/db/schema";
import { actorDisplayName, countryName, organisationMatches, PUBLIC_INITIATIVE_STATUSES, sortableName, stateMatches } from "./actors.server";
import { matchesInAnyLanguage, rankInAnyLanguage, visitorTranslation } from "./coalitions/translation-reads.server";
import { MAX_SEARCH_LENGTH } from "./public-query";
import { longEnoughToSearch, prefixTsquery } from "./search-query";

/** How many results of each kind the search page shows before its "see all" link. */
export const SEARCH_GROUP_SIZE = 5;

export interface SearchText {
  q: string;
  /** The visitor typed more than MAX_SEARCH_LENGTH characters: only the beginning was used. */
  shortened: boolean;
  /** Fewer than MIN_SEARCH_CHARACTERS letters or digits: nothing is searched, the page says why. */
  tooShort: boolean;
}

/**
 * What the visitor typed, made safe to search for: control characters (NUL among them, which
 * PostgreSQL refuses) and unpaired surrogates become spaces, runs of spaces one, and the text is
 * cut to MAX_SEARCH_LENGTH UTF-16 units (never inside a character), the length the directories
 * accept, so the "see all" links lead to pages that answer.
 */
export function searchText(raw: string): SearchText {
  const cleaned = raw
    .replace(/[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  let q = cleaned;
  if (cleaned.length > MAX_SEARCH_LENGTH) {
    q = cleaned.slice(0, MAX_SEARCH_LENGTH);
    if (/[\ud800-\udbff]$/.test(q)) q = q.slice(0, -1);
    q = q.trim();
  }
  return { q, shortened: q !== cleaned, tooShort: q !== "" && !longEnoughToSearch(q) };
}

/** The first rows of a group and its total, from rows that each carry the window count. */
function group<T extends { total: number }>(rows: T[]) {
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...row }) => row) };
}

const total = () => sql<number>`count(*) over ()`.mapWith(Number);

/** Public initiatives matching the text in any of their languages, best first, in the visitor's language. */
export async function searchInitiatives(db: Executor, q: string, locale: Locale, limit = SEARCH_GROUP_SIZE) {
  const tsquery = prefixTsquery(q);
  // No word to look for (only punctuation or symbols): no initiative, and no statement either.
  if (!tsquery) return { total: 0, items: [] };
  const visitor = visitorTranslation(locale);
  const rows = await db
    .select({
      slug: initiatives.slug,
      ...visitor.fields,
      axis: initiatives.axis,
      status: initiatives.status,
      total: total(),
    })
    .from(initiatives)
    .leftJoin(visitor.tr, visitor.on)
    .where(and(inArray(initiatives.status, PUBLIC_INITIATIVE_STATUSES), matchesInAnyLanguage(tsquery)))
    // The directory's order for a search: active before closed, then the best match.
    .orderBy(sql`${initiatives.status} = 'closed'`, desc(rankInAnyLanguage(tsquery)), desc(initiatives.createdAt), asc(initiatives.id))
    .limit(limit);
  return group(rows);
}

/**
 * Every UN State (in the Alliance or not: a visitor looking for a State should find it) and
 * approved organisation whose name matches. Each kind is asked on its own (the organisations from
 * the indexes on their folded names, the States from their countries' keys), then the two are
 * merged in name order with their total.
 */
export async function searchActors(db: Executor, q: string, locale: Locale, limit = SEARCH_GROUP_SIZE) {
  const columns = {
    id: actors.id,
    kind: actors.kind,
    name: actorDisplayName(locale).as("name"),
    shortName: actors.shortName,
    countryName: countryName(locale).as("country_name"),
  };
  const approved = eq(actors.status, "approved");
  const found = db
    .select(columns)
    .from(actors)
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(and(approved, sql`${actors.kind} <> 'state'`, organisationMatches(q)))
    .unionAll(
      db
        .select(columns)
        .from(actors)
        .innerJoin(countries, eq(countries.iso3, actors.countryCode))
        .where(and(approved, eq(actors.kind, "state"), stateMatches(q))),
    )
    .as("found");
  const rows = await db
    .select({ id: found.id, kind: found.kind, name: found.name, shortName: found.shortName, countryName: found.countryName, total: total() })
    .from(found)
    .orderBy(asc(sortableName(sql<string>`${found.name}`)), asc(found.id))
    .limit(limit);
  return group(rows);
}

/**
 * Upcoming meetings (not yet over) of active initiatives whose title or agenda has the words
 * (prefixes, like initiatives: through the meetings' full-text index, never a scan of the text),
 * soonest first, with the initiative's title in the visitor's language.
 */
export async function searchUpcomingMeetings(db: Executor, q: string, locale: Locale, limit = SEARCH_GROUP_SIZE, now = new Date()) {
  const tsquery = prefixTsquery(q);
  if (!tsquery) return { total: 0, items: [] };
  const visitor = visitorTranslation(locale);
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      initiativeSlug: initiatives.slug,
      initiativeTitle: visitor.fields.title,
      total: total(),
    })
    .from(meetings)
    .innerJoin(initiatives, eq(initiatives.id, meetings.initiativeId))
    .leftJoin(visitor.tr, visitor.on)
    // Cancelled meetings stay on their initiative's page (marked) and in calendars, not in search.
    .where(and(eq(initiatives.status, "active"), gte(meetings.endsAt, now), isNull(meetings.cancelledAt), sql`${meetings.search} @@ ${tsquery}`))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(limit);
  return group(rows);
}

export async function searchPortal(db: Executor, q: string, locale: Locale) {
  const [initiativeResults, actorResults, meetingResults] = await Promise.all([
    searchInitiatives(db, q, locale),
    searchActors(db, q, locale),
    searchUpcomingMeetings(db, q, locale),
  ]);
  return { initiatives: initiativeResults, actors: actorResults, meetings: meetingResults };
}

export type PortalSearchResults = Awaited<ReturnType<typeof searchPortal>>;
