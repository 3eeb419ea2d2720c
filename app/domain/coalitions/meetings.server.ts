// A coalition's meetings: its leads post, change and cancel them; every participant's
// representatives hear of each change in their own language; the public sees them without
// the online link, which only the representatives of participating actors (leads included) get.
// Each use case is one transaction holding the change, its audit row and its outbox emails.
import { and, asc, desc, eq, gt, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { recordAudit } from "~/auth/audit.server";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, initiatives, meetings, participations, type Axis } from "~/db/schema";
import { i18nServer } from "~/i18n/i18next.server";
import { enqueueMail, type MeetingMailTemplate } from "~/mail/outbox.server";
import { PUBLIC_INITIATIVE_STATUSES } from "../actors.server";
import { PAGE_SIZE } from "../public-query";
import { prefixTsquery } from "../search-query";
import { matchesInAnyLanguage } from "./translation-reads.server";
import { MEETING_MAX_DAYS, type MeetingValues } from "./meeting-schema";
import { formatMeetingWhen } from "./meeting-time";
import { participantRepresentatives } from "./notify.server";
import { leadsInitiative, type Caller, type Outcome } from "./participation.server";

export type MeetingResult = Outcome<{ meetingId: string; sequence: number; changed: boolean }, "notFound" | "notLead" | "cancelled" | "stale">;

async function activeInitiative(db: Executor, initiativeId: string) {
  const [row] = await db
    .select({ id: initiatives.id, slug: initiatives.slug, title: initiatives.title })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), eq(initiatives.status, "active")));
  return row ?? null;
}

type Initiative = NonNullable<Awaited<ReturnType<typeof activeInitiative>>>;

/** A lead posts a meeting of their initiative. */
export async function postMeeting(db: Executor, by: Caller, initiativeId: string, values: MeetingValues): Promise<MeetingResult> {
  return db.transaction(async (tx) => {
    const initiative = await activeInitiative(tx, initiativeId);
    if (!initiative) return { ok: false, reason: "notFound" };
    if (!(await leadsInitiative(tx, by.userId, initiative.id))) return { ok: false, reason: "notLead" };
    const [row] = await tx
      .insert(meetings)
      .values({ ...values, initiativeId: initiative.id, createdByUserId: by.userId, updatedByUserId: by.userId })
      .returning();
    if (!row) throw new Error("meeting insert returned nothing");
    await recordAudit(tx, { userId: by.userId, action: "meeting.post", subjectType: "meeting", subjectId: row.id, origin: by.origin, data: { initiativeId: initiative.id, after: values } });
    await notifyParticipants(tx, by, initiative, row, "meetings:mail.posted");
    return { ok: true, meetingId: row.id, sequence: row.sequence, changed: true };
  });
}

const sameValues = (a: MeetingValues, b: MeetingValues) =>
  a.title === b.title &&
  a.startsAt.getTime() === b.startsAt.getTime() &&
  a.endsAt.getTime() === b.endsAt.getTime() &&
  a.timeZone === b.timeZone &&
  a.place === b.place &&
  a.onlineUrl === b.onlineUrl &&
  a.agenda === b.agenda;

/**
 * A lead changes a meeting. `expectedSequence` is the version the lead's form showed: a change
 * made meanwhile by another lead (or a cancellation) is never overwritten unseen.
 */
export async function changeMeeting(
  db: Executor,
  by: Caller,
  input: { initiativeId: string; meetingId: string; expectedSequence: number; values: MeetingValues },
): Promise<MeetingResult> {
  return db.transaction(async (tx) => {
    const initiative = await activeInitiative(tx, input.initiativeId);
    if (!initiative) return { ok: false, reason: "notFound" };
    if (!(await leadsInitiative(tx, by.userId, initiative.id))) return { ok: false, reason: "notLead" };
    const [before] = await tx.select().from(meetings).where(and(eq(meetings.id, input.meetingId), eq(meetings.initiativeId, initiative.id)));
    if (!before) return { ok: false, reason: "notFound" };
    if (before.cancelledAt) return { ok: false, reason: "cancelled" };
    if (before.sequence !== input.expectedSequence) return { ok: false, reason: "stale" };
    if (sameValues(before, input.values)) return { ok: true, meetingId: before.id, sequence: before.sequence, changed: false };
    // One statement decides: the row changes only if nobody cancelled or changed it since it
    // was read (same sequence, still not cancelled); of two leads saving at once, the second
    // waits for the first's row lock, re-checks this WHERE, finds the new sequence and gets
    // nothing back, so its form asks it to look again instead of silently overwriting.
    const [row] = await tx
      .update(meetings)
      .set({ ...input.values, sequence: sql`${meetings.sequence} + 1`, updatedAt: new Date(), updatedByUserId: by.userId })
      .where(and(eq(meetings.id, before.id), eq(meetings.sequence, input.expectedSequence), isNull(meetings.cancelledAt)))
      .returning();
    if (!row) return { ok: false, reason: "stale" };
    const { title, startsAt, endsAt, timeZone, place, onlineUrl, agenda } = before;
    await recordAudit(tx, {
      userId: by.userId,
      action: "meeting.change",
      subjectType: "meeting",
      subjectId: row.id,
      origin: by.origin,
      data: { initiativeId: initiative.id, before: { title, startsAt, endsAt, timeZone, place, onlineUrl, agenda }, after: input.values, sequence: row.sequence },
    });
    await notifyParticipants(tx, by, initiative, row, "meetings:mail.changed");
    return { ok: true, meetingId: row.id, sequence: row.sequence, changed: true };
  });
}

