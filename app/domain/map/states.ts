// Which States a coalition map colours, and how: the rule in one pure place, shared by the
// initiative page (its participants) and the home page (the whole network), tested on the demo
// data. No server-only imports: the map component uses the types.
import type { ActorKind, ParticipationRole } from "~/db/schema";

/** One State on a map: what the loader sends, a few dozen bytes each (never geometry). */
export interface MapState {
  /** ISO 3166-1 alpha-3: the id of the State's shape in the world map (see world.server.ts). */
  iso3: string;
  role: ParticipationRole;
  actorId: string;
  /** In the visitor's language. */
  name: string;
}

export interface MapParticipant {
  actorId: string;
  kind: ActorKind;
  countryCode: string | null;
  name: string;
  role: ParticipationRole;
}

/**
 * The States among some participations, each once: a State that leads anywhere in the rows is
 * a lead, otherwise a supporter. Organisations have no place on the map (their headquarters
 * country is not a State taking part). Sorted by name, as the list beside the map reads.
 */
export function mapStates(rows: readonly MapParticipant[], locale = "en"): MapState[] {
  const byActor = new Map<string, MapState>();
  for (const row of rows) {
    if (row.kind !== "state" || !row.countryCode) continue;
    const known = byActor.get(row.actorId);
    if (known) {
      if (row.role === "lead") known.role = "lead";
      continue;
    }
    byActor.set(row.actorId, { iso3: row.countryCode, role: row.role, actorId: row.actorId, name: row.name });
  }
  const collator = new Intl.Collator(locale);
  return [...byActor.values()].sort((a, b) => collator.compare(a.name, b.name) || a.iso3.localeCompare(b.iso3));
}
