import { Form, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { UserRole } from "~/db/schema";
import { LanguageSwitcher } from "./language-switcher";

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded px-2 py-1 text-white no-underline hover:bg-brand-700 ${isActive ? "bg-brand-700 font-semibold" : ""}`;

export interface HeaderUser {
  name: string;
  role: UserRole;
}

export function SiteHeader({ locale, user }: { locale: string; user: HeaderUser | null }) {
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
            {user?.role === "admin" || user?.role === "secretariat" ? (
              <li>
                <NavLink to="/secretariat" className={navLinkClass}>
                  {t("nav.staff")}
                </NavLink>
              </li>
            ) : null}
            {user ? (
              <>
                <li>
                  <NavLink to="/dashboard" className={navLinkClass}>
                    {t("nav.dashboard")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/account" className={navLinkClass}>
                    {t("nav.account")}
                  </NavLink>
                </li>
                <li>
                  <Form method="post" action="/logout">
                    <button type="submit" className="rounded px-2 py-1 text-white underline hover:bg-brand-700">
                      {t("nav.signOut")}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/login" className={navLinkClass}>
                    {t("nav.signIn")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/signup" className={navLinkClass}>
                    {t("nav.signUp")}
                  </NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <LanguageSwitcher locale={locale} />
      </div>
    </header>
  );
}
