// Public reads of the initiative directory. Only active and closed initiatives are public:
// a submitted or rejected proposal stays between its authors and the secretariat.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, countries, initiatives, meetings, participations, type ActorKind, type Locale } from "~/db/schema";
import { participantsAsOf, publicTimeline } from "./coalitions/history.server";
import { matchesInAnyLanguage, rankInAnyLanguage, visitorTranslation } from "./coalitions/translations.server";
import { actorDisplayName, countryName, PUBLIC_INITIATIVE_STATUSES, sortableName } from "./actors.server";
import { actorKinds, PAGE_SIZE, type InitiativeListQuery, type unRegionalGroups } from "./public-query";

const isPublic = inArray(initiatives.status, PUBLIC_INITIATIVE_STATUSES);

/** The initiative has this approved actor among its active participants (lead or supporter). */
const takenPartInBy = (actorId: string) =>
  sql`exists (select 1 from ${participations} join ${actors} on ${actors.id} = ${participations.actorId} where ${participations.initiativeId} = ${initiatives.id} and ${participations.status} = 'active' and ${actors.status} = 'approved' and ${actors.id} = ${actorId})`;

/** A State of this UN regional group takes part in the initiative (organisations do not count). */
const takenPartInFromRegion = (region: (typeof unRegionalGroups)[number]) =>
  sql`exists (select 1 from ${participations} join ${actors} on ${actors.id} = ${participations.actorId} join ${countries} on ${countries.iso3} = ${actors.countryCode} where ${participations.initiativeId} = ${initiatives.id} and ${participations.status} = 'active' and ${actors.status} = 'approved' and ${actors.kind} = 'state' and ${countries.unRegionalGroup} = ${region})`;

/** The directory page; titles and summaries in `locale` where a translation exists (originals without one). */
export async function listPublicInitiatives(db: Executor, query: InitiativeListQuery, locale: Locale | null = null) {
  // websearch_to_tsquery accepts any text (quotes, "or", "-word") without raising an error.
  const tsquery = query.q ? sql`websearch_to_tsquery('simple', ${query.q})` : undefined;
  const where = and(
    isPublic,
    query.axis ? eq(initiatives.axis, query.axis) : undefined,
    query.theme ? eq(initiatives.theme, query.theme) : undefined,
    query.status ? eq(initiatives.status, query.status) : undefined,
    query.supporter ? takenPartInBy(query.supporter) : undefined,
    query.region ? takenPartInFromRegion(query.region) : undefined,
    tsquery ? matchesInAnyLanguage(tsquery) : undefined,
  );
  const visitor = visitorTranslation(locale);
  const [counted] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(initiatives)
    .where(where);
  const total = counted?.total ?? 0;
  const offset = (query.page - 1) * PAGE_SIZE;
  // Past the last page there is nothing to fetch: answer from the count alone.
  if (offset >= total) return { items: [], total, page: query.page, pageSize: PAGE_SIZE };

  const rows = await db
    .select({
      id: initiatives.id,
      slug: initiatives.slug,
      ...visitor.fields,
      axis: initiatives.axis,
      theme: initiatives.theme,
      status: initiatives.status,
      launchedOn: initiatives.launchedOn,
    })
    .from(initiatives)
    .leftJoin(visitor.tr, visitor.on)
    .where(where)
    .orderBy(
      // Active initiatives before closed ones, in every list.
      sql`${initiatives.status} = 'closed'`,
      ...(tsquery ? [desc(rankInAnyLanguage(tsquery))] : []),
      desc(initiatives.createdAt),
      asc(initiatives.id),
    )
    .limit(PAGE_SIZE)
    .offset(offset);
  // The counts of the whole page in one grouped query, after the page is cut: never a query per card.
  const counts = await participantCounts(
    db,
    rows.map((row) => row.id),
  );
  const items = rows.map(({ id, ...row }) => ({
    ...row,
    leadCount: counts.get(id)?.leadCount ?? 0,
    supporterCount: counts.get(id)?.supporterCount ?? 0,
  }));
  return { items, total, page: query.page, pageSize: PAGE_SIZE };
}

async function participantCounts(db: Executor, initiativeIds: string[]) {
  if (initiativeIds.length === 0) return new Map<string, { leadCount: number; supporterCount: number }>();
  const rows = await db
    .select({
      initiativeId: participations.initiativeId,
      leadCount: sql<number>`count(*) filter (where ${participations.role} = 'lead')`.mapWith(Number),
      supporterCount: sql<number>`count(*) filter (where ${participations.role} = 'supporter')`.mapWith(Number),
    })
    .from(participations)
    .innerJoin(actors, eq(actors.id, participations.actorId))
    .where(
      and(
        inArray(participations.initiativeId, initiativeIds),
        eq(participations.status, "active"),
        eq(actors.status, "approved"),
      ),
    )
    .groupBy(participations.initiativeId);
  return new Map(rows.map(({ initiativeId, ...counts }) => [initiativeId, counts]));
}

