// The browser's translations: one chunk per language and namespace, fetched on demand, so a page
// ships its own language and only the namespaces it draws (ADR 017): the root's (ROOT_NAMESPACES)
// and those its route module declares in `handle.i18n`. Each route module awaits its namespaces at
// the top level (`await routeNamespaces(handle)`), so Remix has them before it renders the route,
// on the first load (before hydration) as on a client-side navigation: no flash of keys.
// The "lng/ns" keys stay literal in the build: scripts/first-load.ts reads them to count a page.
import i18next from "i18next";
import type { Locale } from "~/db/schema";
import { type ClientNamespace, fallbackLanguage, isSupportedLanguage, ROOT_NAMESPACES } from "./config";

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
  "en/errors": () => import("./locales/en/errors.json"),
  "en/home": () => import("./locales/en/home.json"),
  "en/initiatives": () => import("./locales/en/initiatives.json"),
  "en/map": () => import("./locales/en/map.json"),
  "en/meetings": () => import("./locales/en/meetings.json"),
  "en/membership": () => import("./locales/en/membership.json"),
  "en/pages": () => import("./locales/en/pages.json"),
  "en/translations": () => import("./locales/en/translations.json"),
  "fr/account": () => import("./locales/fr/account.json"),
  "fr/actors": () => import("./locales/fr/actors.json"),
  "fr/auth": () => import("./locales/fr/auth.json"),
  "fr/coalitions": () => import("./locales/fr/coalitions.json"),
  "fr/coalitionWork": () => import("./locales/fr/coalition-work.json"),
  "fr/common": () => import("./locales/fr/common.json"),
  "fr/desk": () => import("./locales/fr/desk.json"),
  "fr/discovery": () => import("./locales/fr/discovery.json"),
  "fr/errors": () => import("./locales/fr/errors.json"),
  "fr/home": () => import("./locales/fr/home.json"),
  "fr/initiatives": () => import("./locales/fr/initiatives.json"),
  "fr/map": () => import("./locales/fr/map.json"),
  "fr/meetings": () => import("./locales/fr/meetings.json"),
  "fr/membership": () => import("./locales/fr/membership.json"),
  "fr/pages": () => import("./locales/fr/pages.json"),
  "fr/translations": () => import("./locales/fr/translations.json"),
  "es/account": () => import("./locales/es/account.json"),
  "es/actors": () => import("./locales/es/actors.json"),
  "es/auth": () => import("./locales/es/auth.json"),
  "es/coalitions": () => import("./locales/es/coalitions.json"),
  "es/coalitionWork": () => import("./locales/es/coalition-work.json"),
  "es/common": () => import("./locales/es/common.json"),
  "es/desk": () => import("./locales/es/desk.json"),
  "es/discovery": () => import("./locales/es/discovery.json"),
  "es/errors": () => import("./locales/es/errors.json"),
  "es/home": () => import("./locales/es/home.json"),
  "es/initiatives": () => import("./locales/es/initiatives.json"),
  "es/map": () => import("./locales/es/map.json"),
  "es/meetings": () => import("./locales/es/meetings.json"),
  "es/membership": () => import("./locales/es/membership.json"),
  "es/pages": () => import("./locales/es/pages.json"),
  "es/translations": () => import("./locales/es/translations.json"),
};

/** What has been fetched, per language: a language switch fetches the same namespaces in the new one. */
const loaded = new Map<string, Promise<object>>();
const requested = new Set<ClientNamespace>(ROOT_NAMESPACES);

/** The language the browser shows: i18next's once it started, <html lang> before (first load). */
function currentLanguage(): Locale {
  const lng = i18next.isInitialized ? i18next.language : document.documentElement.lang;
  return isSupportedLanguage(lng) ? lng : fallbackLanguage;
}

/**
 * The bundles of some namespaces in a language, fetched once each and added to the browser's
 * i18next when it runs (before it starts, entry.client passes them to init()).
 */
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
      if (i18next.isInitialized && !i18next.hasResourceBundle(lng, ns)) i18next.addResourceBundle(lng, ns, resources, true, true);
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
  await loadNamespaces(currentLanguage(), handle.i18n);
}
