// Building blocks of the review pages: a status badge, labelled facts, the domain hint and the
// history tables of a person or an actor.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { formatDate } from "~/i18n/format";

const statusTone: Record<string, string> = {
  pending: "bg-amber-100 text-amber-900",
  approved: "bg-green-100 text-green-900",
  rejected: "bg-red-100 text-red-900",
  revoked: "bg-slate-200 text-slate-900",
  suspended: "bg-red-100 text-red-900",
};

export function StatusBadge({ status, kind }: { status: string; kind: "actor" | "affiliation" }) {
  const { t } = useTranslation("desk");
  return (
    <span className={`inline-flex rounded-full px-3 py-0.5 text-sm font-medium ${statusTone[status] ?? ""}`}>
      {t(kind === "actor" ? `actorStatus.${status}` : `affiliationStatus.${status}`)}
    </span>
  );
}

export function Details({ children }: { children: ReactNode }) {
  return <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">{children}</dl>;
}

/** One label and value; nothing when there is no value. */
export function Detail({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="whitespace-pre-line break-words">{children}</dd>
    </>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The email domain beside the website: a hint for the reviewer, never a rule. */
export function DomainHint({ matches, email, website }: { matches: boolean | null; email: string | null; website: string | null }) {
  const { t } = useTranslation("desk");
  if (matches === null) return <p className="mt-2 text-slate-700">{t("review.domainUnknown")}</p>;
  return (
    <p className={`mt-2 rounded border p-3 ${matches ? "border-green-700 bg-green-50" : "border-amber-600 bg-amber-50"}`}>
      {t(matches ? "review.domainMatches" : "review.domainDiffers", { email, website })}
    </p>
  );
}

export interface HistoryRow {
  id: string;
  href?: string;
  who: string;
  role: string;
  status: string;
  createdAt: Date | string;
  reviewedAt: Date | string | null;
  reviewReason: string | null;
  revokedAt: Date | string | null;
  revokeReason: string | null;
  reviewerName: string | null;
}

export function History({ rows, whoLabel, empty, caption }: { rows: HistoryRow[]; whoLabel: string; empty: string; caption: string }) {
  const { t, i18n } = useTranslation("desk");
  if (rows.length === 0) return <p className="mt-2 text-slate-700">{empty}</p>;
  const date = (value: Date | string | null) => (value ? formatDate(i18n.language, value, { dateStyle: "medium" }) : "");
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-2 pr-3">{whoLabel}</th>
            <th scope="col" className="py-2 pr-3">{t("review.role")}</th>
            <th scope="col" className="py-2 pr-3">{t("review.status")}</th>
            <th scope="col" className="py-2 pr-3">{t("review.applied")}</th>
            <th scope="col" className="py-2 pr-3">{t("review.decision")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-3">{row.href ? <Link to={row.href}>{row.who}</Link> : row.who}</td>
              <td className="py-2 pr-3">{t(`affiliationRole.${row.role}`)}</td>
              <td className="py-2 pr-3">
                <StatusBadge status={row.status} kind="affiliation" />
              </td>
              <td className="py-2 pr-3">{date(row.createdAt)}</td>
              <td className="py-2 pr-3">
                {row.revokedAt ? (
                  <>
                    {t("review.revokedOn", { date: date(row.revokedAt) })}
                    {row.revokeReason ? <span className="block text-sm">“{row.revokeReason}”</span> : null}
                  </>
                ) : row.reviewedAt ? (
                  <>
                    {t("review.decidedOn", { date: date(row.reviewedAt), name: row.reviewerName ?? "—" })}
                    {row.reviewReason ? <span className="block text-sm">“{row.reviewReason}”</span> : null}
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The outcome of the decision just taken (after the redirect), announced to screen readers. */
export function DecidedNotice({ decided }: { decided: string | null }) {
  const { t } = useTranslation("desk");
  if (!decided) return null;
  return (
    <div role="status" className="mt-4 rounded border border-green-700 bg-green-50 p-3">
      {t(`decision.${decided}.done`, { defaultValue: t("decision.done") })}
    </div>
  );
}
