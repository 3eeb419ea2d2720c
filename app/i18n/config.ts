// The languages and translation namespaces, shared by the server and the browser so that both
// render the same text; which namespaces the browser loads for a page is ADR 017.
import type { Locale } from "~/db/schema";

export const supportedLanguages = ["en", "fr", "es"] as const satisfies readonly Locale[];
export const fallbackLanguage: Locale = "en";
export const defaultNamespace = "common";
export const namespaces = ["common", "home", "initiatives", "actors", "errors", "auth", "account", "emails", "desk", "membership", "pages", "coalitions", "coalitionWork", "meetings", "map", "discovery", "search", "openData", "translations", "refusals", "feeds"] as const;
export type Namespace = (typeof namespaces)[number];
/** Namespaces only the server reads (emails, the HTTP layer's refusals, the Atom feeds): never sent to a browser. */
export type ClientNamespace = Exclude<Namespace, "emails" | "refusals" | "feeds">;
/**
 * What the root layout draws on every page (header, footer, error page, titles and descriptions
 * of utils/seo.ts): loaded by the root module. A route module adds its own in `handle.i18n`.
 */
export const ROOT_NAMESPACES = ["common", "errors", "discovery"] as const satisfies readonly ClientNamespace[];

/** What a route module declares and awaits (app/i18n/client-resources.ts, ADR 017). */
export interface RouteI18nHandle {
  i18n: readonly ClientNamespace[];
}

export function isSupportedLanguage(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

/** Shared by the server instance and the browser instance so both render the same text. */
export const i18nOptions = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS: defaultNamespace,
  ns: [...namespaces],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
} as const;
