import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { resetPasswordSchema } from "~/auth/schemas";
import { clearSessionCookieHeader } from "~/auth/session.server";
import { Field, FormErrors, Notice, SubmitButton } from "~/components/forms";
import { resetPassword } from "~/domain/accounts/passwords.server";
import { i18nServer } from "~/i18n/i18next.server";
import { refusalReply } from "~/utils/form-errors.server";
import { requestOrigin } from "~/utils/request.server";
import { boundedReply } from "~/utils/forms.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["auth"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

// Public: the token from the email is the credential.
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "auth");
  const token = new URL(request.url).searchParams.get("token")?.slice(0, 200) ?? "";
  return { title: t("reset.title"), token };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetPasswordSchema });
  const hidden = { hideFields: ["password", "confirmPassword"] };
  if (submission.status !== "success") return { result: boundedReply(submission, hidden), done: false };
  const outcome = await resetPassword(context.db, submission.value.token, submission.value.password, requestOrigin(request, context));
  if (!outcome.ok) return { result: refusalReply(submission, outcome, hidden), done: false };
  // Every session ended, this browser's included.
  return data({ result: boundedReply(submission, { resetForm: true }), done: true }, { headers: { "Set-Cookie": await clearSessionCookieHeader() } });
}

export default function ResetPassword() {
  const { t } = useTranslation("auth");
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="mx-auto max-w-lg" aria-labelledby="reset-title">
      <h1 id="reset-title" className="mb-6 text-3xl font-bold">
        {t("reset.title")}
      </h1>
      {actionData?.done ? (
        <Notice tone="success">
          {t("reset.done")} <Link to="/login" className="underline">{t("login.title")}</Link>
        </Notice>
      ) : !token ? (
        <p role="alert">{t("errors.linkInvalid")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="token" value={token} />
          <Field
            label={t("fields.newPassword")}
            hint={t("signup.passwordHint")}
            errors={fields.password.errors}
            inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
          />
          <Field
            label={t("fields.confirmPassword")}
            errors={fields.confirmPassword.errors}
            inputProps={{ ...getInputProps(fields.confirmPassword, { type: "password" }), autoComplete: "new-password" }}
          />
          <SubmitButton pending={navigation.state === "submitting"}>{t("reset.submit")}</SubmitButton>
        </Form>
      )}
    </section>
  );
}
