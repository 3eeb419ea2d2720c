import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireRecentAuthentication, requireVerifiedSession } from "~/auth/permissions.server";
import { profileSchema, revokeSessionSchema } from "~/auth/schemas";
import { isStaffRole, listActiveSessions } from "~/auth/session.server";
import { ErrorList, Field, Notice, SubmitButton } from "~/components/forms";
import { NextStepPanel } from "~/components/next-step";
import { revokeOtherSessions, revokeSession, updateProfile } from "~/domain/accounts/sessions.server";
import { getNextStep } from "~/domain/membership/dashboard.server";
import { supportedLanguages } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { i18nServer, localeCookie } from "~/i18n/i18next.server";
import { visitorLocale } from "~/utils/public-page.server";
import { requestOrigin } from "~/utils/request.server";
import { describeUserAgent } from "~/utils/user-agent";
import { boundedReply } from "~/utils/forms.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["account", "auth", "membership"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const NOTICES = new Set(["passwordChanged", "twoFactorDisabled", "sessionsEnded", "profileSaved"]);

export async function loader(args: LoaderFunctionArgs) {
  const session = await requireVerifiedSession(args);
  const t = await i18nServer.getFixedT(args.request, "account");
  const sessions = await listActiveSessions(args.context.db, session.user.id);
  // Staff review applications; they have none of their own to follow.
  const step = isStaffRole(session.user.role) ? null : await getNextStep(args.context.db, session.user.id, await visitorLocale(args.request));
  return {
    title: t("title"),
    step,
    user: session.user,
    currentSessionId: session.idHash,
    sessions: sessions.map((s) => ({ ...s, device: describeUserAgent(s.userAgent) })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const session = await requireVerifiedSession(args);
  const { request, context } = args;
  const formData = await request.formData();
  const origin = requestOrigin(request, context);
  switch (formData.get("intent")) {
    case "profile": {
      const submission = parseWithZod(formData, { schema: profileSchema });
      if (submission.status !== "success") return boundedReply(submission);
      await updateProfile(context.db, session.user.id, submission.value);
      // The chosen language also becomes the language of the pages.
      return redirect("/account?notice=profileSaved", { headers: { "Set-Cookie": await localeCookie.serialize(submission.value.locale) } });
    }
    // Ending sessions needs the password typed again (ASVS 7.5.2): a stolen session cannot evict its owner.
    case "revoke": {
      await requireRecentAuthentication(args);
      const submission = parseWithZod(formData, { schema: revokeSessionSchema });
      if (submission.status === "success") await revokeSession(context.db, session, submission.value.sessionId, origin);
      return redirect("/account?notice=sessionsEnded");
    }
    case "revoke-others":
      await requireRecentAuthentication(args);
      await revokeOtherSessions(context.db, session, origin);
      return redirect("/account?notice=sessionsEnded");
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function Account() {
  const { t, i18n } = useTranslation(["account", "auth"]);
  const { user, sessions, currentSessionId, step } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const notice = searchParams.get("notice");
  const [form, fields] = useForm({
    id: "profile",
    lastResult,
    defaultValue: { name: user.name, locale: user.locale },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="space-y-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {notice && NOTICES.has(notice) ? <Notice tone="success">{t(`notices.${notice}`)}</Notice> : null}
      {step ? <NextStepPanel step={step} /> : null}

      <section aria-labelledby="profile-title">
        <h2 id="profile-title" className="mb-4 text-2xl font-semibold">
          {t("profile.title")}
        </h2>
        <p className="mb-4">
          {t("common:labelColon", { label: t("profile.email") })} <strong>{user.email}</strong>
        </p>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="profile" />
          <Field label={t("auth:fields.name")} errors={fields.name.errors} inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "name" }} />
          <div className="mb-4">
            <label htmlFor={fields.locale.id} className="block font-medium">
              {t("profile.locale")}
            </label>
            <select {...getSelectProps(fields.locale)} className="mt-1 rounded border border-slate-500 px-3 py-2">
              {supportedLanguages.map((lng) => (
                <option key={lng} value={lng}>
                  {t(`profile.languages.${lng}`)}
                </option>
              ))}
            </select>
            <ErrorList id={fields.locale.errorId} errors={fields.locale.errors} />
          </div>
          <SubmitButton>{t("profile.save")}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="security-title">
        <h2 id="security-title" className="mb-4 text-2xl font-semibold">
          {t("security.title")}
        </h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <Link to="/account/password">{t("security.changePassword")}</Link>
          </li>
          <li>
            <Link to="/account/two-factor">{user.totpEnabled ? t("security.twoFactorOn") : t("security.twoFactorOff")}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="mb-4 text-2xl font-semibold">
          {t("sessions.title")}
        </h2>
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t("sessions.title")}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-2">{t("sessions.device")}</th>
              <th scope="col" className="py-2">{t("sessions.ip")}</th>
              <th scope="col" className="py-2">{t("sessions.lastSeen")}</th>
              <th scope="col" className="py-2"><span className="sr-only">{t("sessions.actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.idHash} className="border-b border-slate-200">
                <td className="py-2">
                  {s.device.browser && s.device.os ? t("sessions.deviceOn", { browser: s.device.browser, os: s.device.os }) : (s.device.browser ?? s.device.os ?? t("sessions.unknownDevice"))}
                </td>
                <td className="py-2">{s.ip ?? "—"}</td>
                <td className="py-2">{formatDateTime(i18n.language, s.lastSeenAt)}</td>
                <td className="py-2">
                  {s.idHash === currentSessionId ? (
                    <strong>{t("sessions.current")}</strong>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="sessionId" value={s.idHash} />
                      <button type="submit" className="underline">{t("sessions.end")}</button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {sessions.length > 1 ? (
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="revoke-others" />
            <SubmitButton>{t("sessions.endOthers")}</SubmitButton>
          </Form>
        ) : null}
      </section>

    </div>
  );
}
