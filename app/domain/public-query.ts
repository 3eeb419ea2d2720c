// Query parameters of the public directory, validated once for the HTML pages and the JSON API.
// No server-only imports: the pages also use the value lists to draw their filter forms.
import { z } from "zod";

import { actorKinds, axes, MAX_PAGE, MAX_SEARCH_LENGTH, publicInitiativeStatuses, themes, unRegionalGroups } from "./public-values";

// The value lists and helpers the pages draw with live in ./public-values (no zod there, so a
// public page's browser bundle does not carry the schemas); they are re-exported for the loaders.
export { actorKinds, axes, listSearch, MAX_PAGE, MAX_SEARCH_LENGTH, PAGE_SIZE, pageCount, publicInitiativeStatuses, themes, unRegionalGroups } from "./public-values";

/** An empty field (what a GET form sends for "all") means the filter is not set. */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const page = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d+$/, "must be a whole number of 1 or more")
    .transform(Number)
    .pipe(z.number().int().min(1, "must be 1 or more").max(MAX_PAGE, `must be at most ${MAX_PAGE}`))
    .default("1"),
);

// Control characters have no place in a search and PostgreSQL refuses NUL outright.
const search = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/[\u0000-\u001f\u007f]/g, " ").trim() || undefined : value),
  z.string().max(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`).optional(),
);

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { message: `must be one of: ${values.join(", ")}` }).optional());


export const initiativeListQuery = z.object({
  axis: oneOf(axes),
  theme: oneOf(themes),
  status: oneOf(publicInitiativeStatuses),
  /** UN regional group: initiatives in which at least one State of that group takes part. */
  region: oneOf(unRegionalGroups),
  /** An actor's id: the initiatives it takes part in (as a lead or a supporter). */
  supporter: z.preprocess(blankToUndefined, z.string().uuid("must be the id of an actor").optional()),
  q: search,
  page,
});
export type InitiativeListQuery = z.infer<typeof initiativeListQuery>;

export const initiativeSlug = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const actorListQuery = z.object({
  kind: oneOf(actorKinds),
  /** Default: the Alliance's actors only; "all" adds the UN States that have not joined yet. */
  scope: oneOf(["alliance", "all"] as const),
  /** UN regional group of the State, or of an organisation's headquarters country. */
  region: oneOf(unRegionalGroups),
  /** "yes": only actors taking part in at least one public initiative. */
  participating: oneOf(["yes"] as const),
  q: search,
  /** Only the actors taking part in this initiative (its slug): the full list behind a detail page. */
  initiative: z.preprocess(blankToUndefined, initiativeSlug.optional()),
  page,
});
export type ActorListQuery = z.infer<typeof actorListQuery>;
export const actorId = z.string().uuid();

export interface QueryIssue {
  param: string;
  message: string;
}

export type ParsedQuery<T> = { success: true; data: T } | { success: false; issues: QueryIssue[] };

/**
 * Reads only the parameters the schema knows (the first value of each), so tracking
 * parameters and repeated keys never break a page.
 */
export function parseQuery<S extends z.AnyZodObject>(schema: S, params: URLSearchParams): ParsedQuery<z.infer<S>> {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) raw[key] = params.get(key) ?? undefined;
  const result = schema.safeParse(raw);
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    issues: result.error.issues.map((issue) => ({ param: String(issue.path[0] ?? ""), message: issue.message })),
  };
}

/** /meetings: upcoming meetings, filtered by initiative (its slug) and axis. */
export const meetingListQuery = z.object({
  /** One initiative, by its slug: the link from an initiative's page. */
  initiative: z.preprocess(blankToUndefined, initiativeSlug.optional()),
  /** Words of an initiative's name or summary, in any of its languages (replaces `initiative` in the form). */
  q: search,
  axis: oneOf(axes),
  page,
});
export type MeetingListQueryInput = z.infer<typeof meetingListQuery>;
