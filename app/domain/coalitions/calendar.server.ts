// iCalendar files of meetings, written by ical-generator (never by hand: it folds long lines and
// escapes commas, semicolons, backslashes and line breaks in every text it embeds).
//
// Times: DTSTART/DTEND are UTC instants (RFC 5545 §3.3.5, form #2). A TZID would need a
// VTIMEZONE block, and ical-generator only writes one through a time-zone data package we do not
// ship; a TZID without it is invalid and some apps then read the time as floating. UTC is exact
// everywhere, and each calendar app shows the event in its user's own zone. The meeting's zone
// is kept for people: in the description's first line and, for a single meeting, X-WR-TIMEZONE.
//
// Calendar apps update an event by its UID and a higher SEQUENCE, and remove it on
// STATUS:CANCELLED, so cancelled meetings stay in the feeds.
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { Locale } from "~/db/schema";
import { i18nServer } from "~/i18n/i18next.server";
import { formatMeetingWhen } from "./meeting-time";
import { meetingPath, type CalendarMeeting } from "./meetings.server";

export interface CalendarOptions {
  /** The calendar's name, as calendar apps list it. */
  name: string;
  /** The portal's public origin (context.publicUrl): the only base of links and of UIDs. */
  publicUrl: string;
  locale: Locale;
  /** A single meeting's file: its zone is named for the whole calendar. */
  single?: boolean;
}

/** Stable across every change: the meeting's id at the portal's host. */
export function meetingUid(meetingId: string, publicUrl: string): string {
  return `${meetingId}@${new URL(publicUrl).host}`;
}

/**
 * ical-generator 10 escapes every event property but writes the calendar's NAME and
 * X-WR-CALNAME as given: a meeting title with a line break could start a property (or an event)
 * of its own. So the name is escaped here as RFC 5545 TEXT, line breaks folded to spaces.
 */
function calendarText(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .trim()
    .replace(/[\\;,]/g, (c) => `\\${c}`);
}

export async function meetingsCalendar(rows: CalendarMeeting[], options: CalendarOptions): Promise<string> {
  const t = await i18nServer.getFixedT(options.locale, "meetings");
  const base = options.publicUrl.replace(/\/$/, "");
  const calendar = ical({
    name: calendarText(options.name),
    prodId: { company: "Alliance Partner Portal", product: "Meetings", language: options.locale.toUpperCase() },
    method: options.single ? ICalCalendarMethod.PUBLISH : undefined,
    url: `${base}/meetings`,
    // Subscribed feeds: ask apps to look again every few hours.
    ttl: options.single ? undefined : 6 * 60 * 60,
  });
  const only = options.single ? rows[0] : undefined;
  if (only) calendar.x([{ key: "X-WR-TIMEZONE", value: only.timeZone }]);
  for (const m of rows) {
    const url = `${base}${meetingPath(m.initiative.slug, m.id)}`;
    const description = [
      t("calendar.when", { when: formatMeetingWhen(options.locale, m.startsAt, m.endsAt, m.timeZone) }),
      t("calendar.initiative", { initiative: m.initiative.title }),
      m.online ? t("calendar.onlineForParticipants") : null,
      m.agenda ? `\n${m.agenda}` : null,
      `\n${url}`,
    ].filter(Boolean);
    calendar.createEvent({
      id: meetingUid(m.id, base),
      sequence: m.sequence,
      start: m.startsAt,
      end: m.endsAt,
      stamp: m.updatedAt,
      created: m.createdAt,
      lastModified: m.updatedAt,
      summary: m.cancelledAt ? t("calendar.cancelledSummary", { title: m.title }) : m.title,
      description: description.join("\n"),
      location: m.place ?? (m.online ? t("calendar.online") : null),
      url,
      status: m.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** The HTTP answer for a calendar: text/calendar in UTF-8, named for download when asked. */
export function calendarResponse(body: string, filename: string, options: { download?: boolean } = {}): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `${options.download ? "attachment" : "inline"}; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
