// The site header. Wide screens see the whole menu, the search box and the languages in one
// band; narrow ones a single line (the portal's name and a "Menu" disclosure) so the header
// stays under about 80 px on a phone. The disclosure is <details>/<summary>: it opens with a
// tap, Enter or Space, without JavaScript. The menu is drawn twice (one copy per layout, the
// other one hidden by CSS and so absent from the accessibility tree) rather than made to change
// shape with script.
import { Form, NavLink } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { UserRole } from "~/db/schema";
import { MAX_SEARCH_LENGTH } from "~/domain/public-values";
import { LanguageSwitcher } from "./language-switcher";

export interface HeaderUser {
  name: string;
  role: UserRole;
}

type Layout = "wide" | "narrow";

const navLinkClass =
  (layout: Layout) =>
  ({ isActive }: { isActive: boolean }) =>
    `${layout === "narrow" ? "block px-2 py-2" : "px-2 py-1"} rounded text-white no-underline hover:bg-brand-700 ${isActive ? "bg-brand-700 font-semibold" : ""}`;

function SiteNav({ user, layout }: { user: HeaderUser | null; layout: Layout }) {
  const { t } = useTranslation();
  const linkClass = navLinkClass(layout);
  const item = (to: string, label: string) => (
    <li>
      <NavLink to={to} className={linkClass}>
        {label}
      </NavLink>
    </li>
  );
  return (
    <nav aria-label={t("mainNavigation")}>
      <ul className={layout === "narrow" ? "flex flex-col gap-1" : "flex flex-wrap items-center gap-2"}>
        {item("/initiatives", t("nav.initiatives"))}
        {item("/actors", t("nav.actors"))}
        {user?.role === "admin" || user?.role === "secretariat" ? item("/secretariat", t("nav.staff")) : null}
        {user ? (
          <>
            {item("/dashboard", t("nav.dashboard"))}
            {item("/account", t("nav.account"))}
            <li>
              <Form method="post" action="/logout">
                <button
                  type="submit"
                  className={`${layout === "narrow" ? "px-2 py-2" : "px-2 py-1"} rounded text-white underline hover:bg-brand-700`}
                >
                  {t("nav.signOut")}
                </button>
              </Form>
            </li>
          </>
        ) : (
          <>
            {item("/login", t("nav.signIn"))}
            {item("/signup", t("nav.signUp"))}
          </>
        )}
      </ul>
    </nav>
  );
}

/** A plain GET form: works without JavaScript, and the result page has its own address. */
function HeaderSearch({ layout }: { layout: Layout }) {
  const { t } = useTranslation("discovery");
  const id = `header-search-${layout}`;
  return (
    <Form method="get" action="/search" role="search" aria-label={t("header.searchLabel")} className="flex items-center">
      <label htmlFor={id} className="sr-only">
        {t("header.searchLabel")}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        maxLength={MAX_SEARCH_LENGTH}
        className={`${layout === "narrow" ? "w-full" : "w-40 lg:w-52"} min-w-0 rounded-l border border-white/60 bg-white px-2 py-1 text-slate-900`}
      />
      <button type="submit" className="rounded-r border border-white bg-white px-2 py-1 font-semibold text-brand-900 hover:bg-brand-50">
        {t("header.searchButton")}
      </button>
    </Form>
  );
}

export function SiteHeader({ locale, user }: { locale: string; user: HeaderUser | null }) {
  const { t } = useTranslation(["common", "discovery"]);
  return (
    <header className="relative bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-x-4 gap-y-2 px-4 py-2 md:flex-wrap md:py-3">
        <a href="/" className="text-base leading-tight font-bold text-white no-underline md:text-lg">
          {t("siteName")}
        </a>
        <div className="hidden md:flex md:flex-wrap md:items-center md:gap-x-4 md:gap-y-2">
          <SiteNav user={user} layout="wide" />
          <HeaderSearch layout="wide" />
          <LanguageSwitcher locale={locale} />
        </div>
        <details className="md:hidden">
          <summary className="cursor-pointer list-none rounded border border-white/60 px-3 py-1.5 font-semibold select-none hover:bg-brand-700 [&::-webkit-details-marker]:hidden">
            {t("discovery:header.menu")}
            <span aria-hidden="true"> ☰</span>
          </summary>
          <div className="absolute inset-x-0 top-full z-40 flex flex-col gap-4 border-t border-white/20 bg-brand-900 px-4 pt-3 pb-5 shadow-lg">
            <HeaderSearch layout="narrow" />
            <SiteNav user={user} layout="narrow" />
            <LanguageSwitcher locale={locale} />
          </div>
        </details>
      </div>
    </header>
  );
}
