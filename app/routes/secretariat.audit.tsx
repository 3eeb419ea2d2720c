// The audit log of decisions: who decided what, when, why, before and after. Filters by actor,
// person, action and date, pages back in time, and the same view as CSV.
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/auth/permissions.server";
import { ErrorList } from "~/components/forms";
import { listAuditEvents } from "~/domain/desk/audit-log.server";
import { auditActions, auditQuery, describeChange } from "~/domain/desk/audit-query";
import { formatDateTime } from "~/i18n/format";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { boundedReply } from "~/utils/forms.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["desk"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args);
  const params = new URL(args.request.url).searchParams;
  const submission = parseWithZod(params, { schema: auditQuery });
  const locale = await visitorLocale(args.request);
  const title = await pageTitle(locale, { namespace: "desk", key: "audit.title" });
  // Wrong filters: say which, show nothing rather than everything.
  if (submission.status !== "success") return { title, result: boundedReply(submission), items: [], nextBefore: null, search: "" };
  const { before: _before, ...filters } = submission.value;
  const page = await listAuditEvents(args.context.db, submission.value, locale);
  const search = new URLSearchParams(Object.entries(filters).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
  return { title, result: boundedReply(submission), ...page, search };
}

const subjectHref = (type: string, id: string | null) =>
  !id ? null : type === "actor" ? `/secretariat/actors/${id}` : type === "affiliation" ? `/secretariat/affiliations/${id}` : null;

export default function AuditLog() {
  const { result, items, nextBefore, search } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["desk", "common"]);
  const [form, fields] = useForm({
    id: "audit-filters",
    lastResult: result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: auditQuery }),
    shouldValidate: "onSubmit",
  });
  const fieldClass = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 aria-[invalid]:border-red-700";
  const exportHref = `/secretariat/exports/audit.csv${search ? `?${search}` : ""}`;
  return (
    <>
      <h1 className="text-3xl font-bold">{t("audit.title")}</h1>
      <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("audit.intro")}</p>
      <Form
        method="get"
        {...getFormProps(form)}
        role="search"
        aria-label={t("audit.filters")}
        className="mt-6 grid items-end gap-4 rounded-lg border border-slate-200 bg-slate-50 p-4 md:grid-cols-3 lg:grid-cols-[1fr_1fr_1fr_auto_auto]"
      >
        <div>
          <label htmlFor={fields.user.id} className="block font-medium">
            {t("audit.user")}
          </label>
          <input {...getInputProps(fields.user, { type: "email" })} className={fieldClass} />
        </div>
        <div>
          <label htmlFor={fields.action.id} className="block font-medium">
            {t("audit.action")}
          </label>
          <select {...getSelectProps(fields.action)} className={fieldClass}>
            <option value="">{t("audit.allActions")}</option>
            {auditActions.map((action) => (
              <option key={action} value={action}>
                {t(`auditAction.${action}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={fields.actor.id} className="block font-medium">
            {t("audit.actor")}
          </label>
          <input {...getInputProps(fields.actor, { type: "text" })} className={fieldClass} aria-describedby={`${fields.actor.id}-hint ${fields.actor.errors ? `${fields.actor.id}-error` : ""}`.trim()} />
          <p id={`${fields.actor.id}-hint`} className="text-sm text-slate-700">
            {t("audit.actorHint")}
          </p>
          <ErrorList id={`${fields.actor.id}-error`} errors={fields.actor.errors} ns="desk" />
        </div>
        <div>
          <label htmlFor={fields.from.id} className="block font-medium">
            {t("audit.from")}
          </label>
          <input {...getInputProps(fields.from, { type: "date" })} className={fieldClass} />
          <ErrorList id={`${fields.from.id}-error`} errors={fields.from.errors} ns="desk" />
        </div>
        <div>
          <label htmlFor={fields.to.id} className="block font-medium">
            {t("audit.to")}
          </label>
          <input {...getInputProps(fields.to, { type: "date" })} className={fieldClass} />
          <ErrorList id={`${fields.to.id}-error`} errors={fields.to.errors} ns="desk" />
        </div>
        <div className="flex flex-wrap items-center gap-4 md:col-span-3 lg:col-span-5">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("common:filters.apply")}
          </button>
          <Link to="/secretariat/audit">{t("common:filters.clear")}</Link>
          <a href={exportHref}>{t("audit.export")}</a>
        </div>
      </Form>

      {items.length === 0 ? (
        <p className="mt-6 rounded border border-slate-200 bg-slate-50 p-4">{t("audit.empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full min-w-[56rem] border-collapse text-left">
            <caption className="sr-only">{t("audit.title")}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-2 pr-3">{t("audit.when")}</th>
                <th scope="col" className="py-2 pr-3">{t("audit.who")}</th>
                <th scope="col" className="py-2 pr-3">{t("audit.action")}</th>
                <th scope="col" className="py-2 pr-3">{t("audit.subject")}</th>
                <th scope="col" className="py-2 pr-3">{t("audit.change")}</th>
                <th scope="col" className="py-2 pr-3">{t("audit.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const change = describeChange(item.data);
                const href = subjectHref(item.subjectType, item.subjectId);
                const subject = [item.actorName, item.concernedName].filter(Boolean).join(" · ") || item.subjectId;
                return (
                  <tr key={item.id} className="border-b border-slate-200 align-top">
                    <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(i18n.language, item.occurredAt)}</td>
                    <td className="py-2 pr-3">{item.authorName ?? "—"}</td>
                    <td className="py-2 pr-3">{t(`auditAction.${item.action}`, { defaultValue: item.action })}</td>
                    <td className="py-2 pr-3">{href ? <Link to={href}>{subject}</Link> : subject}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {change.before || change.after ? `${t(`statusWord.${change.before}`, { defaultValue: change.before })} → ${t(`statusWord.${change.after}`, { defaultValue: change.after })}` : ""}
                    </td>
                    <td className="py-2 pr-3 whitespace-pre-line break-words">{change.reason}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore ? (
        <nav aria-label={t("queue.pages")} className="mt-6 flex gap-3">
          <Link to={`/secretariat/audit${search ? `?${search}` : ""}`} className="rounded border border-slate-300 px-3 py-2 no-underline hover:bg-brand-50">
            {t("audit.newest")}
          </Link>
          <Link to={`/secretariat/audit?${new URLSearchParams([...new URLSearchParams(search), ["before", String(nextBefore)]])}`} rel="next" className="rounded border border-slate-300 px-3 py-2 no-underline hover:bg-brand-50">
            {t("audit.older")}
            <span aria-hidden="true"> →</span>
          </Link>
        </nav>
      ) : null}
    </>
  );
}
