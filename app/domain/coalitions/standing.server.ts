// Where a signed-in visitor stands on one initiative: which actors they may act for, and what
// each of those actors' participation is. One query whatever the number of actors, so the
// page's next step ("Join", "France supports this since …", "request sent on …") costs the same
// for everyone.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, countries, leadInvitations, participations, users, type Locale } from "~/db/schema";
import { actorDisplayName } from "../actors.server";
import { onlineLinksSql } from "./meetings.server";

export async function visitorStanding(db: Executor, userId: string, initiativeId: string, locale: Locale) {
  const name = actorDisplayName(locale);
  // One statement: from the user's own row, so the count of pending applications comes back
  // even when they represent no actor yet (then one row of nulls).
  const rows = await db
    .select({
      actorId: actors.id,
      name,
      participationId: participations.id,
      status: participations.status,
      role: participations.role,
      since: participations.signedAt,
      invitationId: leadInvitations.id,
      pending: sql<number>`(select count(*) from ${affiliations} pending where pending.user_id = ${users.id} and pending.status = 'pending')`.mapWith(
        Number,
      ),
      onlineLinks: onlineLinksSql(userId, initiativeId),
    })
    .from(users)
    .leftJoin(affiliations, and(eq(affiliations.userId, users.id), eq(affiliations.status, "approved")))
    .leftJoin(actors, and(eq(actors.id, affiliations.actorId), eq(actors.status, "approved")))
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .leftJoin(participations, and(eq(participations.actorId, actors.id), eq(participations.initiativeId, initiativeId)))
    .leftJoin(
      leadInvitations,
      and(eq(leadInvitations.actorId, actors.id), eq(leadInvitations.initiativeId, initiativeId), eq(leadInvitations.status, "pending")),
    )
    .where(eq(users.id, userId))
    .orderBy(asc(name), asc(actors.id));
  const represented = rows.flatMap(({ pending: _pending, onlineLinks: _links, actorId, name: actorName, ...rest }) =>
    actorId === null ? [] : [{ actorId, name: actorName as string, ...rest }],
  );
  // A json column comes parsed from PGlite and as text from postgres.js.
  const links = rows[0]?.onlineLinks;
  const onlineLinks: Record<string, string> = typeof links === "string" ? JSON.parse(links) : (links ?? {});
  return { represented, pendingAffiliations: rows[0]?.pending ?? 0, onlineLinks };
}

export type VisitorStanding = Awaited<ReturnType<typeof visitorStanding>>;
export type RepresentedActor = VisitorStanding["represented"][number];
