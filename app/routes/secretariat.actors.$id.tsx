// One actor as the secretariat sees it: a registration to decide (with possible duplicates and
// the registrant's history), or an approved actor to suspend, or a suspended one to reinstate.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/auth/permissions.server";
import { DecisionForm, DecisionRefused, type DecisionReply } from "~/components/desk/decision-form";
import { DecidedNotice, Detail, Details, DomainHint, History, Section, StatusBadge } from "~/components/desk/review-parts";
import { getActorReview } from "~/domain/desk/review.server";
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
  const review = await getActorReview(args.context.db, id, locale);
  if (!review) throw new Response("Not Found", { status: 404 });
  const title = await pageTitle(locale, { namespace: "desk", key: "actors.reviewTitle" });
  const ownApplication =
    review.actor.status === "pending" &&
    (review.actor.createdByUserId === staff.id || review.actorHistory.some((row) => row.userId === staff.id && row.status === "pending"));
  return { review, title, ownApplication };
}

export const action = (args: ActionFunctionArgs) => decisionAction(args, "actor");

export default function ActorReviewPage() {
  const { review, ownApplication } = useLoaderData<typeof loader>();
  const reply = useActionData<DecisionReply>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation(["desk", "common"]);
  const { actor, registrant } = review;
  const date = (value: Date | string | null) => (value ? formatDateTime(i18n.language, value) : null);
  return (
    <>
      <p>
        <Link to="/secretariat/actors">{t("actors.back")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">
        {actor.name}
        {actor.shortName ? ` (${actor.shortName})` : ""}
      </h1>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <StatusBadge status={actor.status} kind="actor" />
        <Link to={`/secretariat/audit?actor=${actor.id}`}>{t("review.auditLink")}</Link>
        <span className="text-slate-700">
          {actor.kind === "state" ? t("review.referenceState") : t("review.registeredOn", { date: formatDate(i18n.language, actor.createdAt) })}
        </span>
      </p>
      <DecidedNotice decided={reply ? null : searchParams.get("decided")} />
      <DecisionRefused reply={reply} />

      <Section id="submitted" title={t("review.submitted")}>
        <Details>
          <Detail label={t("common:labels.kind")}>
            {t(`common:actorKind.${actor.kind}`)}
            {actor.category ? ` · ${t(`common:actorCategory.${actor.category}`)}` : ""}
          </Detail>
          <Detail label={t("review.registeredName")}>{actor.kind === "state" ? null : actor.registeredName}</Detail>
          <Detail label={actor.kind === "state" ? t("review.country") : t("review.headquarters")}>{actor.countryName}</Detail>
          <Detail label={t("review.website")}>{actor.website}</Detail>
          <Detail label={t("review.description")}>{actor.description}</Detail>
          <Detail label={t("review.motivation")}>{actor.motivation}</Detail>
          <Detail label={t("review.infoRequest")}>{actor.infoRequest ? `${actor.infoRequest} (${date(actor.infoRequestedAt)})` : null}</Detail>
          <Detail label={t("review.infoResponse")}>{actor.infoResponse ? `${actor.infoResponse} (${date(actor.infoRespondedAt)})` : null}</Detail>
          <Detail label={t("review.reason")}>{actor.reviewReason}</Detail>
          <Detail label={t("review.suspension")}>{actor.suspendedAt ? `${actor.suspendedReason ?? ""} (${date(actor.suspendedAt)})` : null}</Detail>
        </Details>
      </Section>

      {registrant ? (
        <Section id="registrant" title={t("review.registrant")}>
          <Details>
            <Detail label={t("review.name")}>{registrant.name}</Detail>
            <Detail label={t("review.email")}>{registrant.email}</Detail>
            <Detail label={t("review.jobTitle")}>{review.registration?.title}</Detail>
            <Detail label={t("review.officialEmail")}>{review.registration?.officialEmail}</Detail>
            <Detail label={t("review.language")}>{t(`languages.${registrant.locale}`)}</Detail>
            <Detail label={t("review.accountSince")}>{formatDate(i18n.language, registrant.createdAt)}</Detail>
          </Details>
          <DomainHint matches={review.domainHint.account} email={registrant.email} website={actor.website} />
          {review.registration?.officialEmail && review.domainHint.official !== null ? (
            <DomainHint matches={review.domainHint.official} email={review.registration.officialEmail} website={actor.website} />
          ) : null}
        </Section>
      ) : null}

      {actor.kind !== "state" ? (
        <Section id="duplicates" title={t("review.duplicates")}>
          {review.duplicates.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("review.noDuplicates")}</p>
          ) : (
            <ul className="mt-2 space-y-1">
              {review.duplicates.map((other) => (
                <li key={other.id}>
                  <Link to={`/secretariat/actors/${other.id}`}>{other.name}</Link> · {t(`common:actorKind.${other.kind}`)} ·{" "}
                  <StatusBadge status={other.status} kind="actor" /> · {formatDate(i18n.language, other.createdAt, { dateStyle: "medium" })}
                  {other.reviewReason ? <span className="block text-sm text-slate-700">“{other.reviewReason}”</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}

      <Section id="actor-history" title={t("review.actorHistory", { name: actor.name })}>
        <History
          caption={t("review.actorHistory", { name: actor.name })}
          whoLabel={t("review.person")}
          empty={t("review.noRepresentatives")}
          rows={review.actorHistory.map((row) => ({ ...row, who: `${row.userName} (${row.userEmail})`, href: `/secretariat/affiliations/${row.id}` }))}
        />
      </Section>
      {registrant ? (
        <Section id="registrant-history" title={t("review.userHistory", { name: registrant.name })}>
          <History
            caption={t("review.userHistory", { name: registrant.name })}
            whoLabel={t("review.actor")}
            empty={t("review.noOtherApplications")}
            rows={review.registrantHistory.map((row) => ({ ...row, who: row.actorName, href: `/secretariat/affiliations/${row.id}` }))}
          />
        </Section>
      ) : null}

      <Section id="decide" title={t("review.decide")}>
        {ownApplication ? (
          <p className="mt-2 rounded border border-amber-600 bg-amber-50 p-3">{t("errors.ownApplication")}</p>
        ) : actor.status === "pending" ? (
          <div className="mt-4 grid gap-4 lg:grid-cols-3">
            <DecisionForm intent="approve" reply={reply} />
            <DecisionForm intent="requestInfo" reply={reply} />
            <DecisionForm intent="reject" reply={reply} />
          </div>
        ) : actor.status === "approved" ? (
          <div className="mt-4 max-w-xl">
            <DecisionForm intent="suspend" reply={reply} />
          </div>
        ) : actor.status === "suspended" ? (
          <div className="mt-4 max-w-xl">
            <DecisionForm intent="reinstate" reply={reply} />
          </div>
        ) : (
          <p className="mt-2">{t("review.nothingToDecide")}</p>
        )}
      </Section>
    </>
  );
}
