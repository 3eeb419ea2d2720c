// The server's translations: one i18next instance per language, built once at start-up and
// shared by every request (rendering in entry.server, titles and emails through getFixedT).
// Building an instance per request cost 14–16 % of the main thread (issue 10); a fixed
// language per instance makes sharing safe, since nothing on the server changes it.
// Pages themselves render with our translator (translate.ts, ADR 021), one per language built
// here from the same texts and the same fallback, so that they read as the browser's.
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18n } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import type { Locale } from "~/db/schema";
import { getEnv } from "~/env.server";
import { translateHeadsOnTheServerWith } from "./client-resources";
import { defaultNamespace, fallbackLanguage, i18nOptions, isSupportedLanguage, supportedLanguages } from "./config";
import { resources } from "./resources";
import { createTranslator, type Translator } from "./translate";

/**
 * The visitor's explicit language choice; Accept-Language decides until they make one. A `?lng=`
 * in the address outranks both for that one page (links shared in a language, hreflang
 * alternates) and sets nothing, so a page's language follows from its URL wherever it is present.
 */
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: getEnv().secureCookies,
  maxAge: 60 * 60 * 24 * 365,
});

function buildInstance(lng: Locale): I18n {
  const instance = createInstance();
  // Resources are in memory: with initImmediate off, init() finishes before it returns.
  void instance.init({ ...i18nOptions, lng, resources, initImmediate: false });
  return instance;
}

const instances = Object.fromEntries(supportedLanguages.map((lng) => [lng, buildInstance(lng)])) as Record<Locale, I18n>;

/** The shared instance of a language (the fallback language's for anything unsupported). */
export function i18nFor(locale: string): I18n {
  return instances[isSupportedLanguage(locale) ? locale : fallbackLanguage];
}

const translators = Object.fromEntries(
  supportedLanguages.map((language) => [language, createTranslator({ language, fallbackLanguages: [fallbackLanguage], resources, defaultNamespace })]),
) as Record<Locale, Translator>;

/** The translator pages render with in a language (entry.server), and their <head> (utils/seo.ts). */
export function translatorFor(locale: string): Translator {
  return translators[isSupportedLanguage(locale) ? locale : fallbackLanguage];
}
translateHeadsOnTheServerWith(translatorFor);

/**
 * remix-i18next's detection, with getFixedT answered from the shared instances instead of a new
 * instance per call (the library's own getFixedT creates and initialises one every time).
 */
class SharedInstancesI18Next extends RemixI18Next {
  override async getFixedT(requestOrLocale: Request | string, namespaces?: unknown, options?: { keyPrefix?: string }) {
    const locale = typeof requestOrLocale === "string" ? requestOrLocale : await this.getLocale(requestOrLocale);
    const instance = i18nFor(locale);
    // biome-ignore lint/suspicious/noExplicitAny: same contract as the overridden method's overloads.
    return instance.getFixedT(instance.language, namespaces as any, options?.keyPrefix) as any;
  }
}

export const i18nServer: RemixI18Next = new SharedInstancesI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: localeCookie,
    order: ["searchParams", "cookie", "header"],
    searchParamKey: "lng",
  },
  i18next: { ...i18nOptions, resources },
});
