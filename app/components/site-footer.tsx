import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

export function SiteFooter() {
  const { t } = useTranslation(["common", "discovery"]);
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-6 text-sm text-slate-700">
        <p>{t("footer.tagline")}</p>
        <nav aria-label={t("footer.label")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <Link to="/about">{t("footer.about")}</Link>
            </li>
            <li>
              <Link to="/privacy">{t("footer.privacy")}</Link>
            </li>
            <li>
              <Link to="/accessibility">{t("footer.accessibility")}</Link>
            </li>
            <li>
              <Link to="/open-data">{t("discovery:footer.openData")}</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
