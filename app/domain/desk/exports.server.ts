// The secretariat's CSV exports: actors, affiliations and the filtered audit log. Rows are read
// in keyset batches (WHERE id > last ORDER BY id LIMIT n) and written to the response as each
// batch arrives, so an export of 100,000 rows holds one batch in memory, works the same on
// PostgreSQL and PGlite, and holds no database connection while a slow client downloads.
// Columns are documented in docs/api.md.
import { stringify } from "csv-stringify/sync";
import { and, asc, desc, eq, gt, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, auditEvents, countries, users } from "~/db/schema";
import { auditSelect, auditWhere } from "./audit-log.server";
import { describeChange, type AuditQuery } from "./audit-query";

export const EXPORT_BATCH_SIZE = 1000;
const BOM = "\uFEFF";

export type Cell = string | number | boolean | Date | null | undefined;

/**
 * A cell as text. Dates in ISO 8601 (UTC). Text that a spreadsheet would read as a formula
 * (starting with = + - @, tab or carriage return) gets a leading apostrophe, so opening the
 * file never runs what an applicant typed (OWASP "CSV injection").
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== "string") return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface CsvExport<Row> {
  columns: string[];
  toCells(row: Row): Cell[];
  batches(batchSize: number): AsyncIterable<Row[]>;
}

/** The CSV text, batch by batch: the BOM and header first, then one chunk per batch. */
export async function* csvChunks<Row>(source: CsvExport<Row>, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<string> {
  yield BOM + stringify([source.columns], { record_delimiter: "\r\n" });
  for await (const rows of source.batches(batchSize)) {
    if (rows.length) yield stringify(rows.map((row) => source.toCells(row).map(csvCell)), { record_delimiter: "\r\n" });
  }
}

/** A streamed download: the body is pulled batch by batch as the client reads it. */
export function csvResponse<Row>(filename: string, source: CsvExport<Row>, batchSize = EXPORT_BATCH_SIZE): Response {
  const chunks = csvChunks(source, batchSize);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** Batches in id order: each query starts after the last id of the previous batch. */
export async function* byId<Row extends { id: string }>(fetch: (after: string | null, limit: number) => Promise<Row[]>, batchSize: number) {
  let after: string | null = null;
  for (;;) {
    const rows = await fetch(after, batchSize);
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

export function actorsExport(db: Executor) {
  const approvedRepresentatives = sql<number>`(select count(*)::int from ${affiliations} where ${affiliations.actorId} = ${actors.id} and ${affiliations.status} = 'approved')`;
  const select = () =>
    db
      .select({
        id: actors.id,
        kind: actors.kind,
        category: actors.category,
        name: actors.name,
        shortName: actors.shortName,
        countryCode: actors.countryCode,
        countryName: countries.nameEn,
        website: actors.website,
        status: actors.status,
        representatives: approvedRepresentatives,
        createdAt: actors.createdAt,
        reviewedAt: actors.reviewedAt,
        reviewReason: actors.reviewReason,
        suspendedAt: actors.suspendedAt,
        suspendedReason: actors.suspendedReason,
      })
      .from(actors)
      .leftJoin(countries, eq(countries.iso3, actors.countryCode));
  type Row = Awaited<ReturnType<ReturnType<typeof select>["execute"]>>[number];
  return {
    columns: [
      "id",
      "kind",
      "category",
      "name",
      "short_name",
      "country_code",
      "country_name",
      "website",
      "status",
      "approved_representatives",
      "created_at",
      "reviewed_at",
      "review_reason",
      "suspended_at",
      "suspended_reason",
    ],
    toCells: (r: Row): Cell[] => [
      r.id,
      r.kind,
      r.category,
      r.name,
      r.shortName,
      r.countryCode,
      r.countryName,
      r.website,
      r.status,
      r.representatives,
      r.createdAt,
      r.reviewedAt,
      r.reviewReason,
      r.suspendedAt,
      r.suspendedReason,
    ],
    batches: (batchSize: number) =>
      byId((after, limit) => select().where(after ? gt(actors.id, after) : undefined).orderBy(asc(actors.id)).limit(limit), batchSize),
  } satisfies CsvExport<Row>;
}

const reviewer = alias(users, "reviewer");

export function affiliationsExport(db: Executor) {
  const select = () =>
    db
      .select({
        id: affiliations.id,
        userName: users.name,
        userEmail: users.email,
        actorId: actors.id,
        actorName: actors.name,
        actorKind: actors.kind,
        actorStatus: actors.status,
        role: affiliations.role,
        status: affiliations.status,
        title: affiliations.title,
        ministryOrMission: affiliations.ministryOrMission,
        officialEmail: affiliations.officialEmail,
        createdAt: affiliations.createdAt,
        reviewedAt: affiliations.reviewedAt,
        reviewerEmail: reviewer.email,
        reviewReason: affiliations.reviewReason,
        revokedAt: affiliations.revokedAt,
        revokeReason: affiliations.revokeReason,
      })
      .from(affiliations)
      .innerJoin(users, eq(users.id, affiliations.userId))
      .innerJoin(actors, eq(actors.id, affiliations.actorId))
      .leftJoin(reviewer, eq(reviewer.id, affiliations.reviewedByUserId));
  type Row = Awaited<ReturnType<ReturnType<typeof select>["execute"]>>[number];
  return {
    columns: [
      "id",
      "user_name",
      "user_email",
      "actor_id",
      "actor_name",
      "actor_kind",
      "actor_status",
      "role",
      "status",
      "title",
      "ministry_or_mission",
      "official_email",
      "created_at",
      "reviewed_at",
      "reviewed_by",
      "review_reason",
      "revoked_at",
      "revoke_reason",
    ],
    toCells: (r: Row): Cell[] => [
      r.id,
      r.userName,
      r.userEmail,
      r.actorId,
      r.actorName,
      r.actorKind,
      r.actorStatus,
      r.role,
      r.status,
      r.title,
      r.ministryOrMission,
      r.officialEmail,
      r.createdAt,
      r.reviewedAt,
      r.reviewerEmail,
      r.reviewReason,
      r.revokedAt,
      r.revokeReason,
    ],
    batches: (batchSize: number) =>
      byId((after, limit) => select().where(after ? gt(affiliations.id, after) : undefined).orderBy(asc(affiliations.id)).limit(limit), batchSize),
  } satisfies CsvExport<Row>;
}

/** The audit log with the page's filters, newest first like the page. */
export function auditExport(db: Executor, query: AuditQuery) {
  const select = () => auditSelect(db, "en");
  type Row = Awaited<ReturnType<ReturnType<typeof select>["execute"]>>[number];
  return {
    columns: [
      "id",
      "occurred_at",
      "action",
      "subject_type",
      "subject_id",
      "actor_id",
      "actor_name",
      "decided_by_email",
      "decided_by_name",
      "concerning_email",
      "concerning_name",
      "reason",
      "before",
      "after",
    ],
    toCells: (r: Row): Cell[] => {
      const change = describeChange(r.data);
      return [
        r.id,
        r.occurredAt,
        r.action,
        r.subjectType,
        r.subjectId,
        r.actorId,
        r.actorName,
        r.authorEmail,
        r.authorName,
        r.concernedEmail,
        r.concernedName,
        change.reason,
        change.before,
        change.after,
      ];
    },
    async *batches(batchSize: number) {
      let before: number | null = null;
      for (;;) {
        const rows: Row[] = await select()
          .where(and(auditWhere(query), before === null ? undefined : lt(auditEvents.id, before)))
          .orderBy(desc(auditEvents.id))
          .limit(batchSize);
        if (rows.length) yield rows;
        if (rows.length < batchSize) return;
        before = rows[rows.length - 1]!.id;
      }
    },
  } satisfies CsvExport<Row>;
}
