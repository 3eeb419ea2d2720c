// The audit trail: one row per security-relevant event or review decision. The table is
// append-only in the database (trigger), so this module only ever inserts.
import type { Executor } from "~/db/client.server";
import { auditEvents } from "~/db/schema";

export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  userId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  origin?: RequestOrigin;
  /** Before/after values and facts; never secrets, tokens or password material. */
  data?: Record<string, unknown>;
}

export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    userId: entry.userId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    ip: entry.origin?.ip ?? null,
    userAgent: entry.origin?.userAgent?.slice(0, 500) ?? null,
    data: entry.data ?? null,
  });
}
