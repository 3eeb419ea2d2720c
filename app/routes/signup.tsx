import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { isHoneypotFilled } from "~/auth/honeypot";
import { requireAnonymous } from "~/auth/permissions.server";
import { signUpSchema } from "~/auth/schemas";
import { ErrorList, Field, Honeypot, Notice, SubmitButton } from "~/components/forms";
import { signUp } from "~/domain/accounts/sign-up.server";
import { PRIVACY_NOTICE_VERSION, privacyAcceptanceSchema } from "~/domain/privacy";
import { i18nServer } from "~/i18n/i18next.server";
import { refusalReply } from "~/utils/form-errors.server";
import { rateLimitHeaders } from "~/utils/rate-limit-headers";
import { boundedReply } from "~/utils/forms.server";
import { requestOrigin, withRateLimit } from "~/utils/request.server";
import { pageMeta } from "~/utils/seo";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["auth"] };
await routeNamespaces(handle);

const signUpFormSchema = signUpSchema.merge(privacyAcceptanceSchema);

export const meta: MetaFunction<typeof loader> = pageMeta({ key: "signup" });

export async function loader(args: LoaderFunctionArgs) {
  await requireAnonymous(args);
  const t = await i18nServer.getFixedT(args.request, "auth");
  return { title: t("signup.title") };
}

// Single-fetch (`.data`) answers take a thrown 429's Retry-After from the route itself.
export const headers = rateLimitHeaders;

export async function action(args: ActionFunctionArgs) {
  await requireAnonymous(args);
  const { request, context } = args;
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signUpFormSchema });
  if (submission.status !== "success") return { result: boundedReply(submission, { hideFields: ["password"] }), done: false };
  // A bot gets the same answer as a person, and nothing is stored.
  if (isHoneypotFilled(formData)) return { result: boundedReply(submission, { resetForm: true }), done: true };
  const locale = (await i18nServer.getLocale(request)) as "en" | "fr" | "es";
  const outcome = await withRateLimit(() => signUp(context.db, { ...submission.value, locale, privacyNoticeVersion: PRIVACY_NOTICE_VERSION }, requestOrigin(request, context), context.publicUrl));
  if (!outcome.ok) return { result: refusalReply(submission, outcome, { hideFields: ["password"] }), done: false };
  return { result: boundedReply(submission, { resetForm: true }), done: true };
}

export default function SignUp() {
  const { t } = useTranslation("auth");
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "signup",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signUpFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="mx-auto max-w-lg" aria-labelledby="signup-title">
      <h1 id="signup-title" className="mb-6 text-3xl font-bold">
        {t("signup.title")}
      </h1>
      {actionData?.done ? (
        <Notice tone="success">{t("signup.checkEmail")}</Notice>
      ) : (
        <>
          <p className="mb-6">{t("signup.intro")}</p>
          <Form method="post" {...getFormProps(form)}>
            <Honeypot />
            <Field label={t("fields.name")} errors={fields.name.errors} inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "name" }} />
            <Field label={t("fields.email")} errors={fields.email.errors} inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }} />
            <Field
              label={t("fields.password")}
              hint={t("signup.passwordHint")}
              errors={fields.password.errors}
              inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
            />
            <div className="mb-4">
              <p id="privacy-hint" className="mb-2 text-sm text-slate-700">
                {t("signup.privacyHint")}{" "}
                <Link to="/privacy" className="underline">
                  {t("signup.privacyLink")}
                </Link>
              </p>
              <div className="flex items-start gap-2">
                <input
                  {...getInputProps(fields.acceptPrivacy, { type: "checkbox" })}
                  aria-describedby={fields.acceptPrivacy.errors?.length ? "privacy-hint privacy-error" : "privacy-hint"}
                  className="mt-1.5 h-4 w-4"
                />
                <label htmlFor={fields.acceptPrivacy.id}>{t("signup.acceptPrivacy")}</label>
              </div>
              <ErrorList id="privacy-error" errors={fields.acceptPrivacy.errors} />
            </div>
            <SubmitButton pending={navigation.state === "submitting"}>{t("signup.submit")}</SubmitButton>
          </Form>
        </>
      )}
      <p className="mt-6">
        {t("signup.haveAccount")} <Link to="/login" className="underline">{t("signup.signIn")}</Link>
      </p>
    </section>
  );
}
