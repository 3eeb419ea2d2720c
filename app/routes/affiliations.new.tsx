import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireVerifiedUser } from "~/auth/permissions.server";
import { Field, FormErrors, SubmitButton } from "~/components/forms";
import { RadioGroup, SelectBox, TextArea } from "~/components/membership-fields";
import {
  claimState,
  joinActor,
  listStates,
  registerOrganisation,
  searchJoinableActors,
  type SimilarActor,
} from "~/domain/membership/applications.server";
import { formError } from "~/domain/membership/result";
import {
  AFFILIATION_ROLES,
  APPLY_PATHS,
  claimStateSchema,
  joinActorSchema,
  ORGANISATION_KINDS,
  OTHER_CATEGORIES,
  registerOrganisationSchema,
  type ApplyPath,
} from "~/domain/membership/schemas";
import { MAX_SEARCH_LENGTH } from "~/domain/public-values";
import { requestOrigin } from "~/utils/request.server";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { boundedReply } from "~/utils/forms.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["membership"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const isPath = (value: string | null): value is ApplyPath => (APPLY_PATHS as readonly string[]).includes(value ?? "");

export async function loader(args: LoaderFunctionArgs) {
  await requireVerifiedUser(args);
  const url = new URL(args.request.url);
  const path = url.searchParams.get("path");
  const locale = await visitorLocale(args.request);
  const q = url.searchParams.get("q")?.slice(0, MAX_SEARCH_LENGTH) ?? "";
  const chosen = isPath(path) ? path : null;
  const [title, states, joinable] = await Promise.all([
    pageTitle(locale, { namespace: "membership", key: "apply.title" }),
    chosen === "state" || chosen === "organisation" ? listStates(args.context.db, locale) : [],
    chosen === "join" ? searchJoinableActors(args.context.db, q, locale) : [],
  ]);
  return { title, path: chosen, states, joinable, q, preselected: url.searchParams.get("actor") ?? "" };
}

type ActionData = { intent: ApplyPath; result: SubmissionResult<string[]>; candidates?: SimilarActor[] };

