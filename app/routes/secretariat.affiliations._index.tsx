// The queue of people asking to represent an actor, oldest first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/auth/permissions.server";
import { InfoState, QueueFilters, QueuePages, Waiting } from "~/components/desk/queue";
import { queueQuery } from "~/domain/desk/queue-query";
import { listPendingAffiliations } from "~/domain/desk/queues.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["desk"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args);
  const filters = queueQuery.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const locale = await visitorLocale(args.request);
  const [queue, title] = await Promise.all([
    listPendingAffiliations(args.context.db, filters, locale),
    pageTitle(locale, { namespace: "desk", key: "affiliations.title" }),
  ]);
  return { ...queue, filters, title, now: Date.now() };
}

export default function AffiliationQueue() {
  const { items, total, filters, older, newer, now } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["desk", "common"]);
  return (
    <>
      <h1 className="text-3xl font-bold">{t("affiliations.title")}</h1>
      <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("affiliations.intro")}</p>
      <QueueFilters action="/secretariat/affiliations" filters={filters} />
      <p className="mt-6" role="status">
        {t("queue.total", { count: total, n: formatNumber(i18n.language, total) })}
      </p>
      {items.length === 0 ? (
        <p className="mt-4 rounded border border-slate-200 bg-slate-50 p-4">{t("queue.empty")}</p>
      ) : (
        <ol className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
          {items.map((item) => (
            <li key={item.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
              <div>
                <Link to={`/secretariat/affiliations/${item.id}`} className="font-semibold">
                  {t("affiliations.itemTitle", { name: item.applicantName, actor: item.actorName })}
                </Link>
                <p className="text-sm text-slate-700">
                  {t(`affiliationRole.${item.role}`)}
                  {item.title ? ` · ${item.title}` : ""} · {t(`common:actorKind.${item.actorKind}`)}
                  {item.countryName && item.actorKind !== "state" ? ` · ${item.countryName}` : ""} · {item.applicantEmail}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                <InfoState awaitingApplicant={item.awaitingApplicant} answered={item.answered} />
                <span>
                  {formatDate(i18n.language, item.createdAt, { dateStyle: "medium" })} · <Waiting createdAt={item.createdAt} now={now} />
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
      <QueuePages path="/secretariat/affiliations" filters={filters} older={older} newer={newer} />
    </>
  );
}
