import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireVerifiedUser } from "~/auth/permissions.server";
import { isStaffRole } from "~/auth/session.server";
import { FormErrors, Notice, SubmitButton } from "~/components/forms";
import { TextArea } from "~/components/membership-fields";
import { CoalitionTasks } from "~/components/dashboard-coalitions";
import { DashboardMeetings } from "~/components/dashboard-meetings";
import { NextStepPanel } from "~/components/next-step";
import { myCoalitionWork } from "~/domain/coalitions/my-coalitions.server";
import { answerInformationRequest, myAffiliationsAndMeetings, nextStep, type MyAffiliation } from "~/domain/membership/dashboard.server";
import { formError } from "~/domain/membership/result";
import { answerSchema } from "~/domain/membership/schemas";
import { isSupportedLanguage } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { localeCookie } from "~/i18n/i18next.server";
import { requestOrigin } from "~/utils/request.server";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { boundedReply } from "~/utils/forms.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["coalitionWork", "meetings", "membership"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const NOTICES = new Set(["applied", "registered", "answered", "verified"]);

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireVerifiedUser(args);
  const { request, context } = args;
  // Sign-in lands here: a browser that never chose a language gets the profile's from now on.
  const chosen: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (!isSupportedLanguage(chosen) && user.locale !== (await visitorLocale(request))) {
    throw redirect(new URL(request.url).pathname + new URL(request.url).search, {
      headers: { "Set-Cookie": await localeCookie.serialize(user.locale) },
    });
  }
  const locale = await visitorLocale(request);
  // Two statements read side by side: the affiliations with the upcoming meetings, and the coalition work.
  const [{ affiliations, meetings }, coalitions, title] = await Promise.all([
    myAffiliationsAndMeetings(context.db, user.id, locale),
    myCoalitionWork(context.db, user.id, locale),
    pageTitle(locale, { namespace: "membership", key: "dashboard.title" }),
  ]);
  const { initiatives, ...tasks } = coalitions;
  return { title, name: user.name, affiliations, step: nextStep(affiliations), initiatives, tasks, meetings, staff: isStaffRole(user.role) };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireVerifiedUser(args);
  const { request, context } = args;
  const formData = await request.formData();
  if (formData.get("intent") !== "answer") throw new Response("Unknown intent", { status: 400 });
  const submission = parseWithZod(formData, { schema: answerSchema });
  if (submission.status !== "success") return { id: String(formData.get("id") ?? ""), result: boundedReply(submission) };
  const { subject, id, response } = submission.value;
  const outcome = await answerInformationRequest(context.db, user.id, { type: subject, id }, response, requestOrigin(request, context));
  if (!outcome.ok) {
    // Someone else's application: the same answer as any other page they may not touch.
    if (outcome.reason === "forbidden") throw new Response("Forbidden", { status: 403 });
    return { id, result: boundedReply(submission, { formErrors: [formError(outcome.reason)] }) };
  }
  return redirect("/dashboard?notice=answered");
}

