// The coalition as of a date, from its events alone.
import { describe, expect, it } from "vitest";
import { coalitionAsOf, parseAsOf, type HistoryEvent } from "~/domain/coalitions/history";

const at = (iso: string) => new Date(iso);
const event = (actorId: string, status: HistoryEvent["status"], when: string, role: HistoryEvent["role"] = "supporter"): HistoryEvent => ({
  actorId,
  status,
  role,
  occurredAt: at(when),
});

describe("coalitionAsOf", () => {
  const events = [
    event("fra", "active", "2019-01-01T00:00:00Z", "lead"),
    event("deu", "requested", "2019-02-01T00:00:00Z"),
    event("deu", "active", "2019-03-01T00:00:00Z"),
    event("deu", "withdrawn", "2020-01-01T00:00:00Z"),
    event("deu", "active", "2021-01-01T00:00:00Z"),
    event("fra", "active", "2022-01-01T00:00:00Z", "supporter"),
  ];

  it("counts only the last event of each actor up to the date", () => {
    expect(coalitionAsOf(events, at("2019-02-15T00:00:00Z")).map((m) => m.actorId)).toEqual(["fra"]);
    expect(coalitionAsOf(events, at("2019-06-01T00:00:00Z")).map((m) => m.actorId)).toEqual(["fra", "deu"]);
    expect(coalitionAsOf(events, at("2020-06-01T00:00:00Z")).map((m) => m.actorId)).toEqual(["fra"]);
  });

  it("dates a rejoined actor from its return, and keeps a lead's date when its role changes", () => {
    const later = coalitionAsOf(events, at("2023-01-01T00:00:00Z"));
    expect(later).toEqual([
      { actorId: "fra", role: "supporter", since: at("2019-01-01T00:00:00Z") },
      { actorId: "deu", role: "supporter", since: at("2021-01-01T00:00:00Z") },
    ]);
  });

  it("before anything happened, no one", () => {
    expect(coalitionAsOf(events, at("2018-01-01T00:00:00Z"))).toEqual([]);
  });
});

describe("parseAsOf", () => {
  it("takes a calendar date to the end of that day, UTC", () => {
    expect(parseAsOf("2020-01-01")?.toISOString()).toBe("2020-01-01T23:59:59.999Z");
  });
  it("refuses anything else", () => {
    for (const bad of [null, "", "2020-02-30", "2020-1-01", "01/01/2020", "2020-01-01T00:00"]) expect(parseAsOf(bad)).toBeNull();
  });
});
