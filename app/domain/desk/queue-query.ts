// Query parameters of the review queues, shared by the loaders and the filter forms (no
// server-only imports). Pages are keyset cursors over (created_at, id): the queues read the
// (status, created_at) indexes in order instead of counting past skipped rows.
import { z } from "zod";
import { actorStatusEnum, unRegionalGroupEnum } from "~/db/schema";
import { actorKinds } from "~/domain/public-query";

export const QUEUE_PAGE_SIZE = 25;
export const regionalGroups = unRegionalGroupEnum.enumValues;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
// "2026-12-01T09:00:00.123456Z_<uuid>": microseconds kept, so no two rows share a cursor by rounding.
const cursor = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z_[0-9a-f-]{36}$/)
    .optional()
    .catch(undefined),
);

export const actorStatuses = actorStatusEnum.enumValues;

export const queueQuery = z.object({
  /** The actors list only: pending by default (the queue), else approved, suspended or rejected actors to act on. */
  status: z.preprocess(blankToUndefined, z.enum(actorStatuses).optional().catch(undefined)),
  kind: z.preprocess(blankToUndefined, z.enum(actorKinds).optional().catch(undefined)),
  region: z.preprocess(blankToUndefined, z.enum(regionalGroups).optional().catch(undefined)),
  /** Items created after this cursor (the next, newer page). */
  after: cursor,
  /** Items created before this cursor (the previous, older page). */
  before: cursor,
});
export type QueueQuery = z.infer<typeof queueQuery>;

export function splitCursor(value: string): { at: string; id: string } {
  const [at = "", id = ""] = value.split("_");
  return { at, id };
}
