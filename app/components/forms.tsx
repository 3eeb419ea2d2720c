// Form building blocks: every field has a visible label, its errors are linked with
// aria-describedby and announced, and everything works as a plain HTML form.
import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { HONEYPOT_FIELD } from "~/auth/honeypot";

type ErrorKeys = readonly string[] | undefined;

/** Error messages are i18n keys from the shared schemas, translated in the reader's language. */
export function ErrorList({ id, errors, ns = "auth" }: { id?: string; errors: ErrorKeys; ns?: string }) {
  const { t } = useTranslation(ns);
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-1 text-sm font-medium text-red-800">
      {errors.map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ul>
  );
}

export function Field({
  label,
  hint,
  errors,
  inputProps,
  ns,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors: ErrorKeys;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id?: string; key?: string | null };
  ns?: string;
}) {
  const fallbackId = useId();
  const { key, ...rest } = inputProps;
  const id = rest.id ?? fallbackId;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <input
        key={key ?? undefined}
        {...rest}
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full max-w-md rounded border border-slate-500 px-3 py-2 aria-[invalid]:border-red-700"
      />
      <ErrorList id={errorId} errors={errors} ns={ns} />
    </div>
  );
}

/** Errors about the whole form (wrong password, expired link), announced when they appear. */
export function FormErrors({ id, errors, ns }: { id?: string; errors: ErrorKeys; ns?: string }) {
  if (!errors?.length) return null;
  return (
    <div role="alert" className="mb-4 rounded border border-red-700 bg-red-50 p-3">
      <ErrorList id={id} errors={errors} ns={ns} />
    </div>
  );
}

export function SubmitButton({ children, pending }: { children: ReactNode; pending?: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
    >
      {children}
    </button>
  );
}

/** Hidden from people and assistive technology; filled only by bots. */
export function Honeypot() {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label>
        Website
        <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" }) {
  return (
    <div
      role="status"
      className={`mb-4 rounded border p-3 ${tone === "success" ? "border-green-700 bg-green-50 text-green-900" : "border-brand-600 bg-brand-50 text-brand-900"}`}
    >
      {children}
    </div>
  );
}
