// "login_": a page of its own at /login/two-factor, not a child of the sign-in form (which has no outlet).
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePendingSecondFactor } from "~/auth/permissions.server";
import { twoFactorLoginSchema } from "~/auth/schemas";
import { sessionCookieHeader } from "~/auth/session.server";
import { Field, FormErrors, SubmitButton } from "~/components/forms";
import { completeSecondFactor } from "~/domain/accounts/sign-in.server";
import { i18nServer } from "~/i18n/i18next.server";
import { refusalReply } from "~/utils/form-errors.server";
import { rateLimitHeaders } from "~/utils/rate-limit-headers";
import { requestOrigin, withRateLimit } from "~/utils/request.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { boundedReply } from "~/utils/forms.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["auth"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader(args: LoaderFunctionArgs) {
  await requirePendingSecondFactor(args);
  const t = await i18nServer.getFixedT(args.request, "auth");
  return { title: t("twoFactorLogin.title") };
}

// Single-fetch (`.data`) answers take a thrown 429's Retry-After from the route itself.
export const headers = rateLimitHeaders;

export async function action(args: ActionFunctionArgs) {
  const session = await requirePendingSecondFactor(args);
  const { request, context } = args;
  const submission = parseWithZod(await request.formData(), { schema: twoFactorLoginSchema });
  if (submission.status !== "success") return boundedReply(submission);
  const result = await withRateLimit(() => completeSecondFactor(context.db, session, submission.value.code, requestOrigin(request, context)));
  if (!result.ok) return refusalReply(submission, result, { hideFields: ["code"] });
  const next = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/dashboard");
  return redirect(next, { headers: { "Set-Cookie": await sessionCookieHeader(result.sessionId) } });
}

export default function TwoFactorLogin() {
  const { t } = useTranslation("auth");
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "two-factor-login",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: twoFactorLoginSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section className="mx-auto max-w-lg" aria-labelledby="tfl-title">
      <h1 id="tfl-title" className="mb-6 text-3xl font-bold">
        {t("twoFactorLogin.title")}
      </h1>
      <p className="mb-6">{t("twoFactorLogin.intro")}</p>
      <Form method="post" action={`/login/two-factor?${searchParams}`} {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label={t("fields.code")}
          hint={t("twoFactorLogin.hint")}
          errors={fields.code.errors}
          inputProps={{ ...getInputProps(fields.code, { type: "text" }), autoComplete: "one-time-code", inputMode: "text", autoFocus: true }}
        />
        <SubmitButton pending={navigation.state === "submitting"}>{t("twoFactorLogin.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
