// /initiatives/:slug/manage: the leads' page. Requests to accept or decline (with a reason),
// the initiative's text, co-lead invitations, stepping down, and a message to every participant.
// Every form names the initiative by the address only; the domain checks the user leads it.
// The actor to invite is typed (components/actor-search.tsx), not chosen from every actor.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireInitiativeLead, requireVerifiedUser } from "~/auth/permissions.server";
import { ActorSearch } from "~/components/actor-search";
import { ErrorList, Notice, SubmitButton } from "~/components/forms";
import { HandoverForm } from "~/components/handover-form";
import { InitiativeTextFields } from "~/components/initiative-form";
import { TranslationLinks } from "~/components/translation-links";
import { editInitiative, inviteCoLead, managementView, messageParticipants, stepDown } from "~/domain/coalitions/leadership.server";
import { handOverLeadership, handoverCandidates } from "~/domain/coalitions/handover.server";
import { handoverSchema } from "~/domain/coalitions/handover-schema";
import { decideJoinRequest, findInitiativeBySlug } from "~/domain/coalitions/participation.server";
import { translationsView } from "~/domain/coalitions/translations.server";
import { resolveCoLeads, typedNames } from "~/domain/coalitions/actor-search.server";
import { actorChoice, decisionSchema, initiativeTextSchema, messageSchema } from "~/domain/coalitions/schemas";
import { initiativeSlug } from "~/domain/public-query";
import { formatDate } from "~/i18n/format";
import { i18nServer } from "~/i18n/i18next.server";
import type { GuardArgs } from "~/auth/permissions.server";
import { requestOrigin } from "~/utils/request.server";
import { visitorLocale } from "~/utils/public-page.server";
import { boundedReply } from "~/utils/forms.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["coalitionWork", "coalitions", "meetings", "translations"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

async function guard(args: GuardArgs & { params: LoaderFunctionArgs["params"] }) {
  await requireVerifiedUser(args);
  const slug = initiativeSlug.safeParse(args.params.slug);
  const initiative = slug.success ? await findInitiativeBySlug(args.context.db, slug.data) : null;
  if (!initiative || initiative.status !== "active") throw new Response("Not Found", { status: 404 });
  const user = await requireInitiativeLead(args, initiative.id);
  return { user, initiative };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, initiative } = await guard(args);
  const locale = await visitorLocale(args.request);
  const [view, handoverTo, translations] = await Promise.all([
    managementView(args.context.db, initiative.id, user.id, locale),
    handoverCandidates(args.context.db, initiative.id, locale),
    translationsView(args.context.db, initiative.id),
  ]);
  if (!view || !translations) throw new Response("Not Found", { status: 404 });
  const t = await i18nServer.getFixedT(args.request, "coalitions");
  return {
    title: t("manage.title", { initiative: view.initiative.title }),
    ...view,
    handoverTo,
    translations: { original: translations.original.language, items: translations.translations },
  };
}

const actorId = z.string().uuid();
const intent = z.enum(["decide", "edit", "invite", "stepDown", "handOver", "message"]);

