// Filters of the audit log page and its CSV export, shared by the loader, the export and the
// filter form (no server-only imports).
import { z } from "zod";

export const AUDIT_PAGE_SIZE = 50;

/** Decisions and staff changes: what the secretariat's audit page lists. */
export const auditActions = [
  "actor.approved",
  "actor.rejected",
  "actor.info_requested",
  "actor.suspended",
  "actor.reinstated",
  "affiliation.approved",
  "affiliation.rejected",
  "affiliation.info_requested",
  "affiliation.revoked",
  "user.role_changed",
] as const;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const day = z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d\d-\d\d$/, "errors.date").optional());

export const auditQuery = z
  .object({
    actor: z.preprocess(blankToUndefined, z.string().uuid("errors.actorId").optional()),
    /** A person, by email: the staff member who decided, or the applicant the decision was about. */
    user: z.preprocess(blankToUndefined, z.string().trim().max(254).optional()),
    action: z.preprocess(blankToUndefined, z.enum(auditActions).optional()),
    from: day,
    to: day,
    /** Events older than this id: the next page. */
    before: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "errors.dateOrder" });
export type AuditQuery = z.infer<typeof auditQuery>;

/** What a decision changed, in words for the page and the CSV. */
export function describeChange(data: unknown): { before: string; after: string; reason: string } {
  const record = (data ?? {}) as { before?: unknown; after?: unknown; reason?: unknown };
  const text = (value: unknown) =>
    value === undefined || value === null ? "" : typeof value === "string" ? value : typeof value === "object" && value && "status" in value ? String((value as { status: unknown }).status) : JSON.stringify(value);
  return { before: text(record.before), after: text(record.after), reason: typeof record.reason === "string" ? record.reason : "" };
}
