// Running a coalition: its leads edit it, invite co-leads (who must accept), step down, and
// write to every participant. An initiative always keeps at least one lead: every change to its
// leadership locks the initiative row first, so two changes at once are taken one after the other.
import { and, asc, eq, sql } from "drizzle-orm";
import { recordAudit } from "~/auth/audit.server";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, countries, initiatives, leadInvitations, participations, users, type Locale } from "~/db/schema";
import { actorDisplayName } from "../actors.server";
import { recordParticipationEvent } from "./history.server";
import { actorNameInEachLanguage, actorRepresentatives, leadRepresentatives, mailEach } from "./notify.server";
import { leadsInitiative, otherActiveLeads, representsActor, type Caller, type Outcome } from "./participation.server";
import type { InitiativeText } from "./schemas";

/** Locks the initiative row for a change to its leadership; null unless it is active. */
export async function lockActiveInitiative(db: Executor, initiativeId: string) {
  const [row] = await db
    .select({ id: initiatives.id, slug: initiatives.slug, title: initiatives.title, status: initiatives.status })
    .from(initiatives)
    .where(eq(initiatives.id, initiativeId))
    .for("update");
  return row?.status === "active" ? row : null;
}

export type LeadResult = Outcome<object, "notFound" | "notLead" | "notRepresentative" | "alreadyLead" | "lastLead" | "actorNotApproved">;

/** A lead edits the initiative's text and joining policy (its address never changes). */
export async function editInitiative(db: Executor, by: Caller, initiativeId: string, text: Omit<InitiativeText, "language"> & { language?: InitiativeText["language"] }): Promise<LeadResult> {
  return db.transaction(async (tx) => {
    const initiative = await lockActiveInitiative(tx, initiativeId);
    if (!initiative) return { ok: false, reason: "notFound" };
    if (!(await leadsInitiative(tx, by.userId, initiativeId))) return { ok: false, reason: "notLead" };
    await tx.update(initiatives).set({ ...text, updatedAt: new Date() }).where(eq(initiatives.id, initiativeId));
    await recordAudit(tx, { userId: by.userId, action: "initiative.edit", subjectType: "initiative", subjectId: initiativeId, origin: by.origin, data: { after: text } });
    return { ok: true };
  });
}

/** A lead invites another approved actor to co-lead; inviting twice changes nothing. */
export async function inviteCoLead(db: Executor, by: Caller, input: { initiativeId: string; actorId: string }): Promise<LeadResult> {
  return db.transaction(async (tx) => {
    const initiative = await lockActiveInitiative(tx, input.initiativeId);
    if (!initiative) return { ok: false, reason: "notFound" };
    if (!(await leadsInitiative(tx, by.userId, initiative.id))) return { ok: false, reason: "notLead" };
    const [actor] = await tx.select({ name: actors.name, status: actors.status }).from(actors).where(eq(actors.id, input.actorId));
    if (actor?.status !== "approved") return { ok: false, reason: "actorNotApproved" };
    const [lead] = await tx
      .select({ id: participations.id })
      .from(participations)
      .where(and(eq(participations.initiativeId, initiative.id), eq(participations.actorId, input.actorId), eq(participations.role, "lead"), eq(participations.status, "active")));
    if (lead) return { ok: false, reason: "alreadyLead" };
    // The partial unique index allows one pending invitation per actor: a second is a no-op.
    const [row] = await tx
      .insert(leadInvitations)
      .values({ initiativeId: initiative.id, actorId: input.actorId, invitedByUserId: by.userId })
      .onConflictDoNothing()
      .returning({ id: leadInvitations.id });
    if (!row) return { ok: true };
    await recordAudit(tx, { userId: by.userId, action: "initiative.invite_lead", subjectType: "initiative", subjectId: initiative.id, origin: by.origin, data: { actorId: input.actorId } });
    await mailEach(tx, await actorRepresentatives(tx, input.actorId), "coalitionLeadInvited", {
      actor: await actorNameInEachLanguage(tx, input.actorId),
      initiative: initiative.title,
      link: `${by.appUrl ?? ""}/initiatives/${initiative.slug}`,
    });
    return { ok: true };
  });
}

export type AnswerResult = Outcome<object, "notFound" | "notRepresentative">;

