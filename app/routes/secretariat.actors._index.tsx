// The queue of organisations waiting for their registration to be reviewed, oldest first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/auth/permissions.server";
import { InfoState, QueueFilters, QueuePages, Waiting } from "~/components/desk/queue";
import { queueQuery } from "~/domain/desk/queue-query";
import { listActorsForReview } from "~/domain/desk/queues.server";
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
    listActorsForReview(args.context.db, filters, locale),
    pageTitle(locale, { namespace: "desk", key: "actors.title" }),
  ]);
  return { ...queue, filters, title, now: Date.now() };
}

export default function ActorQueue() {
  const { items, total, filters, older, newer, now } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["desk", "common"]);
  return (
    <>
      <h1 className="text-3xl font-bold">{t(`actors.heading.${filters.status ?? "pending"}`)}</h1>
      <p className="mt-2 max-w-3xl text-lg text-slate-700">{t(`actors.intro.${filters.status ?? "pending"}`)}</p>
      <QueueFilters action="/secretariat/actors" filters={filters} withStatus />
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
                <Link to={`/secretariat/actors/${item.id}`} className="font-semibold">
                  {item.name}
                  {item.shortName ? ` (${item.shortName})` : ""}
                </Link>
                <p className="text-sm text-slate-700">
                  {t(`common:actorKind.${item.kind}`)}
                  {item.category ? ` · ${t(`common:actorCategory.${item.category}`)}` : ""}
                  {item.countryName ? ` · ${item.countryName}` : ""}
                  {item.applicantName ? ` · ${t("actors.registeredBy", { name: item.applicantName, email: item.applicantEmail })}` : ""}
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
      <QueuePages path="/secretariat/actors" filters={filters} older={older} newer={newer} />
    </>
  );
}
