// The leads' meeting form (post and change): plain HTML controls that work without JavaScript,
// with the same zod schema checking them in the browser as on the server. Times are typed as
// the meeting's local wall-clock time in the chosen IANA zone.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { ErrorList, FormErrors, SubmitButton } from "~/components/forms";
import { MEETING_AGENDA_MAX, MEETING_PLACE_MAX, MEETING_TITLE_MAX, MEETING_URL_MAX, meetingSchema } from "~/domain/coalitions/meeting-schema";

const control = "mt-1 block w-full max-w-2xl rounded border border-slate-500 px-3 py-2 aria-[invalid]:border-red-700";

export interface MeetingFormDefaults {
  title?: string;
  timeZone?: string;
  startsAt?: string;
  endsAt?: string;
  place?: string;
  onlineUrl?: string;
  agenda?: string;
}

function Labelled({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors?: string[]; children: ReactNode }) {
  return (
    <div className="mb-5">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {children}
      <ErrorList id={`${id}-error`} errors={errors} ns="meetings" />
    </div>
  );
}

const describedBy = (id: string, errors: string[] | undefined, hint: boolean) =>
  [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

export function MeetingForm({
  id,
  lastResult,
  defaultValue,
  timeZones,
  submitLabel,
  children,
}: {
  id: string;
  lastResult?: SubmissionResult<string[]>;
  defaultValue: MeetingFormDefaults;
  timeZones: string[];
  submitLabel: string;
  /** Hidden fields of the page (intent, version). */
  children?: ReactNode;
}) {
  const { t } = useTranslation("meetings");
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: meetingSchema() }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4">
      {children}
      <FormErrors errors={form.errors} ns="meetings" />
      <Labelled id={fields.title.id} label={t("form.title")} errors={fields.title.errors}>
        <input {...getInputProps(fields.title, { type: "text" })} maxLength={MEETING_TITLE_MAX} aria-describedby={describedBy(fields.title.id, fields.title.errors, false)} className={control} />
      </Labelled>
      <Labelled id={fields.timeZone.id} label={t("form.timeZone")} hint={t("form.timeZoneHint")} errors={fields.timeZone.errors}>
        <select {...getSelectProps(fields.timeZone)} aria-describedby={describedBy(fields.timeZone.id, fields.timeZone.errors, true)} className={control}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, " ")}
            </option>
          ))}
        </select>
      </Labelled>
      <div className="grid max-w-2xl gap-x-6 sm:grid-cols-2">
        <Labelled id={fields.startsAt.id} label={t("form.startsAt")} hint={t("form.timeHint")} errors={fields.startsAt.errors}>
          <input {...getInputProps(fields.startsAt, { type: "datetime-local" })} aria-describedby={describedBy(fields.startsAt.id, fields.startsAt.errors, true)} className={control} />
        </Labelled>
        <Labelled id={fields.endsAt.id} label={t("form.endsAt")} hint={t("form.timeHint")} errors={fields.endsAt.errors}>
          <input {...getInputProps(fields.endsAt, { type: "datetime-local" })} aria-describedby={describedBy(fields.endsAt.id, fields.endsAt.errors, true)} className={control} />
        </Labelled>
      </div>
      <Labelled id={fields.place.id} label={t("form.place")} hint={t("form.placeHint")} errors={fields.place.errors}>
        <input {...getInputProps(fields.place, { type: "text" })} maxLength={MEETING_PLACE_MAX} aria-describedby={describedBy(fields.place.id, fields.place.errors, true)} className={control} />
      </Labelled>
      <Labelled id={fields.onlineUrl.id} label={t("form.onlineUrl")} hint={t("form.onlineUrlHint")} errors={fields.onlineUrl.errors}>
        <input {...getInputProps(fields.onlineUrl, { type: "url" })} maxLength={MEETING_URL_MAX} aria-describedby={describedBy(fields.onlineUrl.id, fields.onlineUrl.errors, true)} className={control} />
      </Labelled>
      <Labelled id={fields.agenda.id} label={t("form.agenda")} hint={t("form.agendaHint")} errors={fields.agenda.errors}>
        <textarea {...getTextareaProps(fields.agenda)} rows={6} maxLength={MEETING_AGENDA_MAX} aria-describedby={describedBy(fields.agenda.id, fields.agenda.errors, true)} className={control} />
      </Labelled>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