/** A lead cancels a meeting; it stays listed (and in calendars) as cancelled. Twice is once. */
export async function cancelMeeting(db: Executor, by: Caller, input: { initiativeId: string; meetingId: string }): Promise<MeetingResult> {
  return db.transaction(async (tx) => {
    const initiative = await activeInitiative(tx, input.initiativeId);
    if (!initiative) return { ok: false, reason: "notFound" };
    if (!(await leadsInitiative(tx, by.userId, initiative.id))) return { ok: false, reason: "notLead" };
    const now = new Date();
    // "cancelled_at IS NULL" in the same statement: of two cancellations at once, one changes
    // the row (and notifies); the other waits, re-checks, and changes nothing.
    const [row] = await tx
      .update(meetings)
      .set({ cancelledAt: now, sequence: sql`${meetings.sequence} + 1`, updatedAt: now, updatedByUserId: by.userId })
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.initiativeId, initiative.id), isNull(meetings.cancelledAt)))
      .returning();
    if (!row) {
      const [existing] = await tx
        .select({ id: meetings.id, sequence: meetings.sequence })
        .from(meetings)
        .where(and(eq(meetings.id, input.meetingId), eq(meetings.initiativeId, initiative.id)));
      return existing ? { ok: true, meetingId: existing.id, sequence: existing.sequence, changed: false } : { ok: false, reason: "notFound" };
    }
    await recordAudit(tx, { userId: by.userId, action: "meeting.cancel", subjectType: "meeting", subjectId: row.id, origin: by.origin, data: { initiativeId: initiative.id, sequence: row.sequence } });
    await notifyParticipants(tx, by, initiative, row, "meetings:mail.cancelled");
    return { ok: true, meetingId: row.id, sequence: row.sequence, changed: true };
  });
}

/** Each participant's representatives, in their language, with the time in the meeting's zone. */
async function notifyParticipants(tx: Executor, by: Caller, initiative: Initiative, meeting: typeof meetings.$inferSelect, template: MeetingMailTemplate) {
  const base = by.appUrl ?? "";
  for (const r of await participantRepresentatives(tx, initiative.id)) {
    const t = await i18nServer.getFixedT(r.locale, "meetings");
    const where = [meeting.place, meeting.onlineUrl ? t("mail.onlineAt", { url: meeting.onlineUrl }) : null].filter(Boolean).join(" · ");
    await enqueueMail(tx, {
      to: r.email,
      locale: r.locale,
      template,
      params: {
        name: r.name,
        initiative: initiative.title,
        title: meeting.title,
        when: formatMeetingWhen(r.locale, meeting.startsAt, meeting.endsAt, meeting.timeZone),
        where,
        agenda: meeting.agenda || "—",
        calendar: `${base}/meetings/${meeting.id}.ics`,
        link: `${base}${meetingPath(initiative.slug, meeting.id)}`,
      },
    });
  }
}

/** Where a meeting is shown: its initiative's page, at the meeting. */
export function meetingPath(slug: string, meetingId: string): string {
  return `/initiatives/${slug}#meeting-${meetingId}`;
}

// ------------------------------------------------------------------------------------------
// Reads

const isPublicInitiative = inArray(initiatives.status, PUBLIC_INITIATIVE_STATUSES);

/**
 * Not yet ended. The bound on starts_at is what the index (starts_at, id) can use: no meeting
 * lasts longer than MEETING_MAX_DAYS (a check constraint), so it changes nothing in the result.
 */
