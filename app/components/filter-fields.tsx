import { Form, Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { MAX_SEARCH_LENGTH } from "~/domain/public-values";

const fieldClass = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 text-slate-900";

export function SearchField({ label, hint, defaultValue }: { label: string; hint?: string; defaultValue?: string }) {
  return (
    <div>
      <label htmlFor="filter-q" className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id="filter-q-hint" className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <input
        id="filter-q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={MAX_SEARCH_LENGTH}
        aria-describedby={hint ? "filter-q-hint" : undefined}
        className={fieldClass}
      />
    </div>
  );
}

export function SelectField({
  name,
  label,
  allLabel,
  options,
  defaultValue,
}: {
  name: string;
  label: string;
  allLabel: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block font-medium">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={defaultValue ?? ""} className={fieldClass}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The GET form of a directory: works as a plain HTML form, and as a client navigation with JavaScript. */
export function FilterForm({
  action,
  label,
  columns,
  children,
}: {
  action: string;
  label: string;
  /** Tailwind grid template for wide screens: one column per field, then the buttons. */
  columns: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  // Keyed by the query so fields show the current filters after a client-side navigation too.
  const { search } = useLocation();
  return (
    <Form
      key={search}
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className={`mt-6 grid items-end gap-4 rounded-lg border border-slate-200 bg-slate-50 p-4 ${columns}`}
    >
      {children}
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("filters.apply")}
        </button>
        <Link to={action}>{t("filters.clear")}</Link>
      </div>
    </Form>
  );
}
