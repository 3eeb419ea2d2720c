// /meetings: upcoming meetings across the public initiatives, soonest first, filtered by
// initiative (its slug from its page, or words of its name or summary) and axis, with the calendar feeds to
// subscribe to. Public; never the online links.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FilterForm, SearchField, SelectField } from "~/components/filter-fields";
import { MeetingList } from "~/components/meeting-list";
import { Pagination } from "~/components/pagination";
import { listUpcomingMeetings } from "~/domain/coalitions/meetings.server";
import { meetingListQuery, parseQuery } from "~/domain/public-query.server";
import { axes, listSearch, pageCount } from "~/domain/public-values";
import { formatNumber } from "~/i18n/format";
import { i18nServer } from "~/i18n/i18next.server";
import { invalidQuery, visitorLocale } from "~/utils/public-page.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["meetings"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "description", content: data.description }] : []);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = parseQuery(meetingListQuery, new URL(request.url).searchParams);
  if (!query.success) throw invalidQuery(query.issues, "/meetings");
  const locale = await visitorLocale(request);
  const [result, t] = await Promise.all([listUpcomingMeetings(context.db, query.data), i18nServer.getFixedT(locale, ["meetings", "common"])]);
  return {
    ...result,
    filters: query.data,
    title: t("common:pageTitle", { page: t("meetings:list.heading") }),
    description: t("meetings:list.intro"),
    // webcal: asks the visitor's calendar app to subscribe rather than download once.
    webcal: `${context.publicUrl.replace(/^https?:/, "webcal:")}/meetings.ics`,
  };
}

export default function Meetings() {
  const { items, total, page, pageSize, filters, webcal } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["meetings", "common"]);
  const pages = pageCount(total, pageSize);
  const hrefFor = (n: number) => `/meetings${listSearch(filters, n)}`;
  return (
    <>
      <h1 className="text-3xl font-bold">{t("list.heading")}</h1>
      <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("list.intro")}</p>
      <p className="mt-3">
        <a href="/meetings.ics">{t("feeds.all")}</a>
        {" · "}
        <a href={webcal}>{t("feeds.subscribe")}</a>
      </p>
      <FilterForm action="/meetings" label={t("list.filtersLabel")} columns="md:grid-cols-[2fr_1fr_auto]">
        <SearchField label={t("list.initiativeLabel")} hint={t("list.initiativeWords")} defaultValue={filters.q} />
        <SelectField
          name="axis"
          label={t("common:labels.axis")}
          allLabel={t("list.allAxes")}
          options={axes.map((axis) => ({ value: axis, label: t(`common:axis.${axis}`) }))}
          defaultValue={filters.axis}
        />
      </FilterForm>
      {filters.initiative ? (
        <p className="mt-6">
          {items[0] ? t("list.oneInitiative", { title: items[0].initiative.title }) : t("list.oneInitiativeUntitled")}{" "}
          <Link className="underline" to={`/meetings${listSearch({ ...filters, initiative: undefined }, 1)}`}>{t("list.everyInitiative")}</Link>
        </p>
      ) : null}
      <p className="mt-6 text-lg" role="status">
        {total === 0 ? t("list.empty") : t("list.results", { count: total, n: formatNumber(i18n.language, total) })}
      </p>
      {items.length > 0 ? <MeetingList meetings={items} emptyText="" headingLevel={3} /> : null}
      <Pagination page={page} pageCount={pages} hrefFor={hrefFor} />
    </>
  );
}
