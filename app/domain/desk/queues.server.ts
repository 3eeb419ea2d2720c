// What the secretariat reads: the desk's figures, the queues of pending actors and affiliations
// (oldest first), and everything needed to decide one item. Each page costs a fixed, small
// number of statements whatever the size of the queues (tests/integration/desk-queries.test.ts).
import { and, asc, desc, eq, gt, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, countries, users, type ActorKind, type Locale } from "~/db/schema";
import { actorDisplayName, countryName } from "~/domain/actors.server";
import { QUEUE_PAGE_SIZE, splitCursor, type QueueQuery } from "./queue-query";

/** The row's position as text, with microseconds, for the next and previous page links. */
export const cursorOf = (createdAt: AnyPgColumn, id: AnyPgColumn) =>
  sql<string>`to_char(${createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || ${id}`;

/** Waiting for the applicant's answer to a request for more information. */
const awaitingApplicant = (table: typeof actors | typeof affiliations) =>
  sql<boolean>`(${table.infoRequestedAt} is not null and (${table.infoRespondedAt} is null or ${table.infoRespondedAt} < ${table.infoRequestedAt}))`;

export interface DeskFigures {
  actorsByKindAndStatus: { kind: ActorKind; status: string; count: number }[];
  pendingActors: number;
  pendingAffiliations: number;
  awaitingApplicant: number;
  oldestPendingAt: string | null;
  decisionsThisMonth: number;
  medianDaysToDecision: number | null;
}

// Pending registrations are the organisations waiting; a registration's own application is
// decided with it, so the affiliation queue holds only applications to actors already decided.
const pendingAffiliationWhere = sql`${affiliations.status} = 'pending' and exists (select 1 from ${actors} where ${actors.id} = ${affiliations.actorId} and ${actors.status} <> 'pending')`;

/** The desk's figures, in one statement. */
export async function getDeskFigures(db: Executor, now = new Date()): Promise<DeskFigures> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  const [row] = await db
    .select({
      byKind: sql<{ kind: ActorKind; status: string; count: number }[]>`(
        select coalesce(json_agg(json_build_object('kind', kind, 'status', status, 'count', n) order by kind, status), '[]'::json)
        from (select ${actors.kind} as kind, ${actors.status} as status, count(*)::int as n from ${actors} group by 1, 2) grouped)`,
      pendingActors: sql<number>`(select count(*)::int from ${actors} where ${actors.status} = 'pending')`,
      pendingAffiliations: sql<number>`(select count(*)::int from ${affiliations} where ${pendingAffiliationWhere})`,
      awaitingApplicant: sql<number>`(
        (select count(*)::int from ${actors} where ${actors.status} = 'pending' and ${awaitingApplicant(actors)})
        + (select count(*)::int from ${affiliations} where ${pendingAffiliationWhere} and ${awaitingApplicant(affiliations)}))`,
      oldestPendingAt: sql<string | null>`least(
        (select min(${actors.createdAt}) from ${actors} where ${actors.status} = 'pending'),
        (select min(${affiliations.createdAt}) from ${affiliations} where ${pendingAffiliationWhere}))`,
      decisionsThisMonth: sql<number>`(
        select count(*)::int from audit_events
        where occurred_at >= ${monthStart}::timestamptz and (action like 'actor.%' or action like 'affiliation.%') and action not like '%.info_requested')`,
      medianSeconds: sql<number | null>`(
        select percentile_cont(0.5) within group (order by seconds) from (
          select extract(epoch from ${affiliations.reviewedAt} - ${affiliations.createdAt}) as seconds from ${affiliations}
          where ${affiliations.reviewedAt} >= ${yearAgo}::timestamptz and ${affiliations.reviewedByUserId} is not null
          union all
          select extract(epoch from ${actors.reviewedAt} - ${actors.createdAt}) from ${actors}
          where ${actors.reviewedAt} >= ${yearAgo}::timestamptz and ${actors.reviewedByUserId} is not null) decided)`,
    })
    .from(sql`(select 1) as one`);
  if (!row) throw new Error("figures query returned nothing");
  const median = row.medianSeconds === null ? null : Number(row.medianSeconds);
  return {
    actorsByKindAndStatus: typeof row.byKind === "string" ? JSON.parse(row.byKind) : row.byKind,
    pendingActors: Number(row.pendingActors),
    pendingAffiliations: Number(row.pendingAffiliations),
    awaitingApplicant: Number(row.awaitingApplicant),
    oldestPendingAt: row.oldestPendingAt ? new Date(row.oldestPendingAt).toISOString() : null,
    decisionsThisMonth: Number(row.decisionsThisMonth),
    medianDaysToDecision: median === null ? null : Math.round((median / 86_400) * 10) / 10,
  };
}

