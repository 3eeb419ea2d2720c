import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireRecentAuthentication } from "~/auth/permissions.server";
import { confirmTwoFactorSchema, disableTwoFactorSchema } from "~/auth/schemas";
import { Field, FormErrors, Notice, SubmitButton } from "~/components/forms";
import { beginTwoFactorSetup, confirmTwoFactorSetup, disableTwoFactor, pendingTwoFactorSetup } from "~/domain/accounts/two-factor.server";
import { i18nServer } from "~/i18n/i18next.server";
import { refusalReply } from "~/utils/form-errors.server";
import { rateLimitHeaders } from "~/utils/rate-limit-headers";
import { boundedReply } from "~/utils/forms.server";
import { requestOrigin, withRateLimit } from "~/utils/request.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["account", "auth"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const setupAllowed = { duringTwoFactorSetup: true };

export async function loader(args: LoaderFunctionArgs) {
  const session = await requireRecentAuthentication(args, setupAllowed);
  const t = await i18nServer.getFixedT(args.request, "account");
  return {
    title: t("twoFactor.title"),
    enabled: session.user.totpEnabled,
    required: new URL(args.request.url).searchParams.get("required") === "1",
    setup: session.user.totpEnabled ? null : await pendingTwoFactorSetup(args.context.db, session.user.id),
  };
}

// Single-fetch (`.data`) answers take a thrown 429's Retry-After from the route itself.
export const headers = rateLimitHeaders;

export async function action(args: ActionFunctionArgs) {
  const session = await requireRecentAuthentication(args, setupAllowed);
  const { request, context } = args;
  const formData = await request.formData();
  const origin = requestOrigin(request, context);
  switch (formData.get("intent")) {
    case "start":
      await beginTwoFactorSetup(context.db, session.user.id);
      return redirect("/account/two-factor");
    case "confirm": {
      const submission = parseWithZod(formData, { schema: confirmTwoFactorSchema });
      if (submission.status !== "success") return { intent: "confirm" as const, result: boundedReply(submission), recoveryCodes: null };
      const outcome = await withRateLimit(() => confirmTwoFactorSetup(context.db, session, submission.value.code, origin));
      // Nothing pending any more (confirmed in another tab): the page shows where things stand.
      if (!outcome.ok && outcome.reason === "notPending") return redirect("/account/two-factor");
      if (!outcome.ok) return { intent: "confirm" as const, result: refusalReply(submission, outcome, { hideFields: ["code"] }), recoveryCodes: null };
      return { intent: "confirm" as const, result: boundedReply(submission, { resetForm: true }), recoveryCodes: outcome.recoveryCodes };
    }
    case "disable": {
      const submission = parseWithZod(formData, { schema: disableTwoFactorSchema });
      if (submission.status !== "success") return { intent: "disable" as const, result: boundedReply(submission, { hideFields: ["password"] }), recoveryCodes: null };
      const outcome = await withRateLimit(() => disableTwoFactor(context.db, session, submission.value, origin));
      if (!outcome.ok) return { intent: "disable" as const, result: refusalReply(submission, outcome, { hideFields: ["password"] }), recoveryCodes: null };
      return redirect("/account?notice=twoFactorDisabled");
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function TwoFactor() {
  const { t } = useTranslation(["account", "auth"]);
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [confirmForm, confirmFields] = useForm({
    id: "confirm-two-factor",
    lastResult: actionData?.intent === "confirm" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmTwoFactorSchema }),
    shouldValidate: "onSubmit",
  });
  const [disableForm, disableFields] = useForm({
    id: "disable-two-factor",
    lastResult: actionData?.intent === "disable" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: disableTwoFactorSchema }),
    shouldValidate: "onSubmit",
  });
  const recoveryCodes = actionData?.recoveryCodes;
  return (
    <section className="mx-auto max-w-2xl" aria-labelledby="tf-title">
      <h1 id="tf-title" className="mb-6 text-3xl font-bold">
        {t("twoFactor.title")}
      </h1>
      {data.required && !data.enabled ? <Notice>{t("twoFactor.requiredForStaff")}</Notice> : null}
      {recoveryCodes ? (
        <div>
          <Notice tone="success">{t("twoFactor.enabledNow")}</Notice>
          <h2 className="mb-2 text-xl font-semibold">{t("twoFactor.recoveryTitle")}</h2>
          <p className="mb-4">{t("twoFactor.recoveryIntro")}</p>
          <ul aria-label={t("twoFactor.recoveryTitle")} className="mb-6 grid max-w-md grid-cols-2 gap-2 font-mono text-lg">
            {recoveryCodes.map((code) => (
              <li key={code} className="rounded bg-slate-100 px-3 py-1">
                {code}
              </li>
            ))}
          </ul>
          <Link to="/account">{t("twoFactor.continue")}</Link>
        </div>
      ) : data.enabled ? (
        <>
          <p className="mb-6">{t("twoFactor.isEnabled")}</p>
          <h2 className="mb-2 text-xl font-semibold">{t("twoFactor.disableTitle")}</h2>
          <Form method="post" {...getFormProps(disableForm)}>
            <FormErrors id={disableForm.errorId} errors={disableForm.errors} />
            <input type="hidden" name="intent" value="disable" />
            <Field
              label={t("auth:fields.password")}
              errors={disableFields.password.errors}
              inputProps={{ ...getInputProps(disableFields.password, { type: "password" }), autoComplete: "current-password" }}
            />
            <Field
              label={t("auth:fields.code")}
              errors={disableFields.code.errors}
              inputProps={{ ...getInputProps(disableFields.code, { type: "text" }), autoComplete: "one-time-code" }}
            />
            <SubmitButton>{t("twoFactor.disable")}</SubmitButton>
          </Form>
        </>
      ) : data.setup ? (
        <>
          <ol className="mb-6 list-decimal space-y-2 pl-6">
            <li>{t("twoFactor.step1")}</li>
            <li>{t("twoFactor.step2")}</li>
          </ol>
          <img src={data.setup.qrCode} alt={t("twoFactor.qrAlt")} width={200} height={200} className="mb-4 border border-slate-300" />
          <p className="mb-6">
            {t("twoFactor.secretLabel")}{" "}
            <code data-testid="totp-secret" className="break-all rounded bg-slate-100 px-2 py-1 font-mono">
              {data.setup.secret}
            </code>
          </p>
          <Form method="post" {...getFormProps(confirmForm)}>
            <FormErrors id={confirmForm.errorId} errors={confirmForm.errors} />
            <input type="hidden" name="intent" value="confirm" />
            <Field
              label={t("auth:fields.code")}
              errors={confirmFields.code.errors}
              inputProps={{ ...getInputProps(confirmFields.code, { type: "text" }), autoComplete: "one-time-code", inputMode: "numeric" }}
            />
            <SubmitButton>{t("twoFactor.confirm")}</SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <p className="mb-6">{t("twoFactor.intro")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            <SubmitButton>{t("twoFactor.start")}</SubmitButton>
          </Form>
        </>
      )}
    </section>
  );
}
