// One decision as a plain HTML form (works without JavaScript); conform adds client-side checks
// and shows the server's field errors beside the decision they belong to.
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorList, FormErrors } from "~/components/forms";
import { decisionSchema, intentsWithReason, REASON_MAX, type DecisionIntent } from "~/domain/desk/decision-schema";

export interface DecisionReply {
  intent: DecisionIntent;
  result: SubmissionResult<string[]>;
}

const tone: Record<DecisionIntent, string> = {
  approve: "bg-green-800 hover:bg-green-900 text-white",
  reinstate: "bg-green-800 hover:bg-green-900 text-white",
  requestInfo: "bg-brand-700 hover:bg-brand-800 text-white",
  reject: "bg-red-800 hover:bg-red-900 text-white",
  revoke: "bg-red-800 hover:bg-red-900 text-white",
  suspend: "bg-red-800 hover:bg-red-900 text-white",
};

export function DecisionForm({ intent, reply, defaultReason }: { intent: DecisionIntent; reply: DecisionReply | undefined; defaultReason?: string | null }) {
  const { t } = useTranslation("desk");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `decide-${intent}`,
    lastResult: reply?.intent === intent ? reply.result : undefined,
    defaultValue: { intent, reason: defaultReason ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const needsReason = intentsWithReason.includes(intent);
  const errorId = `${fields.reason.id}-error`;
  const hintId = `${fields.reason.id}-hint`;
  return (
    <Form method="post" {...getFormProps(form)} className="rounded-lg border border-slate-200 p-4">
      <h3 className="text-lg font-semibold">{t(`decision.${intent}.title`)}</h3>
      <p className="mt-1 text-sm text-slate-700">{t(`decision.${intent}.hint`)}</p>
      <input type="hidden" name="intent" value={intent} />
      {needsReason ? (
        <div className="mt-3">
          <label htmlFor={fields.reason.id} className="block font-medium">
            {t(`decision.${intent}.reasonLabel`)}
          </label>
          <p id={hintId} className="text-sm text-slate-700">
            {t("decision.reasonHint")}
          </p>
          <textarea
            {...getTextareaProps(fields.reason)}
            rows={3}
            maxLength={REASON_MAX}
            aria-describedby={[hintId, fields.reason.errors?.length ? errorId : null].filter(Boolean).join(" ")}
            className="mt-1 block w-full rounded border border-slate-500 px-3 py-2 aria-[invalid]:border-red-700"
          />
          <ErrorList id={errorId} errors={fields.reason.errors} ns="desk" />
        </div>
      ) : null}
      <button
        type="submit"
        disabled={navigation.state === "submitting"}
        className={`mt-3 rounded px-4 py-2 font-semibold disabled:opacity-70 ${tone[intent]}`}
      >
        {t(`decision.${intent}.submit`)}
      </button>
    </Form>
  );
}

/**
 * A refused decision ("already decided by someone else") shown at the top of the page: after the
 * refusal the page shows the item's new status, and the form that was sent may be gone.
 */
export function DecisionRefused({ reply }: { reply: DecisionReply | undefined }) {
  const errors = reply?.result.error?.[""];
  if (!errors?.length) return null;
  return (
    <div className="mt-4">
      <FormErrors errors={errors} ns="desk" />
    </div>
  );
}
