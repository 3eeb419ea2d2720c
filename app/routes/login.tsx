import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { getSession, requireAnonymous } from "~/auth/permissions.server";
import { loginSchema } from "~/auth/schemas";
import { sessionCookieHeader } from "~/auth/session.server";
import { Field, FormErrors, SubmitButton } from "~/components/forms";
import { signIn } from "~/domain/accounts/sign-in.server";
import { i18nServer } from "~/i18n/i18next.server";
import { refusalReply } from "~/utils/form-errors.server";
import { rateLimitHeaders } from "~/utils/rate-limit-headers";
import { requestOrigin, withRateLimit } from "~/utils/request.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { boundedReply } from "~/utils/forms.server";
import { pageMeta } from "~/utils/seo";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["auth"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = pageMeta({ key: "login" });

export async function loader(args: LoaderFunctionArgs) {
  await requireAnonymous(args);
  const t = await i18nServer.getFixedT(args.request, "auth");
  return { title: t("login.title") };
}

/**
 * Sign-in through remix-auth's FormStrategy, assembled per request (the database and the
 * browser's current session belong to it). The strategy reads the posted form once; its verify
 * callback validates it with the schema the browser uses and, only when valid, calls the accounts
 * domain, which does the rest (rate limits before hashing, rotation, audit).
 */
async function signInWithForm({ request, context }: ActionFunctionArgs, previousSessionIdHash: string | null) {
  const authenticator = new Authenticator<{ submission: ReturnType<typeof parseLogin>; signedIn: Awaited<ReturnType<typeof signIn>> | null }>();
  authenticator.use(
    new FormStrategy(async ({ form }) => {
      const submission = parseLogin(form);
      if (submission.status !== "success") return { submission, signedIn: null };
      const { email, password } = submission.value;
      return { submission, signedIn: await signIn(context.db, { email, password, previousSessionIdHash }, requestOrigin(request, context)) };
    }),
    "password",
  );
  return authenticator.authenticate("password", request);
}

const parseLogin = (form: FormData) => parseWithZod(form, { schema: loginSchema });

// Single-fetch (`.data`) answers take a thrown 429's Retry-After from the route itself.
export const headers = rateLimitHeaders;

export async function action(args: ActionFunctionArgs) {
  await requireAnonymous(args);
  const previous = await getSession(args);
  const { submission, signedIn: result } = await withRateLimit(() => signInWithForm(args, previous?.idHash ?? null));
  if (submission.status !== "success" || !result) return boundedReply(submission, { hideFields: ["password"] });
  if (!result.ok) return refusalReply(submission, result, { hideFields: ["password"] });
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
