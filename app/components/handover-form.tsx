// The lead's one-step handover on /initiatives/:slug/manage: choose the participating actor that
// takes the lead, and whether the actor handing over becomes a supporter or stays co-lead. Kept
// apart from the manage route, which other sections share. A plain form: works without JavaScript.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { handoverSchema } from "~/domain/coalitions/handover-schema";
import { ErrorList, FormErrors, Notice, SubmitButton } from "./forms";

export const HANDOVER_NOTICES = ["handedOver"] as const;
export const HANDOVER_PROBLEMS = ["notParticipant", "alreadyLead", "sameActor", "noRepresentative"] as const;

interface Props {
  /** The leading actors the reader represents: one of them hands over. */
  mine: { actorId: string; name: string }[];
  /** Actors taking part as supporters, any of which may take the lead. */
  candidates: { id: string; name: string }[];
  lastResult?: SubmissionResult<string[]>;
}

export function HandoverForm({ mine, candidates, lastResult }: Props) {
  const { t } = useTranslation("coalitionWork");
  const [searchParams] = useSearchParams();
  const notice = searchParams.get("handover");
  const [form, fields] = useForm({
    id: "handover",
    lastResult,
    defaultValue: { fromActorId: mine[0]?.actorId, afterwards: "supporter" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: handoverSchema }),
    shouldValidate: "onSubmit",
  });
  if (mine.length === 0) return null;
  const select = "mt-1 block w-full max-w-md rounded border border-slate-500 px-3 py-2 aria-[invalid]:border-red-700";
  return (
    <div className="mt-6 rounded-lg border border-slate-300 p-5">
      <h3 id="handover-heading" className="text-xl font-semibold">
        {t("handover.heading")}
      </h3>
      {notice === "handedOver" ? <Notice tone="success">{t("handover.notice.handedOver")}</Notice> : null}
      {(HANDOVER_PROBLEMS as readonly string[]).includes(notice ?? "") ? <FormErrors errors={[`handover.problem.${notice}`]} ns="coalitionWork" /> : null}
      <p id="handover-intro" className="mt-1 max-w-2xl">
        {t("handover.intro")}
      </p>
      {candidates.length === 0 ? (
        <p className="mt-3 text-slate-700">{t("handover.noCandidates")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} aria-labelledby="handover-heading" aria-describedby="handover-intro" className="mt-3 space-y-4">
          <input type="hidden" name="intent" value="handOver" />
          <FormErrors id={form.errorId} errors={form.errors} ns="coalitionWork" />
          {mine.length === 1 ? (
            <input type="hidden" name={fields.fromActorId.name} value={mine[0]!.actorId} />
          ) : (
            <div>
              <label htmlFor={fields.fromActorId.id} className="block font-medium">
                {t("handover.from")}
              </label>
              <select
                id={fields.fromActorId.id}
                name={fields.fromActorId.name}
                defaultValue={fields.fromActorId.initialValue}
                aria-invalid={fields.fromActorId.errors ? true : undefined}
                aria-describedby={fields.fromActorId.errors ? fields.fromActorId.errorId : undefined}
                className={select}
              >
                {mine.map((l) => (
                  <option key={l.actorId} value={l.actorId}>
                    {l.name}
                  </option>
                ))}
              </select>
              <ErrorList id={fields.fromActorId.errorId} errors={fields.fromActorId.errors} ns="coalitionWork" />
            </div>
          )}
          <div>
            <label htmlFor={fields.toActorId.id} className="block font-medium">
              {t("handover.to")}
            </label>
            <p id={`${fields.toActorId.id}-hint`} className="text-sm text-slate-700">
              {t("handover.toHint")}
            </p>
            <select
              id={fields.toActorId.id}
              name={fields.toActorId.name}
              defaultValue={fields.toActorId.initialValue ?? ""}
              aria-invalid={fields.toActorId.errors ? true : undefined}
              aria-describedby={`${fields.toActorId.id}-hint${fields.toActorId.errors ? ` ${fields.toActorId.errorId}` : ""}`}
              className={select}
            >
              <option value="">{t("handover.choose")}</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <ErrorList id={fields.toActorId.errorId} errors={fields.toActorId.errors} ns="coalitionWork" />
          </div>
          <fieldset aria-describedby={fields.afterwards.errors ? fields.afterwards.errorId : undefined}>
            <legend className="font-medium">{t("handover.then", { actor: mine.length === 1 ? mine[0]!.name : t("handover.yourActor") })}</legend>
            {(["supporter", "colead"] as const).map((value) => (
              <div key={value} className="mt-1 flex items-center gap-2">
                <input
                  type="radio"
                  id={`handover-afterwards-${value}`}
                  name={fields.afterwards.name}
                  value={value}
                  defaultChecked={(fields.afterwards.initialValue ?? "supporter") === value}
                  className="h-4 w-4"
                />
                <label htmlFor={`handover-afterwards-${value}`}>{t(`handover.thenOptions.${value}`)}</label>
              </div>
            ))}
            <ErrorList id={fields.afterwards.errorId} errors={fields.afterwards.errors} ns="coalitionWork" />
          </fieldset>
          <SubmitButton>{t("handover.submit")}</SubmitButton>
        </Form>
      )}
    </div>
  );
}
