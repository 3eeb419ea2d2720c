// The leads' page lists the initiative's other languages: translated (and when) or not yet,
// each with a link to write or edit that translation.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { Locale } from "~/db/schema";
import { formatDate } from "~/i18n/format";

export interface TranslationStatus {
  locale: Locale;
  text: { updatedAt: Date | string } | null;
}

export function TranslationLinks({ slug, original, translations }: { slug: string; original: Locale; translations: TranslationStatus[] }) {
  const { t, i18n } = useTranslation("translations");
  return (
    <section aria-labelledby="translations">
      <h2 id="translations" className="text-2xl font-semibold">
        {t("manage.heading")}
      </h2>
      <p className="mt-1 max-w-3xl">{t("manage.intro", { language: t(`languageName.${original}`) })}</p>
      <ul className="mt-3 space-y-2">
        {translations.map(({ locale, text }) => {
          const language = t(`languageName.${locale}`);
          return (
            <li key={locale} className="flex flex-wrap items-baseline gap-x-4">
              <span>{text ? t("manage.translated", { language, date: formatDate(i18n.language, text.updatedAt) }) : t("manage.missing", { language })}</span>
              <Link to={`/initiatives/${slug}/manage/translations/${locale}`} className="underline">
                {text ? t("manage.edit", { language }) : t("manage.add", { language })}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
