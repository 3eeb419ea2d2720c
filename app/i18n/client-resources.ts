// The browser's translations: one chunk per language, fetched on demand, so a page ships the
// language it shows and not the other two (about 10 KB gzip saved on every first load).
import type { Locale } from "~/db/schema";
import { fallbackLanguage, isSupportedLanguage } from "./config";

const loaders: Record<Locale, () => Promise<Record<string, object>>> = {
  en: () => import("./locales/en"),
  fr: () => import("./locales/fr"),
  es: () => import("./locales/es"),
};

/** Every namespace of a language, as i18next resources. */
export async function loadLanguage(language: string): Promise<Record<string, object>> {
  return { ...(await loaders[isSupportedLanguage(language) ? language : fallbackLanguage]()) };
}
