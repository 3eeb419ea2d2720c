import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { getOptionalUser } from "~/auth/permissions.server";
import { isStaffRole } from "~/auth/session.server";
import { CoalitionMap } from "~/components/coalition-map";
import { NextStepPanel } from "~/components/next-step";
import { networkMapStates } from "~/domain/map/network.server";
import { getNextStep } from "~/domain/membership/dashboard.server";
import { actorKinds, axes } from "~/domain/public-values";
import { getPortalFigures } from "~/domain/stats.server";
import { formatNumber } from "~/i18n/format";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { NEW_INITIATIVES_FEED, pageMeta } from "~/utils/seo";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["home", "map", "membership"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = pageMeta({ key: "home" }, { feeds: [NEW_INITIATIVES_FEED] });

// Public: what the Alliance is, its three axes and live figures from the directory; a signed-in
// member also sees their next step (apply, answer, waiting since, what they can do).
export async function loader(args: LoaderFunctionArgs) {
  const { request, context } = args;
  const locale = await visitorLocale(request);
  const user = await getOptionalUser(args);
  const [figures, title, step, mapStates] = await Promise.all([
    getPortalFigures(context.db),
    pageTitle(locale, { namespace: "home", key: "metaTitle" }),
    user?.emailVerified && !isStaffRole(user.role) ? getNextStep(context.db, user.id, locale) : null,
    networkMapStates(context.db, locale),
  ]);
  return { figures, title, step, signedIn: Boolean(user), mapStates };
}

const principles = ["open", "coalitions", "choice"] as const;

function Figure({ value, label, href }: { value: number; label: string; href: string }) {
  const { i18n } = useTranslation();
  return (
    <li>
      <Link to={href} className="flex items-baseline gap-3 rounded px-2 py-1 no-underline hover:bg-brand-50">
        <span className="min-w-16 text-right text-2xl font-bold text-brand-800">
          {formatNumber(i18n.language, value)}
        </span>
        <span className="text-brand-700 underline underline-offset-2">{label}</span>
      </Link>
    </li>
  );
}

export default function Home() {
  const { figures, step, signedIn, mapStates } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["home", "common"]);
  return (
    <>
      {step ? (
        <div className="mb-8">
          <NextStepPanel step={step} />
        </div>
      ) : null}
      <section aria-labelledby="home-title" className="rounded-xl bg-brand-50 px-6 py-10 md:px-10">
        <h1 id="home-title" className="max-w-3xl text-4xl font-bold tracking-tight text-brand-900">
          {t("heading")}
        </h1>
        <p className="mt-4 max-w-3xl text-lg text-slate-800">{t("intro")}</p>
        <p className="mt-6 flex flex-wrap gap-4">
          <Link
            to="/initiatives"
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800"
          >
            {t("browseCta")}
          </Link>
          <Link
            to={signedIn ? "/dashboard" : "/signup"}
            className="rounded border border-brand-700 bg-white px-4 py-2 font-semibold no-underline hover:bg-brand-100"
          >
            {t("joinCta")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="principles" className="mt-12">
        <h2 id="principles" className="text-2xl font-semibold">
          {t("principles.heading")}
        </h2>
        <ul className="mt-4 grid gap-4 md:grid-cols-3">
          {principles.map((key) => (
            <li key={key} className="rounded-lg border border-slate-200 p-5">
              <h3 className="text-lg font-semibold">{t(`principles.${key}.title`)}</h3>
              <p className="mt-2 text-slate-700">{t(`principles.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="axes" className="mt-12">
        <h2 id="axes" className="text-2xl font-semibold">
          {t("axesHeading")}
        </h2>
        <ol className="mt-4 grid gap-4 md:grid-cols-3">
          {axes.map((axis) => (
            <li key={axis} className="flex flex-col rounded-lg border-t-4 border-brand-700 bg-slate-50 p-5">
              <h3 className="text-lg font-semibold">{t(`common:axis.${axis}`)}</h3>
              <p className="mt-2 flex-1 text-slate-700">{t(`axisDescription.${axis}`)}</p>
              <p className="mt-3">
                <Link to={`/initiatives?axis=${axis}`}>{t("seeAxis")}</Link>
              </p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="figures" className="mt-12">
        <h2 id="figures" className="text-2xl font-semibold">
          {t("figuresHeading")}
        </h2>
        <div className="mt-4 grid gap-8 md:grid-cols-2">
          <div>
            <h3 className="text-lg font-semibold">{t("initiativesByAxis")}</h3>
            <ul className="mt-2 space-y-1">
              {axes.map((axis) => (
                <Figure
                  key={axis}
                  value={figures.initiativesByAxis[axis]}
                  label={t(`common:axis.${axis}`)}
                  href={`/initiatives?axis=${axis}`}
                />
              ))}
            </ul>
            <p className="mt-2 text-slate-700">
              {t("figureTotalInitiatives", { count: figures.activeInitiatives, n: formatNumber(i18n.language, figures.activeInitiatives) })}
            </p>
          </div>
          <div>
            <h3 className="text-lg font-semibold">{t("actorsByKind")}</h3>
            <ul className="mt-2 space-y-1">
              {actorKinds.map((kind) => (
                <Figure
                  key={kind}
                  value={figures.actorsByKind[kind]}
                  label={t(`common:actorKindPlural.${kind}`)}
                  href={`/actors?kind=${kind}`}
                />
              ))}
            </ul>
            <p className="mt-2 text-slate-700">
              {t("figureTotalActors", { count: figures.actorsInAlliance, n: formatNumber(i18n.language, figures.actorsInAlliance) })}
            </p>
          </div>
        </div>
      </section>

      <CoalitionMap states={mapStates} variant="network" />

      <section aria-labelledby="join" className="mt-12 rounded-xl bg-brand-900 px-6 py-8 text-white md:px-10">
        <h2 id="join" className="text-2xl font-semibold">
          {t("joinHeading")}
        </h2>
        <p className="mt-3 max-w-3xl">{t("joinBody")}</p>
        <p className="mt-5">
          <Link
            to={signedIn ? "/affiliations/new" : "/signup"}
            className="inline-block rounded bg-white px-4 py-2 font-semibold text-brand-900 no-underline hover:bg-brand-100"
          >
            {t("joinCta")}
          </Link>
        </p>
      </section>
    </>
  );
}
