import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterForm, SearchField, SelectField } from "~/components/filter-fields";
import { InitiativeCard } from "~/components/initiative-card";
import { ListSummary } from "~/components/list-summary";
import { Pagination } from "~/components/pagination";
import { listPublicInitiatives } from "~/domain/initiatives.server";
import { initiativeListQuery, parseQuery } from "~/domain/public-query.server";
import { axes, listSearch, pageCount, themes } from "~/domain/public-values";
import { invalidQuery, pageTitle, visitorLocale } from "~/utils/public-page.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

// Public: the directory of active and closed initiatives.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = parseQuery(initiativeListQuery, new URL(request.url).searchParams);
  if (!query.success) throw invalidQuery(query.issues, "/initiatives");
  const locale = await visitorLocale(request);
  const [result, title] = await Promise.all([
    listPublicInitiatives(context.db, query.data),
    pageTitle(locale, { namespace: "initiatives", key: "list.metaTitle" }),
  ]);
  return { ...result, filters: query.data, title };
}

export default function Initiatives() {
  const { items, total, page, pageSize, filters } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["initiatives", "common"]);
  const pages = pageCount(total, pageSize);
  const hrefFor = (n: number) => `/initiatives${listSearch(filters, n)}`;
  return (
    <>
      <h1 className="text-3xl font-bold">{t("list.heading")}</h1>
      <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("list.intro")}</p>
      <FilterForm action="/initiatives" label={t("list.filtersLabel")} columns="md:grid-cols-[2fr_1fr_1fr_auto]">
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
