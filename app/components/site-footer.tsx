import { useTranslation } from "react-i18next";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-6 text-sm text-slate-700">
        <p>{t("footer.tagline")}</p>
        <p>
          <a href="/api/v1/initiatives">{t("footer.openData")}</a>
        </p>
      </div>
    </footer>
  );
}
