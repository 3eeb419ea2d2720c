import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { AxisBadge, ClosedBadge } from "~/components/badges";
import { InLanguage } from "~/components/in-language";
import { MAX_SEARCH_LENGTH, MIN_SEARCH_CHARACTERS } from "~/domain/public-values";
import { searchPortal, searchText } from "~/domain/search.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { seoMeta } from "~/utils/seo";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017): the
// note on results shown in their original language.
export const handle: RouteI18nHandle = { i18n: ["translations", "search"] };
await routeNamespaces(handle);

// Result pages are endless variations of one page: search engines index the directories instead.
export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [...seoMeta(args, { title: args.data.title, description: { key: "search" } }), { name: "robots", content: "noindex, follow" }] : [];

// Public: one search across initiatives, actors and upcoming meetings. Any text answers 200:
// what cannot be searched for is cleaned away, a text too long is cut with a note, and one with
// fewer than two letters or digits (which would find nearly everything) is not run: the page asks for more.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { q, shortened, tooShort } = searchText(new URL(request.url).searchParams.get("q") ?? "");
  const locale = await visitorLocale(request);
  const [results, title] = await Promise.all([
    q && !tooShort ? searchPortal(context.db, q, locale) : null,
    pageTitle(locale, { namespace: "search", key: "title" }),
  ]);
  return { q, shortened, tooShort, results, title };
}

function Group({ id, heading, total, seeAll, children }: { id: string; heading: string; total: number; seeAll: { href: string; label: string }; children: ReactNode }) {
  const { t, i18n } = useTranslation("search");
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-8">
      <h2 id={`${id}-heading`} className="text-2xl font-semibold">
        {heading} <span className="text-lg font-normal text-slate-700">({t("count", { count: total, n: formatNumber(i18n.language, total) })})</span>
      </h2>
      {total === 0 ? <p className="mt-2 text-slate-700">{t("none")}</p> : <ul className="mt-3 space-y-3">{children}</ul>}
      {total > 0 ? (
        <p className="mt-3">
          <Link to={seeAll.href}>{seeAll.label}</Link>
        </p>
      ) : null}
    </section>
  );
}

export default function Search() {
  const { q, shortened, tooShort, results } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["search", "common"]);
  const query = new URLSearchParams({ q }).toString();
  const nothing = results && results.initiatives.total + results.actors.total + results.meetings.total === 0;
  return (
    <>
      <h1 className="text-3xl font-bold">{t("heading")}</h1>
      <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("intro")}</p>
      <Form method="get" action="/search" role="search" aria-label={t("heading")} className="mt-6 flex max-w-2xl flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1">
          <label htmlFor="search-q" className="block font-medium">
            {t("label")}
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={MAX_SEARCH_LENGTH}
            className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 text-slate-900"
          />
        </div>
        <button type="submit" className="rounded bg-brand-800 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t("submit")}
        </button>
      </Form>
      {shortened ? (
        <p role="status" className="mt-4 max-w-3xl rounded border border-amber-600 bg-amber-50 p-3">
          {t("shortened", { max: MAX_SEARCH_LENGTH })}
        </p>
      ) : null}
      {tooShort ? (
        <p role="status" className="mt-6 max-w-3xl">
          {t("tooShort", { q, min: MIN_SEARCH_CHARACTERS })}
        </p>
      ) : null}
      {!results && !tooShort ? <p className="mt-6">{t("prompt")}</p> : null}
      {results ? (
        <>
          <p className="mt-6 text-lg font-medium">{t("resultsFor", { q })}</p>
          {nothing ? <p className="mt-2">{t("nothing", { q })}</p> : null}
          <Group
            id="initiatives"
            heading={t("group.initiatives")}
            total={results.initiatives.total}
            seeAll={{ href: `/initiatives?${query}`, label: t("seeAll.initiatives") }}
          >
            {results.initiatives.items.map((initiative) => (
              <li key={initiative.slug}>
                <h3 className="text-lg font-semibold">
                  <Link to={`/initiatives/${initiative.slug}`}>
                    <InLanguage lang={initiative.textLanguage}>{initiative.title}</InLanguage>
                  </Link>
                </h3>
                <p className="mt-1 flex flex-wrap gap-2">
                  <AxisBadge axis={initiative.axis} />
                  <ClosedBadge status={initiative.status} />
                </p>
                <InLanguage lang={initiative.textLanguage} as="div" className="mt-1 text-slate-700">
                  {initiative.summary}
                </InLanguage>
              </li>
            ))}
          </Group>
          <Group
            id="actors"
            heading={t("group.actors")}
            total={results.actors.total}
            seeAll={{ href: `/actors?${query}&scope=all`, label: t("seeAll.actors") }}
          >
            {results.actors.items.map((actor) => (
              <li key={actor.id}>
                <h3 className="text-lg font-semibold">
                  <Link to={`/actors/${actor.id}`}>
                    {actor.name}
                    {actor.shortName && actor.shortName !== actor.name ? ` (${actor.shortName})` : ""}
                  </Link>
                </h3>
                <p className="text-slate-700">
                  {t(`common:actorKind.${actor.kind}`)}
                  {actor.kind !== "state" && actor.countryName ? ` · ${actor.countryName}` : ""}
                </p>
              </li>
            ))}
          </Group>
          <Group id="meetings" heading={t("group.meetings")} total={results.meetings.total} seeAll={{ href: "/meetings", label: t("seeAll.meetings") }}>
            {results.meetings.items.map((meeting) => (
              <li key={meeting.id}>
                <h3 className="text-lg font-semibold">{meeting.title}</h3>
                <p className="text-slate-700">
                  <time dateTime={new Date(meeting.startsAt).toISOString()}>{formatDate(i18n.language, meeting.startsAt)}</time>
                  {" · "}
                  <Link to={`/initiatives/${meeting.initiativeSlug}`} className="underline">{t("meetingOf", { initiative: meeting.initiativeTitle })}</Link>
                </p>
              </li>
            ))}
          </Group>
        </>
      ) : null}
    </>
  );
}