export type PublicInitiativeListItem = Awaited<ReturnType<typeof listPublicInitiatives>>["items"][number];

/**
 * A public initiative with the actors taking part (leads first, then supporters, each by name
 * in the visitor's language) and its meetings in date order; null when there is none to show.
 */
export async function getPublicInitiative(db: Executor, slug: string, locale: Locale, options: { asOf?: Date; original?: boolean } = {}) {
  return (await findPublicInitiative(db, slug, locale, options))?.initiative ?? null;
}

/** The page's data and, apart, the internal id that pages need for the visitor's own standing. */
export async function findPublicInitiative(db: Executor, slug: string, locale: Locale, options: { asOf?: Date; original?: boolean } = {}) {
  const visitor = visitorTranslation(options.original ? null : locale);
  const [initiative] = await db
    .select({
      id: initiatives.id,
      slug: initiatives.slug,
      ...visitor.fields,
      ...visitor.longFields,
      axis: initiatives.axis,
      theme: initiatives.theme,
      status: initiatives.status,
      joinPolicy: initiatives.joinPolicy,
      launchedOn: initiatives.launchedOn,
    })
    .from(initiatives)
    .leftJoin(visitor.tr, visitor.on)
    .where(and(eq(initiatives.slug, slug), isPublic))
    .limit(1);
  if (!initiative) return null;
  const name = actorDisplayName(locale);
  const [participants, meetingRows, timeline] = await Promise.all([
    options.asOf
      ? participantsAsOf(db, initiative.id, options.asOf, locale)
      : db
      .select({
        actorId: actors.id,
        name,
        shortName: actors.shortName,
        kind: actors.kind,
        countryCode: actors.countryCode,
        countryName: countryName(locale),
        role: participations.role,
        since: participations.signedAt,
      })
      .from(participations)
      .innerJoin(actors, eq(actors.id, participations.actorId))
      .leftJoin(countries, eq(countries.iso3, actors.countryCode))
      .where(
        and(
          eq(participations.initiativeId, initiative.id),
          eq(participations.status, "active"),
          eq(actors.status, "approved"),
        ),
      )
      .orderBy(asc(participations.role), asc(sortableName(name)), asc(actors.id)),
    db
      .select({
        id: meetings.id,
        title: meetings.title,
        startsAt: meetings.startsAt,
        endsAt: meetings.endsAt,
        place: meetings.place,
        // The link itself is for participants; the public page only says the meeting is online.
        online: sql<boolean>`${meetings.onlineUrl} is not null`.mapWith(Boolean),
        agenda: meetings.agenda,
        timeZone: meetings.timeZone,
        cancelled: sql<boolean>`${meetings.cancelledAt} is not null`.mapWith(Boolean),
      })
      .from(meetings)
      .where(eq(meetings.initiativeId, initiative.id))
      .orderBy(asc(meetings.startsAt), asc(meetings.id)),
    publicTimeline(db, initiative.id, locale, options.asOf),
  ]);
  const { id, ...publicFields } = initiative;
  const page = {
    ...publicFields,
    asOf: options.asOf ?? null,
    timeline,
    leads: participants.filter((p) => p.role === "lead"),
    supporters: participants.filter((p) => p.role === "supporter"),
    meetings: meetingRows,
  };
  return { id, initiative: page };
}

export type PublicInitiative = NonNullable<Awaited<ReturnType<typeof getPublicInitiative>>>;
export type PublicParticipant = PublicInitiative["leads"][number];
export type PublicMeeting = PublicInitiative["meetings"][number];

/** How many supporters of each kind a detail page names; the rest are one link away, paginated. */
export const SUPPORTERS_SHOWN_PER_KIND = 24;

/**
 * Supporters grouped by kind (states first), each group cut to its first names: an initiative
 * with a thousand supporters must not become a page of a thousand links.
 */
export function groupSupporters<P extends { kind: ActorKind }>(supporters: readonly P[], shown = SUPPORTERS_SHOWN_PER_KIND) {
  return actorKinds
    .map((kind) => {
      const all = supporters.filter((s) => s.kind === kind);
      return { kind, total: all.length, members: all.slice(0, shown) };
    })
    .filter((group) => group.total > 0);
}

/** The title of a public initiative, for pages that filter by it; null when there is none to show. */
export async function getPublicInitiativeTitle(db: Executor, slug: string, locale: Locale | null = null): Promise<{ title: string; language: Locale } | null> {
  const visitor = visitorTranslation(locale);
  const [row] = await db
    .select({ title: visitor.fields.title, language: visitor.fields.textLanguage })
    .from(initiatives)
    .leftJoin(visitor.tr, visitor.on)
    .where(and(eq(initiatives.slug, slug), isPublic))
    .limit(1);
  return row ?? null;
}
