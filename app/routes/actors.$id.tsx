import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { AxisBadge, ClosedBadge, ThemeBadge } from "~/components/badges";
import { Fact, Facts } from "~/components/facts";
import { Flag } from "~/components/flag";
import { InLanguage, UntranslatedNote } from "~/components/in-language";
import { Paragraphs } from "~/components/paragraphs";
import { WebsiteLink } from "~/components/website-link";
import { getPublicActor } from "~/domain/actors.server";
import { actorId } from "~/domain/public-query.server";
import { formatDate } from "~/i18n/format";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { seoMeta } from "~/utils/seo";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["actors", "translations"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? seoMeta(args, { title: args.data.title, description: { key: "actor", values: { name: args.data.actor.name } } }) : [];

// Public: an approved actor and the initiatives it chose to take part in.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = actorId.safeParse(params.id);
  const locale = await visitorLocale(request);
  const actor = id.success ? await getPublicActor(context.db, id.data, locale) : null;
  if (!actor) throw new Response("Not Found", { status: 404 });
  return { actor, title: await pageTitle(locale, actor.name) };
}

export default function ActorPage() {
  const { actor } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["actors", "common"]);
  return (
    <article>
      <p>
        <Link to="/actors">
          <span aria-hidden="true">← </span>
          {t("detail.back")}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl font-bold">
        {actor.kind === "state" ? <Flag iso3={actor.countryCode} /> : null}
        {actor.name}
        {actor.shortName && actor.shortName !== actor.name ? ` (${actor.shortName})` : ""}
      </h1>
      {actor.inAlliance ? null : <p className="mt-3 max-w-3xl rounded border border-amber-600 bg-amber-50 p-3">{t("detail.notInAlliance")}</p>}
      <div className="mt-6 grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div>
          {actor.description ? (
            <section aria-labelledby="about" className="mb-8">
              <h2 id="about" className="text-2xl font-semibold">
                {t("detail.about")}
              </h2>
              <div className="mt-3 max-w-3xl space-y-3">
                <Paragraphs text={actor.description} />
              </div>
            </section>
          ) : null}
          <section aria-labelledby="initiatives">
            <h2 id="initiatives" className="text-2xl font-semibold">
              {t("detail.initiatives")}
            </h2>
            {actor.initiatives.length > 0 ? (
              <>
                <p className="mt-2 text-slate-700">{t("detail.initiativesIntro")}</p>
                <ul className="mt-4 space-y-4">
                  {actor.initiatives.map((initiative) => (
                    <li key={initiative.slug} className="rounded-lg border border-slate-200 p-4">
                      <h3 className="text-lg font-semibold">
                        <Link to={`/initiatives/${initiative.slug}`}>
                          <InLanguage lang={initiative.textLanguage}>{initiative.title}</InLanguage>
                        </Link>
                      </h3>
                      <UntranslatedNote lang={initiative.textLanguage} />
                      <p className="mt-2 flex flex-wrap gap-2">
                        <AxisBadge axis={initiative.axis} />
                        <ThemeBadge theme={initiative.theme} />
                        <ClosedBadge status={initiative.status} />
                      </p>
                      <p className="mt-2 text-sm text-slate-700">
                        {t("detail.roleSince", {
                          role: t(`common:participationRole.${initiative.role}`),
                          date: formatDate(i18n.language, initiative.since),
                        })}
                      </p>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="mt-2">{t("detail.noInitiatives")}</p>
            )}
          </section>
          {actor.pastInitiatives.length > 0 ? (
            <section aria-labelledby="past-initiatives" className="mt-8">
              <h2 id="past-initiatives" className="text-2xl font-semibold">
                {t("pastParticipation.heading")}
              </h2>
              <ul className="mt-4 space-y-3">
                {actor.pastInitiatives.map((initiative) => (
                  <li key={initiative.slug}>
                    <Link to={`/initiatives/${initiative.slug}`} className="font-semibold underline">
                      {initiative.title}
                    </Link>
                    <p className="text-sm text-slate-700">
                      {t("pastParticipation.period", {
                        from: formatDate(i18n.language, initiative.since),
                        until: formatDate(i18n.language, initiative.until),
                      })}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <Facts id="facts" heading={t("detail.facts")}>
          <Fact label={t("detail.kind")}>{t(`common:actorKind.${actor.kind}`)}</Fact>
          {actor.category ? (
            <Fact label={t("detail.category")}>{t(`common:actorCategory.${actor.category}`)}</Fact>
          ) : null}
          {actor.countryName ? (
            <Fact label={actor.kind === "state" ? t("detail.country") : t("detail.headquarters")}>
              {actor.countryName}
            </Fact>
          ) : null}
          {actor.website ? (
            <Fact label={t("detail.website")}>
              <WebsiteLink href={actor.website} />
            </Fact>
          ) : null}
        </Facts>
      </div>
    </article>
  );
}
