// The live figures of the home page: one statement, whatever the size of the directory.
// Actors count once they are in the Alliance (actors.server.ts inAlliance; for the States its
// probing form, stateInAlliance), not merely listed.
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actorCounts, actors, initiatives, type ActorKind, type Axis } from "~/db/schema";
import { stateInAlliance } from "./actors.server";
import { actorKinds, axes } from "./public-query";

export async function getPortalFigures(db: Executor) {
  // One statement: organisations by kind from actor_counts (kept by a trigger, drizzle/0009),
  // the States in the Alliance counted (195 rows at most), active initiatives by axis.
  const rows = await db
    .select({ group: sql<"kind" | "axis">`'kind'`.as("group"), key: sql<string>`${actorCounts.kind}::text`.as("key"), count: sql<number>`${actorCounts.n}`.mapWith(Number).as("count") })
    .from(actorCounts)
    .where(and(eq(actorCounts.status, "approved"), sql`${actorCounts.kind} <> 'state'`))
    .unionAll(
      db
        .select({ group: sql<"kind" | "axis">`'kind'`.as("group"), key: sql<string>`'state'`.as("key"), count: sql<number>`count(*)`.mapWith(Number).as("count") })
        .from(actors)
        .where(and(eq(actors.status, "approved"), eq(actors.kind, "state"), stateInAlliance)),
    )
    .unionAll(
      db
        .select({ group: sql<"kind" | "axis">`'axis'`.as("group"), key: sql<string>`${initiatives.axis}::text`.as("key"), count: sql<number>`count(*)`.mapWith(Number).as("count") })
        .from(initiatives)
        .where(eq(initiatives.status, "active"))
        .groupBy(initiatives.axis),
    );
  const actorRows = rows.filter((row) => row.group === "kind").map((row) => ({ kind: row.key as ActorKind, count: row.count }));
  const initiativeRows = rows.filter((row) => row.group === "axis").map((row) => ({ axis: row.key as Axis, count: row.count }));
  // Every kind and axis is listed, with zero where nothing exists yet.
  const actorsByKind = Object.fromEntries(actorKinds.map((kind) => [kind, 0])) as Record<ActorKind, number>;
  for (const row of actorRows) actorsByKind[row.kind] = row.count;
  const initiativesByAxis = Object.fromEntries(axes.map((axis) => [axis, 0])) as Record<Axis, number>;
  for (const row of initiativeRows) initiativesByAxis[row.axis] = row.count;
  return {
    actorsByKind,
    initiativesByAxis,
    actorsInAlliance: actorRows.reduce((sum, row) => sum + row.count, 0),
    activeInitiatives: initiativeRows.reduce((sum, row) => sum + row.count, 0),
  };
}

export type PortalFigures = Awaited<ReturnType<typeof getPortalFigures>>;
