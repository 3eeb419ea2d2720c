import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireRecentAuthentication } from "~/auth/permissions.server";
import { changePasswordSchema } from "~/auth/schemas";
import { Field, SubmitButton } from "~/components/forms";
import { changePassword } from "~/domain/accounts/passwords.server";
import { i18nServer } from "~/i18n/i18next.server";
import { refusalReply } from "~/utils/form-errors.server";
import { rateLimitHeaders } from "~/utils/rate-limit-headers";
import { requestOrigin, withRateLimit } from "~/utils/request.server";
import { boundedReply } from "~/utils/forms.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["account", "auth"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader(args: LoaderFunctionArgs) {
  await requireRecentAuthentication(args);
  const t = await i18nServer.getFixedT(args.request, "account");
  return { title: t("password.title") };
}

// Single-fetch (`.data`) answers take a thrown 429's Retry-After from the route itself.
export const headers = rateLimitHeaders;

export async function action(args: ActionFunctionArgs) {
  const session = await requireRecentAuthentication(args);
  const { request, context } = args;
  const submission = parseWithZod(await request.formData(), { schema: changePasswordSchema });
  const hidden = { hideFields: ["currentPassword", "password", "confirmPassword"] };
  if (submission.status !== "success") return boundedReply(submission, hidden);
  const outcome = await withRateLimit(() => changePassword(context.db, session, submission.value, requestOrigin(request, context)));
  if (!outcome.ok) return refusalReply(submission, outcome, { ...hidden, fields: { wrongPassword: "currentPassword" } });
  return redirect("/account?notice=passwordChanged");
}

export default function ChangePassword() {
  const { t } = useTranslation(["account", "auth"]);
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="mx-auto max-w-lg" aria-labelledby="password-title">
      <h1 id="password-title" className="mb-6 text-3xl font-bold">
        {t("password.title")}
      </h1>
      <p className="mb-6">{t("password.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <Field
          label={t("auth:fields.currentPassword")}
          errors={fields.currentPassword.errors}
          inputProps={{ ...getInputProps(fields.currentPassword, { type: "password" }), autoComplete: "current-password" }}
        />
        <Field
          label={t("auth:fields.newPassword")}
          hint={t("auth:signup.passwordHint")}
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
        />
        <Field
          label={t("auth:fields.confirmPassword")}
          errors={fields.confirmPassword.errors}
          inputProps={{ ...getInputProps(fields.confirmPassword, { type: "password" }), autoComplete: "new-password" }}
        />
        <SubmitButton pending={navigation.state === "submitting"}>{t("password.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
