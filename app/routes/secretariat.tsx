// The secretariat's frame: the navigation every /secretariat page shares. No loader of its own:
// each page guards itself (requireStaff / requireAdmin), and the root loader already says who is
// signed in, so the frame costs no extra session lookup.
import { NavLink, Outlet, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { loader as rootLoader } from "~/root";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["desk"] };
await routeNamespaces(handle);

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded px-3 py-2 no-underline ${isActive ? "bg-brand-700 font-semibold text-white" : "text-brand-800 hover:bg-brand-50"}`;

export default function SecretariatLayout() {
  const isAdmin = useRouteLoaderData<typeof rootLoader>("root")?.user?.role === "admin";
  const { t } = useTranslation("desk");
  const links = [
    { to: "/secretariat", label: t("nav.desk"), end: true },
    { to: "/secretariat/actors", label: t("nav.actors") },
    { to: "/secretariat/affiliations", label: t("nav.affiliations") },
    { to: "/secretariat/audit", label: t("nav.audit") },
    ...(isAdmin ? [{ to: "/secretariat/users", label: t("nav.users") }] : []),
  ];
  return (
    <div>
      <nav aria-label={t("nav.label")} className="mb-6 border-b border-slate-200 pb-3">
        <ul className="flex flex-wrap gap-2">
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end} className={linkClass}>
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
