// The visitor's next step on an initiative page, different for each kind of visitor: sign in,
// represent an actor, join (choosing which actor), or see and change their actor's standing.
// Plain forms and links, so every step works without JavaScript.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { ParticipationRole, ParticipationStatus } from "~/db/schema";
import { formatDate } from "~/i18n/format";

export interface StandingActor {
  actorId: string;
  name: string;
  status: ParticipationStatus | null;
  role: ParticipationRole | null;
  since: string | Date | null;
  invitationId: string | null;
}

export type Visitor =
  | { kind: "anonymous" }
  | { kind: "member"; represented: StandingActor[]; pendingAffiliations: number; isLead: boolean };

const buttonClass = "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800";

export function NextStep({
  visitor,
  slug,
  joinPolicy,
  status,
  loginPath,
}: {
  visitor: Visitor;
  slug: string;
  joinPolicy: "open" | "approval";
  status: string;
  loginPath: string;
}) {
  const { t, i18n } = useTranslation("coalitions");
  const date = (value: string | Date | null) => (value ? formatDate(i18n.language, value) : "");
  return (
    <section aria-labelledby="next-step" className="mt-8 rounded-lg border-2 border-brand-600 bg-brand-50 p-5">
      <h2 id="next-step" className="text-xl font-semibold">
        {t("next.heading")}
      </h2>
      {visitor.kind === "anonymous" ? (
        <>
          <p className="mt-2">{t("next.anonymous")}</p>
          <p className="mt-3 flex flex-wrap gap-4">
            <Link to={loginPath} className={buttonClass}>
              {t("next.signIn")}
            </Link>
            <Link to="/signup" className="px-2 py-2 underline">
              {t("next.signUp")}
            </Link>
          </p>
        </>
      ) : visitor.represented.length === 0 ? (
        visitor.pendingAffiliations > 0 ? (
          <p className="mt-2">{t("next.pendingAffiliation")}</p>
        ) : (
          <>
            <p className="mt-2">{t("next.noAffiliation")}</p>
            <p className="mt-3">
              <Link to="/affiliations/new" className={buttonClass}>
                {t("next.represent")}
              </Link>
            </p>
          </>
        )
      ) : (
        <MemberStep visitor={visitor} slug={slug} joinPolicy={joinPolicy} closed={status !== "active"} date={date} />
      )}
    </section>
  );
}

function MemberStep({
  visitor,
  slug,
  joinPolicy,
  closed,
  date,
}: {
  visitor: Extract<Visitor, { kind: "member" }>;
  slug: string;
  joinPolicy: "open" | "approval";
  closed: boolean;
  date: (value: string | Date | null) => string;
}) {
  const { t } = useTranslation("coalitions");
  const canJoin = visitor.represented.filter((a) => a.status === null || a.status === "withdrawn" || a.status === "declined");
  return (
    <>
      <ul className="mt-2 space-y-3">
        {visitor.represented.map((a) => (
          <li key={a.actorId}>
            {a.status === "active" ? (
              <p>
                {t(a.role === "lead" ? "next.leads" : "next.supports", { actor: a.name, date: date(a.since) })}{" "}
                {closed ? null : (
                  <Link to={`/initiatives/${slug}/withdraw?${new URLSearchParams({ actor: a.actorId })}`} className="underline">
                    {t("next.withdraw", { actor: a.name })}
                  </Link>
                )}
              </p>
            ) : a.status === "requested" ? (
              <p>
                {t("next.requested", { actor: a.name, date: date(a.since) })}{" "}
                {closed ? null : (
                  <Link to={`/initiatives/${slug}/withdraw?${new URLSearchParams({ actor: a.actorId })}`} className="underline">
                    {t("next.cancelRequest", { actor: a.name })}
                  </Link>
                )}
              </p>
            ) : a.status === "declined" ? (
              <p>{t("next.declined", { actor: a.name })}</p>
            ) : null}
            {a.invitationId && !closed ? (
              <Form method="post" action={`/initiatives/${slug}/lead-invitation`} className="mt-2">
                <p>{t("next.invited", { actor: a.name })}</p>
                <input type="hidden" name="invitationId" value={a.invitationId} />
                <div className="mt-2 flex flex-wrap gap-3">
                  <button type="submit" name="answer" value="accept" className={buttonClass}>
                    {t("next.acceptLead", { actor: a.name })}
                  </button>
                  <button type="submit" name="answer" value="decline" className="rounded border border-slate-600 px-4 py-2 font-semibold">
                    {t("next.declineLead")}
                  </button>
                </div>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {visitor.isLead && !closed ? (
        <p className="mt-3">
          <Link to={`/initiatives/${slug}/manage`} className="font-semibold underline">
            {t("next.manage")}
          </Link>
        </p>
      ) : null}
      {closed ? (
        <p className="mt-2">{t("next.closed")}</p>
      ) : canJoin.length > 0 ? (
        <Form method="post" action={`/initiatives/${slug}/join`} className="mt-4">
          <p className="mb-2 text-slate-800">{joinPolicy === "open" ? t("next.openHint") : t("next.approvalHint")}</p>
          {canJoin.length > 1 ? (
            <div className="mb-3">
              <label htmlFor="join-actor" className="block font-medium">
                {t("next.chooseActor")}
              </label>
              <select id="join-actor" name="actorId" className="mt-1 rounded border border-slate-500 px-3 py-2">
                {canJoin.map((a) => (
                  <option key={a.actorId} value={a.actorId}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <input type="hidden" name="actorId" value={canJoin[0]?.actorId} />
          )}
          <button type="submit" className={buttonClass}>
            {canJoin.length > 1
              ? t(joinPolicy === "open" ? "next.join" : "next.requestJoin")
              : t(joinPolicy === "open" ? "next.joinAs" : "next.requestJoinAs", { actor: canJoin[0]?.name })}
          </button>
        </Form>
      ) : null}
    </>
  );
}
