// Meetings as every page shows them: the time in the meeting's own zone with its name ("19
// January 2027, 15:00–17:00 (Europe/Paris, CET)"), the UTC instant in a <time> element, and,
// once the page runs in a browser whose zone differs, the reader's local time too. Without
// JavaScript the visitor's zone is unknown, so the UTC equivalent is printed instead.
import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { formatMeetingRange, formatMeetingWhen } from "~/domain/coalitions/meeting-time";
import { Paragraphs } from "./paragraphs";

export interface MeetingData {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string | null;
  online: boolean;
  agenda: string;
  cancelled: boolean;
  /** Only for representatives of participating actors (and leads); never in public data. */
  onlineUrl?: string | null;
  /** Shown on lists across initiatives. */
  initiative?: { slug: string; title: string };
}

/** The reader's own zone, known only in the browser (after hydration). */
function useBrowserTimeZone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    setZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? null);
  }, []);
  return zone;
}

export function MeetingWhen({ meeting }: { meeting: Pick<MeetingData, "startsAt" | "endsAt" | "timeZone"> }) {
  const { t, i18n } = useTranslation("meetings");
  const browserZone = useBrowserTimeZone();
  const locale = i18n.language;
  const local = browserZone && browserZone !== meeting.timeZone ? formatMeetingWhen(locale, meeting.startsAt, meeting.endsAt, browserZone) : null;
  return (
    <>
      <p className="text-slate-800">
        {/* The browser's time-zone data may name a zone differently from the server's ("CET" or "GMT+1"). */}
        <time dateTime={meeting.startsAt.toISOString()} suppressHydrationWarning>
          {formatMeetingWhen(locale, meeting.startsAt, meeting.endsAt, meeting.timeZone)}
        </time>
      </p>
      {local ? (
        <p className="text-sm text-slate-700">{t("list.yourTime", { when: local })}</p>
      ) : browserZone === null && meeting.timeZone !== "UTC" ? (
        <p className="text-sm text-slate-700" suppressHydrationWarning>{t("list.utcTime", { when: formatMeetingRange(locale, meeting.startsAt, meeting.endsAt, "UTC") })}</p>
      ) : null}
    </>
  );
}

export function CancelledBadge() {
  const { t } = useTranslation("meetings");
  return <span className="ml-2 inline-flex items-center rounded-full bg-red-100 px-3 py-0.5 text-sm font-medium text-red-900">{t("list.cancelled")}</span>;
}

export function MeetingList({ meetings, emptyText, headingLevel = 4 }: { meetings: MeetingData[]; emptyText: string; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation("meetings");
  if (meetings.length === 0) return <p className="mt-2 text-slate-700">{emptyText}</p>;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <ul className="mt-3 space-y-4">
      {meetings.map((meeting) => (
        <li key={meeting.id} id={`meeting-${meeting.id}`} className={`rounded-lg border p-4 ${meeting.cancelled ? "border-red-200 bg-red-50/40" : "border-slate-200"}`}>
          <Heading className="text-lg font-semibold">
            <span className={meeting.cancelled ? "line-through decoration-1" : undefined}>{meeting.title}</span>
            {meeting.cancelled ? <CancelledBadge /> : null}
          </Heading>
          {meeting.initiative ? (
            <p className="text-slate-700">
              <Link to={`/initiatives/${meeting.initiative.slug}`}>{meeting.initiative.title}</Link>
            </p>
          ) : null}
          <MeetingWhen meeting={meeting} />
          {meeting.place ? <p className="text-slate-800">{t("list.place", { place: meeting.place })}</p> : null}
          {meeting.online ? (
            meeting.onlineUrl && !meeting.cancelled ? (
              <p className="text-slate-800">
                {t("list.onlineLinkLabel")}{" "}
                <a href={meeting.onlineUrl} rel="noopener noreferrer" className="break-all underline">
                  {meeting.onlineUrl}
                </a>
              </p>
            ) : (
              <p className="text-slate-700">{t("list.online")}</p>
            )
          ) : null}
          {meeting.agenda ? (
            <details className="mt-2">
              <summary className="cursor-pointer font-medium">{t("list.agenda")}</summary>
              <Paragraphs text={meeting.agenda} className="mt-2" />
            </details>
          ) : null}
          {meeting.cancelled ? null : (
            <p className="mt-2 text-sm">
              <a href={`/meetings/${meeting.id}.ics`} download>
                {t("list.addToCalendar")}
                <span className="sr-only"> {t("list.addToCalendarOf", { title: meeting.title })}</span>
              </a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
