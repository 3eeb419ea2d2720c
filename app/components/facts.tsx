import type { ReactNode } from "react";

/** The "key facts" box beside an initiative or an actor. */
export function Facts({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <aside aria-labelledby={id} className="self-start rounded-lg border border-slate-200 bg-slate-50 p-5">
      <h2 id={id} className="text-xl font-semibold">
        {heading}
      </h2>
      <dl className="mt-2 divide-y divide-slate-200">{children}</dl>
    </aside>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-2">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
