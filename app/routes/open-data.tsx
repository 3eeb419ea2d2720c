import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { listPublicInitiatives } from "~/domain/initiatives.server";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { NEW_INITIATIVES_FEED, pageMeta } from "~/utils/seo";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["openData"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = pageMeta({ key: "openData" }, { feeds: [NEW_INITIATIVES_FEED] });

const FILTERS = ["axis", "theme", "status", "region", "supporter", "q", "page"] as const;

// Public: what the portal publishes as open data, in which formats, and under which licence.
// Addresses are written out in full (from APP_URL) so they can be copied into a program.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await visitorLocale(request);
  const [title, example] = await Promise.all([
    pageTitle(locale, { namespace: "openData", key: "title" }),
    // A real initiative for the examples, so each link answers.
    listPublicInitiatives(context.db, { status: "active", page: 1 }).then((result) => result.items[0] ?? null),
  ]);
  return { title, base: context.publicUrl, example: example ? { slug: example.slug, title: example.title } : null };
}

function Code({ children }: { children: string }) {
  return <code className="rounded bg-slate-100 px-1 py-0.5 text-sm break-all text-slate-900">{children}</code>;
}

export default function OpenData() {
  const { base, example } = useLoaderData<typeof loader>();
  const { t } = useTranslation("openData");
  const endpoints = [
    ["/api/v1/initiatives", t("api.initiatives")],
    [example ? `/api/v1/initiatives/${example.slug}` : "/api/v1/initiatives/{slug}", t("api.initiative")],
    ["/api/v1/actors", t("api.actors")],
    ["/api/v1/actors/{id}", t("api.actor")],
  ] as const;
  const section = "mt-8";
  const heading = "text-2xl font-semibold";
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-lg text-slate-800">{t("intro")}</p>

      <section aria-labelledby="licence" className={section}>
        <h2 id="licence" className={heading}>
          {t("licence.heading")}
        </h2>
        <p className="mt-3">{t("licence.text")}</p>
        <p className="mt-2">
          <a className="underline" href="https://creativecommons.org/licenses/by/4.0/" rel="license">
            {t("licence.link")}
          </a>
        </p>
      </section>

      <section aria-labelledby="scope" className={section}>
        <h2 id="scope" className={heading}>
          {t("scope.heading")}
        </h2>
        <p className="mt-3">{t("scope.text")}</p>
      </section>

      <section aria-labelledby="api" className={section}>
        <h2 id="api" className={heading}>
          {t("api.heading")}
        </h2>
        <p className="mt-3">{t("api.text")}</p>
        <h3 className="mt-5 text-xl font-semibold">{t("api.endpoints")}</h3>
        <ul className="mt-2 list-disc space-y-2 pl-6">
          {endpoints.map(([path, what]) => (
            <li key={path}>
              {path.includes("{") ? <Code>{`GET ${path}`}</Code> : <a className="underline" href={path}>{`GET ${path}`}</a>}: {what}
            </li>
          ))}
        </ul>
        <h3 className="mt-5 text-xl font-semibold">{t("api.filtersHeading")}</h3>
        <dl className="mt-2 space-y-2">
          {FILTERS.map((name) => (
            <div key={name}>
              <dt className="inline font-mono font-semibold">{name}</dt>
              <dd className="inline">: {t(`api.filters.${name}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3">
          {t("api.example")}: <Code>{`${base}/api/v1/initiatives?status=active&region=african&page=1`}</Code>
        </p>
        <p className="mt-3">{t("api.errors")}</p>
      </section>

      <section aria-labelledby="csv" className={section}>
        <h2 id="csv" className={heading}>
          {t("csv.heading")}
        </h2>
        <p className="mt-3">{t("csv.text")}</p>
        <p className="mt-2">
          <Code>{`${base}/initiatives/{slug}/supporters.csv`}</Code>
        </p>
        {example ? (
          <p className="mt-2">
            <a className="underline" href={`/initiatives/${example.slug}/supporters.csv`} download>
              {t("csv.example", { title: example.title })}
            </a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="feeds" className={section}>
        <h2 id="feeds" className={heading}>
          {t("feeds.heading")}
        </h2>
        <p className="mt-3">{t("feeds.text")}</p>
        <ul className="mt-2 list-disc space-y-2 pl-6">
          <li>
            <a className="underline" href="/initiatives/feed.atom" type="application/atom+xml">
              {t("feeds.initiatives")}
            </a>{" "}
            (<Code>{`${base}/initiatives/feed.atom`}</Code>)
          </li>
          <li>
            {t("feeds.initiative")} (<Code>{`${base}/initiatives/{slug}/feed.atom`}</Code>)
          </li>
        </ul>
      </section>
    </article>
  );
}