export async function action(args: ActionFunctionArgs) {
  const { user, initiative } = await guard(args);
  const formData = await args.request.formData();
  const by = { userId: user.id, origin: requestOrigin(args.request, args.context), appUrl: args.context.publicUrl };
  const back = (notice: string) => redirect(`/initiatives/${initiative.slug}/manage?notice=${notice}`);
  const which = intent.safeParse(formData.get("intent"));
  if (!which.success) throw new Response("Bad Request", { status: 400 });
  switch (which.data) {
    case "decide": {
      const parsed = decisionSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) {
        if (!parsed.error.issues.every((i) => i.path[0] === "reason")) throw new Response("Bad Request", { status: 400 });
        return data({ intent: "decide" as const, reasonMissingFor: String(formData.get("participationId")) }, { status: 400 });
      }
      const result = await decideJoinRequest(args.context.db, by, { initiativeId: initiative.id, ...parsed.data });
      // A request id from another initiative, or one already decided, is simply not here.
      if (!result.ok) return result.reason === "notLead" ? forbidden() : back("alreadyDecided");
      return back(parsed.data.decision === "accept" ? "accepted" : "declined");
    }
    case "edit": {
      const submission = parseWithZod(formData, { schema: initiativeTextSchema });
      if (submission.status !== "success") return data({ intent: "edit" as const, edit: boundedReply(submission) }, { status: 400 });
      const result = await editInitiative(args.context.db, by, initiative.id, submission.value);
      if (!result.ok) return forbidden();
      return back("saved");
    }
    case "invite": {
      // Ids chosen from the suggestions go to the domain as they are (it refuses an actor not
      // approved); names typed without JavaScript are resolved first, like the propose form's.
      const ids = formData.getAll("actorId").filter((v): v is string => typeof v === "string" && actorId.safeParse(v).success);
      const coLeads = await resolveCoLeads(
        args.context.db,
        { proposerActorId: undefined, chosenIds: ids, typed: typedNames(String(formData.get("actorName") ?? "")) },
        await visitorLocale(args.request),
      );
      const invited = [...new Set([...ids, ...coLeads.chosen.map((a) => a.id)])];
      if (coLeads.problems.length > 0 || invited.length === 0) {
        const query = coLeads.problems.filter((p) => p.reason === "none").map((p) => p.text).join("; ");
        return data({ intent: "invite" as const, coLeads: { ...coLeads, query }, nothingChosen: invited.length === 0 && coLeads.problems.length === 0 }, { status: 400 });
      }
      for (const id of invited) {
        const result = await inviteCoLead(args.context.db, by, { initiativeId: initiative.id, actorId: id });
        if (!result.ok) return result.reason === "notLead" ? forbidden() : back(result.reason);
      }
      return back("invited");
    }
    case "stepDown": {
      const parsed = actorChoice.safeParse(Object.fromEntries(formData));
      if (!parsed.success) throw new Response("Bad Request", { status: 400 });
      const result = await stepDown(args.context.db, by, { initiativeId: initiative.id, actorId: parsed.data.actorId });
      if (!result.ok) return result.reason === "notLead" || result.reason === "notRepresentative" ? forbidden() : back(result.reason);
      return redirect(`/initiatives/${initiative.slug}`);
    }
    case "handOver": {
      const submission = parseWithZod(formData, { schema: handoverSchema });
      if (submission.status !== "success") return data({ intent: "handOver" as const, handOver: boundedReply(submission) }, { status: 400 });
      const result = await handOverLeadership(args.context.db, by, { initiativeId: initiative.id, ...submission.value });
      if (!result.ok) {
        if (result.reason === "notLead" || result.reason === "notRepresentative") return forbidden();
        return redirect(`/initiatives/${initiative.slug}/manage?handover=${result.reason}#handover-heading`);
      }
      // Still a lead (co-lead) → back here; a supporter now → the initiative's page, which says so.
      return redirect(submission.value.afterwards === "colead" ? `/initiatives/${initiative.slug}/manage?handover=handedOver#handover-heading` : `/initiatives/${initiative.slug}`);
    }
    case "message": {
      const parsed = messageSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) {
        return data({ intent: "message" as const, messageErrors: parsed.error.flatten().fieldErrors }, { status: 400 });
      }
      const result = await messageParticipants(args.context.db, by, { initiativeId: initiative.id, ...parsed.data });
      if (!result.ok) return forbidden();
      return back("messageSent");
    }
  }
}

function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

const NOTICES = new Set(["accepted", "declined", "saved", "invited", "messageSent"]);
const PROBLEMS = new Set(["alreadyDecided", "lastLead", "alreadyLead", "actorNotApproved"]);

