// The form fields the membership pages need besides a plain input (forms.tsx): a select, a
// text area and a group of radio buttons, each with a visible label, a hint and its errors
// linked through aria-describedby, working as plain HTML.
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { ErrorList } from "./forms";

const control = "mt-1 block w-full max-w-xl rounded border border-slate-500 bg-white px-3 py-2 aria-[invalid]:border-red-700";

function describedBy(id: string, hint: ReactNode, errors: readonly string[] | undefined) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

interface Common {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors: readonly string[] | undefined;
  ns?: string;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="text-sm text-slate-700">
      {hint}
    </p>
  ) : null;
}

export function SelectBox({
  id,
  label,
  hint,
  errors,
  ns,
  selectProps,
  placeholder,
  options,
}: Common & {
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { key?: string | null };
  placeholder?: string;
  options: readonly { value: string; label: string }[];
}) {
  const { key, ...rest } = selectProps;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <select
        key={key ?? undefined}
        {...rest}
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={control}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={`${id}-error`} errors={errors} ns={ns} />
    </div>
  );
}

export function TextArea({
  id,
  label,
  hint,
  errors,
  ns,
  textareaProps,
}: Common & { textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { key?: string | null } }) {
  const { key, ...rest } = textareaProps;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <textarea
        key={key ?? undefined}
        rows={4}
        {...rest}
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={control}
      />
      <ErrorList id={`${id}-error`} errors={errors} ns={ns} />
    </div>
  );
}

export function RadioGroup({
  id,
  name,
  legend,
  errors,
  ns,
  options,
  defaultValue,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  errors: readonly string[] | undefined;
  ns?: string;
  options: readonly { value: string; label: ReactNode; hint?: ReactNode }[];
  defaultValue?: string;
}) {
  return (
    <fieldset className="mb-4" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 space-y-2">
        {options.map((o) => (
          <div key={o.value} className="flex items-start gap-2">
            <input
              type="radio"
              id={`${id}-${o.value}`}
              name={name}
              value={o.value}
              defaultChecked={defaultValue === o.value}
              aria-invalid={errors?.length ? true : undefined}
              className="mt-1.5 h-4 w-4"
            />
            <label htmlFor={`${id}-${o.value}`}>
              {o.label}
              {o.hint ? <span className="block text-sm text-slate-700">{o.hint}</span> : null}
            </label>
          </div>
        ))}
      </div>
      <ErrorList id={`${id}-error`} errors={errors} ns={ns} />
    </fieldset>
  );
}
