import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireAdmin } from "~/auth/permissions.server";
import { Notice } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { setUserRole } from "~/domain/accounts/staff.server";
import { listUsers, USERS_PAGE_SIZE } from "~/domain/users.server";
import { i18nServer } from "~/i18n/i18next.server";
import { requestOrigin } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const listQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

// Admins grant and revoke the secretariat role; the admin role itself is given from the command line.
const roleChange = z.object({ userId: z.string().uuid(), role: z.enum(["member", "secretariat"]) });

export async function loader(args: LoaderFunctionArgs) {
  const admin = await requireAdmin(args);
  const query = listQuery.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const t = await i18nServer.getFixedT(args.request, "account");
  const { rows, total } = await listUsers(args.context.db, query);
  return { title: t("staff.title"), users: rows, total, page: query.page, q: query.q ?? "", adminId: admin.id, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

export async function action(args: ActionFunctionArgs) {
  const admin = await requireAdmin(args);
  const parsed = roleChange.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const outcome = await setUserRole(args.context.db, admin, parsed.data.userId, parsed.data.role, requestOrigin(args.request, args.context));
  if (!outcome.ok && outcome.reason === "notFound") throw new Response("Not Found", { status: 404 });
  if (!outcome.ok) throw new Response("This role cannot be changed here", { status: 400 });
  return redirect(`/secretariat/users?notice=roleChanged`);
}

export default function StaffUsers() {
  const { t } = useTranslation("account");
  const data = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">{t("staff.title")}</h1>
      {searchParams.get("notice") === "roleChanged" ? <Notice tone="success">{t("staff.roleChanged")}</Notice> : null}
      <Form method="get" className="mb-6 flex items-end gap-2">
        <div>
          <label htmlFor="q" className="block font-medium">
            {t("staff.search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={data.q} className="rounded border border-slate-500 px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("staff.searchSubmit")}
        </button>
      </Form>
      <p className="mb-2">{t("staff.total", { count: data.total })}</p>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{t("staff.title")}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-2">{t("staff.name")}</th>
            <th scope="col" className="py-2">{t("staff.email")}</th>
            <th scope="col" className="py-2">{t("staff.role")}</th>
            <th scope="col" className="py-2"><span className="sr-only">{t("staff.actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {data.users.map((u) => (
            <tr key={u.id} className="border-b border-slate-200">
              <td className="py-2">{u.name}</td>
              <td className="py-2">{u.email}</td>
              <td className="py-2">
                {t(`staff.roles.${u.role}`)}
                {u.disabledAt ? ` (${t("staff.disabled")})` : ""}
              </td>
              <td className="py-2">
                {u.id !== data.adminId && u.role !== "admin" ? (
                  <Form method="post">
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="role" value={u.role === "secretariat" ? "member" : "secretariat"} />
                    <button type="submit" className="underline">
                      {u.role === "secretariat" ? t("staff.revoke", { name: u.name }) : t("staff.grant", { name: u.name })}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={data.page} pageCount={data.pages} hrefFor={(n) => `?${new URLSearchParams({ q: data.q, page: String(n) })}`} />
    </div>
  );
}
