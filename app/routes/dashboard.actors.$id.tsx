import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireRepresentative } from "~/auth/permissions.server";
import { Field, FormErrors, Notice, SubmitButton } from "~/components/forms";
import { TextArea } from "~/components/membership-fields";
import { getRepresentedActor, requestRevocation, updateActorProfile } from "~/domain/membership/dashboard.server";
import { formError } from "~/domain/membership/result";
import { actorProfileSchema, revocationRequestSchema } from "~/domain/membership/schemas";
import { formatDate } from "~/i18n/format";
import { requestOrigin } from "~/utils/request.server";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { boundedReply } from "~/utils/forms.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["membership"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const NOTICES = new Set(["profileSaved", "revocationRequested"]);

// Representatives only (any approved role): another actor's id in the URL is a 403.
export async function loader(args: LoaderFunctionArgs) {
  const actorId = args.params.id ?? "";
  const user = await requireRepresentative(args, actorId);
  const locale = await visitorLocale(args.request);
  const found = await getRepresentedActor(args.context.db, user.id, actorId, locale);
  if (!found) throw new Response("Not Found", { status: 404 });
  return { ...found, title: await pageTitle(locale, found.actor.name) };
}

type ActionData = { intent: "profile" | "request-revocation"; id?: string; result: SubmissionResult<string[]> };

