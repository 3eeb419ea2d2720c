// The coalition as of a date, computed from its participation events alone. Pure, so the rule
// "the last event of each actor up to that date decides" is tested without a database.
import type { ParticipationRole, ParticipationStatus } from "~/db/schema";

export interface HistoryEvent {
  actorId: string;
  status: ParticipationStatus;
  role: ParticipationRole;
  occurredAt: Date;
}

export interface MemberAsOf {
  actorId: string;
  role: ParticipationRole;
  /** Start of the actor's current, unbroken stretch of active participation. */
  since: Date;
}

/**
 * Who took part on `asOf` (inclusive), with their role then. `events` must be in the order
 * they happened (occurred_at, then id), as the history queries return them.
 */
export function coalitionAsOf(events: readonly HistoryEvent[], asOf: Date): MemberAsOf[] {
  const state = new Map<string, MemberAsOf | null>();
  for (const event of events) {
    if (event.occurredAt.getTime() > asOf.getTime()) continue;
    const current = state.get(event.actorId) ?? null;
    if (event.status !== "active") {
      state.set(event.actorId, null);
      continue;
    }
    // A lead stepping down to supporter (or the reverse) is still the same stretch of commitment.
    state.set(event.actorId, { actorId: event.actorId, role: event.role, since: current?.since ?? event.occurredAt });
  }
  return [...state.values()].filter((m): m is MemberAsOf => m !== null);
}

/** `?asOf=2020-01-01`: the end of that day in UTC, so everything dated that day counts. */
export function parseAsOf(value: string | null): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T23:59:59.999Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}
