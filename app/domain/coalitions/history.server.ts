// Writes and reads the append-only participation history. Every use case that changes a
// participation calls recordParticipationEvent in the same transaction as the change.
import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import {
  actors,
  countries,
  participationEvents,
  type Locale,
  type ParticipationEventKind,
  type ParticipationRole,
  type ParticipationStatus,
} from "~/db/schema";
import { actorDisplayName, countryName, sortableName } from "../actors.server";
import { coalitionAsOf } from "./history";

export interface NewParticipationEvent {
  initiativeId: string;
  actorId: string;
  kind: ParticipationEventKind;
  status: ParticipationStatus;
  role: ParticipationRole;
  byUserId: string | null;
  reason?: string | null;
  occurredAt?: Date;
}

export async function recordParticipationEvent(db: Executor, event: NewParticipationEvent): Promise<void> {
  await db.insert(participationEvents).values({ ...event, reason: event.reason ?? null, occurredAt: event.occurredAt ?? new Date() });
}

/**
 * Gives every participation without a history the events its row implies (joined or requested
 * on its signing date, then withdrawn or declined when it changed). The migration that created
 * the table ran the same statement over the rows that existed then; the demo seed runs it too.
 */
export async function backfillParticipationEvents(db: Executor): Promise<void> {
  await db.execute(sql`
    insert into participation_events (initiative_id, actor_id, kind, status, role, by_user_id, occurred_at)
    select p.initiative_id, p.actor_id,
           case when p.status in ('requested', 'declined') then 'requested' else 'joined' end::participation_event_kind,
           case when p.status in ('requested', 'declined') then 'requested' else 'active' end::participation_status,
           p.role, p.signed_by_user_id, p.signed_at
      from participations p
     where not exists (select 1 from participation_events e where e.initiative_id = p.initiative_id and e.actor_id = p.actor_id)
    union all
    select p.initiative_id, p.actor_id, p.status::text::participation_event_kind, p.status, p.role,
           p.decided_by_user_id, greatest(coalesce(p.decided_at, p.updated_at), p.signed_at)
      from participations p
     where p.status in ('withdrawn', 'declined')
       and not exists (select 1 from participation_events e where e.initiative_id = p.initiative_id and e.actor_id = p.actor_id)
  `);
}

/** Event kinds the public sees; requests and declines stay between the actor and the leads. */
export const PUBLIC_EVENT_KINDS = ["joined", "rejoined", "withdrawn", "lead_added", "lead_removed"] as const satisfies readonly ParticipationEventKind[];

/**
 * The public timeline of an initiative, oldest first, with actor names in the reader's language,
 * and how many public events there are. With `newest`, only that many of the latest events
 * (still oldest first): the count comes from a window function in the same statement.
 */
export async function publicTimeline(db: Executor, initiativeId: string, locale: Locale, asOf?: Date, newest?: number) {
  const name = actorDisplayName(locale);
  const query = db
    .select({
      actorId: actors.id,
      name,
      kind: participationEvents.kind,
      role: participationEvents.role,
      occurredAt: participationEvents.occurredAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(participationEvents)
    .innerJoin(actors, eq(actors.id, participationEvents.actorId))
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(
      and(
        eq(participationEvents.initiativeId, initiativeId),
        inArray(participationEvents.kind, [...PUBLIC_EVENT_KINDS]),
        eq(actors.status, "approved"),
        asOf ? lte(participationEvents.occurredAt, asOf) : undefined,
      ),
    );
  const rows =
    newest === undefined
      ? await query.orderBy(asc(participationEvents.occurredAt), asc(participationEvents.id))
      : (await query.orderBy(desc(participationEvents.occurredAt), desc(participationEvents.id)).limit(newest)).reverse();
  return { events: rows.map(({ total: _total, ...event }) => event), total: rows[0]?.total ?? 0 };
}

export type TimelineEntry = Awaited<ReturnType<typeof publicTimeline>>["events"][number];

/**
 * The participants of an initiative as they stood on `asOf`, shaped like the current ones
 * (leads and supporters, by name), computed from the history alone.
 */
export async function participantsAsOf(db: Executor, initiativeId: string, asOf: Date, locale: Locale) {
  const name = actorDisplayName(locale);
  const rows = await db
    .select({
      actorId: participationEvents.actorId,
      status: participationEvents.status,
      role: participationEvents.role,
      occurredAt: participationEvents.occurredAt,
    })
    .from(participationEvents)
    .where(and(eq(participationEvents.initiativeId, initiativeId), lte(participationEvents.occurredAt, asOf)))
    .orderBy(asc(participationEvents.occurredAt), asc(participationEvents.id));
  const members = coalitionAsOf(rows, asOf);
  if (members.length === 0) return [];
  const details = await db
    .select({
      actorId: actors.id,
      name,
      shortName: actors.shortName,
      kind: actors.kind,
      countryCode: actors.countryCode,
      countryName: countryName(locale),
      sortKey: sortableName(name),
    })
    .from(actors)
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(and(inArray(actors.id, members.map((m) => m.actorId)), eq(actors.status, "approved")));
  const byId = new Map(details.map((d) => [d.actorId, d]));
  return members
    .flatMap((m) => {
      const actor = byId.get(m.actorId);
      if (!actor) return [];
      const { sortKey, ...shown } = actor;
      return [{ ...shown, role: m.role, since: m.since, sortKey }];
    })
    .sort((a, b) => (a.role === b.role ? a.sortKey.localeCompare(b.sortKey) || a.actorId.localeCompare(b.actorId) : a.role === "lead" ? -1 : 1))
    .map(({ sortKey: _sortKey, ...participant }) => participant);
}
