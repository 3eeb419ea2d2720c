// The meeting form's one schema, used by the browser (conform) and the server action alike.
// It turns "15:00 on 19 January in Europe/Paris" into UTC instants and refuses what no meeting
// is: unknown zones, an end before the start, a time the zone's clocks skip, dates decades away.
// Error messages are i18n keys in the "meetings" namespace.
import { z } from "zod";
import { canonicalTimeZone, zonedInstant } from "./meeting-time";
import { clean } from "./schemas";

export const MEETING_TITLE_MAX = 200;
export const MEETING_PLACE_MAX = 300;
export const MEETING_URL_MAX = 500;
export const MEETING_AGENDA_MAX = 10_000;
/** Also a check constraint in the database: the index of upcoming meetings relies on it. */
export const MEETING_MAX_DAYS = 14;
/** Meetings are posted at most this far ahead. */
export const MEETING_HORIZON_YEARS = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

const requiredText = (max: number, requiredKey: string) =>
  z
    .string({ required_error: requiredKey })
    .transform(clean)
    .refine((v) => v.length > 0, requiredKey)
    .refine((v) => v.length <= max, "errors.tooLong");

// Conform sends an empty field as absent.
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => clean(v ?? ""))
    .refine((v) => v.length <= max, "errors.tooLong");

const wall = (requiredKey: string) => z.string({ required_error: requiredKey }).trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "errors.dateInvalid");

export interface MeetingValues {
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string | null;
  onlineUrl: string | null;
  agenda: string;
}

/** `now` is the moment of posting: a meeting starts after it and within five years of it. */
export function meetingSchema(now: Date = new Date()) {
  return z
    .object({
      title: requiredText(MEETING_TITLE_MAX, "errors.titleRequired"),
      timeZone: z.string({ required_error: "errors.timeZoneRequired" }).trim().refine((v) => canonicalTimeZone(v) !== null, "errors.timeZoneUnknown"),
      startsAt: wall("errors.startRequired"),
      endsAt: wall("errors.endRequired"),
      place: optionalText(MEETING_PLACE_MAX),
      onlineUrl: optionalText(MEETING_URL_MAX).refine((v) => v === "" || isWebAddress(v), "errors.onlineUrlInvalid"),
      agenda: optionalText(MEETING_AGENDA_MAX),
    })
    .superRefine((v, ctx) => {
      const zone = canonicalTimeZone(v.timeZone) ?? "UTC";
      const start = zonedInstant(v.startsAt, zone);
      const end = zonedInstant(v.endsAt, zone);
      if (!start) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "errors.timeNotInZone" });
      if (!end) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors.timeNotInZone" });
      if (!v.place && !v.onlineUrl) ctx.addIssue({ code: "custom", path: ["place"], message: "errors.placeOrLinkRequired" });
      if (!start || !end) return;
      if (start.getTime() <= now.getTime()) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "errors.startInPast" });
      const horizon = new Date(now);
      horizon.setUTCFullYear(horizon.getUTCFullYear() + MEETING_HORIZON_YEARS);
      if (start.getTime() > horizon.getTime()) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "errors.startTooFar" });
      if (end.getTime() <= start.getTime()) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors.endBeforeStart" });
      else if (end.getTime() - start.getTime() > MEETING_MAX_DAYS * DAY_MS) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors.tooLongMeeting" });
    })
    .transform(
      (v): MeetingValues => {
        const timeZone = canonicalTimeZone(v.timeZone) ?? "UTC";
        return {
          title: v.title,
          timeZone,
          startsAt: zonedInstant(v.startsAt, timeZone) ?? new Date(NaN),
          endsAt: zonedInstant(v.endsAt, timeZone) ?? new Date(NaN),
          place: v.place || null,
          onlineUrl: v.onlineUrl || null,
          agenda: v.agenda,
        };
      },
    );
}

// Only web addresses: a "javascript:" or "data:" link must never reach a participant's page.
function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Cancelling notifies every participant: the lead ticks a box to say they mean it. */
export const meetingCancelSchema = z.object({
  confirm: z.literal("yes", { errorMap: () => ({ message: "errors.confirmCancel" }) }),
});
