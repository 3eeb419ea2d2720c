// Where a signed-in visitor stands on one initiative: which actors they may act for, and what
// each of those actors' participation is. Two queries whatever the number of actors, so the
// page's next step ("Join", "France supports this since …", "request sent on …") costs the same
// for everyone.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, countries, leadInvitations, participations, type Locale } from "~/db/schema";
import { actorDisplayName } from "../actors.server";

export async function visitorStanding(db: Executor, userId: string, initiativeId: string, locale: Locale) {
  const name = actorDisplayName(locale);
  const [represented, [pending]] = await Promise.all([
    db
      .select({
        actorId: actors.id,
        name,
        participationId: participations.id,
        status: participations.status,
        role: participations.role,
        since: participations.signedAt,
        invitationId: leadInvitations.id,
      })
      .from(affiliations)
      .innerJoin(actors, eq(actors.id, affiliations.actorId))
      .leftJoin(countries, eq(countries.iso3, actors.countryCode))
      .leftJoin(participations, and(eq(participations.actorId, actors.id), eq(participations.initiativeId, initiativeId)))
      .leftJoin(
        leadInvitations,
        and(eq(leadInvitations.actorId, actors.id), eq(leadInvitations.initiativeId, initiativeId), eq(leadInvitations.status, "pending")),
      )
      .where(and(eq(affiliations.userId, userId), eq(affiliations.status, "approved"), eq(actors.status, "approved")))
      .orderBy(asc(name), asc(actors.id)),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(affiliations)
      .where(and(eq(affiliations.userId, userId), eq(affiliations.status, "pending"))),
  ]);
  return { represented, pendingAffiliations: pending?.n ?? 0 };
}

export type VisitorStanding = Awaited<ReturnType<typeof visitorStanding>>;
export type RepresentedActor = VisitorStanding["represented"][number];
