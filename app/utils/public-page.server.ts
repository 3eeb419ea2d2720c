// What every public page loader needs: the visitor's language as a domain value,
// a translated <title>, and one way to refuse a bad query string.
import { data } from "@remix-run/node";
import type { Locale } from "~/db/schema";
import type { QueryIssue } from "~/domain/public-query";
import { fallbackLanguage, isSupportedLanguage, type Namespace } from "~/i18n/config";
import { i18nServer } from "~/i18n/i18next.server";

export async function visitorLocale(request: Request): Promise<Locale> {
  const locale = await i18nServer.getLocale(request);
  return isSupportedLanguage(locale) ? locale : fallbackLanguage;
}

/**
 * "Initiatives · Alliance Partner Portal" in the visitor's language, from a translation key
 * or from text that is already the page's own (an initiative's title, an actor's name).
 */
export async function pageTitle(locale: Locale, page: string | { namespace: Namespace; key: string }) {
  const t = await i18nServer.getFixedT(locale, typeof page === "string" ? "common" : [page.namespace, "common"]);
  return t("common:pageTitle", { page: typeof page === "string" ? page : t(page.key) });
}

/** What the error page needs to say which parameters were refused and where to start again. */
export interface InvalidQueryData {
  invalidParams: string[];
  resetTo: string;
}

/**
 * Hand-edited or outdated filter values get a 400 page naming the parameters, the same
 * answer the JSON API gives, rather than a silently different list.
 */
export function invalidQuery(issues: QueryIssue[], resetTo: string) {
  const invalidParams = [...new Set(issues.map((issue) => issue.param))];
  return data<InvalidQueryData>({ invalidParams, resetTo }, { status: 400 });
}
