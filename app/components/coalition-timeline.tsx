// An initiative's public history, newest first, and the form to see the coalition on a past date.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { ParticipationEventKind, ParticipationRole } from "~/db/schema";
import { formatDate, formatNumber } from "~/i18n/format";

export interface TimelineItem {
  actorId: string;
  name: string;
  kind: ParticipationEventKind;
  role: ParticipationRole;
  occurredAt: string | Date;
}

export function CoalitionTimeline({
  items,
  earlier,
  slug,
  asOf,
  asOfInput,
  asOfInvalid,
}: {
  /** Newest first, already cut to the page's length. */
  items: TimelineItem[];
  /** How many older events are not shown. */
  earlier: number;
  slug: string;
  asOf: string | null;
  asOfInput: string;
  asOfInvalid: boolean;
}) {
  const { t, i18n } = useTranslation("coalitions");
  const locale = i18n.language;
  return (
    <section aria-labelledby="timeline" className="mt-10">
      <h2 id="timeline" className="text-2xl font-semibold">
        {t("timeline.heading")}
      </h2>
      <p className="mt-2 text-slate-700">{t("timeline.intro")}</p>
      <Form method="get" action={`/initiatives/${slug}`} className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="as-of" className="block font-medium">
            {t("timeline.asOfLabel")}
          </label>
          <input
            id="as-of"
            name="asOf"
            type="date"
            defaultValue={asOfInput}
            aria-invalid={asOfInvalid || undefined}
            aria-describedby={asOfInvalid ? "as-of-error" : undefined}
            className="mt-1 rounded border border-slate-500 px-3 py-2 aria-[invalid]:border-red-700"
          />
        </div>
        <button type="submit" className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800">
          {t("timeline.asOfSubmit")}
        </button>
        {asOfInvalid ? (
          <p id="as-of-error" className="w-full text-sm font-medium text-red-800">
            {t("timeline.asOfInvalid")}
          </p>
        ) : null}
      </Form>
      {items.length === 0 ? (
        <p className="mt-4">{t("timeline.empty")}</p>
      ) : (
        <ol className="mt-4 space-y-2 border-l-2 border-slate-300 pl-4">
          {items.map((item) => (
            // An actor has at most one event of a kind at one instant (one transaction each).
            <li key={`${item.actorId}-${item.kind}-${new Date(item.occurredAt).getTime()}`}>
              <time dateTime={new Date(item.occurredAt).toISOString()} className="font-medium">
                {formatDate(locale, item.occurredAt)}
              </time>
              {" — "}
              {t(`timeline.${item.kind}_${item.role}`, { actor: item.name })}
            </li>
          ))}
        </ol>
      )}
      {earlier > 0 ? <p className="mt-2 text-slate-700">{t("timeline.more", { count: earlier, n: formatNumber(locale, earlier) })}</p> : null}
      {asOf ? (
        <p className="mt-3">
          <Link to={`/initiatives/${slug}`} className="underline">
            {t("timeline.asOfBack")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
