import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireVerifiedSession } from "~/auth/permissions.server";
import { reauthenticateSchema } from "~/auth/schemas";
import { sessionCookieHeader } from "~/auth/session.server";
import { Field, FormErrors, SubmitButton } from "~/components/forms";
import { reauthenticate } from "~/domain/accounts/sign-in.server";
import { i18nServer } from "~/i18n/i18next.server";
import { refusalReply } from "~/utils/form-errors.server";
import { rateLimitHeaders } from "~/utils/rate-limit-headers";
import { requestOrigin, withRateLimit } from "~/utils/request.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { boundedReply } from "~/utils/forms.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["account", "auth"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader(args: LoaderFunctionArgs) {
  await requireVerifiedSession(args, { duringTwoFactorSetup: true });
  const t = await i18nServer.getFixedT(args.request, "account");
  return { title: t("confirm.title") };
}

// Single-fetch (`.data`) answers take a thrown 429's Retry-After from the route itself.
export const headers = rateLimitHeaders;

export async function action(args: ActionFunctionArgs) {
  const session = await requireVerifiedSession(args, { duringTwoFactorSetup: true });
  const { request, context } = args;
  const submission = parseWithZod(await request.formData(), { schema: reauthenticateSchema });
  if (submission.status !== "success") return boundedReply(submission, { hideFields: ["password"] });
  const outcome = await withRateLimit(() => reauthenticate(context.db, session, submission.value.password, requestOrigin(request, context)));
  // Ended meanwhile (signed out elsewhere): the guard sends the next request to sign-in.
  if (!outcome.ok && outcome.reason === "sessionEnded") return redirect("/login");
  if (!outcome.ok) return refusalReply(submission, outcome, { hideFields: ["password"] });
  return redirect(safeRedirect(submission.value.redirectTo, "/account"), { headers: { "Set-Cookie": await sessionCookieHeader(outcome.sessionId) } });
}

export default function ConfirmPassword() {
  const { t } = useTranslation(["account", "auth"]);
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "confirm-password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reauthenticateSchema }),
  });
  return (
    <section className="mx-auto max-w-lg" aria-labelledby="confirm-title">
      <h1 id="confirm-title" className="mb-6 text-3xl font-bold">
        {t("confirm.title")}
      </h1>
      <p className="mb-6">{t("confirm.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/account"} />
        <Field
          label={t("auth:fields.password")}
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
        />
        <SubmitButton pending={navigation.state === "submitting"}>{t("confirm.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
