import type { Locale } from "~/db/schema";

export const supportedLanguages = ["en", "fr", "es"] as const satisfies readonly Locale[];
export const fallbackLanguage: Locale = "en";
export const defaultNamespace = "common";
export const namespaces = ["common", "home", "initiatives", "actors", "errors", "auth", "account", "emails", "desk", "membership", "pages", "coalitions", "coalitionWork", "meetings", "map", "discovery", "translations"] as const;
export type Namespace = (typeof namespaces)[number];

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
