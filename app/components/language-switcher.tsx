import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { supportedLanguages } from "~/i18n/config";

// Names of languages are written in their own language so anyone can find theirs.
const languageNames: Record<string, string> = { en: "English", fr: "Français", es: "Español" };

export function LanguageSwitcher({ locale }: { locale: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" reloadDocument className="flex items-center gap-2">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <label htmlFor="language-select" className="text-sm">
        {t("language")}
      </label>
      <select
        id="language-select"
        name="lng"
        // Keyed by the language: after a client-side navigation that changed it (the profile's
        // language applied at sign-in), the uncontrolled select must show the new one.
        key={locale}
        defaultValue={locale}
        className="rounded border border-white/40 bg-brand-800 px-2 py-1 text-sm text-white"
      >
        {supportedLanguages.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {languageNames[lng]}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded bg-white px-2 py-1 text-sm font-semibold text-brand-900">
        {t("changeLanguage")}
      </button>
    </Form>
  );
}
