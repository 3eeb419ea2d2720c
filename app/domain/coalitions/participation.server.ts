// Joining and leaving a coalition, one initiative at a time: the Alliance's central rule is that
// each use case here touches the participation of one actor in ONE initiative, never another.
// Each runs in one transaction with its history event, audit row and emails.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { RequestOrigin } from "~/auth/audit.server";
import { recordAudit } from "~/auth/audit.server";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, initiatives, participations, type ParticipationStatus } from "~/db/schema";
import { recordParticipationEvent } from "./history.server";
import { actorNameInEachLanguage, actorRepresentatives, leadRepresentatives, mailEach } from "./notify.server";

export type Outcome<T extends object, R extends string> = ({ ok: true } & T) | { ok: false; reason: R };

export interface Caller {
  userId: string;
  origin?: RequestOrigin;
  /** Base URL for links in emails. */
  appUrl?: string;
}

/** True when the user's affiliation to this actor is approved and the actor itself is approved. */
export async function representsActor(db: Executor, userId: string, actorId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: affiliations.id })
    .from(affiliations)
    .innerJoin(actors, eq(actors.id, affiliations.actorId))
    .where(
      and(eq(affiliations.userId, userId), eq(affiliations.actorId, actorId), eq(affiliations.status, "approved"), eq(actors.status, "approved")),
    )
    .limit(1);
  return row !== undefined;
}

/** True when the user represents an approved actor that actively leads this initiative. */
export async function leadsInitiative(db: Executor, userId: string, initiativeId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: participations.id })
    .from(participations)
    .innerJoin(affiliations, eq(affiliations.actorId, participations.actorId))
    .innerJoin(actors, eq(actors.id, participations.actorId))
    .where(
      and(
        eq(participations.initiativeId, initiativeId),
        eq(participations.role, "lead"),
        eq(participations.status, "active"),
        eq(actors.status, "approved"),
        eq(affiliations.userId, userId),
        eq(affiliations.status, "approved"),
      ),
    )
    .limit(1);
  return row !== undefined;
}

async function lockInitiative(db: Executor, initiativeId: string) {
  // Serialises the changes to one initiative's leadership, so two leads stepping down at once
  // cannot both see "another lead remains" and leave it with none.
  const [row] = await db
    .select({ id: initiatives.id, slug: initiatives.slug, title: initiatives.title, status: initiatives.status, joinPolicy: initiatives.joinPolicy })
    .from(initiatives)
    .where(eq(initiatives.id, initiativeId))
    .for("update");
  return row;
}

export type JoinResult = Outcome<{ status: ParticipationStatus; changed: boolean }, "notFound" | "notOpen" | "notRepresentative">;

/**
 * The actor joins the initiative (open policy) or asks to (approval policy). Joining twice, from
 * a double click or two tabs, changes nothing the second time.
 */
