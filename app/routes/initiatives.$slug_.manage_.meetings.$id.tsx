// /initiatives/:slug/manage/meetings/:id: a lead changes or cancels one meeting of their
// initiative; participants' representatives are told by email, and calendars follow (SEQUENCE,
// STATUS:CANCELLED). The meeting must belong to the initiative in the address. Leads only.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { ErrorList } from "~/components/forms";
import { MeetingForm } from "~/components/meeting-form";
import { MeetingWhen } from "~/components/meeting-list";
import { meetingCancelSchema, meetingSchema } from "~/domain/coalitions/meeting-schema";
import { timeZoneChoices, wallTime } from "~/domain/coalitions/meeting-time";
import { cancelMeeting, changeMeeting, meetingForLead } from "~/domain/coalitions/meetings.server";
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

const meetingId = z.string().uuid();

async function guard(args: LoaderFunctionArgs) {
  const { user, initiative } = await requireLeadOfSlug(args);
  const id = meetingId.safeParse(args.params.id);
  const meeting = id.success ? await meetingForLead(args.context.db, initiative.id, id.data) : null;
  if (!meeting) throw new Response("Not Found", { status: 404 });
  return { user, initiative, meeting };
}

export async function loader(args: LoaderFunctionArgs) {
  const { initiative, meeting } = await guard(args);
  const t = await i18nServer.getFixedT(args.request, ["meetings", "common"]);
  return {
    initiative: { slug: initiative.slug, title: initiative.title },
    meeting,
    defaults: {
      title: meeting.title,
      timeZone: meeting.timeZone,
      startsAt: wallTime(meeting.startsAt, meeting.timeZone),
      endsAt: wallTime(meeting.endsAt, meeting.timeZone),
      place: meeting.place ?? "",
      onlineUrl: meeting.onlineUrl ?? "",
      agenda: meeting.agenda,
    },
    timeZones: timeZoneChoices(),
    title: t("common:pageTitle", { page: t("meetings:form.changeHeading", { title: meeting.title }) }),
  };
}

const intent = z.enum(["change", "cancel"]);
const version = z.object({ sequence: z.coerce.number().int().min(0) });

export async function action(args: ActionFunctionArgs) {
  const { user, initiative, meeting } = await guard(args);
  const formData = await args.request.formData();
  const by = { userId: user.id, origin: requestOrigin(args.request, args.context), appUrl: args.context.publicUrl };
  const back = (notice: string) => redirect(`/initiatives/${initiative.slug}/manage/meetings?notice=${notice}`);
  const which = intent.safeParse(formData.get("intent"));
  if (!which.success) throw new Response("Bad Request", { status: 400 });
  if (which.data === "cancel") {
    const confirmed = parseWithZod(formData, { schema: meetingCancelSchema });
    if (confirmed.status !== "success") return data({ intent: "cancel" as const, cancel: boundedReply(confirmed) }, { status: 400 });
    const result = await cancelMeeting(args.context.db, by, { initiativeId: initiative.id, meetingId: meeting.id });
    if (!result.ok) throw new Response(result.reason === "notLead" ? "Forbidden" : "Not Found", { status: result.reason === "notLead" ? 403 : 404 });
    return back("cancelled");
  }
  const submission = parseWithZod(formData, { schema: meetingSchema() });
  if (submission.status !== "success") return data({ intent: "change" as const, result: boundedReply(submission) }, { status: 400 });
  const expected = version.safeParse({ sequence: formData.get("sequence") });
  if (!expected.success) throw new Response("Bad Request", { status: 400 });
  const result = await changeMeeting(args.context.db, by, { initiativeId: initiative.id, meetingId: meeting.id, expectedSequence: expected.data.sequence, values: submission.value });
  if (!result.ok) {
    if (result.reason === "stale" || result.reason === "cancelled") {
      return data({ intent: "change" as const, result: boundedReply(submission, { formErrors: [`errors.${result.reason}`] }) }, { status: 409 });
    }
    throw new Response(result.reason === "notLead" ? "Forbidden" : "Not Found", { status: result.reason === "notLead" ? 403 : 404 });
  }
  return back(result.changed ? "changed" : "unchanged");
}

export default function ChangeMeeting() {
  const { initiative, meeting, defaults, timeZones } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation("meetings");
  const changeResult = reply && "result" in reply ? reply.result : undefined;
  const [cancelForm, cancelFields] = useForm({
    id: "cancel-meeting",
    lastResult: reply && "cancel" in reply ? reply.cancel : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: meetingCancelSchema }),
  });
  const cancelErrors = cancelFields.confirm.errors;
  return (
    <div className="max-w-3xl space-y-10">
      <div>
        <p>
          <Link to={`/initiatives/${initiative.slug}/manage/meetings`}>
            <span aria-hidden="true">← </span>
            {t("manage.heading", { initiative: initiative.title })}
          </Link>
        </p>
        <h1 className="mt-3 text-3xl font-bold">{t("form.changeHeading", { title: meeting.title })}</h1>
        <MeetingWhen meeting={meeting} />
      </div>
      {meeting.cancelled ? (
        <p className="rounded border border-red-700 bg-red-50 p-3 font-medium text-red-900">{t("form.alreadyCancelled")}</p>
      ) : (
        <>
          <section aria-labelledby="change">
            <h2 id="change" className="text-2xl font-semibold">
              {t("form.changeSection")}
            </h2>
            <p className="mt-1 text-slate-700">{t("form.changeIntro")}</p>
            <MeetingForm
              id="change-meeting"
              lastResult={changeResult}
              defaultValue={defaults}
              timeZones={timeZones}
              submitLabel={t("form.save")}
            >
              <input type="hidden" name="intent" value="change" />
              <input type="hidden" name="sequence" value={meeting.sequence} />
            </MeetingForm>
          </section>
          <section aria-labelledby="cancel">
            <h2 id="cancel" className="text-2xl font-semibold">
              {t("form.cancelSection")}
            </h2>
            <p className="mt-1 text-slate-700">{t("form.cancelIntro")}</p>
            <Form method="post" {...getFormProps(cancelForm)} className="mt-3">
              <input type="hidden" name="intent" value="cancel" />
              <label className="flex items-center gap-2">
                <input type="checkbox" name={cancelFields.confirm.name} value="yes" aria-invalid={cancelErrors ? true : undefined} aria-describedby={cancelErrors ? "confirm-error" : undefined} />
                {t("form.cancelConfirm")}
              </label>
              <ErrorList id="confirm-error" errors={cancelErrors} ns="meetings" />
              <button type="submit" className="mt-3 rounded border border-red-800 px-4 py-2 font-semibold text-red-900 hover:bg-red-50">
                {t("form.cancelSubmit")}
              </button>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
