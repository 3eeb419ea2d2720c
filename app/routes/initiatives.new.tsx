// /initiatives/new: a representative proposes an initiative for one of their actors; with
// ?proposal=<id>, the author edits it until the secretariat decides (and after it asks for changes).
// Co-leads are typed, not picked from a list of every actor: see components/actor-search.tsx.
import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireRepresentative, requireVerifiedUser } from "~/auth/permissions.server";
import { ActorSearch } from "~/components/actor-search";
import { ErrorList, Notice, SubmitButton } from "~/components/forms";
import { InitiativeTextFields } from "~/components/initiative-form";
import { Paragraphs } from "~/components/paragraphs";
import { resolveCoLeads, typedNames } from "~/domain/coalitions/actor-search.server";
import {
  editProposal,
  ownEditableProposal,
  proposeInitiative,
  representedActors,
} from "~/domain/coalitions/proposals.server";
import { initiativeTextSchema, proposalSchema } from "~/domain/coalitions/schemas";
import { i18nServer } from "~/i18n/i18next.server";
import { requestOrigin } from "~/utils/request.server";
import { visitorLocale } from "~/utils/public-page.server";
import { boundedReply } from "~/utils/forms.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["coalitions"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const proposalId = z.string().uuid();
const uuid = z.string().uuid();

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireVerifiedUser(args);
  const locale = await visitorLocale(args.request);
  const id = new URL(args.request.url).searchParams.get("proposal");
  const t = await i18nServer.getFixedT(args.request, "coalitions");
  const mine = await representedActors(args.context.db, user.id, locale);
  let proposal = null;
  if (id !== null) {
    const parsed = proposalId.safeParse(id);
    proposal = parsed.success ? await ownEditableProposal(args.context.db, user.id, parsed.data) : null;
    // Someone else's proposal, or one already decided, is not there to edit.
    if (!proposal) throw new Response("Not Found", { status: 404 });
  }
  return { title: t(proposal ? "propose.editTitle" : "propose.title"), mine, proposal };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireVerifiedUser(args);
  const formData = await args.request.formData();
  const editing = formData.get("proposalId");
  const by = { userId: user.id, origin: requestOrigin(args.request, args.context), appUrl: args.context.publicUrl };
  if (typeof editing === "string" && editing) {
    const id = proposalId.safeParse(editing);
    if (!id.success) throw new Response("Bad Request", { status: 400 });
    const submission = parseWithZod(formData, { schema: initiativeTextSchema });
    if (submission.status !== "success") return boundedReply(submission);
    const result = await editProposal(args.context.db, by, id.data, submission.value);
    if (!result.ok) throw new Response("Not Found", { status: 404 });
    return redirect(`/initiatives/new?${new URLSearchParams({ proposal: id.data, notice: "saved" })}`);
  }
  const submission = parseWithZod(formData, { schema: proposalSchema });
  // The co-leads are resolved even when another field is wrong, so every error shows at once.
  const coLeads = await resolveCoLeads(
    args.context.db,
    {
      proposerActorId: typeof submission.payload.actorId === "string" ? submission.payload.actorId : undefined,
      chosenIds: formData.getAll("coLeadActorIds").filter((v): v is string => typeof v === "string" && uuid.safeParse(v).success),
      typed: typedNames(String(formData.get("coLeadQuery") ?? "")),
    },
    await visitorLocale(args.request),
  );
  if (submission.status !== "success" || coLeads.problems.length > 0) {
    // The names found become chosen checkboxes; an unknown name stays in the field to be corrected.
    const query = coLeads.problems.filter((p) => p.reason === "none").map((p) => p.text).join("; ");
    const reply = boundedReply(submission, {
      hideFields: ["coLeadActorIds", "coLeadQuery"],
      fieldErrors: coLeads.problems.length > 0 ? { coLeadQuery: ["errors.coLeadUnresolved"] } : undefined,
    });
    return { ...reply, coLeads: { ...coLeads, query } };
  }
  // Proposing for an actor one does not represent (a changed id) is refused before anything is written.
  await requireRepresentative(args, submission.value.actorId);
  const { coLeadQuery: _typed, ...proposal } = submission.value;
  const result = await proposeInitiative(args.context.db, by, { ...proposal, coLeadActorIds: coLeads.chosen.map((a) => a.id) });
  if (!result.ok) throw new Response("Forbidden", { status: 403 });
  return redirect(`/initiatives/new?${new URLSearchParams({ proposal: result.initiativeId, notice: "submitted" })}`);
}

export default function ProposeInitiative() {
  const { mine, proposal } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation(["coalitions", "common"]);
  const [form, fields] = useForm<z.input<typeof proposalSchema>>({
    id: "propose-initiative",
    lastResult,
    defaultValue: proposal ? { ...proposal, actorId: proposal.actorId ?? undefined } : { joinPolicy: "open", language: "en", actorId: mine[0]?.id },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposalSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const notice = searchParams.get("notice");
  const coLeads = lastResult && "coLeads" in lastResult ? lastResult.coLeads : undefined;
  if (!proposal && mine.length === 0) {
    return (
      <section className="mx-auto max-w-2xl">
        <h1 className="mb-6 text-3xl font-bold">{t("propose.title")}</h1>
        <p>{t("propose.needAffiliation")}</p>
        <p className="mt-4">
          <Link to="/affiliations/new" className="underline">
            {t("next.represent")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-3xl" aria-labelledby="propose-title">
      <h1 id="propose-title" className="mb-4 text-3xl font-bold">
        {t(proposal ? "propose.editTitle" : "propose.title")}
      </h1>
      {notice === "submitted" || notice === "saved" ? <Notice tone="success">{t(`propose.${notice}`)}</Notice> : null}
      {proposal?.status === "changes_requested" && proposal.reviewReason ? (
        <div className="mb-4 rounded border border-amber-700 bg-amber-50 p-3">
          <p className="font-semibold">{t("propose.changesRequested")}</p>
          <Paragraphs text={proposal.reviewReason} />
        </div>
      ) : null}
      <p className="mb-6">{t(proposal ? "propose.editIntro" : "propose.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        {proposal ? (
          <>
            <input type="hidden" name="proposalId" value={proposal.id} />
            <input type="hidden" name="actorId" value={proposal.actorId ?? ""} />
          </>
        ) : null}
        <InitiativeTextFields fields={fields} />
        {proposal ? null : (
          <>
            <div className="mb-5">
              <label htmlFor={fields.actorId.id} className="block font-medium">
                {t("propose.actor")}
              </label>
              <p id={`${fields.actorId.id}-hint`} className="text-sm text-slate-700">
                {t("propose.actorHint")}
              </p>
              <select {...getSelectProps(fields.actorId)} aria-describedby={`${fields.actorId.id}-hint`} className="mt-1 block rounded border border-slate-500 px-3 py-2">
                {mine.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
              <ErrorList errors={fields.actorId.errors} ns="coalitions" />
            </div>
            <ActorSearch
              // A new answer of the server starts the field afresh from what it resolved.
              key={lastResult && "coLeads" in lastResult ? JSON.stringify(lastResult.coLeads) : "initial"}
              id="co-leads"
              queryName={fields.coLeadQuery.name}
              choiceName={fields.coLeadActorIds.name}
              label={t("propose.coLeads")}
              hint={t("propose.coLeadsHint")}
              defaultQuery={coLeads?.query}
              chosen={coLeads?.chosen}
              problems={coLeads?.problems}
            />
          </>
        )}
        <SubmitButton pending={navigation.state === "submitting"}>{t(proposal ? "propose.save" : "propose.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