export async function joinInitiative(db: Executor, by: Caller, input: { actorId: string; initiativeId: string }): Promise<JoinResult> {
  return db.transaction(async (tx) => {
    const [initiative] = await tx
      .select({ id: initiatives.id, slug: initiatives.slug, title: initiatives.title, status: initiatives.status, joinPolicy: initiatives.joinPolicy })
      .from(initiatives)
      .where(eq(initiatives.id, input.initiativeId));
    if (!initiative) return { ok: false, reason: "notFound" };
    if (initiative.status !== "active") return { ok: false, reason: "notOpen" };
    if (!(await representsActor(tx, by.userId, input.actorId))) return { ok: false, reason: "notRepresentative" };
    const status: ParticipationStatus = initiative.joinPolicy === "open" ? "active" : "requested";
    const now = new Date();

    // ON CONFLICT DO NOTHING, not select-then-insert: of many concurrent joins for one actor,
    // exactly one inserts; the others wait for it to commit, find the row and insert nothing,
    // so there is one row and one event however many clicks arrive together.
    const [inserted] = await tx
      .insert(participations)
      .values({ actorId: input.actorId, initiativeId: initiative.id, role: "supporter", status, signedByUserId: by.userId, signedAt: now })
      .onConflictDoNothing({ target: [participations.actorId, participations.initiativeId] })
      .returning({ id: participations.id });
    let kind: "joined" | "requested" | "rejoined" | null = inserted ? (status === "active" ? "joined" : "requested") : null;
    if (!kind) {
      // Coming back after withdrawing or a refusal. The status condition makes concurrent
      // rejoins safe too: the second one waits for the first, re-reads the row, and finds it
      // no longer withdrawn.
      const [reopened] = await tx
        .update(participations)
        .set({ status, role: "supporter", signedByUserId: by.userId, signedAt: now, decidedByUserId: null, decidedAt: null, updatedAt: now })
        .where(
          and(
            eq(participations.actorId, input.actorId),
            eq(participations.initiativeId, initiative.id),
            inArray(participations.status, ["withdrawn", "declined"]),
          ),
        )
        .returning({ id: participations.id });
      if (reopened) kind = status === "active" ? "rejoined" : "requested";
    }
    if (!kind) {
      const [current] = await tx
        .select({ status: participations.status })
        .from(participations)
        .where(and(eq(participations.actorId, input.actorId), eq(participations.initiativeId, initiative.id)));
      return { ok: true, status: current?.status ?? status, changed: false };
    }
    await recordParticipationEvent(tx, {
      initiativeId: initiative.id,
      actorId: input.actorId,
      kind,
      status,
      role: "supporter",
      byUserId: by.userId,
      occurredAt: now,
    });
    await recordAudit(tx, {
      userId: by.userId,
      action: status === "active" ? "participation.join" : "participation.request",
      subjectType: "initiative",
      subjectId: initiative.id,
      origin: by.origin,
      data: { actorId: input.actorId, kind },
    });
    if (status === "requested") {
      await mailEach(tx, await leadRepresentatives(tx, initiative.id), "coalitionJoinRequested", {
        actor: await actorNameInEachLanguage(tx, input.actorId),
        initiative: initiative.title,
        link: `${by.appUrl ?? ""}/initiatives/${initiative.slug}/manage`,
      });
    }
    return { ok: true, status, changed: true };
  });
}

export type WithdrawResult = Outcome<object, "notFound" | "closed" | "notRepresentative" | "notParticipating" | "lastLead">;

/** The actor leaves the initiative (or takes back its request). A lead may leave only if another lead remains. */
export async function withdrawFromInitiative(db: Executor, by: Caller, input: { actorId: string; initiativeId: string }): Promise<WithdrawResult> {
  return db.transaction(async (tx) => {
    const initiative = await lockInitiative(tx, input.initiativeId);
    if (!initiative) return { ok: false, reason: "notFound" };
    if (initiative.status !== "active") return { ok: false, reason: "closed" };
    if (!(await representsActor(tx, by.userId, input.actorId))) return { ok: false, reason: "notRepresentative" };
    const [current] = await tx
      .select({ role: participations.role, status: participations.status })
      .from(participations)
      .where(and(eq(participations.actorId, input.actorId), eq(participations.initiativeId, initiative.id)));
    if (!current || (current.status !== "active" && current.status !== "requested")) return { ok: false, reason: "notParticipating" };
    if (current.role === "lead" && current.status === "active" && (await otherActiveLeads(tx, initiative.id, input.actorId)) === 0) {
      return { ok: false, reason: "lastLead" };
    }
    const now = new Date();
    await tx
      .update(participations)
      .set({ status: "withdrawn", role: "supporter", decidedByUserId: by.userId, decidedAt: now, updatedAt: now })
      .where(and(eq(participations.actorId, input.actorId), eq(participations.initiativeId, initiative.id)));
    await recordParticipationEvent(tx, {
      initiativeId: initiative.id,
      actorId: input.actorId,
      kind: "withdrawn",
      status: "withdrawn",
      role: current.role,
      byUserId: by.userId,
      occurredAt: now,
    });
    await recordAudit(tx, {
      userId: by.userId,
      action: "participation.withdraw",
      subjectType: "initiative",
      subjectId: initiative.id,
      origin: by.origin,
      data: { actorId: input.actorId, before: current.status },
    });
    return { ok: true };
  });
}

