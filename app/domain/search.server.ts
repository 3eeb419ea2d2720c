// One search across the public directory: initiatives and actors through the directories' own
// queries (so whatever makes those lists find more, like translations or accent-insensitive
// names, makes this search find it too), and the upcoming meetings of active initiatives.
// A constant number of statements whatever the text: two directory queries of three statements
// each at most, and one for meetings.
import { and, asc, eq, gte, ilike, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { initiatives, meetings, type Locale } from "~/db/schema";
import { containsPattern, listPublicActors } from "./actors.server";
import { listPublicInitiatives } from "./initiatives.server";
import { MAX_SEARCH_LENGTH } from "./public-query";

/** How many results of each kind the search page shows before its "see all" link. */
export const SEARCH_GROUP_SIZE = 5;

export interface SearchText {
  q: string;
  /** The visitor typed more than MAX_SEARCH_LENGTH characters: only the beginning was used. */
  shortened: boolean;
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
  if (cleaned.length <= MAX_SEARCH_LENGTH) return { q: cleaned, shortened: false };
  let cut = cleaned.slice(0, MAX_SEARCH_LENGTH);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return { q: cut.trim(), shortened: true };
}

/**
 * Upcoming meetings (not yet over) of active initiatives whose title or agenda contains the
 * text, soonest first, with how many there are in all (a window count: one statement).
 */
export async function searchUpcomingMeetings(db: Executor, q: string, limit = SEARCH_GROUP_SIZE, now = new Date()) {
  const pattern = containsPattern(q);
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      initiativeSlug: initiatives.slug,
      initiativeTitle: initiatives.title,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(meetings)
    .innerJoin(initiatives, eq(initiatives.id, meetings.initiativeId))
    // Cancelled meetings stay on their initiative's page (marked) and in calendars, not in search.
    .where(and(eq(initiatives.status, "active"), gte(meetings.endsAt, now), isNull(meetings.cancelledAt), or(ilike(meetings.title, pattern), ilike(meetings.agenda, pattern))))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(limit);
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...meeting }) => meeting) };
}

export async function searchPortal(db: Executor, q: string, locale: Locale) {
  const [initiativeResults, actorResults, meetingResults] = await Promise.all([
    listPublicInitiatives(db, { q, page: 1 }),
    // Every UN State, in the Alliance or not: a visitor looking for a State should find it.
    listPublicActors(db, { q, scope: "all", page: 1 }, locale),
    searchUpcomingMeetings(db, q),
  ]);
  return {
    initiatives: { total: initiativeResults.total, items: initiativeResults.items.slice(0, SEARCH_GROUP_SIZE) },
    actors: { total: actorResults.total, items: actorResults.items.slice(0, SEARCH_GROUP_SIZE) },
    meetings: meetingResults,
  };
}

export type PortalSearchResults = Awaited<ReturnType<typeof searchPortal>>;
