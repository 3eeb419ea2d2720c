// Admins' list of accounts (roles, email verified, two-factor, last sign-in, joined), and the
// two-step role change: the list only links to a confirmation, which alone can change the role.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireAdmin } from "~/auth/permissions.server";
import { FilterForm, SearchField, SelectField } from "~/components/filter-fields";
import { Notice } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { userRoleEnum } from "~/db/schema";
import { setUserRole } from "~/domain/accounts/staff.server";
import { getUserForRoleChange, listUsers, USERS_PAGE_SIZE } from "~/domain/users.server";
import { formatDate, formatDateTime } from "~/i18n/format";
import { i18nServer } from "~/i18n/i18next.server";
import { requestOrigin } from "~/utils/request.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["account", "desk"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const listQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  role: z.enum(userRoleEnum.enumValues).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  /** The user whose role change is being confirmed (the second step). */
  confirm: z.string().uuid().optional().catch(undefined),
});

// Admins grant and revoke the secretariat role; the admin role itself is given from the command line.
const roleChange = z.object({ userId: z.string().uuid(), role: z.enum(["member", "secretariat"]) });

export async function loader(args: LoaderFunctionArgs) {
  const admin = await requireAdmin(args);
  const query = listQuery.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const t = await i18nServer.getFixedT(args.request, "account");
  const [{ rows, total }, confirming] = await Promise.all([
    listUsers(args.context.db, query),
    query.confirm ? getUserForRoleChange(args.context.db, query.confirm) : null,
  ]);
  const target = confirming && confirming.id !== admin.id && confirming.role !== "admin" ? confirming : null;
  return {
    title: t("staff.title"),
    users: rows,
    total,
    page: query.page,
    q: query.q ?? "",
    role: query.role,
    adminId: admin.id,
    confirming: target,
    pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
  };
}

export async function action(args: ActionFunctionArgs) {
  const admin = await requireAdmin(args);
  // The confirmation form sends only hidden fields the page wrote: anything else is not a person's mistake.
  const parsed = roleChange.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const { userId, role } = parsed.data;
  const outcome = await setUserRole(args.context.db, admin, userId, role, requestOrigin(args.request, args.context));
  if (!outcome.ok && outcome.reason === "notFound") throw new Response("Not Found", { status: 404 });
  if (!outcome.ok) throw new Response("This role cannot be changed here", { status: 400 });
  return redirect(`/secretariat/users?notice=roleChanged`);
}

const yesNo = (value: unknown) => (value ? "yes" : "no");

export default function StaffUsers() {
  const { t, i18n } = useTranslation(["account", "desk"]);
  const data = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const listSearch = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    if (data.q) params.set("q", data.q);
    if (data.role) params.set("role", data.role);
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    return `?${params}`;
  };
  const target = data.confirming;
  const newRole = target?.role === "secretariat" ? "member" : "secretariat";
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">{t("staff.title")}</h1>
      {searchParams.get("notice") === "roleChanged" ? <Notice tone="success">{t("staff.roleChanged")}</Notice> : null}
      {target ? (
        <section aria-labelledby="confirm-title" className="mb-6 rounded-lg border-2 border-amber-600 bg-amber-50 p-4">
          <h2 id="confirm-title" className="text-xl font-semibold">
            {t(newRole === "secretariat" ? "desk:users.confirmGrant" : "desk:users.confirmRevoke", { name: target.name, email: target.email })}
          </h2>
          <p className="mt-1">{t("desk:users.confirmConsequence")}</p>
          <Form method="post" className="mt-3 flex flex-wrap items-center gap-4">
            <input type="hidden" name="userId" value={target.id} />
            <input type="hidden" name="role" value={newRole} />
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t(newRole === "secretariat" ? "staff.grant" : "staff.revoke", { name: target.name })}
            </button>
            <Link to={listSearch({ page: String(data.page) })}>{t("desk:users.cancel")}</Link>
          </Form>
        </section>
      ) : null}
      <FilterForm action="/secretariat/users" label={t("staff.search")} columns="md:grid-cols-[2fr_1fr_auto]">
        <SearchField label={t("staff.search")} defaultValue={data.q} />
        <SelectField
          name="role"
          label={t("staff.role")}
          allLabel={t("desk:users.allRoles")}
          options={userRoleEnum.enumValues.map((role) => ({ value: role, label: t(`staff.roles.${role}`) }))}
          defaultValue={data.role}
        />
      </FilterForm>
      <p className="mb-2 mt-6">{t("staff.total", { count: data.total })}</p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[56rem] border-collapse text-left">
          <caption className="sr-only">{t("staff.title")}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-2 pr-3">{t("staff.name")}</th>
              <th scope="col" className="py-2 pr-3">{t("staff.email")}</th>
              <th scope="col" className="py-2 pr-3">{t("staff.role")}</th>
              <th scope="col" className="py-2 pr-3">{t("desk:users.emailVerified")}</th>
              <th scope="col" className="py-2 pr-3">{t("desk:users.twoFactor")}</th>
              <th scope="col" className="py-2 pr-3">{t("desk:users.lastSignIn")}</th>
              <th scope="col" className="py-2 pr-3">{t("desk:users.joined")}</th>
              <th scope="col" className="py-2">
                <span className="sr-only">{t("staff.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((u) => (
              <tr key={u.id} className="border-b border-slate-200">
                <td className="py-2 pr-3">{u.name}</td>
                <td className="py-2 pr-3 break-all">{u.email}</td>
                <td className="py-2 pr-3">
                  {t(`staff.roles.${u.role}`)}
                  {u.disabledAt ? ` (${t("staff.disabled")})` : ""}
                </td>
                <td className="py-2 pr-3">{t(`desk:users.${yesNo(u.emailVerifiedAt)}`)}</td>
                <td className="py-2 pr-3">{t(`desk:users.${yesNo(u.totpEnabledAt)}`)}</td>
                <td className="py-2 pr-3">{u.lastSignInAt ? formatDateTime(i18n.language, u.lastSignInAt) : t("desk:users.never")}</td>
                <td className="py-2 pr-3">{formatDate(i18n.language, u.createdAt, { dateStyle: "medium" })}</td>
                <td className="py-2">
                  {u.id !== data.adminId && u.role !== "admin" ? (
                    <Link to={listSearch({ page: String(data.page), confirm: u.id })}>
                      {t("desk:users.changeRole")}
                      <span className="sr-only"> {u.name}</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={data.page} pageCount={data.pages} hrefFor={(n) => listSearch({ page: String(n) })} />
    </div>
  );
}
