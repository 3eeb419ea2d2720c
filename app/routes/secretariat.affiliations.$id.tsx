// One person's request to represent an actor: everything they submitted, their history and the
// actor's, a hint on their email domain, and the decisions open at this status.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/auth/permissions.server";
import { DecisionForm, DecisionRefused, type DecisionReply } from "~/components/desk/decision-form";
import { DecidedNotice, Detail, Details, DomainHint, History, Section, StatusBadge } from "~/components/desk/review-parts";
import { getAffiliationReview } from "~/domain/desk/review.server";
import { formatDate, formatDateTime } from "~/i18n/format";
import { decisionAction } from "~/utils/desk-decision.server";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["desk"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args);
  const id = args.params.id ?? "";
  if (!UUID.test(id)) throw new Response("Not Found", { status: 404 });
  const locale = await visitorLocale(args.request);
  const review = await getAffiliationReview(args.context.db, id, locale);
  if (!review) throw new Response("Not Found", { status: 404 });
  const title = await pageTitle(locale, { namespace: "desk", key: "affiliations.reviewTitle" });
  return { review, title, ownApplication: review.user.id === staff.id };
}

export const action = (args: ActionFunctionArgs) => decisionAction(args, "affiliation");

export default function AffiliationReviewPage() {
  const { review, ownApplication } = useLoaderData<typeof loader>();
  const reply = useActionData<DecisionReply>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation(["desk", "common"]);
  const { affiliation, user, actor } = review;
  const date = (value: Date | string | null) => (value ? formatDateTime(i18n.language, value) : null);
  return (
    <>
      <p>
        <Link to="/secretariat/affiliations">{t("affiliations.back")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("affiliations.itemTitle", { name: user.name, actor: actor.name })}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <StatusBadge status={affiliation.status} kind="affiliation" />
        <span className="text-slate-700">{t("review.submittedOn", { date: formatDate(i18n.language, affiliation.createdAt) })}</span>
        <Link to={`/secretariat/audit?actor=${actor.id}`}>{t("review.auditLink")}</Link>
      </p>
      <DecidedNotice decided={reply ? null : searchParams.get("decided")} />
      <DecisionRefused reply={reply} />

      <Section id="submitted" title={t("review.submitted")}>
        <Details>
          <Detail label={t("review.role")}>{t(`affiliationRole.${affiliation.role}`)}</Detail>
          <Detail label={t("review.jobTitle")}>{affiliation.title}</Detail>
          <Detail label={t("review.ministryOrMission")}>{affiliation.ministryOrMission}</Detail>
          <Detail label={t("review.officialEmail")}>{affiliation.officialEmail}</Detail>
          <Detail label={t("review.message")}>{affiliation.message}</Detail>
          <Detail label={t("review.infoRequest")}>
            {affiliation.infoRequest ? `${affiliation.infoRequest} (${date(affiliation.infoRequestedAt)})` : null}
          </Detail>
          <Detail label={t("review.infoResponse")}>
            {affiliation.infoResponse ? `${affiliation.infoResponse} (${date(affiliation.infoRespondedAt)})` : null}
          </Detail>
          <Detail label={t("review.revocationRequest")}>
            {affiliation.revocationRequestedAt ? `${affiliation.revocationRequestReason ?? ""} (${date(affiliation.revocationRequestedAt)})` : null}
          </Detail>
          <Detail label={t("review.reason")}>{affiliation.reviewReason ?? affiliation.revokeReason}</Detail>
        </Details>
      </Section>

      <div className="grid gap-x-8 lg:grid-cols-2">
        <Section id="applicant" title={t("review.applicant")}>
          <Details>
            <Detail label={t("review.name")}>{user.name}</Detail>
            <Detail label={t("review.email")}>{user.email}</Detail>
            <Detail label={t("review.language")}>{t(`languages.${user.locale}`)}</Detail>
            <Detail label={t("review.accountSince")}>{formatDate(i18n.language, user.createdAt)}</Detail>
          </Details>
        </Section>
        <Section id="actor" title={t("review.actor")}>
          <Details>
            <Detail label={t("review.name")}>
              <Link to={`/secretariat/actors/${actor.id}`}>{actor.name}</Link>
            </Detail>
            <Detail label={t("common:labels.kind")}>{t(`common:actorKind.${actor.kind}`)}</Detail>
            <Detail label={t("review.country")}>{actor.kind === "state" ? null : actor.countryName}</Detail>
            <Detail label={t("review.website")}>{actor.website}</Detail>
            <Detail label={t("review.status")}>
              <StatusBadge status={actor.status} kind="actor" />
            </Detail>
          </Details>
        </Section>
      </div>

      <Section id="domain" title={t("review.domainTitle")}>
        <DomainHint matches={review.domainHint.account} email={user.email} website={actor.website} />
        {affiliation.officialEmail && review.domainHint.account !== null ? (
          <DomainHint matches={review.domainHint.official} email={affiliation.officialEmail} website={actor.website} />
        ) : null}
      </Section>

      <Section id="user-history" title={t("review.userHistory", { name: user.name })}>
        <History
          caption={t("review.userHistory", { name: user.name })}
          whoLabel={t("review.actor")}
          empty={t("review.noOtherApplications")}
          rows={review.userHistory.map((row) => ({ ...row, who: row.actorName, href: `/secretariat/affiliations/${row.id}` }))}
        />
      </Section>
      <Section id="actor-history" title={t("review.actorHistory", { name: actor.name })}>
        <History
          caption={t("review.actorHistory", { name: actor.name })}
          whoLabel={t("review.person")}
          empty={t("review.noOtherRepresentatives")}
          rows={review.actorHistory.map((row) => ({ ...row, who: `${row.userName} (${row.userEmail})`, href: `/secretariat/affiliations/${row.id}` }))}
        />
      </Section>

      <Section id="decide" title={t("review.decide")}>
        {ownApplication ? (
          <p className="mt-2 rounded border border-amber-600 bg-amber-50 p-3">{t("errors.ownApplication")}</p>
        ) : affiliation.status === "pending" && actor.status === "pending" ? (
          <p className="mt-2">
            {t("review.decideWithActor")} <Link to={`/secretariat/actors/${actor.id}`}>{actor.name}</Link>
          </p>
        ) : affiliation.status === "pending" ? (
          <div className="mt-4 grid gap-4 lg:grid-cols-3">
            <DecisionForm intent="approve" reply={reply} />
            <DecisionForm intent="requestInfo" reply={reply} />
            <DecisionForm intent="reject" reply={reply} />
          </div>
        ) : affiliation.status === "approved" ? (
          <div className="mt-4 max-w-xl">
            <DecisionForm intent="revoke" reply={reply} defaultReason={affiliation.revocationRequestReason} />
          </div>
        ) : (
          <p className="mt-2">{t("review.nothingToDecide")}</p>
        )}
      </Section>
    </>
  );
}