export default function Dashboard() {
  const { t, i18n } = useTranslation(["membership", "common", "coalitionWork"]);
  const { name, affiliations, step, initiatives, tasks, meetings, staff } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const notice = searchParams.get("notice");
  const active = affiliations.filter((a) => a.active);
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-3xl font-bold">{t("dashboard.title")}</h1>
        <p className="mt-2 text-lg text-slate-700">{t("dashboard.greeting", { name })}</p>
      </div>
      {notice && NOTICES.has(notice) ? <Notice tone="success">{t(`dashboard.notices.${notice}`)}</Notice> : null}
      {staff ? (
        <section aria-labelledby="desk-title" className="rounded-lg border-l-4 border-brand-700 bg-brand-50 p-5">
          <h2 id="desk-title" className="text-xl font-semibold text-brand-900">
            {t("dashboard.staff.title")}
          </h2>
          <p className="mt-2">
            <Link to="/secretariat" className="underline">
              {t("dashboard.staff.desk")}
            </Link>
          </p>
        </section>
      ) : (
        <NextStepPanel step={step} />
      )}

      {active.length > 0 ? <CoalitionTasks {...tasks} /> : null}

      {active.length > 0 ? (
        <section aria-labelledby="represent-title">
          <h2 id="represent-title" className="mb-4 text-2xl font-semibold">
            {t("dashboard.represent")}
          </h2>
          <ul className="grid gap-4 md:grid-cols-2">
            {active.map((a) => {
              const taking = initiatives.filter((i) => i.actorId === a.actor.id);
              return (
                <li key={a.id} className="rounded-lg border border-slate-300 p-5">
                  <h3 className="text-xl font-semibold">{a.actor.name}</h3>
                  <p className="text-slate-700">
                    {t(`common:actorKind.${a.actor.kind}`)} · {t(`role.${a.role}`)}
                  </p>
                  <ul className="mt-3 space-y-1">
                    <li>
                      <Link to={`/dashboard/actors/${a.actor.id}`} className="underline">
                        {a.role === "focal_point" ? t("dashboard.manageActor") : t("dashboard.seeColleagues")}
                      </Link>
                    </li>
                    <li>
                      <Link to={`/actors/${a.actor.id}`} className="underline">
                        {t("dashboard.publicPage")}
                      </Link>
                    </li>
                  </ul>
                  <h4 className="mt-4 font-semibold">{t("dashboard.initiatives")}</h4>
                  {taking.length === 0 ? (
                    <p className="text-slate-700">
                      {t("dashboard.noInitiatives")} <Link to="/initiatives" className="underline">{t("dashboard.browseInitiatives")}</Link>
                    </p>
                  ) : (
                    <ul className="list-disc pl-6">
                      {taking.map((i) => (
                        <li key={i.slug}>
                          <Link to={`/initiatives/${i.slug}`} className="underline">{i.title}</Link> ({t("coalitionWork:dashboard.roleSince", { role: t(`common:participationRole.${i.role}`), date: formatDate(i18n.language, i.at) })})
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {active.length > 0 ? <DashboardMeetings meetings={meetings} /> : null}
      <section aria-labelledby="affiliations-title">
        <h2 id="affiliations-title" className="mb-4 text-2xl font-semibold">
          {t("dashboard.affiliations")}
        </h2>
        {affiliations.length === 0 ? (
          <p>{t("dashboard.noAffiliations")}</p>
        ) : (
          <ul className="space-y-4">
            {affiliations.map((a) => (
              <AffiliationItem key={a.id} affiliation={a} locale={i18n.language} />
            ))}
          </ul>
        )}
        <p className="mt-6">
          <Link to="/affiliations/new" className="underline">
            {t("dashboard.applyAgain")}
          </Link>
        </p>
      </section>
    </div>
  );
}

const statusStyle: Record<string, string> = {
  pending: "bg-amber-100 text-amber-950",
  approved: "bg-green-100 text-green-950",
  rejected: "bg-red-100 text-red-950",
  revoked: "bg-slate-200 text-slate-900",
};

function AffiliationItem({ affiliation: a, locale }: { affiliation: MyAffiliation; locale: string }) {
  const { t } = useTranslation(["membership", "common"]);
  const headingId = `affiliation-${a.id}`;
  return (
    <li className="rounded-lg border border-slate-300 p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold">
          {a.actor.name} · {t(`role.${a.role}`)}
        </h3>
        <span className={`rounded-full px-3 py-0.5 text-sm font-medium ${statusStyle[a.status] ?? ""}`}>{t(`status.${a.status}`)}</span>
      </div>
      <p className="text-slate-700">{t("dashboard.appliedOn", { date: formatDate(locale, a.createdAt) })}</p>
      {a.actor.status === "pending" ? <p className="mt-2">{t("dashboard.actorPending")}</p> : null}
      {a.actor.status === "rejected" ? (
        <p className="mt-2">
          {t("dashboard.actorRejected")} {a.actor.reviewReason ? <q>{a.actor.reviewReason}</q> : null}
        </p>
      ) : null}
      {a.actor.status === "suspended" ? <p className="mt-2">{t("dashboard.actorSuspended")}</p> : null}
      {a.status === "approved" && a.reviewedAt ? <p className="mt-2">{t("dashboard.approvedOn", { date: formatDate(locale, a.reviewedAt) })}</p> : null}
      {a.status === "rejected" ? (
        <div className="mt-2">
          <p>{t("dashboard.rejectedOn", { date: a.reviewedAt ? formatDate(locale, a.reviewedAt) : "" })}</p>
          {a.reviewReason ? (
            <p className="mt-1">
              {t("dashboard.reason")} <q>{a.reviewReason}</q>
            </p>
          ) : null}
        </div>
      ) : null}
      {a.status === "revoked" ? (
        <div className="mt-2">
          <p>{t("dashboard.revokedOn", { date: a.revokedAt ? formatDate(locale, a.revokedAt) : "" })}</p>
          {a.revokeReason ? (
            <p className="mt-1">
              {t("dashboard.reason")} <q>{a.revokeReason}</q>
            </p>
          ) : null}
        </div>
      ) : null}
      {a.awaitingAnswer ? <AnswerForm subject="affiliation" id={a.id} request={a.infoRequest ?? ""} since={a.infoRequestedAt} /> : null}
      {a.actorAwaitingAnswer ? <AnswerForm subject="actor" id={a.actor.id} request={a.actor.infoRequest ?? ""} since={a.actor.infoRequestedAt} /> : null}
      {!a.awaitingAnswer && a.infoResponse && a.infoRespondedAt ? (
        <p className="mt-2 text-slate-700">{t("dashboard.answeredOn", { date: formatDate(locale, a.infoRespondedAt) })}</p>
      ) : null}
    </li>
  );
}

function AnswerForm({ subject, id, request, since }: { subject: "affiliation" | "actor"; id: string; request: string; since: string | Date | null }) {
  const { t, i18n } = useTranslation("membership");
  const actionData = useActionData<typeof action>() as { id: string; result: SubmissionResult<string[]> } | undefined;
  const [form, fields] = useForm({
    id: `answer-${id}`,
    lastResult: actionData?.id === id ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: answerSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="mt-3 rounded border-2 border-amber-600 bg-amber-50 p-4">
      <p className="font-semibold">
        {subject === "actor" ? t("dashboard.infoRequestActor") : t("dashboard.infoRequest")}
        {since ? ` (${formatDate(i18n.language, since)})` : ""}
      </p>
      <blockquote className="mt-1 border-l-4 border-amber-600 pl-3 italic">{request}</blockquote>
      <Form method="post" {...getFormProps(form)} className="mt-3">
        <input type="hidden" name="intent" value="answer" />
        <input type="hidden" name="subject" value={subject} />
        <input type="hidden" name="id" value={id} />
        <FormErrors id={form.errorId} errors={form.errors} ns="membership" />
        <TextArea id={fields.response.id} label={t("fields.response")} errors={fields.response.errors} ns="membership" textareaProps={getTextareaProps(fields.response)} />
        <SubmitButton>{t("dashboard.sendAnswer")}</SubmitButton>
      </Form>
    </div>
  );
}
