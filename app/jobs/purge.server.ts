// Rows that have stopped meaning anything: expired sessions, verification tokens that were used
// or have expired, and rate-limit windows that are over. Without this they pile up forever.
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { rateLimits, sessions, verificationTokens } from "~/db/schema";

// Counted in SQL, so a backlog of a million rows is deleted without being sent back to us.
async function deleteCounting(db: Executor, table: SQL, where: SQL): Promise<number> {
  const result: unknown = await db.execute(sql`with gone as (delete from ${table} where ${where} returning 1) select count(*)::int as n from gone`);
  // postgres.js answers with an array of rows, PGlite with { rows }.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return Number(rows[0]?.n ?? 0);
}

export async function purgeExpired(db: Executor, now: Date): Promise<Record<string, number>> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return {
    sessions: await deleteCounting(db, sql`${sessions}`, sql`${sessions.expiresAt} < ${at}`),
    tokens: await deleteCounting(
      db,
      sql`${verificationTokens}`,
      sql`${verificationTokens.usedAt} is not null or ${verificationTokens.expiresAt} < ${at}`,
    ),
    rateLimits: await deleteCounting(db, sql`${rateLimits}`, sql`${rateLimits.expiresAt} < ${at}`),
  };
}
