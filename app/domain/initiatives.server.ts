// Public reads of the initiative directory. Only active and closed initiatives are public:
// a submitted or rejected proposal stays between its authors and the secretariat.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, countries, initiatives, meetings, participations, type ActorKind, type Locale, type ParticipationRole } from "~/db/schema";
import { participantsAsOf, publicTimeline } from "./coalitions/history.server";
import { actorDisplayName, countryName, PUBLIC_INITIATIVE_STATUSES, sortableName } from "./actors.server";
import { actorKinds, PAGE_SIZE, type InitiativeListQuery } from "./public-query";

const isPublic = inArray(initiatives.status, PUBLIC_INITIATIVE_STATUSES);

export async function listPublicInitiatives(db: Executor, query: InitiativeListQuery) {
  // websearch_to_tsquery accepts any text (quotes, "or", "-word") without raising an error.
  const tsquery = query.q ? sql`websearch_to_tsquery('simple', ${query.q})` : undefined;
  const where = and(
    isPublic,
    query.axis ? eq(initiatives.axis, query.axis) : undefined,
    query.theme ? eq(initiatives.theme, query.theme) : undefined,
    tsquery ? sql`${initiatives.search} @@ ${tsquery}` : undefined,
  );
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
      title: initiatives.title,
      summary: initiatives.summary,
      axis: initiatives.axis,
      theme: initiatives.theme,
      status: initiatives.status,
      launchedOn: initiatives.launchedOn,
    })
    .from(initiatives)
    .where(where)
    .orderBy(
      // Active initiatives before closed ones, in every list.
      sql`${initiatives.status} = 'closed'`,
      ...(tsquery ? [desc(sql`ts_rank(${initiatives.search}, ${tsquery})`)] : []),
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
export async function getPublicInitiative(db: Executor, slug: string, locale: Locale, options: { asOf?: Date } = {}) {
  return (await findPublicInitiative(db, slug, locale, { asOf: options.asOf }))?.initiative ?? null;
}

interface PublicParticipantRow {
  actorId: string;
  name: string;
  shortName: string | null;
  kind: ActorKind;
  countryCode: string | null;
  countryName: string | null;
  role: ParticipationRole;
  since: Date;
}
/** With the number of active participants of its role and kind, when PostgreSQL counted them. */
type ParticipantRow = PublicParticipantRow & { groupTotal?: number };

export interface PublicInitiativeOptions {
  asOf?: Date;
  /**
   * For the HTML page: name only the first N supporters of each kind (chosen, counted and cut by
   * PostgreSQL with window functions) and the newest `timeline` events, so a coalition of a
   * thousand members costs what the page shows. Without it, every participant and event (the API).
   */
  shown?: { supportersPerKind: number; timeline: number };
}

/** The page's data and, apart, the internal id that pages need for the visitor's own standing. */
export async function findPublicInitiative(db: Executor, slug: string, locale: Locale, options: PublicInitiativeOptions = {}) {
  const [initiative] = await db
    .select({
      id: initiatives.id,
      slug: initiatives.slug,
      title: initiatives.title,
      summary: initiatives.summary,
      description: initiatives.description,
      goals: initiatives.goals,
      axis: initiatives.axis,
      theme: initiatives.theme,
      status: initiatives.status,
      joinPolicy: initiatives.joinPolicy,
      launchedOn: initiatives.launchedOn,
    })
    .from(initiatives)
    .where(and(eq(initiatives.slug, slug), isPublic))
    .limit(1);
  if (!initiative) return null;
  const name = actorDisplayName(locale);
  const current = () => {
    const ranked = db
      .select({
        actorId: sql<string>`${actors.id}`.as("actor_id"),
        name: sql<string>`${name}`.as("name"),
        shortName: sql<string | null>`${actors.shortName}`.as("short_name"),
        kind: sql<ActorKind>`${actors.kind}`.as("kind"),
        countryCode: sql<string | null>`${actors.countryCode}`.as("country_code"),
        countryName: sql<string | null>`${countryName(locale)}`.as("country_name"),
        role: sql<ParticipationRole>`${participations.role}`.as("role"),
        since: sql<Date>`${participations.signedAt}`.as("since"),
        groupTotal: sql<number>`count(*) over (partition by ${participations.role}, ${actors.kind})`.as("group_total"),
        rank: sql<number>`row_number() over (partition by ${participations.role}, ${actors.kind} order by ${sortableName(name)}, ${actors.id})`.as("rank"),
        sortKey: sql<string>`${sortableName(name)}`.as("sort_key"),
      })
      .from(participations)
      .innerJoin(actors, eq(actors.id, participations.actorId))
      .leftJoin(countries, eq(countries.iso3, actors.countryCode))
      .where(and(eq(participations.initiativeId, initiative.id), eq(participations.status, "active"), eq(actors.status, "approved")))
      .as("ranked");
    const perKind = options.shown?.supportersPerKind;
    return db
      .select({
        actorId: ranked.actorId,
        name: ranked.name,
        shortName: ranked.shortName,
        kind: ranked.kind,
        countryCode: ranked.countryCode,
        countryName: ranked.countryName,
        role: ranked.role,
        since: sql<Date>`${ranked.since}`.mapWith(participations.signedAt),
        groupTotal: sql<number>`${ranked.groupTotal}`.mapWith(Number),
      })
      .from(ranked)
      // Leads are a handful and all named; supporters are cut per kind when the page asks.
      .where(perKind === undefined ? undefined : sql`${ranked.role} = 'lead' or ${ranked.rank} <= ${perKind}`)
      .orderBy(asc(ranked.role), asc(ranked.sortKey), asc(ranked.actorId));
  };
  const participantRows = async (): Promise<ParticipantRow[]> =>
    options.asOf ? participantsAsOf(db, initiative.id, options.asOf, locale) : current();
  const [participants, meetingRows, timeline] = await Promise.all([
    participantRows(),
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
      })
      .from(meetings)
      .where(eq(meetings.initiativeId, initiative.id))
      .orderBy(asc(meetings.startsAt), asc(meetings.id)),
    publicTimeline(db, initiative.id, locale, options.asOf, options.shown?.timeline),
  ]);
  // How many supporters of each kind there are, whether or not all of them were fetched.
  const supporterTotals = new Map<ActorKind, number>();
  for (const p of participants) {
    if (p.role !== "supporter") continue;
    supporterTotals.set(p.kind, p.groupTotal ?? (supporterTotals.get(p.kind) ?? 0) + 1);
  }
  const strip = ({ groupTotal: _total, ...rest }: ParticipantRow): PublicParticipantRow => rest;
  const { id, ...publicFields } = initiative;
  const page = {
    ...publicFields,
    asOf: options.asOf ?? null,
    timeline: timeline.events,
    /** Public events in all, of which `timeline` holds the newest when the page asked for fewer. */
    timelineTotal: timeline.total,
    leads: participants.filter((p) => p.role === "lead").map(strip),
    supporters: participants.filter((p) => p.role === "supporter").map(strip),
    supporterTotals: Object.fromEntries(supporterTotals) as Partial<Record<ActorKind, number>>,
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
export function groupSupporters<P extends { kind: ActorKind }>(
  supporters: readonly P[],
  shown = SUPPORTERS_SHOWN_PER_KIND,
  totals: Partial<Record<ActorKind, number>> = {},
) {
  return actorKinds
    .map((kind) => {
      const all = supporters.filter((s) => s.kind === kind);
      return { kind, total: totals[kind] ?? all.length, members: all.slice(0, shown) };
    })
    .filter((group) => group.total > 0);
}

/** The title of a public initiative, for pages that filter by it; null when there is none to show. */
export async function getPublicInitiativeTitle(db: Executor, slug: string): Promise<string | null> {
  const [row] = await db
    .select({ title: initiatives.title })
    .from(initiatives)
    .where(and(eq(initiatives.slug, slug), isPublic))
    .limit(1);
  return row?.title ?? null;
}