export async function action(args: ActionFunctionArgs): Promise<ActionData | Response> {
  const user = await requireVerifiedUser(args);
  const { request, context } = args;
  const formData = await request.formData();
  const origin = requestOrigin(request, context);
  const locale = await visitorLocale(request);
  switch (formData.get("intent")) {
    case "state": {
      const submission = parseWithZod(formData, { schema: claimStateSchema });
      if (submission.status !== "success") return { intent: "state", result: boundedReply(submission) };
      const outcome = await claimState(context.db, user.id, submission.value, origin);
      if (!outcome.ok) {
        const field = outcome.reason === "unknownState" ? "stateCode" : "";
        return { intent: "state", result: boundedReply(submission, { fieldErrors: { [field]: [formError(outcome.reason)] } }) };
      }
      return redirect("/dashboard?notice=applied");
    }
    case "organisation": {
      const submission = parseWithZod(formData, { schema: registerOrganisationSchema });
      if (submission.status !== "success") return { intent: "organisation", result: boundedReply(submission) };
      const outcome = await registerOrganisation(context.db, user.id, submission.value, locale, origin);
      if (outcome.ok) return redirect("/dashboard?notice=registered");
      if (outcome.reason === "possibleDuplicates") return { intent: "organisation", result: boundedReply(submission), candidates: outcome.candidates };
      return { intent: "organisation", result: boundedReply(submission, { fieldErrors: { name: [formError(outcome.reason)] } }) };
    }
    case "join": {
      const submission = parseWithZod(formData, { schema: joinActorSchema });
      if (submission.status !== "success") return { intent: "join", result: boundedReply(submission) };
      const outcome = await joinActor(context.db, user.id, submission.value, origin);
      if (!outcome.ok) {
        const field = outcome.reason === "unknownActor" ? "actorId" : "";
        return { intent: "join", result: boundedReply(submission, { fieldErrors: { [field]: [formError(outcome.reason)] } }) };
      }
      return redirect("/dashboard?notice=applied");
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function NewAffiliation() {
  const { t } = useTranslation(["membership", "common"]);
  const { path } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-bold">{t("apply.title")}</h1>
      <p className="mt-2 text-lg text-slate-700">{t("apply.intro")}</p>
      <nav aria-label={t("apply.pathsLabel")} className="mt-6">
        <ul className="grid gap-4 md:grid-cols-3">
          {APPLY_PATHS.map((p) => (
            <li key={p}>
              <Link
                to={`/affiliations/new?path=${p}`}
                aria-current={path === p ? "page" : undefined}
                className={`block h-full rounded-lg border-2 p-4 no-underline hover:bg-brand-50 ${
                  path === p ? "border-brand-700 bg-brand-50" : "border-slate-300"
                }`}
              >
                <span className="block text-lg font-semibold text-brand-800 underline underline-offset-2">{t(`apply.paths.${p}.label`)}</span>
                <span className="mt-1 block text-slate-800">{t(`apply.paths.${p}.hint`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-8">
        {path === "state" ? <StateForm /> : null}
        {path === "organisation" ? <OrganisationForm /> : null}
        {path === "join" ? <JoinForm /> : null}
      </div>
    </div>
  );
}

function useLastResult(intent: ApplyPath): ActionData | undefined {
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  return actionData?.intent === intent ? actionData : undefined;
}

function RoleChoice({ errors, name, defaultValue }: { errors: string[] | undefined; name: string; defaultValue?: string }) {
  const { t } = useTranslation("membership");
  return (
    <RadioGroup
      id="role"
      name={name}
      legend={t("fields.role")}
      errors={errors}
      ns="membership"
      defaultValue={defaultValue ?? "focal_point"}
      options={AFFILIATION_ROLES.map((r) => ({ value: r, label: t(`role.${r}`), hint: t(`roleHint.${r}`) }))}
    />
  );
}

function StateForm() {
  const { t } = useTranslation("membership");
  const { states } = useLoaderData<typeof loader>();
  const last = useLastResult("state");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "claim-state",
    lastResult: last?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: claimStateSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="state-title">
      <h2 id="state-title" className="mb-4 text-2xl font-semibold">
        {t("apply.paths.state.label")}
      </h2>
      <p className="mb-4 max-w-2xl">{t("apply.state.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="state" />
        <FormErrors id={form.errorId} errors={form.errors} ns="membership" />
        <SelectBox
          id={fields.stateCode.id}
          label={t("fields.state")}
          hint={t("apply.state.stateHint")}
          errors={fields.stateCode.errors}
          ns="membership"
          selectProps={getSelectProps(fields.stateCode)}
          placeholder={t("apply.state.choose")}
          options={states.map((s) => ({ value: s.code, label: s.name }))}
        />
        <RoleChoice name={fields.role.name} errors={fields.role.errors} defaultValue={fields.role.initialValue as string | undefined} />
        <Field label={t("fields.title")} hint={t("apply.titleHint")} errors={fields.title.errors} ns="membership" inputProps={{ ...getInputProps(fields.title, { type: "text" }), autoComplete: "organization-title" }} />
        <Field label={t("fields.ministryOrMission")} hint={t("apply.state.ministryHint")} errors={fields.ministryOrMission.errors} ns="membership" inputProps={{ ...getInputProps(fields.ministryOrMission, { type: "text" }), autoComplete: "organization" }} />
        <Field label={t("fields.officialEmail")} hint={t("apply.officialEmailHint")} errors={fields.officialEmail.errors} ns="membership" inputProps={{ ...getInputProps(fields.officialEmail, { type: "email" }), autoComplete: "work email" }} />
        <TextArea id={fields.message.id} label={t("fields.message")} hint={t("apply.messageHint")} errors={fields.message.errors} ns="membership" textareaProps={getTextareaProps(fields.message)} />
        <SubmitButton pending={navigation.state === "submitting"}>{t("apply.state.submit")}</SubmitButton>
      </Form>
    </section>
  );
}

function OrganisationForm() {
  const { t } = useTranslation(["membership", "common"]);
  const { states } = useLoaderData<typeof loader>();
  const last = useLastResult("organisation");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "register-organisation",
    lastResult: last?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registerOrganisationSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const candidates = last?.candidates ?? [];
  const typedName = typeof fields.name.value === "string" ? fields.name.value : "";
  return (
    <section aria-labelledby="organisation-title">
      <h2 id="organisation-title" className="mb-4 text-2xl font-semibold">
        {t("apply.paths.organisation.label")}
      </h2>
      <p className="mb-4 max-w-2xl">{t("apply.organisation.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="organisation" />
        <FormErrors id={form.errorId} errors={form.errors} ns="membership" />
        {candidates.length > 0 ? (
          <div role="alert" className="mb-4 rounded border-2 border-amber-600 bg-amber-50 p-4">
            <h3 className="text-lg font-semibold">{t("apply.duplicates.title")}</h3>
            <p className="mt-1">{t("apply.duplicates.intro")}</p>
            <ul className="mt-3 list-disc space-y-2 pl-6">
              {candidates.map((c) => (
                <li key={c.id}>
                  <strong>{c.name}</strong>
                  {c.shortName ? ` (${c.shortName})` : ""} · {t(`common:actorKind.${c.kind}`)}
                  {" · "}
                  {c.status === "approved" && c.kind !== "state" ? (
                    <Link to={`/affiliations/new?path=join&actor=${c.id}&q=${encodeURIComponent(c.name)}`} className="underline">
                      {t("apply.duplicates.join")}
                    </Link>
                  ) : c.kind === "state" ? (
                    <Link to="/affiliations/new?path=state" className="underline">
                      {t("apply.duplicates.isState")}
                    </Link>
                  ) : (
                    t("apply.duplicates.pending")
                  )}
                </li>
              ))}
            </ul>
            <input type="hidden" name="confirmedName" value={typedName} />
            <p className="mt-3">{t("apply.duplicates.proceed")}</p>
          </div>
        ) : null}
        <SelectBox
          id={fields.kind.id}
          label={t("fields.kind")}
          errors={fields.kind.errors}
          ns="membership"
          selectProps={getSelectProps(fields.kind)}
          placeholder={t("apply.choose")}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`common:actorKind.${k}`) }))}
        />
        <SelectBox
          id={fields.category.id}
          label={t("fields.category")}
          hint={t("apply.organisation.categoryHint")}
          errors={fields.category.errors}
          ns="membership"
          selectProps={getSelectProps(fields.category)}
          placeholder={t("apply.choose")}
          options={OTHER_CATEGORIES.map((c) => ({ value: c, label: t(`common:actorCategory.${c}`) }))}
        />
        <Field label={t("fields.organisationName")} hint={t("apply.organisation.nameHint")} errors={fields.name.errors} ns="membership" inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "organization" }} />
        <Field label={t("fields.acronym")} errors={fields.acronym.errors} ns="membership" inputProps={getInputProps(fields.acronym, { type: "text" })} />
        <SelectBox
          id={fields.countryCode.id}
          label={t("fields.headquarters")}
          errors={fields.countryCode.errors}
          ns="membership"
          selectProps={getSelectProps(fields.countryCode)}
          placeholder={t("apply.choose")}
          options={states.map((s) => ({ value: s.code, label: s.name }))}
        />
        <Field label={t("fields.website")} hint={t("apply.organisation.websiteHint")} errors={fields.website.errors} ns="membership" inputProps={{ ...getInputProps(fields.website, { type: "url" }), autoComplete: "url" }} />
        <TextArea id={fields.description.id} label={t("fields.description")} hint={t("apply.organisation.descriptionHint")} errors={fields.description.errors} ns="membership" textareaProps={getTextareaProps(fields.description)} />
        <TextArea id={fields.motivation.id} label={t("fields.motivation")} hint={t("apply.organisation.motivationHint")} errors={fields.motivation.errors} ns="membership" textareaProps={getTextareaProps(fields.motivation)} />
        <Field label={t("fields.yourTitle")} hint={t("apply.organisation.focalPointHint")} errors={fields.title.errors} ns="membership" inputProps={{ ...getInputProps(fields.title, { type: "text" }), autoComplete: "organization-title" }} />
        <Field label={t("fields.officialEmail")} hint={t("apply.officialEmailHint")} errors={fields.officialEmail.errors} ns="membership" inputProps={{ ...getInputProps(fields.officialEmail, { type: "email" }), autoComplete: "work email" }} />
        <SubmitButton pending={navigation.state === "submitting"}>
          {candidates.length > 0 ? t("apply.duplicates.confirm", { name: typedName }) : t("apply.organisation.submit")}
        </SubmitButton>
      </Form>
    </section>
  );
}

function JoinForm() {
  const { t } = useTranslation(["membership", "common"]);
  const { joinable, q, preselected } = useLoaderData<typeof loader>();
  const last = useLastResult("join");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "join-actor",
    lastResult: last?.result,
    defaultValue: { actorId: preselected },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: joinActorSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const chosen = (fields.actorId.value as string | undefined) ?? preselected;
  return (
    <section aria-labelledby="join-title">
      <h2 id="join-title" className="mb-4 text-2xl font-semibold">
        {t("apply.paths.join.label")}
      </h2>
      <Form method="get" action="/affiliations/new" className="mb-6 flex flex-wrap items-end gap-3" role="search">
        <input type="hidden" name="path" value="join" />
        <div>
          <label htmlFor="join-q" className="block font-medium">
            {t("apply.join.searchLabel")}
          </label>
          <input id="join-q" name="q" type="search" defaultValue={q} maxLength={MAX_SEARCH_LENGTH} className="mt-1 block w-72 max-w-full rounded border border-slate-500 px-3 py-2" />
        </div>
        <button type="submit" className="rounded border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">
          {t("apply.join.search")}
        </button>
      </Form>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="join" />
        <FormErrors id={form.errorId} errors={form.errors} ns="membership" />
        {joinable.length === 0 ? (
          <p className="mb-4">
            {t("apply.join.none")} <Link to="/affiliations/new?path=organisation" className="underline">{t("apply.paths.organisation.label")}</Link>
          </p>
        ) : (
          <RadioGroup
            id={fields.actorId.id}
            name={fields.actorId.name}
            legend={t("apply.join.choose")}
            errors={fields.actorId.errors}
            ns="membership"
            defaultValue={chosen}
            options={joinable.map((a) => ({
              value: a.id,
              label: (
                <>
                  <strong>{a.name}</strong>
                  {a.shortName ? ` (${a.shortName})` : ""}
                </>
              ),
              hint: [t(`common:actorKind.${a.kind}`), a.countryName].filter(Boolean).join(" · "),
            }))}
          />
        )}
        <RoleChoice name={fields.role.name} errors={fields.role.errors} defaultValue={fields.role.initialValue as string | undefined} />
        <Field label={t("fields.title")} hint={t("apply.titleHint")} errors={fields.title.errors} ns="membership" inputProps={{ ...getInputProps(fields.title, { type: "text" }), autoComplete: "organization-title" }} />
        <Field label={t("fields.officialEmail")} hint={t("apply.officialEmailHint")} errors={fields.officialEmail.errors} ns="membership" inputProps={{ ...getInputProps(fields.officialEmail, { type: "email" }), autoComplete: "work email" }} />
        <TextArea id={fields.message.id} label={t("fields.message")} hint={t("apply.messageHint")} errors={fields.message.errors} ns="membership" textareaProps={getTextareaProps(fields.message)} />
        <SubmitButton pending={navigation.state === "submitting"}>{t("apply.join.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
