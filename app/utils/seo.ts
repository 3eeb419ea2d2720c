// The <head> a shared link and a search engine read, built in one place so that each route's
// `meta` stays a line: title, description, canonical URL, hreflang alternates for the three
// languages, Open Graph tags and feed links. Absolute addresses come from the public URL the root
// loader passes on (APP_URL), never from the request. No server-only imports: meta runs in the
// browser too. Texts come from the pages' translators (every language on the server, see
// i18next.server.ts; the page's language and namespaces in the browser, client-resources.ts), never
// from the locale files themselves: importing those put all three languages in every page's first
// load (issue 10).
import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import type { Locale } from "~/db/schema";
import { headTranslator } from "~/i18n/client-resources";
import { fallbackLanguage, isSupportedLanguage, supportedLanguages } from "~/i18n/config";
import type discovery from "~/i18n/locales/en/discovery.json";

const OG_LOCALES: Record<Locale, string> = { en: "en_GB", fr: "fr_FR", es: "es_ES" };

type DescriptionKey = keyof (typeof discovery)["meta"];
type FeedTitleKey = "linkTitleInitiatives" | "linkTitleInitiative";

export interface PageSeo {
  title: string;
  /** The page's own text (an initiative's summary), or a key of `discovery:meta`. */
  description: string | { key: DescriptionKey; values?: Record<string, string> };
  /** Query parameters that change what the page shows and so belong to its canonical URL. */
  keep?: readonly string[];
  type?: "website" | "article";
  feeds?: { href: string; titleKey: FeedTitleKey; values?: Record<string, string> }[];
}

interface RootData {
  locale?: string;
  publicUrl?: string;
}

/** The root loader's language and public URL, which every meta function needs. */
function rootData(matches: MetaArgs["matches"]): { locale: Locale; publicUrl: string } {
  const data = matches.find((match) => match.id === "root")?.data as RootData | undefined;
  return {
    locale: isSupportedLanguage(data?.locale) ? data.locale : fallbackLanguage,
    publicUrl: data?.publicUrl ?? "",
  };
}

/**
 * Texts of the root namespaces (always loaded, see ROOT_NAMESPACES) in the page's language. In the
 * browser, right after a switch of language (sign-in with a profile language, a ?lng= link) the
 * root's data names the new language before its translations arrive: the <head> stays in the
 * language shown until the root layout has fetched them and switched, then follows.
 */
export function headT(locale: Locale) {
  return headTranslator(locale).fixedT();
}

function text(locale: Locale, key: string, values?: Record<string, string>): string {
  return headT(locale)(key, values ?? {});
}

/** A description of the discovery namespace in a language, {{placeholders}} filled. */
export function seoText(locale: Locale, key: DescriptionKey, values?: Record<string, string>): string {
  return text(locale, `discovery:meta.${key}`, values);
}

/**
 * The page's address without tracking or display parameters: only `keep`, in a stable order,
 * plus `lng` when the address names a language. Each language version is its own canonical page.
 */
export function canonicalUrl(publicUrl: string, pathname: string, search: string, keep: readonly string[] = []) {
  const given = new URLSearchParams(search);
  const base = new URLSearchParams();
  for (const name of [...keep].sort()) {
    const value = given.get(name);
    if (value) base.set(name, value);
  }
  const withLanguage = (lng: string | null) => {
    const params = new URLSearchParams(base);
    if (lng) params.set("lng", lng);
    const query = params.toString();
    return `${publicUrl}${pathname}${query ? `?${query}` : ""}`;
  };
  const named = given.get("lng");
  return { canonical: withLanguage(isSupportedLanguage(named) ? named : null), withLanguage };
}

export function seoMeta({ matches, location }: Pick<MetaArgs, "matches" | "location">, page: PageSeo): MetaDescriptor[] {
  const { locale, publicUrl } = rootData(matches);
  const description =
    typeof page.description === "string" ? page.description : seoText(locale, page.description.key, page.description.values);
  const { canonical, withLanguage } = canonicalUrl(publicUrl, location.pathname, location.search, page.keep);
  const siteName = text(locale, "common:siteName");
  return [
    { title: page.title },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: canonical },
    ...supportedLanguages.map((lng) => ({ tagName: "link", rel: "alternate", hrefLang: lng, href: withLanguage(lng) })),
    { tagName: "link", rel: "alternate", hrefLang: "x-default", href: withLanguage(null) },
    { property: "og:title", content: page.title },
    { property: "og:description", content: description },
    { property: "og:url", content: canonical },
    { property: "og:type", content: page.type ?? "website" },
    { property: "og:site_name", content: siteName },
    { property: "og:locale", content: OG_LOCALES[locale] },
    ...supportedLanguages.filter((lng) => lng !== locale).map((lng) => ({ property: "og:locale:alternate", content: OG_LOCALES[lng] })),
    { name: "twitter:card", content: "summary" },
    ...(page.feeds ?? []).map((feed) => ({
      tagName: "link",
      rel: "alternate",
      type: "application/atom+xml",
      title: text(locale, `discovery:feeds.${feed.titleKey}`, feed.values),
      href: `${publicUrl}${feed.href}`,
    })),
  ];
}

/** The common case: a title from the loader and a description key, nothing kept from the query. */
export function pageMeta(description: PageSeo["description"], options: Pick<PageSeo, "keep" | "feeds"> = {}) {
  return (args: MetaArgs) => {
    const data = args.data as { title?: string } | undefined;
    return data?.title ? seoMeta(args, { title: data.title, description, ...options }) : [];
  };
}

export const NEW_INITIATIVES_FEED = { href: "/initiatives/feed.atom", titleKey: "linkTitleInitiatives" } as const;

/** The feeds an initiative page announces: its own history, and the list of new initiatives. */
export function initiativeFeeds(initiative: { slug: string; title: string }): NonNullable<PageSeo["feeds"]> {
  return [
    { href: `/initiatives/${initiative.slug}/feed.atom`, titleKey: "linkTitleInitiative", values: { title: initiative.title } },
    NEW_INITIATIVES_FEED,
  ];
}
