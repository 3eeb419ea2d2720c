import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { getSession, requireSession } from "~/auth/permissions.server";
import { Notice, SubmitButton } from "~/components/forms";
import { resendVerification, verifyEmail } from "~/domain/accounts/sign-up.server";
import { i18nServer } from "~/i18n/i18next.server";
import { rateLimitHeaders } from "~/utils/rate-limit-headers";
import { requestOrigin, withRateLimit } from "~/utils/request.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["auth"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

// Public: the link in the email works whether or not its reader is signed in. A GET only
// shows the page; the token is spent by the POST the page makes (mail scanners follow links).
export async function loader(args: LoaderFunctionArgs) {
  const url = new URL(args.request.url);
  const token = url.searchParams.get("token")?.slice(0, 200) ?? null;
  const session = await getSession(args);
  const t = await i18nServer.getFixedT(args.request, "auth");
  return {
    title: t("verify.title"),
    token,
    signedIn: Boolean(session),
    verified: session?.user.emailVerified ?? false,
    email: session?.user.email ?? null,
  };
}

// Single-fetch (`.data`) answers take a thrown 429's Retry-After from the route itself.
export const headers = rateLimitHeaders;

export async function action(args: ActionFunctionArgs) {
  const { request, context } = args;
  const form = await request.formData();
  const intent = form.get("intent");
  const origin = requestOrigin(request, context);
  if (intent === "verify") {
    const token = String(form.get("token") ?? "");
    const outcome = await verifyEmail(context.db, token, origin);
    if (!outcome.ok) return { status: "invalid" as const };
    const session = await getSession(args);
    // Confirmed: on to the next step, the dashboard, which says what to do now.
    return session ? redirect("/dashboard?notice=verified") : { status: "verified" as const };
  }
  if (intent === "resend") {
    // Signed in, with or without a verified email: resending is what an unverified user may do.
    const session = await requireSession(args);
    await withRateLimit(() => resendVerification(context.db, session.user.id, origin, context.publicUrl));
    return { status: "resent" as const };
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function VerifyEmail() {
  const { t } = useTranslation("auth");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="mx-auto max-w-lg" aria-labelledby="verify-title">
      <h1 id="verify-title" className="mb-6 text-3xl font-bold">
        {t("verify.title")}
      </h1>
      {result?.status === "verified" ? (
        <>
          <Notice tone="success">{t("verify.done")}</Notice>
          <p className="mb-4">{t("verify.next")}</p>
          <p>
            <Link to="/login?redirectTo=%2Faffiliations%2Fnew" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
              {t("verify.signInToContinue")}
            </Link>
          </p>
        </>
      ) : null}
      {result?.status === "invalid" ? (
        <div role="alert" className="mb-4 rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {t("verify.invalid")}
        </div>
      ) : null}
      {result?.status === "resent" ? <Notice>{t("verify.resent")}</Notice> : null}
      {data.token && result?.status !== "verified" ? (
        <Form method="post">
          <input type="hidden" name="token" value={data.token} />
          <input type="hidden" name="intent" value="verify" />
          <p className="mb-4">{t("verify.confirmIntro")}</p>
          <SubmitButton>{t("verify.confirm")}</SubmitButton>
        </Form>
      ) : null}
      {!data.token && data.signedIn && !data.verified ? (
        <>
          <p className="mb-4">{t("verify.pending", { email: data.email })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <SubmitButton>{t("verify.resend")}</SubmitButton>
          </Form>
        </>
      ) : null}
      {!data.token && !data.signedIn && !result ? <p>{t("verify.signInFirst")}</p> : null}
      {data.verified && !data.token ? <Notice tone="success">{t("verify.alreadyVerified")}</Notice> : null}
    </section>
  );
}
