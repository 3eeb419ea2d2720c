// One button per language: a single click (or Enter) changes the language, with or without
// JavaScript. A POST, because it sets the visitor's lasting choice (a cookie); /language sends
// them back to the same page without any ?lng= that would outrank that choice.
import { useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { supportedLanguages } from "~/i18n/config";

// Names of languages are written in their own language so anyone can find theirs.
const languageNames: Record<string, string> = { en: "English", fr: "Français", es: "Español" };

/** The current address without its ?lng=, where the visitor goes back after choosing. */
export function withoutLanguageParam(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete("lng");
  const query = params.toString();
  return `${pathname}${query ? `?${query}` : ""}`;
}

export function LanguageSwitcher({ locale }: { locale: string }) {
  const { t } = useTranslation("discovery");
  const location = useLocation();
  return (
    <form method="post" action="/language" aria-label={t("header.languages")} className="flex flex-wrap items-center gap-1 text-sm">
      <input type="hidden" name="redirectTo" value={withoutLanguageParam(location.pathname, location.search)} />
      {supportedLanguages.map((lng) =>
        lng === locale ? (
          <span key={lng} aria-current="true" className="rounded border border-white bg-white px-2 py-1 font-semibold text-brand-900">
            <span className="sr-only">{t("header.currentLanguage", { language: languageNames[lng] })}</span>
            <span aria-hidden="true" lang={lng}>
              {languageNames[lng]}
            </span>
          </span>
        ) : (
          <button key={lng} type="submit" name="lng" value={lng} lang={lng} className="rounded border border-white/60 px-2 py-1 text-white underline hover:bg-brand-700">
            {languageNames[lng]}
          </button>
        ),
      )}
    </form>
  );
}
