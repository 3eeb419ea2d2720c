// The review desk's home: what waits, how long, how fast the secretariat decides, where to start.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/auth/permissions.server";
import { actorStatusEnum } from "~/db/schema";
import { countProposalsToReview } from "~/domain/coalitions/proposals.server";
import { getDeskFigures } from "~/domain/desk/queues.server";
import { actorKinds } from "~/domain/public-values";
import { formatDate, formatNumber } from "~/i18n/format";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["coalitionWork", "desk"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args);
  const locale = await visitorLocale(args.request);
  const [figures, proposals, title] = await Promise.all([
    getDeskFigures(args.context.db),
    countProposalsToReview(args.context.db),
    pageTitle(locale, { namespace: "desk", key: "home.title" }),
  ]);
  const now = Date.now();
  const oldestDays = figures.oldestPendingAt ? Math.floor((now - new Date(figures.oldestPendingAt).getTime()) / 86_400_000) : null;
  return { figures, proposals, oldestDays, title };
}

function Figure({ label, value, children }: { label: string; value: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="mt-1 text-3xl font-bold text-brand-800">{value}</dd>
      {children ? <dd className="mt-1 text-sm text-slate-700">{children}</dd> : null}
    </div>
  );
}

export default function Desk() {
  const { figures, proposals, oldestDays } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["desk", "common", "coalitionWork"]);
  const n = (value: number) => formatNumber(i18n.language, value);
  const count = (kind: string, status: string) =>
    figures.actorsByKindAndStatus.find((row) => row.kind === kind && row.status === status)?.count ?? 0;
  return (
    <>
      <h1 className="text-3xl font-bold">{t("home.title")}</h1>
      <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("home.intro")}</p>

      <section aria-labelledby="waiting" className="mt-8">
        <h2 id="waiting" className="text-xl font-semibold">
          {t("home.waiting")}
        </h2>
        <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Figure label={t("home.pendingActors")} value={n(figures.pendingActors)}>
            <Link to="/secretariat/actors">{t("home.openQueue")}</Link>
          </Figure>
          <Figure label={t("home.pendingAffiliations")} value={n(figures.pendingAffiliations)}>
            <Link to="/secretariat/affiliations">{t("home.openQueue")}</Link>
          </Figure>
          <Figure label={t("home.pendingInitiatives")} value={n(proposals)}>
            <Link to="/secretariat/initiatives">{t("home.openQueue")}</Link>
          </Figure>
          <Figure
            label={t("home.oldest")}
            value={oldestDays === null ? "–" : oldestDays < 1 ? t("home.underADay") : t("home.days", { count: oldestDays, n: n(oldestDays) })}
          >
            {figures.oldestPendingAt ? t("home.since", { date: formatDate(i18n.language, figures.oldestPendingAt) }) : t("home.nothingWaits")}
          </Figure>
          <Figure label={t("home.awaitingApplicant")} value={n(figures.awaitingApplicant)}>
            {t("home.awaitingApplicantHint")}
          </Figure>
        </dl>
      </section>

      <section aria-labelledby="pace" className="mt-8">
        <h2 id="pace" className="text-xl font-semibold">
          {t("home.pace")}
        </h2>
        <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Figure label={t("home.decisionsThisMonth")} value={n(figures.decisionsThisMonth)}>
            <Link to="/secretariat/audit">{t("home.openAudit")}</Link>
          </Figure>
          <Figure
            label={t("home.medianTime")}
            value={
              figures.medianDaysToDecision === null
                ? "–"
                : figures.medianDaysToDecision < 1
                  ? t("home.underADay")
                  : t("home.days", { count: figures.medianDaysToDecision, n: n(figures.medianDaysToDecision) })
            }
          >
            {t("home.medianHint")}
          </Figure>
        </dl>
      </section>

      <section aria-labelledby="actors-table" className="mt-8">
        <h2 id="actors-table" className="text-xl font-semibold">
          {t("home.actorsByKind")}
        </h2>
        <div className="mt-4 overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse text-left">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-2 pr-4">
                  {t("common:labels.kind")}
                </th>
                {actorStatusEnum.enumValues.map((status) => (
                  <th key={status} scope="col" className="py-2 pr-4 text-right">
                    {t(`actorStatus.${status}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {actorKinds.map((kind) => (
                <tr key={kind} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 font-medium">
                    {t(`common:actorKindPlural.${kind}`)}
                  </th>
                  {actorStatusEnum.enumValues.map((status) => (
                    <td key={status} className="py-2 pr-4 text-right tabular-nums">
                      {n(count(kind, status))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="exports" className="mt-8">
        <h2 id="exports" className="text-xl font-semibold">
          {t("home.exports")}
        </h2>
        <ul className="mt-2 list-disc pl-6">
          <li>
            <a href="/secretariat/exports/actors.csv">{t("home.exportActors")}</a>
          </li>
          <li>
            <a href="/secretariat/exports/affiliations.csv">{t("home.exportAffiliations")}</a>
          </li>
          <li>
            <a href="/secretariat/exports/audit.csv">{t("home.exportAudit")}</a>
          </li>
          <li>
            <a href="/secretariat/exports/initiatives.csv">{t("coalitionWork:exports.initiatives")}</a>
          </li>
          <li>
            <a href="/secretariat/exports/participations.csv">{t("coalitionWork:exports.participations")}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
