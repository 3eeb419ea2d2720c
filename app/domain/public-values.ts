// The directory's value lists and small helpers, shared by loaders (through ./public-query) and
// by the pages' components. Nothing here imports zod: a public page that only draws filters and
// pagination ships none of the validation code to the browser.
import type { ActorKind, Axis, Theme } from "~/db/schema";

export type UnRegionalGroup = "african" | "asia_pacific" | "eastern_european" | "latin_american_caribbean" | "western_european_others";

export const PAGE_SIZE = 20;
export const MAX_SEARCH_LENGTH = 200;
/** Shorter searches (in letters and digits) are not run: the search page says why (app/domain/search-query.ts). */
export const MIN_SEARCH_CHARACTERS = 2;
// Far beyond any real directory, yet small enough that the offset stays an exact integer.
export const MAX_PAGE = 1_000_000_000;

/** A list of every value of a database enum: leaving one out is a type error. */
const everyValueOf =
  <T extends string>() =>
  <const L extends readonly [T, ...T[]]>(list: L & ([T] extends [L[number]] ? unknown : "lists only some values")) =>
    list;

export const axes = everyValueOf<Axis>()(["international_law", "new_governance", "reform"]);
export const themes = everyValueOf<Theme>()([
  "cyber",
  "climate_security",
  "gender",
  "humanitarian_law",
  "health",
  "information_democracy",
  "disarmament",
  "human_rights",
  "institutions",
  "other",
]);
export const actorKinds = everyValueOf<ActorKind>()([
  "state",
  "international_organization",
  "regional_organization",
  "ngo",
  "other",
]);

/** The statuses the public directory shows (and filters by). */
export const publicInitiativeStatuses = ["active", "closed"] as const;

export const unRegionalGroups = everyValueOf<UnRegionalGroup>()([
  "african",
  "asia_pacific",
  "eastern_european",
  "latin_american_caribbean",
  "western_european_others",
]);

/** The query string of a list page with the same filters, for pagination links. */
export function listSearch(filters: Record<string, string | number | undefined>, pageNumber: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key !== "page" && value !== undefined && value !== "") params.set(key, String(value));
  }
  if (pageNumber > 1) params.set("page", String(pageNumber));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
