import { useTranslation } from "react-i18next";
import { formatDate } from "~/i18n/format";
import { Paragraphs } from "./paragraphs";

export interface MeetingData {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  online: boolean;
  agenda: string;
}

const dayAndTime: Intl.DateTimeFormatOptions = { dateStyle: "long", timeStyle: "short" };

// Times are stored and shown in UTC, the one zone every participant can convert from.
function when(locale: string, meeting: MeetingData): string {
  const sameDay = meeting.startsAt.toISOString().slice(0, 10) === meeting.endsAt.toISOString().slice(0, 10);
  const start = formatDate(locale, meeting.startsAt, dayAndTime);
  const end = formatDate(locale, meeting.endsAt, sameDay ? { timeStyle: "short" } : dayAndTime);
  return `${start} – ${end} UTC`;
}

export function MeetingList({ meetings, emptyText }: { meetings: MeetingData[]; emptyText: string }) {
  const { t, i18n } = useTranslation("initiatives");
  if (meetings.length === 0) return <p className="mt-2 text-slate-700">{emptyText}</p>;
  return (
    <ul className="mt-3 space-y-4">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="rounded-lg border border-slate-200 p-4">
          <p className="font-semibold">{meeting.title}</p>
          <p className="text-slate-700">
            <time dateTime={meeting.startsAt.toISOString()}>{when(i18n.language, meeting)}</time>
          </p>
          {meeting.place || meeting.online ? (
            <p className="text-slate-700">
              {[meeting.place, meeting.online ? t("detail.online") : null].filter(Boolean).join(" · ")}
            </p>
          ) : null}
          {meeting.agenda ? (
            <details className="mt-2">
              <summary className="cursor-pointer font-medium">{t("detail.agenda")}</summary>
              <Paragraphs text={meeting.agenda} className="mt-2" />
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
