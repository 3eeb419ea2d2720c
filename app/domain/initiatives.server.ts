// Public reads of the initiative directory. Only active and closed initiatives are public:
// a submitted or rejected proposal stays between its authors and the secretariat.
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Executor } from "~/db/client.server";
import {
  actors,
  countries,
  initiatives,
  meetings,
  participantCounts as participantCounts_,
  participationEvents,
  participations,
  type ActorKind,
  type Locale,
  type ParticipationEventKind,
  type ParticipationRole,
} from "~/db/schema";
import { participantsAsOf, PUBLIC_EVENT_KINDS } from "./coalitions/history.server";
import { matchesInAnyLanguage, rankInAnyLanguage, visitorTranslation } from "./coalitions/translation-reads.server";
import { actorDisplayName, countryName, PUBLIC_INITIATIVE_STATUSES, sortableName } from "./actors.server";
import { prefixTsquery } from "./search-query";
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
  // The visitor's words as quoted prefixes (search-query.ts): any text, never tsquery syntax.
  // A text with no word in it (only punctuation or symbols) finds nothing, as the search page says.
  const tsquery = query.q ? prefixTsquery(query.q) : undefined;
  const where = and(
    isPublic,
    query.axis ? eq(initiatives.axis, query.axis) : undefined,
    query.theme ? eq(initiatives.theme, query.theme) : undefined,
    query.status ? eq(initiatives.status, query.status) : undefined,
    query.supporter ? takenPartInBy(query.supporter) : undefined,
    query.region ? takenPartInFromRegion(query.region) : undefined,
    tsquery ? matchesInAnyLanguage(tsquery) : tsquery === null ? sql`false` : undefined,
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

/** The page's lead and supporter counts from participant_counts (kept by triggers, drizzle/0009). */
async function participantCounts(db: Executor, initiativeIds: string[]) {
  if (initiativeIds.length === 0) return new Map<string, { leadCount: number; supporterCount: number }>();
  const rows = await db
    .select({
      initiativeId: participantCounts_.initiativeId,
      leadCount: sql<number>`coalesce(sum(${participantCounts_.n}) filter (where ${participantCounts_.role} = 'lead'), 0)`.mapWith(Number),
      supporterCount: sql<number>`coalesce(sum(${participantCounts_.n}) filter (where ${participantCounts_.role} = 'supporter'), 0)`.mapWith(Number),
    })
    .from(participantCounts_)
    .where(inArray(participantCounts_.initiativeId, initiativeIds))
    .groupBy(participantCounts_.initiativeId);
  return new Map(rows.map(({ initiativeId, ...counts }) => [initiativeId, counts]));
}

export type PublicInitiativeListItem = Awaited<ReturnType<typeof listPublicInitiatives>>["items"][number];

/**
 * A public initiative with the actors taking part (leads first, then supporters, each by name
 * in the visitor's language) and its meetings in date order; null when there is none to show.
 */
export async function getPublicInitiative(db: Executor, slug: string, locale: Locale, options: { asOf?: Date; original?: boolean } = {}) {
  return (await findPublicInitiative(db, slug, locale, { asOf: options.asOf, original: options.original }))?.initiative ?? null;
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
  /** The text as its authors wrote it (the API), not the visitor's translation. */
  original?: boolean;
  /**
   * For the HTML page: name only the first N supporters of each kind (chosen, counted and cut by
   * PostgreSQL with window functions) and the newest `timeline` events, so a coalition of a
   * thousand members costs what the page shows. Without it, every participant and event (the API).
   */
  shown?: { supportersPerKind: number; timeline: number };
}

/** A json column as the driver hands it over: parsed already (PGlite) or as text (postgres.js). */
function fromJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

interface TimelineJson {
  actorId: string;
  name: string;
  kind: ParticipationEventKind;
  role: ParticipationRole;
  occurredAt: string;
}

interface MeetingJson {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  online: boolean;
  agenda: string;
  timeZone: string;
  cancelled: boolean;
}

/**
 * The page's data and, apart, the internal id that pages need for the visitor's own standing.
 * Two statements sent at once, whatever the size of the coalition: the initiative with its
 * meetings and (newest) timeline events as JSON, and its participants; the view as of a date
 * replays the history instead (see participantsAsOf).
 */
export async function findPublicInitiative(db: Executor, slug: string, locale: Locale, options: PublicInitiativeOptions = {}) {
  const visitor = visitorTranslation(options.original ? null : locale);
  const name = actorDisplayName(locale);
  const eventsOf = and(
    eq(participationEvents.initiativeId, initiatives.id),
    inArray(participationEvents.kind, [...PUBLIC_EVENT_KINDS]),
    eq(actors.status, "approved"),
    options.asOf ? lte(participationEvents.occurredAt, options.asOf) : undefined,
  );
  const newest = options.shown?.timeline;
  const timeline = sql`(
    select coalesce(json_agg(json_build_object('actorId', t.actor_id, 'name', t.name, 'kind', t.kind, 'role', t.role, 'occurredAt', t.occurred_at)
                             order by t.occurred_at, t.id), '[]'::json)
    from (
      select ${actors.id} as actor_id, ${name} as name, ${participationEvents.kind} as kind, ${participationEvents.role} as role,
             ${participationEvents.occurredAt} as occurred_at, ${participationEvents.id} as id
      from ${participationEvents}
      join ${actors} on ${actors.id} = ${participationEvents.actorId}
      left join ${countries} on ${countries.iso3} = ${actors.countryCode}
      where ${eventsOf}
      order by ${participationEvents.occurredAt} desc, ${participationEvents.id} desc
      ${newest === undefined ? sql`` : sql`limit ${newest}`}
    ) t)`;
  const timelineTotal = sql`(
    select count(*) from ${participationEvents}
    join ${actors} on ${actors.id} = ${participationEvents.actorId}
    where ${eventsOf})`;
  const meetingList = sql`(
    select coalesce(json_agg(json_build_object('id', ${meetings.id}, 'title', ${meetings.title}, 'startsAt', ${meetings.startsAt},
                                               'endsAt', ${meetings.endsAt}, 'place', ${meetings.place},
                                               'online', ${meetings.onlineUrl} is not null, 'agenda', ${meetings.agenda},
                                               'timeZone', ${meetings.timeZone}, 'cancelled', ${meetings.cancelledAt} is not null)
                             order by ${meetings.startsAt}, ${meetings.id}), '[]'::json)
    from ${meetings} where ${meetings.initiativeId} = ${initiatives.id})`;
  const found = db
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
      meetings: sql`${meetingList}`.mapWith((value: unknown) =>
        fromJson<MeetingJson[]>(value).map((m) => ({ ...m, startsAt: new Date(m.startsAt), endsAt: new Date(m.endsAt) })),
      ),
      timeline: sql`${timeline}`.mapWith((value: unknown) =>
        fromJson<TimelineJson[]>(value).map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) })),
      ),
      timelineTotal: sql<number>`${timelineTotal}`.mapWith(Number),
    })
    .from(initiatives)
    .leftJoin(visitor.tr, visitor.on)
    .where(and(eq(initiatives.slug, slug), isPublic))
    .limit(1);
  // The current participants, found by slug so both statements go out together.
  const current = () => {
    const initiativeId = sql`(select ${initiatives.id} from ${initiatives} where ${and(eq(initiatives.slug, slug), isPublic)})`;
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
      .where(and(eq(participations.initiativeId, initiativeId), eq(participations.status, "active"), eq(actors.status, "approved")))
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
      // Leads are a handful and all named; supporters are cut per kind when the page asks, except
      // States: the world map colours every one of them (at most the 195 States, a bounded list).
      .where(perKind === undefined ? undefined : sql`${ranked.role} = 'lead' or ${ranked.kind} = 'state' or ${ranked.rank} <= ${perKind}`)
      .orderBy(asc(ranked.role), asc(ranked.sortKey), asc(ranked.actorId));
  };
  // For the HTML page: each group read as far as it is shown. Leads and State supporters in full
  // (a handful; the map colours every State), each other kind's first `perKind` supporters from
  // participations_initiative_kind_sort_idx (the copies of the actor's kind and sort key), and
  // each group's size from participant_counts: the cost of the page, not of the coalition.
  const shownOnly = (perKind: number) => {
    const initiativeId = sql`(select ${initiatives.id} from ${initiatives} where ${and(eq(initiatives.slug, slug), isPublic)})`;
    const branch = (where: SQL | undefined, sortKey: SQL<string>) =>
      db
        .select({
          actorId: sql<string>`${actors.id}`.as("actor_id"),
          name: sql<string>`${name}`.as("name"),
          shortName: sql<string | null>`${actors.shortName}`.as("short_name"),
          kind: sql<ActorKind>`${actors.kind}`.as("kind"),
          countryCode: sql<string | null>`${actors.countryCode}`.as("country_code"),
          countryName: sql<string | null>`${countryName(locale)}`.as("country_name"),
          role: sql<ParticipationRole>`${participations.role}`.as("role"),
          since: sql<Date>`${participations.signedAt}`.mapWith(participations.signedAt).as("since"),
          groupTotal: sql<number>`(select ${participantCounts_.n} from ${participantCounts_} where ${participantCounts_.initiativeId} = ${
            participations.initiativeId
          } and ${participantCounts_.role} = ${participations.role} and ${participantCounts_.kind} = ${actors.kind})`
            .mapWith(Number)
            .as("group_total"),
          sortKey: sql<string>`${sortKey}`.as("sort_key"),
        })
        .from(participations)
        .innerJoin(actors, eq(actors.id, participations.actorId))
        .leftJoin(countries, eq(countries.iso3, actors.countryCode))
        .where(and(eq(participations.initiativeId, initiativeId), eq(participations.status, "active"), eq(actors.status, "approved"), where));
    const organisations = actorKinds
      .filter((kind) => kind !== "state")
      .map((kind) =>
        branch(and(eq(participations.role, "supporter"), eq(participations.actorKind, kind)), sql<string>`${participations.actorSortKey}`)
          .orderBy(participations.actorSortKey, participations.actorId)
          .limit(perKind),
      );
    const [first, ...rest] = [
      branch(eq(participations.role, "lead"), sortableName(name)),
      branch(and(eq(participations.role, "supporter"), eq(participations.actorKind, "state")), sortableName(name)),
      ...organisations,
    ];
    let all = unionAll(first!, rest[0]!);
    for (const next of rest.slice(1)) all = all.unionAll(next) as typeof all;
    return all.orderBy(sql`"role"`, sql`"sort_key"`, sql`"actor_id"`);
  };
  let initiative: Awaited<typeof found>[number] | undefined;
  let participants: ParticipantRow[];
  if (options.asOf) {
    [initiative] = await found;
    if (!initiative) return null;
    participants = await participantsAsOf(db, initiative.id, options.asOf, locale);
  } else {
    const perKind = options.shown?.supportersPerKind;
    const [rows, current_] = await Promise.all([found, perKind === undefined ? current() : shownOnly(perKind).then((rows) => rows.map(({ sortKey: _key, ...row }) => row))]);
    [initiative] = rows;
    participants = current_;
  }
  if (!initiative) return null;
  const { meetings: meetingRows, timeline: events, timelineTotal: eventTotal, ...fields } = initiative;
  // How many supporters of each kind there are, whether or not all of them were fetched.
  const supporterTotals = new Map<ActorKind, number>();
  for (const p of participants) {
    if (p.role !== "supporter") continue;
    supporterTotals.set(p.kind, p.groupTotal ?? (supporterTotals.get(p.kind) ?? 0) + 1);
  }
  const strip = ({ groupTotal: _total, ...rest }: ParticipantRow): PublicParticipantRow => rest;
  const { id, ...publicFields } = fields;
  const page = {
    ...publicFields,
    asOf: options.asOf ?? null,
    timeline: events,
    /** Public events in all, of which `timeline` holds the newest when the page asked for fewer. */
    timelineTotal: eventTotal,
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

/**
 * How many supporters of each kind a detail page names; the rest are one link away, paginated.
 * Twelve: the first screenfuls of each kind, and a page whose supporter lists (half its HTML and
 * its inline data at 24 a kind) cost about what the rest of it costs.
 */
export const SUPPORTERS_SHOWN_PER_KIND = 12;

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
