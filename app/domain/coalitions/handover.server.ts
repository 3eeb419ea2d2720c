// Handing over the lead of an initiative in one step: a lead gives the lead role to an actor
// already taking part, and itself becomes a supporter or stays co-lead. Inviting a co-lead and
// stepping down (./leadership.server.ts) takes two people and two days; this is for a coalition
// that has already agreed who leads next. One transaction holds both role changes, their
// history events, the audit row and the emails: no moment without a lead, and no half handover.
import { and, asc, eq, sql } from "drizzle-orm";
import { recordAudit } from "~/auth/audit.server";
import type { Executor } from "~/db/client.server";
import { actors, countries, leadInvitations, participations, type Locale } from "~/db/schema";
import { actorDisplayName, sortableName } from "../actors.server";
import type { HandoverInput } from "./handover-schema";
import { recordParticipationEvent } from "./history.server";
import { lockActiveInitiative } from "./leadership.server";
import { actorNames, actorRepresentatives, mailEach } from "./notify.server";
import { leadsInitiative, representsActor, type Caller, type Outcome } from "./participation.server";

export type HandoverResult = Outcome<object, "notFound" | "notLead" | "notRepresentative" | "notParticipant" | "alreadyLead" | "sameActor" | "noRepresentative">;

/**
 * The participating actor has someone to act for it: an approved representative whose account
 * is not disabled. Without one, a lead handed to it (and a former lead stepping down) would
 * leave an initiative nobody can manage.
 */
// Written out with qualified names: drizzle leaves columns unqualified in a one-table statement.
const hasActiveRepresentative = sql`exists (select 1 from affiliations a inner join users u on u.id = a.user_id
  where a.actor_id = "participations"."actor_id" and a.status = 'approved' and u.disabled_at is null)`;

export async function handOverLeadership(db: Executor, by: Caller, input: HandoverInput & { initiativeId: string }): Promise<HandoverResult> {
  if (input.fromActorId === input.toActorId) return { ok: false, reason: "sameActor" };
  return db.transaction(async (tx): Promise<HandoverResult> => {
    // The initiative row is locked first, as by every leadership change and every withdrawal:
    // the new lead cannot withdraw, and another lead cannot step down, half-way through.
    const initiative = await lockActiveInitiative(tx, input.initiativeId);
    if (!initiative) return { ok: false, reason: "notFound" };
    if (!(await leadsInitiative(tx, by.userId, initiative.id))) return { ok: false, reason: "notLead" };
    if (!(await representsActor(tx, by.userId, input.fromActorId))) return { ok: false, reason: "notRepresentative" };
    const now = new Date();
    // Each update is conditional on the state it starts from, so a stale form changes nothing.
    const [promoted] = await tx
      .update(participations)
      .set({ role: "lead", updatedAt: now })
      .where(
        and(
          eq(participations.initiativeId, initiative.id),
          eq(participations.actorId, input.toActorId),
          eq(participations.status, "active"),
          eq(participations.role, "supporter"),
          sql`exists (select 1 from ${actors} where ${actors.id} = ${participations.actorId} and ${actors.status} = 'approved')`,
          hasActiveRepresentative,
        ),
      )
      .returning({ id: participations.id });
    if (!promoted) {
      const [current] = await tx
        .select({ role: participations.role, status: participations.status, represented: hasActiveRepresentative })
        .from(participations)
        .where(and(eq(participations.initiativeId, initiative.id), eq(participations.actorId, input.toActorId)));
      if (current?.status === "active" && current.role === "lead") return { ok: false, reason: "alreadyLead" };
      if (current?.status === "active" && current.role === "supporter" && !current.represented) return { ok: false, reason: "noRepresentative" };
      return { ok: false, reason: "notParticipant" };
    }
    if (input.afterwards === "supporter") {
      const [stepped] = await tx
        .update(participations)
        .set({ role: "supporter", updatedAt: now })
        .where(
          and(
            eq(participations.initiativeId, initiative.id),
            eq(participations.actorId, input.fromActorId),
            eq(participations.status, "active"),
            eq(participations.role, "lead"),
          ),
        )
        .returning({ id: participations.id });
      // Rolls the promotion back too: only a lead hands over its own lead.
      if (!stepped) throw new NotLeadError();
    } else {
      const [stillLead] = await tx
        .select({ id: participations.id })
        .from(participations)
        .where(
          and(
            eq(participations.initiativeId, initiative.id),
            eq(participations.actorId, input.fromActorId),
            eq(participations.status, "active"),
            eq(participations.role, "lead"),
          ),
        );
      if (!stillLead) throw new NotLeadError();
    }
    // An invitation to co-lead still waiting for the new lead has been overtaken.
    await tx
      .update(leadInvitations)
      .set({ status: "withdrawn", answeredAt: now })
      .where(and(eq(leadInvitations.initiativeId, initiative.id), eq(leadInvitations.actorId, input.toActorId), eq(leadInvitations.status, "pending")));
    await recordParticipationEvent(tx, { initiativeId: initiative.id, actorId: input.toActorId, kind: "lead_added", status: "active", role: "lead", byUserId: by.userId, occurredAt: now });
    if (input.afterwards === "supporter") {
      await recordParticipationEvent(tx, { initiativeId: initiative.id, actorId: input.fromActorId, kind: "lead_removed", status: "active", role: "supporter", byUserId: by.userId, occurredAt: now });
    }
    await recordAudit(tx, {
      userId: by.userId,
      action: "initiative.hand_over",
      subjectType: "initiative",
      subjectId: initiative.id,
      origin: by.origin,
      data: { before: { lead: input.fromActorId }, after: { lead: input.toActorId, previousLead: input.afterwards }, actorId: input.toActorId },
    });
    const names = await actorNames(tx, [input.fromActorId, input.toActorId]);
    const nameOf = (id: string) => names.get(id) ?? { en: "", fr: "", es: "" };
    const params = { actor: nameOf(input.toActorId), from: nameOf(input.fromActorId), initiative: initiative.title };
    await mailEach(tx, await actorRepresentatives(tx, input.toActorId), "coalitionLeadReceived", { ...params, link: `${by.appUrl ?? ""}/initiatives/${initiative.slug}/manage` });
    await mailEach(tx, await actorRepresentatives(tx, input.fromActorId), input.afterwards === "supporter" ? "coalitionLeadHandedOver" : "coalitionLeadShared", {
      ...params,
      link: `${by.appUrl ?? ""}/initiatives/${initiative.slug}`,
    });
    return { ok: true };
  }).catch((error: unknown): HandoverResult => {
    if (error instanceof NotLeadError) return { ok: false, reason: "notLead" };
    throw error;
  });
}

/** Thrown inside the transaction to undo the promotion when the actor handing over no longer leads. */
class NotLeadError extends Error {}

/** The actors that could take the lead: approved, taking part now as supporters, with someone to act for them. */
export async function handoverCandidates(db: Executor, initiativeId: string, locale: Locale) {
  const name = actorDisplayName(locale);
  return db
    .select({ id: actors.id, name })
    .from(participations)
    .innerJoin(actors, eq(actors.id, participations.actorId))
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(
      and(
        eq(participations.initiativeId, initiativeId),
        eq(participations.status, "active"),
        eq(participations.role, "supporter"),
        eq(actors.status, "approved"),
        hasActiveRepresentative,
      ),
    )
    .orderBy(asc(sortableName(name)), asc(actors.id));
}