export function upcoming(now: Date): SQL {
  const earliestStart = new Date(now.getTime() - MEETING_MAX_DAYS * 24 * 60 * 60 * 1000);
  return and(gt(meetings.endsAt, now), gt(meetings.startsAt, earliestStart)) as SQL;
}

// What anyone may see of a meeting: never the online link, only whether there is one.
const publicColumns = {
  id: meetings.id,
  title: meetings.title,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  timeZone: meetings.timeZone,
  place: meetings.place,
  online: sql<boolean>`${meetings.onlineUrl} is not null`.mapWith(Boolean),
  agenda: meetings.agenda,
  cancelled: sql<boolean>`${meetings.cancelledAt} is not null`.mapWith(Boolean),
};

export interface MeetingListQuery {
  initiative?: string;
  q?: string;
  axis?: Axis;
  page: number;
}

/**
 * /meetings: upcoming meetings of public initiatives, soonest first; two statements whatever the
 * page. The initiative is chosen by its slug (from its page) or by words of its name or summary
 * in any of its languages (the initiatives' full-text indexes): a list of every initiative with something
 * coming up was a thousand options on the bench data, most of the page's weight.
 */
export async function listUpcomingMeetings(db: Executor, query: MeetingListQuery, now = new Date()) {
  const words = query.q ? prefixTsquery(query.q) : null;
  const where = and(
    upcoming(now),
    isPublicInitiative,
    query.initiative ? eq(initiatives.slug, query.initiative) : undefined,
    query.axis ? eq(initiatives.axis, query.axis) : undefined,
    // Words that are only punctuation find nothing, as in the directory.
    query.q ? (words ? matchesInAnyLanguage(words) : sql`false`) : undefined,
  );
  const offset = (query.page - 1) * PAGE_SIZE;
  const [[counted], items] = await Promise.all([
    db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(meetings)
      .innerJoin(initiatives, eq(initiatives.id, meetings.initiativeId))
      .where(where),
    db
      .select({ ...publicColumns, initiative: { slug: initiatives.slug, title: initiatives.title, axis: initiatives.axis } })
      .from(meetings)
      .innerJoin(initiatives, eq(initiatives.id, meetings.initiativeId))
      .where(where)
      .orderBy(asc(meetings.startsAt), asc(meetings.id))
      .limit(PAGE_SIZE)
      .offset(offset),
  ]);
  return { items, total: counted?.total ?? 0, page: query.page, pageSize: PAGE_SIZE };
}

/** An initiative's meetings for its public page, in date order, cancelled ones included. */
export async function initiativeMeetings(db: Executor, initiativeId: string) {
  return db.select(publicColumns).from(meetings).where(eq(meetings.initiativeId, initiativeId)).orderBy(asc(meetings.startsAt), asc(meetings.id));
}

export type PublicMeeting = Awaited<ReturnType<typeof initiativeMeetings>>[number];

/** True when one of the user's approved actors actively takes part (as lead or supporter). */
const participatesThroughUser = (userId: string) => sql`exists (
  select 1 from ${participations}
  join ${affiliations} on ${affiliations.actorId} = ${participations.actorId}
  join ${actors} on ${actors.id} = ${participations.actorId}
  where ${participations.initiativeId} = ${meetings.initiativeId}
    and ${participations.status} = 'active'
    and ${actors.status} = 'approved'
    and ${affiliations.userId} = ${userId}
    and ${affiliations.status} = 'approved')`;

/**
 * The online links of an initiative's meetings, for a representative of a participant; else an
 * empty object. A scalar subquery, so the initiative page reads it inside the visitor's standing
 * statement (visitorStanding) and a signed-in page stays within its statement bound.
 */
export function onlineLinksSql(userId: string, initiativeId: string) {
  return sql<Record<string, string> | string | null>`(select coalesce(json_object_agg(${meetings.id}, ${meetings.onlineUrl}), '{}'::json)
    from ${meetings}
    where ${and(eq(meetings.initiativeId, initiativeId), isNull(meetings.cancelledAt), sql`${meetings.onlineUrl} is not null`, participatesThroughUser(userId))})`;
}

/**
 * The dashboard's list: upcoming meetings of the initiatives the user's actors take part in, as
 * one json value to be read inside another statement (the dashboard's list of
 * affiliations), so the dashboard costs no more statements than a directory page.
 */