export default function ManageInitiative() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation(["coalitions", "common", "meetings"]);
  const notice = searchParams.get("notice") ?? "";
  const [editForm, editFields] = useForm({
    id: "edit-initiative",
    lastResult: result && "edit" in result ? result.edit : undefined,
    defaultValue: view.initiative,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: initiativeTextSchema }),
    shouldValidate: "onBlur",
  });
  const reasonMissingFor = result && "reasonMissingFor" in result ? result.reasonMissingFor : null;
  const messageErrors = result && "messageErrors" in result ? result.messageErrors : undefined;
  const myLeads = view.leads.filter((l) => l.mine);
  const invite = result && "coLeads" in result ? result : undefined;
  return (
    <div className="space-y-10">
      <div>
        <p>
          <Link to={`/initiatives/${view.initiative.slug}`}>
            <span aria-hidden="true">← </span>
            {view.initiative.title}
          </Link>
        </p>
        <h1 className="mt-3 text-3xl font-bold">{t("manage.heading")}</h1>
        {NOTICES.has(notice) ? <Notice tone="success">{t(`manage.notice.${notice}`)}</Notice> : null}
        {PROBLEMS.has(notice) ? (
          <div role="alert" className="mt-3 rounded border border-red-700 bg-red-50 p-3 font-medium text-red-900">
            {t(`manage.problem.${notice}`)}
          </div>
        ) : null}
      </div>

      <section aria-labelledby="requests">
        <h2 id="requests" className="text-2xl font-semibold">
          {t("manage.requests")}
        </h2>
        {view.requests.length === 0 ? <p className="mt-2">{t("manage.noRequests")}</p> : null}
        <ul className="mt-3 space-y-4">
          {view.requests.map((r) => (
            <li key={r.participationId} className="rounded border border-slate-300 p-4">
              <p className="font-medium">{t("manage.requestLine", { actor: r.name, date: formatDate(i18n.language, r.since) })}</p>
              <Form method="post" className="mt-2">
                <input type="hidden" name="intent" value="decide" />
                <input type="hidden" name="participationId" value={r.participationId} />
                <label htmlFor={`reason-${r.participationId}`} className="block text-sm font-medium">
                  {t("manage.declineReason")}
                </label>
                <textarea
                  id={`reason-${r.participationId}`}
                  name="reason"
                  rows={2}
                  aria-invalid={reasonMissingFor === r.participationId || undefined}
                  aria-describedby={reasonMissingFor === r.participationId ? `reason-${r.participationId}-error` : undefined}
                  className="mt-1 block w-full max-w-xl rounded border border-slate-500 px-3 py-2"
                />
                <ErrorList id={`reason-${r.participationId}-error`} errors={reasonMissingFor === r.participationId ? ["errors.reasonRequired"] : undefined} ns="coalitions" />
                <div className="mt-2 flex gap-3">
                  <button type="submit" name="decision" value="accept" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
                    {t("manage.accept", { actor: r.name })}
                  </button>
                  <button type="submit" name="decision" value="decline" className="rounded border border-red-800 px-4 py-2 font-semibold text-red-900">
                    {t("manage.decline", { actor: r.name })}
                  </button>
                </div>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="leadership">
        <h2 id="leadership" className="text-2xl font-semibold">
          {t("manage.leadership")}
        </h2>
        <p className="mt-2">{t("manage.leadsNow", { names: view.leads.map((l) => l.name).join(", ") })}</p>
        {view.invitations.length > 0 ? (
          <p className="mt-1">{t("manage.invitationsOut", { names: view.invitations.map((i) => i.name).join(", ") })}</p>
        ) : null}
        <Form method="post" className="mt-3 flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="invite" />
          <div className="w-full max-w-2xl">
            <ActorSearch
              // A new answer of the server starts the field afresh from what it resolved.
              key={invite ? JSON.stringify(invite.coLeads) : "initial"}
              id="invite-actor"
              queryName="actorName"
              choiceName="actorId"
              label={t("manage.invite")}
              hint={t("manage.inviteHint")}
              defaultQuery={invite?.coLeads.query}
              chosen={invite?.coLeads.chosen}
              problems={invite?.coLeads.problems}
              errors={invite?.nothingChosen ? ["errors.chooseCoLead"] : undefined}
            />
          </div>
          <SubmitButton>{t("manage.inviteSubmit")}</SubmitButton>
        </Form>
        {view.leads.length > 1
          ? myLeads.map((l) => (
              <Form method="post" key={l.actorId} className="mt-4">
                <input type="hidden" name="intent" value="stepDown" />
                <input type="hidden" name="actorId" value={l.actorId} />
                <button type="submit" className="underline">
                  {t("manage.stepDown", { actor: l.name })}
                </button>
              </Form>
            ))
          : <p className="mt-3 text-slate-700">{t("manage.lastLeadHint")}</p>}
        <HandoverForm mine={myLeads} candidates={view.handoverTo} lastResult={result && "handOver" in result ? result.handOver : undefined} />
      </section>

      <section aria-labelledby="meetings">
        <h2 id="meetings" className="text-2xl font-semibold">
          {t("meetings:manage.section")}
        </h2>
        <p className="mt-1">{t("meetings:manage.sectionIntro")}</p>
        <p className="mt-2">
          <Link to={`/initiatives/${view.initiative.slug}/manage/meetings`}>{t("meetings:manage.sectionLink")}</Link>
        </p>
      </section>

      <section aria-labelledby="message">
        <h2 id="message" className="text-2xl font-semibold">
          {t("manage.message")}
        </h2>
        <p className="mt-1">{t("manage.messageHint")}</p>
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="message" />
          <label htmlFor="message-subject" className="block font-medium">
            {t("manage.subject")}
          </label>
          <input id="message-subject" name="subject" type="text" aria-invalid={messageErrors?.subject ? true : undefined} aria-describedby={messageErrors?.subject ? "message-subject-error" : undefined} className="mt-1 block w-full max-w-2xl rounded border border-slate-500 px-3 py-2" />
          <ErrorList id="message-subject-error" errors={messageErrors?.subject} ns="coalitions" />
          <label htmlFor="message-body" className="mt-3 block font-medium">
            {t("manage.body")}
          </label>
          <textarea id="message-body" name="message" rows={6} aria-invalid={messageErrors?.message ? true : undefined} aria-describedby={messageErrors?.message ? "message-body-error" : undefined} className="mt-1 block w-full max-w-2xl rounded border border-slate-500 px-3 py-2" />
          <ErrorList id="message-body-error" errors={messageErrors?.message} ns="coalitions" />
          <div className="mt-3">
            <SubmitButton>{t("manage.send")}</SubmitButton>
          </div>
        </Form>
      </section>

      <section aria-labelledby="edit">
        <h2 id="edit" className="text-2xl font-semibold">
          {t("manage.edit")}
        </h2>
        <Form method="post" {...getFormProps(editForm)} className="mt-3">
          <input type="hidden" name="intent" value="edit" />
          <InitiativeTextFields fields={editFields} />
          <SubmitButton>{t("manage.save")}</SubmitButton>
        </Form>
      </section>

      <TranslationLinks slug={view.initiative.slug} original={view.translations.original} translations={view.translations.items} />
    </div>
  );
}
