// What a representative has to do in the coalitions, for /dashboard: the initiatives their
// actors take part in (role, since when), the requests to join they made that wait for a lead,
// the requests waiting for their decision as a lead, and invitations to co-lead waiting for
// their answer. One statement (UNION ALL of the four), whatever the number of actors and rows,
// so the dashboard costs no more than a directory page (tests/integration/coalitions-dashboard.test.ts).
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, countries, initiatives, leadInvitations, participations, type Locale } from "~/db/schema";
import { actorDisplayName, PUBLIC_INITIATIVE_STATUSES } from "../actors.server";

export type CoalitionItemKind = "initiative" | "requestMade" | "requestToDecide" | "invitation";

export interface CoalitionItem {
  kind: CoalitionItemKind;
  /** The participation, or the invitation. */
  id: string;
  /** The user's actor, or (for a request to decide) the actor asking to join. */
  actorId: string;
  actorName: string;
  slug: string;
  title: string;
  initiativeStatus: string;
  role: "lead" | "supporter";
  /** Joined or asked to join on; invited on. */
  at: Date;
}

/** The actors the user acts for now: approved affiliation of an approved actor (rights follow status). */
function myActorIds(userId: string): SQL {
  const mine = alias(affiliations, "mine");
  const mineActor = alias(actors, "mine_actor");
  // Inside raw SQL an alias renders as its name only: the FROM clause names the table it stands for.
  return sql`(select ${mine.actorId} from ${affiliations} as ${sql.identifier("mine")} join ${actors} as ${sql.identifier("mine_actor")} on ${mineActor.id} = ${mine.actorId}
    where ${mine.userId} = ${userId} and ${mine.status} = 'approved' and ${mineActor.status} = 'approved')`;
}

export async function myCoalitionWork(db: Executor, userId: string, locale: Locale) {
  const mine = myActorIds(userId);
  const name = actorDisplayName(locale);
  const columns = (kind: CoalitionItemKind, id: SQL | typeof participations.id, at: typeof participations.signedAt | typeof leadInvitations.createdAt, role: SQL) => ({
    kind: sql<CoalitionItemKind>`${kind}::text`.as("kind"),
    id: sql<string>`${id}`.as("id"),
    actorId: sql<string>`${actors.id}`.as("actor_id"),
    actorName: sql<string>`${name}`.as("actor_name"),
    slug: sql<string>`${initiatives.slug}`.as("slug"),
    title: sql<string>`${initiatives.title}`.as("title"),
    initiativeStatus: sql<string>`${initiatives.status}::text`.as("initiative_status"),
    role: sql<"lead" | "supporter">`${role}`.as("role"),
    at: sql<Date>`${at}`.mapWith(at).as("at"),
  });
  const role = sql`${participations.role}::text`;
  const fromParticipations = (kind: CoalitionItemKind) =>
    db
      .select(columns(kind, sql`${participations.id}`, participations.signedAt, role))
      .from(participations)
      .innerJoin(initiatives, eq(initiatives.id, participations.initiativeId))
      .innerJoin(actors, eq(actors.id, participations.actorId))
      .leftJoin(countries, eq(countries.iso3, actors.countryCode));
  const lead = alias(participations, "lead");
  const rows = await fromParticipations("initiative")
    .where(and(sql`${participations.actorId} in ${mine}`, eq(participations.status, "active"), inArray(initiatives.status, PUBLIC_INITIATIVE_STATUSES)))
    .unionAll(
      fromParticipations("requestMade").where(and(sql`${participations.actorId} in ${mine}`, eq(participations.status, "requested"), eq(initiatives.status, "active"))),
    )
    .unionAll(
      fromParticipations("requestToDecide").where(
        and(
          eq(participations.status, "requested"),
          eq(initiatives.status, "active"),
          eq(actors.status, "approved"),
          sql`exists (select 1 from ${participations} as ${sql.identifier("lead")} where ${lead.initiativeId} = ${participations.initiativeId} and ${lead.role} = 'lead' and ${lead.status} = 'active' and ${lead.actorId} in ${mine})`,
        ),
      ),
    )
    .unionAll(
      db
        .select(columns("invitation", sql`${leadInvitations.id}`, leadInvitations.createdAt, sql`'lead'`))
        .from(leadInvitations)
        .innerJoin(initiatives, eq(initiatives.id, leadInvitations.initiativeId))
        .innerJoin(actors, eq(actors.id, leadInvitations.actorId))
        .leftJoin(countries, eq(countries.iso3, actors.countryCode))
        .where(and(sql`${leadInvitations.actorId} in ${mine}`, eq(leadInvitations.status, "pending"), eq(initiatives.status, "active"))),
    );
  const items: CoalitionItem[] = rows;
  const of = (kind: CoalitionItemKind) => items.filter((i) => i.kind === kind);
  return {
    // Active initiatives before closed ones, then by title; requests and invitations oldest first.
    initiatives: of("initiative").sort((a, b) => Number(a.initiativeStatus === "closed") - Number(b.initiativeStatus === "closed") || a.title.localeCompare(b.title, locale)),
    requestsMade: of("requestMade").sort(byDate),
    requestsToDecide: of("requestToDecide").sort(byDate),
    invitations: of("invitation").sort(byDate),
  };
}

const byDate = (a: CoalitionItem, b: CoalitionItem) => a.at.getTime() - b.at.getTime();

export type MyCoalitionWork = Awaited<ReturnType<typeof myCoalitionWork>>;
