// /initiatives/:slug/manage/translations/:locale: a lead writes the initiative's title, summary,
// description and goals in one of the two languages other than the original's, with the
// original beside the fields. Works without JavaScript; errors come back field by field.
import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireInitiativeLead, requireVerifiedUser, type GuardArgs } from "~/auth/permissions.server";
import { ErrorList, Notice, SubmitButton } from "~/components/forms";
import { Paragraphs } from "~/components/paragraphs";
import { locales } from "~/db/schema";
import { findInitiativeBySlug } from "~/domain/coalitions/participation.server";
import { TEXT_MAX, translationSchema } from "~/domain/coalitions/schemas";
import { saveTranslation, translationsView } from "~/domain/coalitions/translations.server";
import { initiativeSlug } from "~/domain/public-query";
import { i18nServer } from "~/i18n/i18next.server";
import { boundedReply } from "~/utils/forms.server";
import { requestOrigin } from "~/utils/request.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["coalitions", "translations"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

async function guard(args: GuardArgs & { params: LoaderFunctionArgs["params"] }) {
  await requireVerifiedUser(args);
  const slug = initiativeSlug.safeParse(args.params.slug);
  const locale = z.enum(locales).safeParse(args.params.locale);
  const initiative = slug.success ? await findInitiativeBySlug(args.context.db, slug.data) : null;
  if (!initiative || initiative.status !== "active" || !locale.success) throw new Response("Not Found", { status: 404 });
  const user = await requireInitiativeLead(args, initiative.id);
  return { user, initiative, locale: locale.data };
}

export async function loader(args: LoaderFunctionArgs) {
  const { initiative, locale } = await guard(args);
  const view = await translationsView(args.context.db, initiative.id);
  const target = view?.translations.find((tr) => tr.locale === locale);
  // The original's own language has no translation: its text is edited on the management page.
  if (!view || !target) throw new Response("Not Found", { status: 404 });
  const t = await i18nServer.getFixedT(args.request, "translations");
  const title = t("form.title", { language: t(`languageName.${locale}`), initiative: initiative.title });
  return { title, locale, original: view.original, translation: target.text };
}

export async function action(args: ActionFunctionArgs) {
  const { user, initiative, locale } = await guard(args);
  const submission = parseWithZod(await args.request.formData(), { schema: translationSchema });
  if (submission.status !== "success") return data(translationReply(submission), { status: 400 });
  const by = { userId: user.id, origin: requestOrigin(args.request, args.context) };
  const result = await saveTranslation(args.context.db, by, { initiativeId: initiative.id, locale, text: submission.value });
  if (!result.ok) throw new Response(result.reason === "notLead" ? "Forbidden" : "Not Found", { status: result.reason === "notLead" ? 403 : 404 });
  return redirect(`/initiatives/${initiative.slug}/manage/translations/${locale}?notice=saved`);
}

/**
 * A translator's description runs to pages: a blank title must not wipe it from the form (without
 * JavaScript the page re-renders from this reply). Texts are echoed when every field is one of
 * ours and within the longest length the schema accepts; anything else gets the bounded reply.
 */
function translationReply(submission: Parameters<typeof boundedReply>[0]) {
  const fields = Object.keys(translationSchema.shape);
  const ours = Object.entries(submission.payload).every(([name, value]) => fields.includes(name) && typeof value === "string" && value.length <= TEXT_MAX);
  return ours ? submission.reply() : boundedReply(submission);
}

const control = "mt-1 block w-full rounded border border-slate-500 px-3 py-2 aria-[invalid]:border-red-700";

export default function TranslateInitiative() {
  const { title, locale, original, translation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation(["translations", "coalitions"]);
  const [form, fields] = useForm({
    id: `translation-${locale}`,
    lastResult,
    defaultValue: translation ?? undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: translationSchema }),
    shouldValidate: "onBlur",
  });
  const language = t(`languageName.${locale}`);
  const originalLanguage = t(`languageName.${original.language}`);
  const describedBy = (id: string, errors: string[] | undefined, hint?: string) =>
    [hint, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const row = (label: string, field: typeof fields.title, originalText: string, control: ReactNode) => (
    <div className="grid gap-4 border-t border-slate-200 py-4 md:grid-cols-2">
      <div>
        <label htmlFor={field.id} className="block font-medium">
          {label}
        </label>
        {control}
        <ErrorList id={`${field.id}-error`} errors={field.errors} ns="coalitions" />
      </div>
      <div className="text-slate-700">
        <p className="text-sm font-medium">{t("form.original", { language: originalLanguage })}</p>
        <div lang={original.language} className="mt-1 space-y-2">
          <Paragraphs text={originalText || "—"} />
        </div>
      </div>
    </div>
  );
  return (
    <div className="max-w-5xl">
      <p>
        <Link to={`/initiatives/${original.slug}/manage`}>
          <span aria-hidden="true">← </span>
          {t("form.back")}
        </Link>
      </p>
      <h1 className="mt-3 text-3xl font-bold">{title}</h1>
      <p className="mt-2 max-w-3xl">{t("form.intro", { languageIn: t(`languageNameIn.${locale}`) })}</p>
      {searchParams.get("notice") === "saved" ? (
        <div className="mt-4">
          <Notice tone="success">{t("form.saved", { language })}</Notice>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-6">
        <h2 className="sr-only">{t("form.translation", { language })}</h2>
        {row(
          t("coalitions:form.title"),
          fields.title,
          original.title,
          <input {...getInputProps(fields.title, { type: "text" })} lang={locale} aria-describedby={describedBy(fields.title.id, fields.title.errors)} className={control} />,
        )}
        {row(
          t("coalitions:form.summary"),
          fields.summary,
          original.summary,
          <>
            <p id={`${fields.summary.id}-hint`} className="text-sm text-slate-700">
              {t("coalitions:form.summaryHint")}
            </p>
            <textarea {...getTextareaProps(fields.summary)} lang={locale} rows={4} aria-describedby={describedBy(fields.summary.id, fields.summary.errors, `${fields.summary.id}-hint`)} className={control} />
          </>,
        )}
        {row(
          t("coalitions:form.description"),
          fields.description,
          original.description,
          <>
            <p id={`${fields.description.id}-hint`} className="text-sm text-slate-700">
              {t("coalitions:form.plainTextHint")}
            </p>
            <textarea {...getTextareaProps(fields.description)} lang={locale} rows={10} aria-describedby={describedBy(fields.description.id, fields.description.errors, `${fields.description.id}-hint`)} className={control} />
          </>,
        )}
        {row(
          t("coalitions:form.goals"),
          fields.goals,
          original.goals,
          <textarea {...getTextareaProps(fields.goals)} lang={locale} rows={5} aria-describedby={describedBy(fields.goals.id, fields.goals.errors)} className={control} />,
        )}
        <SubmitButton>{t("form.save")}</SubmitButton>
      </Form>
    </div>
  );
}
