// The fields of an initiative's text, shared by the proposal form and the leads' edit form.
// Plain HTML controls with visible labels and linked error messages (conform fields).
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { ErrorList } from "~/components/forms";
import { locales } from "~/db/schema";
import { axes, themes } from "~/domain/public-values";

const control = "mt-1 block w-full max-w-2xl rounded border border-slate-500 px-3 py-2 aria-[invalid]:border-red-700";

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
      <ErrorList id={`${id}-error`} errors={errors} ns="coalitions" />
    </div>
  );
}

// Any form whose schema has these fields: the proposal form and the leads' edit form.
// biome-ignore lint/suspicious/noExplicitAny: the form's own schema type varies by page
type AnyField = FieldMetadata<any, any, string[]>;
type TextFields = Record<"title" | "summary" | "description" | "goals" | "axis" | "theme" | "joinPolicy" | "language", AnyField>;

const describedBy = (field: AnyField, hint: boolean) =>
  [hint ? `${field.id}-hint` : null, field.errors?.length ? `${field.id}-error` : null].filter(Boolean).join(" ") || undefined;

export function InitiativeTextFields({ fields }: { fields: TextFields }) {
  const { t } = useTranslation(["coalitions", "common"]);
  return (
    <>
      <Labelled id={fields.title.id} label={t("form.title")} errors={fields.title.errors}>
        <input {...getInputProps(fields.title, { type: "text" })} aria-describedby={describedBy(fields.title, false)} className={control} />
      </Labelled>
      <Labelled id={fields.summary.id} label={t("form.summary")} hint={t("form.summaryHint")} errors={fields.summary.errors}>
        <textarea {...getTextareaProps(fields.summary)} rows={3} maxLength={500} aria-describedby={describedBy(fields.summary, true)} className={control} />
      </Labelled>
      <Labelled id={fields.description.id} label={t("form.description")} hint={t("form.plainTextHint")} errors={fields.description.errors}>
        <textarea {...getTextareaProps(fields.description)} rows={8} aria-describedby={describedBy(fields.description, true)} className={control} />
      </Labelled>
      <Labelled id={fields.goals.id} label={t("form.goals")} errors={fields.goals.errors}>
        <textarea {...getTextareaProps(fields.goals)} rows={4} aria-describedby={describedBy(fields.goals, false)} className={control} />
      </Labelled>
      <Labelled id={fields.axis.id} label={t("common:labels.axis")} errors={fields.axis.errors}>
        <select {...getSelectProps(fields.axis)} aria-describedby={describedBy(fields.axis, false)} className={control}>
          <option value="">{t("form.choose")}</option>
          {axes.map((a) => (
            <option key={a} value={a}>
              {t(`common:axis.${a}`)}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id={fields.theme.id} label={t("common:labels.theme")} errors={fields.theme.errors}>
        <select {...getSelectProps(fields.theme)} aria-describedby={describedBy(fields.theme, false)} className={control}>
          <option value="">{t("form.choose")}</option>
          {themes.map((theme) => (
            <option key={theme} value={theme}>
              {t(`common:theme.${theme}`)}
            </option>
          ))}
        </select>
      </Labelled>
      <fieldset className="mb-5">
        <legend className="font-medium">{t("form.joinPolicy")}</legend>
        {(["open", "approval"] as const).map((policy) => (
          <label key={policy} className="mt-1 flex items-center gap-2">
            <input type="radio" name={fields.joinPolicy.name} value={policy} defaultChecked={(fields.joinPolicy.initialValue ?? "open") === policy} />
            {t(`form.policy.${policy}`)}
          </label>
        ))}
        <ErrorList errors={fields.joinPolicy.errors} ns="coalitions" />
      </fieldset>
      <Labelled id={fields.language.id} label={t("form.language")} errors={fields.language.errors}>
        <select {...getSelectProps(fields.language)} aria-describedby={describedBy(fields.language, false)} className={control}>
          {locales.map((l) => (
            <option key={l} value={l}>
              {t(`form.languages.${l}`)}
            </option>
          ))}
        </select>
      </Labelled>
    </>
  );
}
