import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "./language-switcher";

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded px-2 py-1 text-white no-underline hover:bg-brand-700 ${isActive ? "bg-brand-700 font-semibold" : ""}`;

export function SiteHeader({ locale }: { locale: string }) {
  const { t } = useTranslation();
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <a href="/" className="text-lg font-bold text-white no-underline">
          {t("siteName")}
        </a>
        <nav aria-label={t("mainNavigation")}>
          <ul className="flex flex-wrap items-center gap-2">
            <li>
              <NavLink to="/initiatives" className={navLinkClass}>
                {t("nav.initiatives")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/actors" className={navLinkClass}>
                {t("nav.actors")}
              </NavLink>
            </li>
          </ul>
        </nav>
        <LanguageSwitcher locale={locale} />
      </div>
    </header>
  );
}
