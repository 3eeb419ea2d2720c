import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authenticateWithPassword } from "~/auth/authenticator.server";
import { getSession, requireAnonymous } from "~/auth/permissions.server";
import { loginSchema } from "~/auth/schemas";
import { sessionCookieHeader } from "~/auth/session.server";
import { Field, FormErrors, SubmitButton } from "~/components/forms";
import { i18nServer } from "~/i18n/i18next.server";
import { withRateLimit } from "~/utils/request.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader(args: LoaderFunctionArgs) {
  await requireAnonymous(args);
  const t = await i18nServer.getFixedT(args.request, "auth");
  return { title: t("login.title") };
}

export async function action(args: ActionFunctionArgs) {
  await requireAnonymous(args);
  const { request, context } = args;
  const submission = parseWithZod(await request.clone().formData(), { schema: loginSchema });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password"] });
  const previous = await getSession(args);
  const result = await withRateLimit(() => authenticateWithPassword(request, context, previous?.idHash ?? null));
  if (!result.ok) return submission.reply({ formErrors: ["errors.invalidCredentials"], hideFields: ["password"] });
  const next = safeRedirect(submission.value.redirectTo, "/dashboard");
  const target = result.needsSecondFactor ? `/login/two-factor?${new URLSearchParams({ redirectTo: next })}` : next;
  return redirect(target, { headers: { "Set-Cookie": await sessionCookieHeader(result.sessionId) } });
}

export default function Login() {
  const { t } = useTranslation("auth");
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="mx-auto max-w-lg" aria-labelledby="login-title">
      <h1 id="login-title" className="mb-6 text-3xl font-bold">
        {t("login.title")}
      </h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field label={t("fields.email")} errors={fields.email.errors} inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }} />
        <Field
          label={t("fields.password")}
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
        />
        <SubmitButton pending={navigation.state === "submitting"}>{t("login.submit")}</SubmitButton>
      </Form>
      <p className="mt-6">
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
      <p className="mt-2">
        {t("login.noAccount")} <Link to="/signup" className="underline">{t("login.signUp")}</Link>
      </p>
    </section>
  );
}