/** The rows after (or before) a page cursor, in (created_at, id) order. */
export function keyset(createdAt: AnyPgColumn, id: AnyPgColumn, query: QueueQuery) {
  const position = query.before ?? query.after;
  if (!position) return undefined;
  const { at, id: cursorId } = splitCursor(position);
  const ts = sql`${at}::timestamptz`;
  return query.before
    ? or(lt(createdAt, ts), and(eq(createdAt, ts), lt(id, cursorId)))
    : or(gt(createdAt, ts), and(eq(createdAt, ts), gt(id, cursorId)));
}

/** One page of a queue and the cursors of its neighbours. Fetches one row more to know if there is a next page. */
export function page<T extends { cursor: string }>(rows: T[], query: QueueQuery) {
  const backwards = Boolean(query.before);
  const more = rows.length > QUEUE_PAGE_SIZE;
  const items = rows.slice(0, QUEUE_PAGE_SIZE);
  if (backwards) items.reverse();
  return {
    items,
    newer: (backwards ? true : more) && items.length ? items[items.length - 1]!.cursor : null,
    older: (backwards ? more : Boolean(query.after)) && items.length ? items[0]!.cursor : null,
  };
}

const applicant = alias(users, "applicant");

export async function listPendingAffiliations(db: Executor, query: QueueQuery, locale: Locale) {
  const where = and(
    eq(affiliations.status, "pending"),
    ne(actors.status, "pending"),
    query.kind ? eq(actors.kind, query.kind) : undefined,
    query.region ? eq(countries.unRegionalGroup, query.region) : undefined,
  );
  const order = query.before ? [desc(affiliations.createdAt), desc(affiliations.id)] : [asc(affiliations.createdAt), asc(affiliations.id)];
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: affiliations.id,
        createdAt: affiliations.createdAt,
        role: affiliations.role,
        title: affiliations.title,
        awaitingApplicant: awaitingApplicant(affiliations),
        answered: sql<boolean>`${affiliations.infoRespondedAt} is not null and ${affiliations.infoRespondedAt} >= ${affiliations.infoRequestedAt}`,
        applicantName: applicant.name,
        applicantEmail: applicant.email,
        actorId: actors.id,
        actorName: actorDisplayName(locale),
        actorKind: actors.kind,
        countryName: countryName(locale),
        cursor: cursorOf(affiliations.createdAt, affiliations.id),
      })
      .from(affiliations)
      .innerJoin(actors, eq(actors.id, affiliations.actorId))
      .innerJoin(applicant, eq(applicant.id, affiliations.userId))
      .leftJoin(countries, eq(countries.iso3, actors.countryCode))
      .where(and(where, keyset(affiliations.createdAt, affiliations.id, query)))
      .orderBy(...order)
      .limit(QUEUE_PAGE_SIZE + 1),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(affiliations)
      .innerJoin(actors, eq(actors.id, affiliations.actorId))
      .leftJoin(countries, eq(countries.iso3, actors.countryCode))
      .where(where),
  ]);
  return { ...page(rows, query), total: counted?.n ?? 0 };
}

export async function listActorsForReview(db: Executor, query: QueueQuery, locale: Locale) {
  const where = and(
    eq(actors.status, query.status ?? "pending"),
    query.kind ? eq(actors.kind, query.kind) : undefined,
    query.region ? eq(countries.unRegionalGroup, query.region) : undefined,
  );
  const order = query.before ? [desc(actors.createdAt), desc(actors.id)] : [asc(actors.createdAt), asc(actors.id)];
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: actors.id,
        createdAt: actors.createdAt,
        name: actorDisplayName(locale),
        shortName: actors.shortName,
        kind: actors.kind,
        category: actors.category,
        countryName: countryName(locale),
        awaitingApplicant: awaitingApplicant(actors),
        answered: sql<boolean>`${actors.infoRespondedAt} is not null and ${actors.infoRespondedAt} >= ${actors.infoRequestedAt}`,
        applicantName: applicant.name,
        applicantEmail: applicant.email,
        cursor: cursorOf(actors.createdAt, actors.id),
      })
      .from(actors)
      .leftJoin(applicant, eq(applicant.id, actors.createdByUserId))
      .leftJoin(countries, eq(countries.iso3, actors.countryCode))
      .where(and(where, keyset(actors.createdAt, actors.id, query)))
      .orderBy(...order)
      .limit(QUEUE_PAGE_SIZE + 1),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(actors)
      .leftJoin(countries, eq(countries.iso3, actors.countryCode))
      .where(where),
  ]);
  return { ...page(rows, query), total: counted?.n ?? 0 };
}
