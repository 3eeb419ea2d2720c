// The browser's translations: one chunk per language and namespace, fetched on demand, so a page
// ships its own language and only the namespaces it draws (ADR 017): the root's (ROOT_NAMESPACES)
// and those its route module declares in `handle.i18n`. Each route module awaits its namespaces at
// the top level (`await routeNamespaces(handle)`), so Remix has them before it renders the route,
// on the first load (before hydration) as on a client-side navigation: no flash of keys.
// The "lng/ns" keys stay literal in the build: scripts/first-load.ts reads them to count a page.
// What arrives goes into one store that the browser's translators read at each call (ADR 021), so
// a namespace fetched on a navigation is there for the page that follows.
import type { Locale } from "~/db/schema";
import { type ClientNamespace, defaultNamespace, fallbackLanguage, isSupportedLanguage, ROOT_NAMESPACES } from "./config";
import { createTranslator, type Resources, type Translator } from "./translate";

type Bundle = { default: object };

const chunks: Record<`${Locale}/${ClientNamespace}`, () => Promise<Bundle>> = {
  "en/account": () => import("./locales/en/account.json"),
  "en/actors": () => import("./locales/en/actors.json"),
  "en/auth": () => import("./locales/en/auth.json"),
  "en/coalitions": () => import("./locales/en/coalitions.json"),
  "en/coalitionWork": () => import("./locales/en/coalition-work.json"),
  "en/common": () => import("./locales/en/common.json"),
  "en/desk": () => import("./locales/en/desk.json"),
  "en/discovery": () => import("./locales/en/discovery.json"),
  "en/openData": () => import("./locales/en/open-data.json"),
  "en/errors": () => import("./locales/en/errors.json"),
  "en/home": () => import("./locales/en/home.json"),
  "en/initiatives": () => import("./locales/en/initiatives.json"),
  "en/map": () => import("./locales/en/map.json"),
  "en/meetings": () => import("./locales/en/meetings.json"),
  "en/membership": () => import("./locales/en/membership.json"),
  "en/pages": () => import("./locales/en/pages.json"),
  "en/search": () => import("./locales/en/search.json"),
  "en/translations": () => import("./locales/en/translations.json"),
  "fr/account": () => import("./locales/fr/account.json"),
  "fr/actors": () => import("./locales/fr/actors.json"),
  "fr/auth": () => import("./locales/fr/auth.json"),
  "fr/coalitions": () => import("./locales/fr/coalitions.json"),
  "fr/coalitionWork": () => import("./locales/fr/coalition-work.json"),
  "fr/common": () => import("./locales/fr/common.json"),
  "fr/desk": () => import("./locales/fr/desk.json"),
  "fr/discovery": () => import("./locales/fr/discovery.json"),
  "fr/openData": () => import("./locales/fr/open-data.json"),
  "fr/errors": () => import("./locales/fr/errors.json"),
  "fr/home": () => import("./locales/fr/home.json"),
  "fr/initiatives": () => import("./locales/fr/initiatives.json"),
  "fr/map": () => import("./locales/fr/map.json"),
  "fr/meetings": () => import("./locales/fr/meetings.json"),
  "fr/membership": () => import("./locales/fr/membership.json"),
  "fr/pages": () => import("./locales/fr/pages.json"),
  "fr/search": () => import("./locales/fr/search.json"),
  "fr/translations": () => import("./locales/fr/translations.json"),
  "es/account": () => import("./locales/es/account.json"),
  "es/actors": () => import("./locales/es/actors.json"),
  "es/auth": () => import("./locales/es/auth.json"),
  "es/coalitions": () => import("./locales/es/coalitions.json"),
  "es/coalitionWork": () => import("./locales/es/coalition-work.json"),
  "es/common": () => import("./locales/es/common.json"),
  "es/desk": () => import("./locales/es/desk.json"),
  "es/discovery": () => import("./locales/es/discovery.json"),
  "es/openData": () => import("./locales/es/open-data.json"),
  "es/errors": () => import("./locales/es/errors.json"),
  "es/home": () => import("./locales/es/home.json"),
  "es/initiatives": () => import("./locales/es/initiatives.json"),
  "es/map": () => import("./locales/es/map.json"),
  "es/meetings": () => import("./locales/es/meetings.json"),
  "es/membership": () => import("./locales/es/membership.json"),
  "es/pages": () => import("./locales/es/pages.json"),
  "es/search": () => import("./locales/es/search.json"),
  "es/translations": () => import("./locales/es/translations.json"),
};

