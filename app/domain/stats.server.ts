// The live figures of the home page: two grouped counts, whatever the size of the directory.
// Actors count once they are in the Alliance (actors.server.ts inAlliance), not merely listed.
import { eq, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, initiatives, type ActorKind, type Axis } from "~/db/schema";
import { inAlliance } from "./actors.server";
import { actorKinds, axes } from "./public-query";

export async function getPortalFigures(db: Executor) {
  const [actorRows, initiativeRows] = await Promise.all([
    db
      .select({ kind: actors.kind, count: sql<number>`count(*)`.mapWith(Number) })
      .from(actors)
      .where(inAlliance)
      .groupBy(actors.kind),
    db
      .select({ axis: initiatives.axis, count: sql<number>`count(*)`.mapWith(Number) })
      .from(initiatives)
      .where(eq(initiatives.status, "active"))
      .groupBy(initiatives.axis),
  ]);
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