/** A representative of the invited actor accepts (it becomes a lead at once) or declines. */
export async function answerLeadInvitation(db: Executor, by: Caller, input: { invitationId: string; accept: boolean }): Promise<AnswerResult> {
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select({ initiativeId: leadInvitations.initiativeId, actorId: leadInvitations.actorId })
      .from(leadInvitations)
      .where(and(eq(leadInvitations.id, input.invitationId), eq(leadInvitations.status, "pending")));
    if (!invitation) return { ok: false, reason: "notFound" };
    if (!(await representsActor(tx, by.userId, invitation.actorId))) return { ok: false, reason: "notRepresentative" };
    const initiative = await lockActiveInitiative(tx, invitation.initiativeId);
    if (!initiative) return { ok: false, reason: "notFound" };
    const now = new Date();
    const [answered] = await tx
      .update(leadInvitations)
      .set({ status: input.accept ? "accepted" : "declined", answeredByUserId: by.userId, answeredAt: now })
      .where(and(eq(leadInvitations.id, input.invitationId), eq(leadInvitations.status, "pending")))
      .returning({ id: leadInvitations.id });
    if (!answered) return { ok: false, reason: "notFound" };
    if (input.accept) {
      const [before] = await tx
        .select({ status: participations.status, role: participations.role })
        .from(participations)
        .where(and(eq(participations.initiativeId, initiative.id), eq(participations.actorId, invitation.actorId)));
      const wasActive = before?.status === "active";
      // One row per actor and initiative: an existing supporter becomes a lead, keeping its date.
      await tx
        .insert(participations)
        .values({ actorId: invitation.actorId, initiativeId: initiative.id, role: "lead", status: "active", signedByUserId: by.userId, signedAt: now })
        .onConflictDoUpdate({
          target: [participations.actorId, participations.initiativeId],
          set: {
            role: "lead",
            status: "active",
            signedAt: wasActive ? sql`${participations.signedAt}` : now,
            signedByUserId: wasActive ? sql`${participations.signedByUserId}` : by.userId,
            updatedAt: now,
          },
        });
      if (!(wasActive && before?.role === "lead")) {
        await recordParticipationEvent(tx, {
          initiativeId: initiative.id,
          actorId: invitation.actorId,
          kind: wasActive ? "lead_added" : before ? "rejoined" : "joined",
          status: "active",
          role: "lead",
          byUserId: by.userId,
          occurredAt: now,
        });
      }
    }
    await recordAudit(tx, {
      userId: by.userId,
      action: input.accept ? "initiative.accept_lead" : "initiative.decline_lead",
      subjectType: "initiative",
      subjectId: initiative.id,
      origin: by.origin,
      data: { actorId: invitation.actorId },
    });
    await mailEach(tx, await leadRepresentatives(tx, initiative.id), input.accept ? "coalitionLeadAccepted" : "coalitionLeadDeclined", {
      actor: await actorNameInEachLanguage(tx, invitation.actorId),
      initiative: initiative.title,
      link: `${by.appUrl ?? ""}/initiatives/${initiative.slug}`,
    });
    return { ok: true };
  });
}

/** A lead actor steps down to supporter (handing over, once a co-lead has accepted). Never the last lead. */
export async function stepDown(db: Executor, by: Caller, input: { initiativeId: string; actorId: string }): Promise<LeadResult> {
  return db.transaction(async (tx) => {
    const initiative = await lockActiveInitiative(tx, input.initiativeId);
    if (!initiative) return { ok: false, reason: "notFound" };
    if (!(await leadsInitiative(tx, by.userId, initiative.id))) return { ok: false, reason: "notLead" };
    if (!(await representsActor(tx, by.userId, input.actorId))) return { ok: false, reason: "notRepresentative" };
    if ((await otherActiveLeads(tx, initiative.id, input.actorId)) === 0) return { ok: false, reason: "lastLead" };
    const [row] = await tx
      .update(participations)
      .set({ role: "supporter", updatedAt: new Date() })
      .where(and(eq(participations.initiativeId, initiative.id), eq(participations.actorId, input.actorId), eq(participations.role, "lead"), eq(participations.status, "active")))
      .returning({ id: participations.id });
    if (!row) return { ok: false, reason: "notLead" };
    await recordParticipationEvent(tx, { initiativeId: initiative.id, actorId: input.actorId, kind: "lead_removed", status: "active", role: "supporter", byUserId: by.userId });
    await recordAudit(tx, { userId: by.userId, action: "initiative.step_down", subjectType: "initiative", subjectId: initiative.id, origin: by.origin, data: { actorId: input.actorId } });
    return { ok: true };
  });
}

