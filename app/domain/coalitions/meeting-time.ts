// Meetings happen in a place's own time zone: a lead types "15:00 in Europe/Paris", we store the
// UTC instant and the zone's IANA name. These helpers convert both ways with the platform's Intl
// time-zone data only (no library ships tz data to the browser), and run on server and client.

/** The zone's canonical IANA name, or null when it is not one (offsets like "+01:00" included). */
export function canonicalTimeZone(value: string): string | null {
  if (value.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Every zone this platform knows, UTC first: the choices of the meeting form. */
export function timeZoneChoices(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...zones.filter((z) => z !== "UTC")];
}

// Building an Intl.DateTimeFormat costs far more than using one, and a page of meetings formats
// each one's range four to six times (issue 10: 7 % of an initiative page's CPU went to building
// them): kept per use, locale and zone. Zones are IANA names checked on the way in; the bound
// only guards the process against an unbounded set.
const FORMAT_OPTIONS = {
  wall: { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" },
  day: { dateStyle: "long" },
  time: { timeStyle: "short" },
  zone: { timeZoneName: "short" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const MAX_FORMATTERS = 2000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(use: keyof typeof FORMAT_OPTIONS, locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${use}|${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, ...FORMAT_OPTIONS[use] });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

/** "2027-01-19T15:00": the wall-clock time of an instant in a zone, as a datetime-local input shows it. */
export function wallTime(instant: Date, timeZone: string): string {
  const parts = zoneFormatter("wall", "en-US", timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

function wallToUtcMs(wall: string): number | null {
  const m = WALL.exec(wall);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(ms);
  // 2027-02-30 rolls over into March: not a date anyone meant.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return ms;
}

/**
 * The instant at which the zone's clocks show `wall`, or null for a time that never shows there
 * (the hour skipped when clocks go forward) or a malformed one. When clocks go back, the first
 * of the two instants is taken.
 */
export function zonedInstant(wall: string, timeZone: string): Date | null {
  const naive = wallToUtcMs(wall);
  if (naive === null) return null;
  const offset = (at: number) => (wallToUtcMs(wallTime(new Date(at), timeZone)) ?? at) - at;
  let guess = naive - offset(naive);
  guess = naive - offset(guess);
  const earlier = naive - offset(guess - 3 * 60 * 60 * 1000);
  if (earlier < guess && wallTime(new Date(earlier), timeZone) === wall.slice(0, 16)) guess = earlier;
  return wallTime(new Date(guess), timeZone) === wall.slice(0, 16) ? new Date(guess) : null;
}

/** Intl locale for a portal language: English dates the way international organisations write them ("19 January 2027"). */
export function intlLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}

/** The zone's short name at that instant in the reader's language: "CET", "GMT+1", "UTC−5". */
export function zoneAbbreviation(locale: string, instant: Date, timeZone: string): string {
  const part = zoneFormatter("zone", intlLocale(locale), timeZone).formatToParts(instant).find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/**
 * "19 January 2027, 15:00–17:00" in the meeting's zone (or any other), the end's date repeated
 * only when the meeting runs over several days there.
 */
export function formatMeetingRange(locale: string, start: Date, end: Date, timeZone: string): string {
  const day = (d: Date) => zoneFormatter("day", intlLocale(locale), timeZone).format(d);
  const time = (d: Date) => zoneFormatter("time", intlLocale(locale), timeZone).format(d);
  const sameDay = wallTime(start, timeZone).slice(0, 10) === wallTime(end, timeZone).slice(0, 10);
  return sameDay ? `${day(start)}, ${time(start)}–${time(end)}` : `${day(start)}, ${time(start)} – ${day(end)}, ${time(end)}`;
}

/** The full line shown everywhere: range, then "(Europe/Paris, CET)". */
export function formatMeetingWhen(locale: string, start: Date, end: Date, timeZone: string): string {
  const zone = timeZone === "UTC" ? "UTC" : `${timeZone}, ${zoneAbbreviation(locale, start, timeZone)}`;
  return `${formatMeetingRange(locale, start, end, timeZone)} (${zone})`;
}
