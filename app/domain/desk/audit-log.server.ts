// The audit log of decisions as staff read it: who decided what, when, why, before and after.
// Filters by actor, person, action and date; pages go back in time by id (the table's order).
import { and, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "~/db/client.server";
import { actors, auditEvents, countries, users, type Locale } from "~/db/schema";
import { actorDisplayName } from "~/domain/actors.server";
import { AUDIT_PAGE_SIZE, auditActions, type AuditQuery } from "./audit-query";

const author = alias(users, "author");
const concerned = alias(users, "concerned");
const actorIdOf = sql`(${auditEvents.data}->>'actorId')`;
const userIdOf = sql`(${auditEvents.data}->>'userId')`;

export function auditWhere(query: AuditQuery) {
  const nextDay = (value: string) => new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000).toISOString();
  return and(
    query.action ? eq(auditEvents.action, query.action) : inArray(auditEvents.action, [...auditActions]),
    query.actor ? sql`${actorIdOf} = ${query.actor}` : undefined,
    query.user
      ? sql`exists (select 1 from ${users} where lower(${users.email}) = lower(${query.user}) and (${users.id} = ${auditEvents.userId} or ${users.id}::text = ${userIdOf} or ${users.id}::text = ${auditEvents.subjectId}))`
      : undefined,
    query.from ? gte(auditEvents.occurredAt, sql`${`${query.from}T00:00:00Z`}::timestamptz`) : undefined,
    query.to ? lt(auditEvents.occurredAt, sql`${nextDay(query.to)}::timestamptz`) : undefined,
  );
}

/** The columns of one audit row as the page and the CSV show it. */
export function auditColumns(locale: Locale) {
  return {
    id: auditEvents.id,
    occurredAt: auditEvents.occurredAt,
    action: auditEvents.action,
    subjectType: auditEvents.subjectType,
    subjectId: auditEvents.subjectId,
    data: auditEvents.data,
    authorName: author.name,
    authorEmail: author.email,
    actorId: actors.id,
    actorName: actorDisplayName(locale),
    concernedName: concerned.name,
    concernedEmail: concerned.email,
  };
}

/** The audit rows with their names joined; a caller adds where, order and limit. */
export function auditSelect(db: Executor, locale: Locale) {
  return db
    .select(auditColumns(locale))
    .from(auditEvents)
    .leftJoin(author, eq(author.id, auditEvents.userId))
    .leftJoin(actors, sql`${actors.id}::text = ${actorIdOf}`)
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .leftJoin(concerned, or(sql`${concerned.id}::text = ${userIdOf}`, and(eq(auditEvents.subjectType, "user"), sql`${concerned.id}::text = ${auditEvents.subjectId}`)));
}

export async function listAuditEvents(db: Executor, query: AuditQuery, locale: Locale) {
  const rows = await auditSelect(db, locale)
    .where(and(auditWhere(query), query.before ? lt(auditEvents.id, query.before) : undefined))
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const items = rows.slice(0, AUDIT_PAGE_SIZE);
  return { items, nextBefore: rows.length > AUDIT_PAGE_SIZE ? (items.at(-1)?.id ?? null) : null };
}

export type AuditItem = Awaited<ReturnType<typeof listAuditEvents>>["items"][number];
