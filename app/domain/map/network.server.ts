// The home page's map: every State taking part in at least one active initiative, in one query
// (one row per State and role it holds), reduced by the shared rule in ./states.ts.
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, countries, initiatives, participations, type Locale, type ParticipationRole } from "~/db/schema";
import { actorDisplayName } from "../actors.server";
import { mapStates, type MapState } from "./states";

export async function networkMapStates(db: Executor, locale: Locale): Promise<MapState[]> {
  // Driven from the States (195 rows at most): for each State and role, one probe of its
  // participations in that role (participations_actor_status_role_idx) that stops at the first
  // active initiative, instead of joining every participation of the directory.
  const role = sql<ParticipationRole>`r.role`;
  const rows = await db
    .select({
      actorId: actors.id,
      kind: actors.kind,
      countryCode: actors.countryCode,
      name: actorDisplayName(locale),
      role,
    })
    .from(actors)
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .innerJoin(sql`(values ('lead'::participation_role), ('supporter'::participation_role)) as r (role)`, sql`true`)
    .where(
      and(
        eq(actors.status, "approved"),
        eq(actors.kind, "state"),
        // A correlated scalar subquery, not EXISTS: PostgreSQL would turn EXISTS into a semi-join and,
        // on a small directory, hash every active participation instead of probing 390 times.
        sql`(select true from ${participations} join ${initiatives} on ${initiatives.id} = ${participations.initiativeId}
             where ${participations.actorId} = ${actors.id} and ${participations.status} = 'active'
               and ${participations.role} = ${role} and ${initiatives.status} = 'active' limit 1) is not null`,
      ),
    );
  return mapStates(rows, locale);
}