/** What has been fetched, per language: a language switch fetches the same namespaces in the new one. */
const loaded = new Map<string, Promise<object>>();
const requested = new Set<ClientNamespace>(ROOT_NAMESPACES);
/** The bundles that arrived, by language and namespace. */
const store: Resources = {};
const translators = new Map<Locale, Translator>();
/** The language on screen once the page runs (showLanguage); <html lang> says it before. */
let shown: Locale | undefined;

/** The language the browser shows (the fallback language on the server, which has no screen). */
export function shownLanguage(): Locale {
  if (shown) return shown;
  const lng = typeof document === "undefined" ? undefined : document.documentElement.lang;
  return isSupportedLanguage(lng) ? lng : fallbackLanguage;
}

function browserTranslator(language: Locale): Translator {
  let translator = translators.get(language);
  if (!translator) {
    translator = createTranslator({
      language,
      resources: store,
      defaultNamespace,
      // A key missing here is a namespace a route forgot to declare in handle.i18n: say so, the
      // browser tests fail on any console error. The other languages are not here on purpose.
      onMissing: (ns, key) => console.error(`Missing translation ${ns}:${key}: is "${ns}" in the route's handle.i18n?`),
    });
    translators.set(language, translator);
  }
  return translator;
}

/** Puts a language on screen (first load, then a switch): its translator, over what has arrived. */
export function showLanguage(language: string): Translator {
  shown = isSupportedLanguage(language) ? language : fallbackLanguage;
  return browserTranslator(shown);
}

/** Who translates the <head> on the server: its translators of every language (i18next.server.ts). */
let serverTranslators: ((language: Locale) => Translator) | undefined;
export function translateHeadsOnTheServerWith(translatorFor: (language: Locale) => Translator): void {
  serverTranslators = translatorFor;
}

/**
 * The translator of the <head> in a page's language. In the browser, right after a switch of
 * language, the root namespaces of the new one arrive one by one: until all have, the <head>
 * stays in the language on screen (see utils/seo.ts).
 */
export function headTranslator(language: Locale): Translator {
  if (serverTranslators) return serverTranslators(language);
  // Every root namespace, not one: the head reads discovery's descriptions as well as common's titles.
  const arrived = ROOT_NAMESPACES.every((ns) => store[language]?.[ns]);
  return browserTranslator(arrived ? language : shownLanguage());
}

/** The bundles of some namespaces in a language, fetched once each, into the browser's store. */
export async function loadNamespaces(language: string, namespaces: readonly ClientNamespace[]): Promise<Record<string, object>> {
  const lng = isSupportedLanguage(language) ? language : fallbackLanguage;
  const entries = await Promise.all(
    namespaces.map(async (ns) => {
      requested.add(ns);
      const key = `${lng}/${ns}` as const;
      let bundle = loaded.get(key);
      if (!bundle) {
        bundle = chunks[key]().then((module) => module.default);
        loaded.set(key, bundle);
      }
      const resources = await bundle;
      store[lng] ??= {};
      store[lng][ns] = resources;
      return [ns, resources] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Every namespace fetched so far, in another language: what a switch to it needs first. */
export function loadLanguage(language: string): Promise<Record<string, object>> {
  return loadNamespaces(language, [...requested]);
}

/**
 * A route module's namespaces, in the page's language, awaited at the module's top level. On the
 * server every namespace is in memory (i18next.server.ts): nothing to do.
 */
export async function routeNamespaces(handle: { i18n: readonly ClientNamespace[] }): Promise<void> {
  if (typeof document === "undefined") return;
  await loadNamespaces(shownLanguage(), handle.i18n);
}
