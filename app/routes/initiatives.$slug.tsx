import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { getOptionalUser } from "~/auth/permissions.server";
import { AxisBadge, ClosedBadge, ThemeBadge } from "~/components/badges";
import { CoalitionMap } from "~/components/coalition-map";
import { CoalitionTimeline } from "~/components/coalition-timeline";
import { Fact, Facts } from "~/components/facts";
import { Notice } from "~/components/forms";
import { MeetingList } from "~/components/meeting-list";
import { NextStep, type Visitor } from "~/components/initiative-next-step";
import { OpenDataLinks } from "~/components/open-data-links";
import { InLanguage, UntranslatedNote } from "~/components/in-language";
import { Paragraphs } from "~/components/paragraphs";
import { LeadList, SupporterGroups } from "~/components/participant-list";
import { parseAsOf } from "~/domain/coalitions/history";
import { visitorStanding } from "~/domain/coalitions/standing.server";
import { findPublicInitiative, groupSupporters, SUPPORTERS_SHOWN_PER_KIND } from "~/domain/initiatives.server";
import { mapStates } from "~/domain/map/states";
import { initiativeSlug } from "~/domain/public-query.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { initiativeFeeds, seoMeta } from "~/utils/seo";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["coalitions", "initiatives", "map", "meetings", "translations"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? seoMeta(args, { title: args.data.title, description: args.data.initiative.summary, type: "article", feeds: initiativeFeeds(args.data.initiative) }) : [];

/** The timeline names the latest events; older ones are counted (the API gives them all). */
const TIMELINE_SHOWN = 50;
const NOTICES = new Set(["joined", "requested", "already", "withdrawn", "leadAccepted", "leadDeclined"]);

// Public: one active or closed initiative; anything else is a 404, whatever the slug. A signed-in
// visitor also sees where their actors stand and what they can do next.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = initiativeSlug.safeParse(params.slug);
  const locale = await visitorLocale(request);
  const url = new URL(request.url);
  const asOfInput = url.searchParams.get("asOf") ?? "";
  const asOf = asOfInput ? parseAsOf(asOfInput) : null;
  const [found, user] = await Promise.all([
    slug.success ? findPublicInitiative(context.db, slug.data, locale, {
          asOf: asOf ?? undefined,
          shown: { supportersPerKind: SUPPORTERS_SHOWN_PER_KIND, timeline: TIMELINE_SHOWN },
        }) : null,
    getOptionalUser({ request, context }),
  ]);
  if (!found) throw new Response("Not Found", { status: 404 });
  const { initiative } = found;
  let visitor: Visitor = { kind: "anonymous" };
  let onlineLinks: Record<string, string> = {};
  if (user) {
    // The meetings' online links are for the representatives of participating actors only.
    // The meetings' online links come inside the standing's one statement.
    const { onlineLinks: links, ...standing } = await visitorStanding(context.db, user.id, found.id, locale);
    onlineLinks = links;
    visitor = {
      kind: "member",
      ...standing,
      isLead: standing.represented.some((a) => a.role === "lead" && a.status === "active"),
    };
  }
  const now = Date.now();
  // Only what the page shows travels in the inline data: the first supporters of each kind,
  // the newest events, and counts for the rest (the API and the filtered directory give it all).
  const { supporters, supporterTotals, timeline, timelineTotal, ...shown } = initiative;
  const newestFirst = [...timeline].reverse().slice(0, TIMELINE_SHOWN);
  const supporterGroups = groupSupporters(supporters, SUPPORTERS_SHOWN_PER_KIND, supporterTotals);
  return {
    initiative: shown,
    visitor,
    supporterCount: supporterGroups.reduce((sum, group) => sum + group.total, 0),
    supporterGroups,
    // The States to colour, from the participants already read (every State is): no query, no geometry.
    mapStates: mapStates([...shown.leads, ...supporters], locale),
    timeline: newestFirst,
    earlierEvents: Math.max(0, timelineTotal - newestFirst.length),
    asOf: asOf ? asOfInput : null,
    asOfInput,
    asOfInvalid: asOfInput !== "" && !asOf,
    loginPath: `/login?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`,
    upcoming: initiative.meetings.filter((m) => m.endsAt.getTime() >= now).map((m) => ({ ...m, onlineUrl: onlineLinks[m.id] ?? null })),
    past: initiative.meetings.filter((m) => m.endsAt.getTime() < now).reverse(),
    title: await pageTitle(locale, initiative.title),
  };
}

