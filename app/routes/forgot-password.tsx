import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { isHoneypotFilled } from "~/auth/honeypot";
import { forgotPasswordSchema } from "~/auth/schemas";
import { Field, Honeypot, Notice, SubmitButton } from "~/components/forms";
import { requestPasswordReset } from "~/domain/accounts/passwords.server";
import { i18nServer } from "~/i18n/i18next.server";
import { rateLimitHeaders } from "~/utils/rate-limit-headers";
import { boundedReply } from "~/utils/forms.server";
import { requestOrigin, withRateLimit } from "~/utils/request.server";
import { pageMeta } from "~/utils/seo";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["auth"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = pageMeta({ key: "forgotPassword" });

// Public: anyone may ask for a reset link; the answer never says whether the account exists.
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "auth");
  return { title: t("forgot.title") };
}

// Single-fetch (`.data`) answers take a thrown 429's Retry-After from the route itself.
export const headers = rateLimitHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: forgotPasswordSchema });
  if (submission.status !== "success") return { result: boundedReply(submission), done: false };
  if (!isHoneypotFilled(formData)) {
    // An address without an account gets a short note in the language of this request.
    const locale = (await i18nServer.getLocale(request)) as "en" | "fr" | "es";
    const origin = { ...requestOrigin(request, context), locale };
    await withRateLimit(() => requestPasswordReset(context.db, submission.value.email, origin, context.publicUrl));
  }
  return { result: boundedReply(submission, { resetForm: true }), done: true };
}

export default function ForgotPassword() {
  const { t } = useTranslation("auth");
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <section className="mx-auto max-w-lg" aria-labelledby="forgot-title">
      <h1 id="forgot-title" className="mb-6 text-3xl font-bold">
        {t("forgot.title")}
      </h1>
      {actionData?.done ? <Notice tone="success">{t("forgot.sent")}</Notice> : <p className="mb-6">{t("forgot.intro")}</p>}
      <Form method="post" {...getFormProps(form)}>
        <Honeypot />
        <Field label={t("fields.email")} errors={fields.email.errors} inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }} />
        <SubmitButton pending={navigation.state === "submitting"}>{t("forgot.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
