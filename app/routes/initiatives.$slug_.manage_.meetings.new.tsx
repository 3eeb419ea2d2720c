// /initiatives/:slug/manage/meetings/new: a lead posts a meeting; every participant's
// representatives are told by email. Leads only.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { MeetingForm } from "~/components/meeting-form";
import { meetingSchema } from "~/domain/coalitions/meeting-schema";
import { timeZoneChoices } from "~/domain/coalitions/meeting-time";
import { postMeeting } from "~/domain/coalitions/meetings.server";
import { i18nServer } from "~/i18n/i18next.server";
import { boundedReply } from "~/utils/forms.server";
import { requireLeadOfSlug } from "~/utils/initiative-lead.server";
import { requestOrigin } from "~/utils/request.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["meetings"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader(args: LoaderFunctionArgs) {
  const { initiative } = await requireLeadOfSlug(args);
  const t = await i18nServer.getFixedT(args.request, ["meetings", "common"]);
  return {
    initiative: { slug: initiative.slug, title: initiative.title },
    timeZones: timeZoneChoices(),
    title: t("common:pageTitle", { page: t("meetings:form.newHeading") }),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user, initiative } = await requireLeadOfSlug(args);
  const submission = parseWithZod(await args.request.formData(), { schema: meetingSchema() });
  if (submission.status !== "success") return data({ result: boundedReply(submission) }, { status: 400 });
  const by = { userId: user.id, origin: requestOrigin(args.request, args.context), appUrl: args.context.publicUrl };
  const result = await postMeeting(args.context.db, by, initiative.id, submission.value);
  if (!result.ok) throw new Response(result.reason === "notLead" ? "Forbidden" : "Not Found", { status: result.reason === "notLead" ? 403 : 404 });
  return redirect(`/initiatives/${initiative.slug}/manage/meetings?notice=posted`);
}

export default function NewMeeting() {
  const { initiative, timeZones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("meetings");
  return (
    <div className="max-w-3xl">
      <p>
        <Link to={`/initiatives/${initiative.slug}/manage/meetings`}>
          <span aria-hidden="true">← </span>
          {t("manage.heading", { initiative: initiative.title })}
        </Link>
      </p>
      <h1 className="mt-3 text-3xl font-bold">{t("form.newHeading")}</h1>
      <p className="mt-2 text-slate-700">{t("form.newIntro")}</p>
      <MeetingForm id="new-meeting" lastResult={result?.result} defaultValue={{ timeZone: "UTC" }} timeZones={timeZones} submitLabel={t("form.post")} />
    </div>
  );
}