export default function InitiativePage() {
  const data = useLoaderData<typeof loader>();
  const { initiative, supporterCount, supporterGroups, upcoming, past } = data;
  const { t, i18n } = useTranslation(["initiatives", "common", "coalitions", "meetings"]);
  const [searchParams] = useSearchParams();
  const notice = searchParams.get("notice");
  const locale = i18n.language;
  return (
    <article>
      <p>
        <Link to="/initiatives">
          <span aria-hidden="true">← </span>
          {t("detail.back")}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl font-bold">
        <InLanguage lang={initiative.textLanguage}>{initiative.title}</InLanguage>
      </h1>
      <p className="mt-3 flex flex-wrap gap-2">
        <AxisBadge axis={initiative.axis} />
        <ThemeBadge theme={initiative.theme} />
        <ClosedBadge status={initiative.status} />
      </p>
      <InLanguage lang={initiative.textLanguage} as="div" className="mt-4 max-w-3xl text-xl text-slate-800">
        <p>{initiative.summary}</p>
      </InLanguage>
      <UntranslatedNote lang={initiative.textLanguage} className="mt-2" />
      {searchParams.get("error") === "notOpen" ? (
        <div role="alert" className="mt-4 rounded border border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {t("coalitions:errors.notOpen")}
        </div>
      ) : null}
      {notice && NOTICES.has(notice) ? (
        <div className="mt-4">
          <Notice tone="success">{t(`coalitions:notice.${notice}`)}</Notice>
        </div>
      ) : null}
      <NextStep
        visitor={data.visitor}
        slug={initiative.slug}
        joinPolicy={initiative.joinPolicy}
        status={initiative.status}
        loginPath={data.loginPath}
      />

      <div className="mt-8 grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-8">
          {initiative.description ? (
            <section aria-labelledby="purpose">
              <h2 id="purpose" className="text-2xl font-semibold">
                {t("detail.purpose")}
              </h2>
              <InLanguage lang={initiative.descriptionLanguage} as="div" className="mt-3 max-w-3xl space-y-3">
                <Paragraphs text={initiative.description} />
              </InLanguage>
              {initiative.descriptionLanguage !== initiative.textLanguage ? <UntranslatedNote lang={initiative.descriptionLanguage} className="mt-2" /> : null}
            </section>
          ) : null}
          {initiative.goals ? (
            <section aria-labelledby="goals">
              <h2 id="goals" className="text-2xl font-semibold">
                {t("detail.goals")}
              </h2>
              <InLanguage lang={initiative.goalsLanguage} as="div" className="mt-3 max-w-3xl space-y-3">
                <Paragraphs text={initiative.goals} />
              </InLanguage>
              {initiative.goalsLanguage !== initiative.textLanguage ? <UntranslatedNote lang={initiative.goalsLanguage} className="mt-2" /> : null}
            </section>
          ) : null}
        </div>
        <Facts id="facts" heading={t("detail.facts")}>
          <Fact label={t("common:labels.axis")}>{t(`common:axis.${initiative.axis}`)}</Fact>
          <Fact label={t("common:labels.theme")}>{t(`common:theme.${initiative.theme}`)}</Fact>
          <Fact label={t("common:labels.status")}>{t(`common:initiativeStatus.${initiative.status}`)}</Fact>
          <Fact label={t("detail.launched")}>
            {initiative.launchedOn ? (
              <time dateTime={initiative.launchedOn}>{formatDate(locale, initiative.launchedOn)}</time>
            ) : (
              t("detail.notLaunched")
            )}
          </Fact>
          <Fact label={t("detail.joinPolicy")}>
            {initiative.joinPolicy === "open" ? t("detail.joinPolicyOpen") : t("detail.joinPolicyApproval")}
          </Fact>
        </Facts>
      </div>

      {data.asOf ? (
        <div className="mt-10">
          <Notice>
            {t("coalitions:timeline.asOfNotice", { date: formatDate(locale, data.asOf) })}{" "}
            <Link to={`/initiatives/${initiative.slug}`} className="underline">
              {t("coalitions:timeline.asOfBack")}
            </Link>
          </Notice>
        </div>
      ) : null}

      <section aria-labelledby="leads" className="mt-10">
        <h2 id="leads" className="text-2xl font-semibold">
          {t("detail.leads")}
        </h2>
        {initiative.leads.length > 0 ? (
          <LeadList leads={initiative.leads} />
        ) : (
          <p className="mt-2">{t("detail.noLeads")}</p>
        )}
      </section>

      <section aria-labelledby="supporters" className="mt-10">
        <h2 id="supporters" className="text-2xl font-semibold">
          {t("detail.supporters")}
        </h2>
        <p className="mt-2 text-slate-700">
          {supporterCount > 0
            ? t("detail.supportersSummary", {
                count: supporterCount,
                n: formatNumber(locale, supporterCount),
              })
            : t("detail.noSupporters")}
        </p>
        <SupporterGroups groups={supporterGroups} initiativeSlug={initiative.slug} />
        <OpenDataLinks slug={initiative.slug} />
      </section>

      <CoalitionMap states={data.mapStates} variant="initiative" />

      <CoalitionTimeline
        items={data.timeline}
        earlier={data.earlierEvents}
        slug={initiative.slug}
        asOf={data.asOf}
        asOfInput={data.asOfInput}
        asOfInvalid={data.asOfInvalid}
      />

      <section aria-labelledby="meetings" className="mt-10">
        <h2 id="meetings" className="text-2xl font-semibold">
          {t("detail.meetings")}
        </h2>
        <p className="mt-2 text-sm">
          <a href={`/initiatives/${initiative.slug}/meetings.ics`}>{t("meetings:feeds.initiative")}</a>
          {" · "}
          <Link to={`/meetings?initiative=${initiative.slug}`}>{t("meetings:feeds.allUpcoming")}</Link>
        </p>
        <h3 className="mt-4 text-lg font-semibold">{t("detail.upcoming")}</h3>
        <MeetingList meetings={upcoming} emptyText={t("detail.noUpcoming")} />
        <h3 className="mt-6 text-lg font-semibold">{t("detail.past")}</h3>
        <MeetingList meetings={past} emptyText={t("detail.noPast")} />
      </section>
    </article>
  );
}