// Changes are a focal point's: the guard asks for that role, and the domain checks it again.
export async function action(args: ActionFunctionArgs): Promise<ActionData | Response> {
  const actorId = args.params.id ?? "";
  const user = await requireRepresentative(args, actorId, { role: "focal_point" });
  const { request, context } = args;
  const formData = await request.formData();
  const origin = requestOrigin(request, context);
  switch (formData.get("intent")) {
    case "profile": {
      const submission = parseWithZod(formData, { schema: actorProfileSchema });
      if (submission.status !== "success") return { intent: "profile", result: boundedReply(submission) };
      const outcome = await updateActorProfile(context.db, user.id, actorId, submission.value, origin);
      if (!outcome.ok) {
        if (outcome.reason === "forbidden") throw new Response("Forbidden", { status: 403 });
        return { intent: "profile", result: boundedReply(submission, { fieldErrors: { name: [formError(outcome.reason)] } }) };
      }
      return redirect(`/dashboard/actors/${actorId}?notice=profileSaved`);
    }
    case "request-revocation": {
      const submission = parseWithZod(formData, { schema: revocationRequestSchema });
      const id = String(formData.get("affiliationId") ?? "");
      if (submission.status !== "success") return { intent: "request-revocation", id, result: boundedReply(submission) };
      const outcome = await requestRevocation(context.db, user.id, actorId, submission.value.affiliationId, submission.value.reason, origin);
      // An affiliation of another actor (a tampered id) is refused like any other actor's page.
      if (!outcome.ok) throw new Response("Forbidden", { status: 403 });
      return redirect(`/dashboard/actors/${actorId}?notice=revocationRequested`);
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function RepresentedActor() {
  const { t, i18n } = useTranslation(["membership", "common"]);
  const { actor, colleagues, focalPoint } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const notice = searchParams.get("notice");
  return (
    <div className="max-w-4xl space-y-10">
      <div>
        <p>
          <Link to="/dashboard" className="underline">
            {t("actorPage.back")}
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{actor.name}</h1>
        <p className="text-slate-700">
          {t(`common:actorKind.${actor.kind}`)} ·{" "}
          <Link to={`/actors/${actor.id}`} className="underline">
            {t("dashboard.publicPage")}
          </Link>
        </p>
      </div>
      {notice && NOTICES.has(notice) ? <Notice tone="success">{t(`actorPage.notices.${notice}`)}</Notice> : null}

      <section aria-labelledby="colleagues-title">
        <h2 id="colleagues-title" className="mb-2 text-2xl font-semibold">
          {t("actorPage.colleagues")}
        </h2>
        <p className="mb-4 text-slate-700">{t("actorPage.colleaguesIntro")}</p>
        {colleagues.length === 0 ? (
          <p>{t("actorPage.noColleagues")}</p>
        ) : (
          <ul className="space-y-4">
            {colleagues.map((c) => (
              <li key={c.affiliationId} className="rounded-lg border border-slate-300 p-4">
                <p className="font-semibold">
                  {c.name} · {t(`role.${c.role}`)}
                </p>
                <p className="text-slate-700">
                  {[c.title, c.email].filter(Boolean).join(" · ")}
                  {c.since ? ` · ${t("actorPage.since", { date: formatDate(i18n.language, c.since) })}` : ""}
                </p>
                {c.revocationRequestedAt ? (
                  <p className="mt-2">
                    {t("actorPage.revocationPending", { date: formatDate(i18n.language, c.revocationRequestedAt), name: c.revocationRequestedBy ?? "" })}
                  </p>
                ) : focalPoint ? (
                  <RevocationForm affiliationId={c.affiliationId} name={c.name} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {focalPoint ? <ProfileForm /> : null}
    </div>
  );
}

function RevocationForm({ affiliationId, name }: { affiliationId: string; name: string }) {
  const { t } = useTranslation("membership");
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [form, fields] = useForm({
    id: `revoke-${affiliationId}`,
    lastResult: actionData?.intent === "request-revocation" && actionData.id === affiliationId ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: revocationRequestSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <details className="mt-2" open={Boolean(fields.reason.errors?.length)}>
      <summary className="cursor-pointer text-brand-800 underline">{t("actorPage.askRevocation", { name })}</summary>
      <Form method="post" {...getFormProps(form)} className="mt-3">
        <input type="hidden" name="intent" value="request-revocation" />
        <input type="hidden" name="affiliationId" value={affiliationId} />
        <p className="mb-2 text-sm text-slate-700">{t("actorPage.revocationHint")}</p>
        <TextArea id={fields.reason.id} label={t("fields.revocationReason")} errors={fields.reason.errors} ns="membership" textareaProps={{ ...getTextareaProps(fields.reason), rows: 3 }} />
        <SubmitButton>{t("actorPage.sendRevocation")}</SubmitButton>
      </Form>
    </details>
  );
}

function ProfileForm() {
  const { t } = useTranslation("membership");
  const { actor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [form, fields] = useForm({
    id: "actor-profile",
    lastResult: actionData?.intent === "profile" ? actionData.result : undefined,
    defaultValue: { name: actor.ownName, shortName: actor.shortName ?? "", website: actor.website ?? "", description: actor.description ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: actorProfileSchema }),
    shouldValidate: "onBlur",
  });
  const isState = actor.kind === "state";
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title" className="mb-2 text-2xl font-semibold">
        {t("actorPage.profile")}
      </h2>
      <p className="mb-4 text-slate-700">{isState ? t("actorPage.profileStateIntro") : t("actorPage.profileIntro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="profile" />
        <FormErrors id={form.errorId} errors={form.errors} ns="membership" />
        {isState ? null : (
          <Field label={t("fields.organisationName")} errors={fields.name.errors} ns="membership" inputProps={getInputProps(fields.name, { type: "text" })} />
        )}
        <Field label={t("fields.acronym")} errors={fields.shortName.errors} ns="membership" inputProps={getInputProps(fields.shortName, { type: "text" })} />
        <Field label={t("fields.website")} errors={fields.website.errors} ns="membership" inputProps={getInputProps(fields.website, { type: "url" })} />
        <TextArea id={fields.description.id} label={t("fields.description")} errors={fields.description.errors} ns="membership" textareaProps={{ ...getTextareaProps(fields.description), rows: 6 }} />
        <SubmitButton>{t("actorPage.saveProfile")}</SubmitButton>
      </Form>
    </section>
  );
}