export function upcomingMeetingsForUserSql(userId: string, now = new Date(), limit = 10) {
  return sql<unknown>`(select coalesce(json_agg(json_build_object(
      'id', m.id, 'title', m.title, 'startsAt', m.starts_at, 'endsAt', m.ends_at, 'timeZone', m.time_zone,
      'place', m.place, 'online', m.online_url is not null, 'onlineUrl', m.online_url, 'agenda', m.agenda,
      'cancelled', m.cancelled_at is not null, 'slug', m.slug, 'initiativeTitle', m.initiative_title)
      order by m.starts_at, m.id), '[]'::json)
    from (select ${meetings.id} as id, ${meetings.title} as title, ${meetings.startsAt} as starts_at, ${meetings.endsAt} as ends_at,
                 ${meetings.timeZone} as time_zone, ${meetings.place} as place, ${meetings.onlineUrl} as online_url,
                 ${meetings.agenda} as agenda, ${meetings.cancelledAt} as cancelled_at, ${initiatives.slug} as slug,
                 ${initiatives.title} as initiative_title
          from ${meetings} join ${initiatives} on ${initiatives.id} = ${meetings.initiativeId}
          where ${and(upcoming(now), isPublicInitiative, participatesThroughUser(userId))}
          order by ${meetings.startsAt}, ${meetings.id} limit ${limit}) m)`;
}

interface UpcomingMeetingJson {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string | null;
  online: boolean;
  onlineUrl: string | null;
  agenda: string;
  cancelled: boolean;
  slug: string;
  initiativeTitle: string;
}

/** Reads the value of upcomingMeetingsForUserSql (parsed json from PGlite, text from postgres.js). */
export function parseUpcomingMeetings(value: unknown) {
  const rows = (typeof value === "string" ? JSON.parse(value) : (value ?? [])) as UpcomingMeetingJson[];
  return rows.map(({ slug, initiativeTitle, startsAt, endsAt, ...m }) => ({
    ...m,
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    initiative: { slug, title: initiativeTitle },
  }));
}

/** Every meeting of an initiative for its leads, online links included. */
export async function meetingsForLead(db: Executor, initiativeId: string) {
  return db
    .select({ ...publicColumns, onlineUrl: meetings.onlineUrl, sequence: meetings.sequence })
    .from(meetings)
    .where(eq(meetings.initiativeId, initiativeId))
    .orderBy(desc(meetings.startsAt), desc(meetings.id));
}

export async function meetingForLead(db: Executor, initiativeId: string, meetingId: string) {
  const [row] = await db
    .select({ ...publicColumns, onlineUrl: meetings.onlineUrl, sequence: meetings.sequence })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.initiativeId, initiativeId)));
  return row ?? null;
}

/** How far back the all-meetings feed reaches: enough for calendars to keep the recent past. */
const FEED_HISTORY_DAYS = 366;
const FEED_LIMIT = 2_000;

/**
 * Meetings for a public calendar, cancelled ones included (so calendar apps remove them), with
 * what the events link to; never the online link. One meeting, one initiative's, or all recent.
 */
export async function calendarMeetings(db: Executor, scope: { meetingId: string } | { initiativeSlug: string } | { all: true }, now = new Date()) {
  const where =
    "meetingId" in scope
      ? eq(meetings.id, scope.meetingId)
      : "initiativeSlug" in scope
        ? eq(initiatives.slug, scope.initiativeSlug)
        : gt(meetings.startsAt, new Date(now.getTime() - FEED_HISTORY_DAYS * 24 * 60 * 60 * 1000));
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      timeZone: meetings.timeZone,
      place: meetings.place,
      online: publicColumns.online,
      agenda: meetings.agenda,
      cancelledAt: meetings.cancelledAt,
      sequence: meetings.sequence,
      updatedAt: meetings.updatedAt,
      createdAt: meetings.createdAt,
      initiative: { slug: initiatives.slug, title: initiatives.title },
    })
    .from(meetings)
    .innerJoin(initiatives, eq(initiatives.id, meetings.initiativeId))
    .where(and(where, isPublicInitiative))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(FEED_LIMIT);
}

export type CalendarMeeting = Awaited<ReturnType<typeof calendarMeetings>>[number];

/** The title of a public initiative by its slug, or null: what an empty feed is named after. */
export async function publicInitiativeTitle(db: Executor, slug: string): Promise<string | null> {
  const [row] = await db.select({ title: initiatives.title }).from(initiatives).where(and(eq(initiatives.slug, slug), isPublicInitiative));
  return row?.title ?? null;
}
