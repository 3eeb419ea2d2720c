// A lead types the meeting's local time in its zone; everyone else reads it back in that zone or
// their own. These conversions use only Intl, so they are checked here against known offsets,
// the two daylight-saving changes, and zones with odd offsets.
import { describe, expect, it } from "vitest";
import { canonicalTimeZone, formatMeetingWhen, timeZoneChoices, wallTime, zonedInstant } from "~/domain/coalitions/meeting-time";

describe("zonedInstant", () => {
  it.each([
    ["2027-01-19T15:00", "Europe/Paris", "2027-01-19T14:00:00.000Z"],
    ["2027-07-19T15:00", "Europe/Paris", "2027-07-19T13:00:00.000Z"],
    ["2027-01-19T10:00", "America/New_York", "2027-01-19T15:00:00.000Z"],
    ["2027-01-19T15:00", "Asia/Kathmandu", "2027-01-19T09:15:00.000Z"],
    ["2027-01-19T09:00", "Pacific/Chatham", "2027-01-18T19:15:00.000Z"],
    ["2027-01-19T15:00", "UTC", "2027-01-19T15:00:00.000Z"],
  ])("%s in %s is %s, and back", (wall, zone, instant) => {
    expect(zonedInstant(wall, zone)?.toISOString()).toBe(instant);
    expect(wallTime(new Date(instant), zone)).toBe(wall);
  });

  it("refuses the hour skipped when clocks go forward, and dates that do not exist", () => {
    expect(zonedInstant("2027-03-28T02:30", "Europe/Paris")).toBeNull();
    expect(zonedInstant("2027-02-29T10:00", "UTC")).toBeNull();
    expect(zonedInstant("2027-01-19 15:00", "UTC")).toBeNull();
  });

  it("takes the first of the two instants when clocks go back", () => {
    expect(zonedInstant("2027-10-31T02:30", "Europe/Paris")?.toISOString()).toBe("2027-10-31T00:30:00.000Z");
  });
});

describe("canonicalTimeZone", () => {
  it("knows IANA names, whatever their case, and nothing else", () => {
    expect(canonicalTimeZone("Europe/Paris")).toBe("Europe/Paris");
    expect(canonicalTimeZone("america/new_york")).toBe("America/New_York");
    // The form's choices are stored as chosen, so the change form shows the same choice again.
    const choices = timeZoneChoices();
    expect(choices.length).toBeGreaterThan(300);
    expect(choices.filter((zone) => canonicalTimeZone(zone) !== zone)).toEqual([]);
    for (const bad of ["Mars/Olympus", "+01:00", "", "Europe/Paris\n", "../etc/passwd", "x".repeat(100)]) expect(canonicalTimeZone(bad)).toBeNull();
  });
});

describe("formatMeetingWhen", () => {
  const start = new Date("2027-01-19T14:00:00Z");
  const end = new Date("2027-01-19T16:00:00Z");
  it("writes the time in the meeting's zone with its name, the way each language writes dates", () => {
    expect(formatMeetingWhen("en", start, end, "Europe/Paris")).toBe("19 January 2027, 15:00–17:00 (Europe/Paris, CET)");
    expect(formatMeetingWhen("fr", start, end, "Europe/Paris")).toMatch(/^19 janvier 2027, 15:00–17:00 \(Europe\/Paris, UTC\+1\)$/);
    expect(formatMeetingWhen("es", start, end, "Europe/Paris")).toMatch(/^19 de enero de 2027, 15:00–17:00 \(Europe\/Paris, CET\)$/);
  });
  it("repeats the date when the meeting ends on another day there", () => {
    expect(formatMeetingWhen("en", new Date("2027-03-09T08:30:00Z"), new Date("2027-03-10T16:00:00Z"), "Africa/Dakar")).toBe(
      "9 March 2027, 08:30 – 10 March 2027, 16:00 (Africa/Dakar, GMT)",
    );
  });
  it("keeps each zone and language apart when a page formats many meetings in turn (its formatters are reused)", () => {
    const lines = () => [
      formatMeetingWhen("en", start, end, "Europe/Paris"),
      formatMeetingWhen("en", start, end, "America/New_York"),
      formatMeetingWhen("fr", start, end, "America/New_York"),
      formatMeetingWhen("en", start, end, "Asia/Kathmandu"),
    ];
    const first = lines();
    expect(first).toEqual([
      "19 January 2027, 15:00–17:00 (Europe/Paris, CET)",
      "19 January 2027, 09:00–11:00 (America/New_York, GMT-5)",
      expect.stringMatching(/^19 janvier 2027, 09:00–11:00 \(America\/New_York, UTC−5\)$/),
      "19 January 2027, 19:45–21:45 (Asia/Kathmandu, GMT+5:45)",
    ]);
    expect(lines()).toEqual(first);
  });
});
