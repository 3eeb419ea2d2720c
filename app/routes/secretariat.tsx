// The secretariat's frame: every /secretariat page is for staff, and shares this navigation.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/auth/permissions.server";

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args);
  return { isAdmin: staff.role === "admin" };
}

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded px-3 py-2 no-underline ${isActive ? "bg-brand-700 font-semibold text-white" : "text-brand-800 hover:bg-brand-50"}`;

export default function SecretariatLayout() {
  const { isAdmin } = useLoaderData<typeof loader>();
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