/** A lead writes to the representatives of every active participant, through the outbox. */
export async function messageParticipants(db: Executor, by: Caller, input: { initiativeId: string; subject: string; message: string }): Promise<Outcome<{ sent: number }, "notFound" | "notLead">> {
  return db.transaction(async (tx) => {
    const initiative = await lockActiveInitiative(tx, input.initiativeId);
    if (!initiative) return { ok: false, reason: "notFound" };
    if (!(await leadsInitiative(tx, by.userId, initiative.id))) return { ok: false, reason: "notLead" };
    const recipients = await tx
      .selectDistinct({ email: users.email, name: users.name, locale: users.locale })
      .from(participations)
      .innerJoin(actors, eq(actors.id, participations.actorId))
      .innerJoin(affiliations, eq(affiliations.actorId, participations.actorId))
      .innerJoin(users, eq(users.id, affiliations.userId))
      .where(
        and(
          eq(participations.initiativeId, initiative.id),
          eq(participations.status, "active"),
          eq(actors.status, "approved"),
          eq(affiliations.status, "approved"),
          sql`${users.disabledAt} is null`,
        ),
      );
    await mailEach(tx, recipients, "coalitionMessage", {
      initiative: initiative.title,
      subject: input.subject,
      message: input.message,
      link: `${by.appUrl ?? ""}/initiatives/${initiative.slug}`,
    });
    await recordAudit(tx, { userId: by.userId, action: "initiative.message", subjectType: "initiative", subjectId: initiative.id, origin: by.origin, data: { subject: input.subject, recipients: recipients.length } });
    return { ok: true, sent: recipients.length };
  });
}

/** What a lead's management page shows: the initiative, requests waiting, invitations out, the leads. */
export async function managementView(db: Executor, initiativeId: string, userId: string, locale: Locale) {
  const name = actorDisplayName(locale);
  const [[initiative], requests, invitations, leads] = await Promise.all([
    db
      .select({
        id: initiatives.id,
        slug: initiatives.slug,
        title: initiatives.title,
        summary: initiatives.summary,
        description: initiatives.description,
        goals: initiatives.goals,
        axis: initiatives.axis,
        theme: initiatives.theme,
        joinPolicy: initiatives.joinPolicy,
        language: initiatives.language,
        status: initiatives.status,
      })
      .from(initiatives)
      .where(eq(initiatives.id, initiativeId)),
    db
      .select({ participationId: participations.id, actorId: actors.id, name, since: participations.signedAt })
      .from(participations)
      .innerJoin(actors, eq(actors.id, participations.actorId))
      .leftJoin(countries, eq(countries.iso3, actors.countryCode))
      .where(and(eq(participations.initiativeId, initiativeId), eq(participations.status, "requested"), eq(actors.status, "approved")))
      .orderBy(asc(participations.signedAt)),
    db
      .select({ id: leadInvitations.id, name, createdAt: leadInvitations.createdAt })
      .from(leadInvitations)
      .innerJoin(actors, eq(actors.id, leadInvitations.actorId))
      .leftJoin(countries, eq(countries.iso3, actors.countryCode))
      .where(and(eq(leadInvitations.initiativeId, initiativeId), eq(leadInvitations.status, "pending"))),
    db
      .select({
        actorId: actors.id,
        name,
        mine: sql<boolean>`exists (select 1 from ${affiliations} where ${affiliations.actorId} = ${actors.id} and ${affiliations.userId} = ${userId} and ${affiliations.status} = 'approved')`.mapWith(Boolean),
      })
      .from(participations)
      .innerJoin(actors, eq(actors.id, participations.actorId))
      .leftJoin(countries, eq(countries.iso3, actors.countryCode))
      .where(and(eq(participations.initiativeId, initiativeId), eq(participations.role, "lead"), eq(participations.status, "active"), eq(actors.status, "approved"))),
  ]);
  return initiative ? { initiative, requests, invitations, leads } : null;
}
