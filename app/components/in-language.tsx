// Text written by people, shown in the visitor's language when a translation exists, else in
// its original language: marked with `lang` so screen readers pronounce it right and browsers
// hyphenate it right, with a short visible note that no translation exists yet (WCAG 3.1.2).
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import type { Locale } from "~/db/schema";

/** The children, inside a `lang`-marked element when their language is not the page's. */
export function InLanguage({ lang, as: Tag = "span", className, children }: { lang: Locale; as?: "span" | "div"; className?: string; children: ReactNode }) {
  const { i18n } = useTranslation();
  if (lang === i18n.language) return className ? <Tag className={className}>{children}</Tag> : <>{children}</>;
  return (
    <Tag lang={lang} className={className}>
      {children}
    </Tag>
  );
}

/** "Not yet translated into French: shown in the original English." Nothing when the text is in the page's language. */
export function UntranslatedNote({ lang, className = "" }: { lang: Locale; className?: string }) {
  const { t, i18n } = useTranslation("translations");
  if (lang === i18n.language) return null;
  return <p className={`text-sm italic text-slate-700 ${className}`}>{t("untranslated", { language: t(`languageName.${lang}`) })}</p>;
}
