import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "~/i18n/react";
import { ActorCard } from "~/components/actor-card";
import { FilterForm, SearchField, SelectField } from "~/components/filter-fields";
import { ListSummary } from "~/components/list-summary";
import { Pagination } from "~/components/pagination";
import { listPublicActors } from "~/domain/actors.server";
import { getPublicInitiativeTitle } from "~/domain/initiatives.server";
import { actorListQuery, parseQuery } from "~/domain/public-query.server";
import { actorKinds, listSearch, pageCount, unRegionalGroups } from "~/domain/public-values";
import { invalidQuery, pageTitle, visitorLocale } from "~/utils/public-page.server";
import { pageMeta } from "~/utils/seo";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["actors"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = pageMeta({ key: "actors" }, { keep: ["kind", "scope", "region", "participating", "initiative", "q", "page"] });

// Public: the directory of the Alliance's actors (with scope=all, every UN State too).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = parseQuery(actorListQuery, new URL(request.url).searchParams);
  if (!query.success) throw invalidQuery(query.issues, "/actors");
  const locale = await visitorLocale(request);
  const [result, title, initiativeTitle] = await Promise.all([
    listPublicActors(context.db, query.data, locale),
    pageTitle(locale, { namespace: "actors", key: "list.metaTitle" }),
    query.data.initiative ? getPublicInitiativeTitle(context.db, query.data.initiative, locale) : null,
  ]);
  if (query.data.initiative && !initiativeTitle) throw new Response("Not Found", { status: 404 });
  return { ...result, filters: query.data, title, initiativeTitle };
}

export default function Actors() {
  const { items, total, page, pageSize, filters, initiativeTitle } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["actors", "common"]);
  const pages = pageCount(total, pageSize);
  const hrefFor = (n: number) => `/actors${listSearch(filters, n)}`;
  return (
    <>
      <h1 className="text-3xl font-bold">{t("list.heading")}</h1>
      {initiativeTitle && filters.initiative ? (
        <p className="mt-2 max-w-3xl text-lg text-slate-700">
          <Trans
            t={t}
            i18nKey="list.takingPartIn"
            values={{ title: initiativeTitle.title }}
            components={{
              initiative: (
                <Link
                  to={`/initiatives/${filters.initiative}`}
                  className="underline"
                  lang={initiativeTitle.language === i18n.language ? undefined : initiativeTitle.language}
                />
              ),
            }}
          />
        </p>
      ) : (
        <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("list.intro")}</p>
      )}
      <FilterForm action="/actors" label={t("list.filtersLabel")} columns="md:grid-cols-3">
        {filters.initiative ? <input type="hidden" name="initiative" value={filters.initiative} /> : null}
        <SearchField label={t("list.searchLabel")} defaultValue={filters.q} />
        <SelectField
          name="kind"
          label={t("common:labels.kind")}
          allLabel={t("list.allKinds")}
          options={actorKinds.map((kind) => ({ value: kind, label: t(`common:actorKindPlural.${kind}`) }))}
          defaultValue={filters.kind}
        />
        <SelectField
          name="region"
          label={t("list.regionLabel")}
          allLabel={t("list.allRegions")}
          options={unRegionalGroups.map((group) => ({ value: group, label: t(`common:unRegionalGroup.${group}`) }))}
          defaultValue={filters.region}
        />
        <SelectField
          name="participating"
          label={t("list.participatingLabel")}
          allLabel={t("list.participatingAny")}
          options={[{ value: "yes", label: t("list.participatingYes") }]}
          defaultValue={filters.participating}
        />
        <SelectField
          name="scope"
          label={t("list.scopeLabel")}
          allLabel={t("list.scopeAlliance")}
          options={[{ value: "all", label: t("list.scopeAll") }]}
          defaultValue={filters.scope === "all" ? "all" : undefined}
        />
      </FilterForm>
      <ListSummary
        namespace="actors"
        total={total}
        page={page}
        pageCount={pages}
        resultsKey="list.results"
        emptyKey="list.empty"
        firstPageHref={hrefFor(1)}
      />
      {items.length > 0 ? (
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((actor) => (
            <li key={actor.id}>
              <ActorCard actor={actor} />
            </li>
          ))}
        </ul>
      ) : null}
      <Pagination page={page} pageCount={pages} hrefFor={hrefFor} />
    </>
  );
}