/** Active leads of the initiative other than this actor, counting only approved actors. */
export async function otherActiveLeads(db: Executor, initiativeId: string, actorId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(participations)
    .innerJoin(actors, eq(actors.id, participations.actorId))
    .where(
      and(
        eq(participations.initiativeId, initiativeId),
        eq(participations.role, "lead"),
        eq(participations.status, "active"),
        eq(actors.status, "approved"),
        sql`${participations.actorId} <> ${actorId}`,
      ),
    );
  return row?.n ?? 0;
}

export type DecideResult = Outcome<object, "notFound" | "notLead" | "closed">;

/**
 * A lead accepts or declines a request to join. The request is named by its participation id
 * AND the initiative the lead leads, so an id from another initiative is simply not found.
 */
export async function decideJoinRequest(
  db: Executor,
  by: Caller,
  input: { initiativeId: string; participationId: string; decision: "accept" | "decline"; reason?: string },
): Promise<DecideResult> {
  return db.transaction(async (tx) => {
    const [initiative] = await tx
      .select({ id: initiatives.id, slug: initiatives.slug, title: initiatives.title, status: initiatives.status })
      .from(initiatives)
      .where(eq(initiatives.id, input.initiativeId));
    if (!initiative) return { ok: false, reason: "notFound" };
    if (!(await leadsInitiative(tx, by.userId, initiative.id))) return { ok: false, reason: "notLead" };
    if (initiative.status !== "active") return { ok: false, reason: "closed" };
    const now = new Date();
    const accepted = input.decision === "accept";
    // Conditional on 'requested': when two leads decide at once, the first wins and the second finds nothing.
    const [row] = await tx
      .update(participations)
      .set({
        status: accepted ? "active" : "declined",
        decidedByUserId: by.userId,
        decidedAt: now,
        updatedAt: now,
        ...(accepted ? { signedAt: now } : {}),
      })
      .where(
        and(
          eq(participations.id, input.participationId),
          eq(participations.initiativeId, initiative.id),
          eq(participations.status, "requested"),
        ),
      )
      .returning({ actorId: participations.actorId, role: participations.role });
    if (!row) return { ok: false, reason: "notFound" };
    await recordParticipationEvent(tx, {
      initiativeId: initiative.id,
      actorId: row.actorId,
      kind: accepted ? "joined" : "declined",
      status: accepted ? "active" : "declined",
      role: row.role,
      byUserId: by.userId,
      reason: accepted ? null : (input.reason ?? null),
      occurredAt: now,
    });
    await recordAudit(tx, {
      userId: by.userId,
      action: accepted ? "participation.accept" : "participation.decline",
      subjectType: "initiative",
      subjectId: initiative.id,
      origin: by.origin,
      data: { actorId: row.actorId, reason: input.reason ?? null },
    });
    await mailEach(tx, await actorRepresentatives(tx, row.actorId), accepted ? "coalitionRequestAccepted" : "coalitionRequestDeclined", {
      actor: await actorNameInEachLanguage(tx, row.actorId),
      initiative: initiative.title,
      reason: input.reason ?? "",
      link: `${by.appUrl ?? ""}/initiatives/${initiative.slug}`,
    });
    return { ok: true };
  });
}

/** Any initiative by slug, whatever its status: the use cases themselves decide what may happen to it. */
export async function findInitiativeBySlug(db: Executor, slug: string) {
  const [row] = await db
    .select({ id: initiatives.id, slug: initiatives.slug, title: initiatives.title, status: initiatives.status, joinPolicy: initiatives.joinPolicy })
    .from(initiatives)
    .where(eq(initiatives.slug, slug))
    .limit(1);
  return row ?? null;
}
