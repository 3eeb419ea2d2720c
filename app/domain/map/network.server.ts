// The home page's map: every State taking part in at least one active initiative, in one query
// (one row per State and role it holds), reduced by the shared rule in ./states.ts.
import { and, eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, countries, initiatives, participations, type Locale } from "~/db/schema";
import { actorDisplayName } from "../actors.server";
import { mapStates, type MapState } from "./states";

export async function networkMapStates(db: Executor, locale: Locale): Promise<MapState[]> {
  const rows = await db
    .selectDistinct({
      actorId: actors.id,
      kind: actors.kind,
      countryCode: actors.countryCode,
      name: actorDisplayName(locale),
      role: participations.role,
    })
    .from(participations)
    .innerJoin(initiatives, eq(initiatives.id, participations.initiativeId))
    .innerJoin(actors, eq(actors.id, participations.actorId))
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(
      and(
        eq(participations.status, "active"),
        eq(initiatives.status, "active"),
        eq(actors.status, "approved"),
        eq(actors.kind, "state"),
      ),
    );
  return mapStates(rows, locale);
}
