import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FilterForm, SearchField, SelectField } from "~/components/filter-fields";
import { InitiativeCard } from "~/components/initiative-card";
import { ListSummary } from "~/components/list-summary";
import { Pagination } from "~/components/pagination";
import { listPublicInitiatives } from "~/domain/initiatives.server";
import { getPublicActorName } from "~/domain/actors.server";
import { initiativeListQuery, parseQuery } from "~/domain/public-query.server";
import { axes, listSearch, pageCount, publicInitiativeStatuses, themes, unRegionalGroups } from "~/domain/public-values";
import { invalidQuery, pageTitle, visitorLocale } from "~/utils/public-page.server";
import { NEW_INITIATIVES_FEED, pageMeta } from "~/utils/seo";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["initiatives", "translations"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = pageMeta({ key: "initiatives" }, { keep: ["axis", "theme", "status", "region", "supporter", "q", "page"], feeds: [NEW_INITIATIVES_FEED] });

// Public: the directory of active and closed initiatives.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = parseQuery(initiativeListQuery, new URL(request.url).searchParams);
  if (!query.success) throw invalidQuery(query.issues, "/initiatives");
  const locale = await visitorLocale(request);
  const [result, title, supporterName] = await Promise.all([
    listPublicInitiatives(context.db, query.data, locale),
    pageTitle(locale, { namespace: "initiatives", key: "list.metaTitle" }),
    query.data.supporter ? getPublicActorName(context.db, query.data.supporter, locale) : null,
  ]);
  return { ...result, filters: query.data, title, supporterName };
}

export default function Initiatives() {
  const { items, total, page, pageSize, filters, supporterName } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["initiatives", "common", "discovery"]);
  const pages = pageCount(total, pageSize);
  const hrefFor = (n: number) => `/initiatives${listSearch(filters, n)}`;
  return (
    <>
      <h1 className="text-3xl font-bold">{t("list.heading")}</h1>
      <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("list.intro")}</p>
      <p className="mt-2 text-sm">
        <a href="/initiatives/feed.atom" type="application/atom+xml">
          {t("discovery:feeds.initiativesLink")}
        </a>
      </p>
      {filters.supporter && supporterName ? (
        <p className="mt-4 text-lg">
          {t("discovery:filters.supportedBy")} <Link to={`/actors/${filters.supporter}`}>{supporterName}</Link>
          {" · "}
          <Link to={`/initiatives${listSearch({ ...filters, supporter: undefined }, 1)}`}>{t("discovery:filters.clearSupporter")}</Link>
        </p>
      ) : null}
      <FilterForm action="/initiatives" label={t("list.filtersLabel")} columns="md:grid-cols-3 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto]">
        {filters.supporter ? <input type="hidden" name="supporter" value={filters.supporter} /> : null}
        <SearchField label={t("list.searchLabel")} defaultValue={filters.q} />
        <SelectField
          name="axis"
          label={t("common:labels.axis")}
          allLabel={t("list.allAxes")}
          options={axes.map((axis) => ({ value: axis, label: t(`common:axis.${axis}`) }))}
          defaultValue={filters.axis}
        />
        <SelectField
          name="theme"
          label={t("common:labels.theme")}
          allLabel={t("list.allThemes")}
          options={themes.map((theme) => ({ value: theme, label: t(`common:theme.${theme}`) }))}
          defaultValue={filters.theme}
        />
        <SelectField
          name="status"
          label={t("common:labels.status")}
          allLabel={t("discovery:filters.allStatuses")}
          options={publicInitiativeStatuses.map((status) => ({ value: status, label: t(`common:initiativeStatus.${status}`) }))}
          defaultValue={filters.status}
        />
        <SelectField
          name="region"
          label={t("discovery:filters.regionLabel")}
          allLabel={t("discovery:filters.allRegions")}
          options={unRegionalGroups.map((region) => ({ value: region, label: t(`common:unRegionalGroup.${region}`) }))}
          defaultValue={filters.region}
        />
      </FilterForm>
      <ListSummary
        namespace="initiatives"
        total={total}
        page={page}
        pageCount={pages}
        resultsKey="list.results"
        emptyKey="list.empty"
        firstPageHref={hrefFor(1)}
      />
      {items.length > 0 ? (
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {items.map((initiative) => (
            <li key={initiative.slug}>
              <InitiativeCard initiative={initiative} />
            </li>
          ))}
        </ul>
      ) : null}
      <Pagination page={page} pageCount={pages} hrefFor={hrefFor} />
    </>
  );
}
