// Helpers for the coalition tests: read back an initiative's participations and history, and
// make the usual cast (a lead with its representative, an initiative it leads) in one call.
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { auditEvents, initiativeTranslations, mailOutbox, participationEvents, participations, type Actor, type Initiative, type Locale } from "~/db/schema";
import { recordParticipationEvent } from "~/domain/coalitions/history.server";
import { createActor, createInitiative, createRepresentative, participate, type NewInitiative } from "./directory";

export async function participationRows(db: Executor, initiativeId: string) {
  return db
    .select({ actorId: participations.actorId, status: participations.status, role: participations.role })
    .from(participations)
    .where(eq(participations.initiativeId, initiativeId));
}

export async function eventRows(db: Executor, initiativeId: string) {
  return db
    .select({ actorId: participationEvents.actorId, kind: participationEvents.kind, status: participationEvents.status, reason: participationEvents.reason })
    .from(participationEvents)
    .where(eq(participationEvents.initiativeId, initiativeId))
    .orderBy(asc(participationEvents.id));
}

export async function auditActions(db: Executor, subjectId: string) {
  const rows = await db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, "initiative"), eq(auditEvents.subjectId, subjectId)))
    .orderBy(asc(auditEvents.id));
  return rows.map((r) => r.action);
}

export async function mailsTo(db: Executor, address: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address)).orderBy(asc(mailOutbox.createdAt));
}

/** An active participation with its first history event, as a real join would leave it. */
export async function participateWithHistory(
  db: Executor,
  actor: Pick<Actor, "id">,
  initiative: Pick<Initiative, "id">,
  values: { role?: "lead" | "supporter"; status?: "active" | "requested"; at?: Date } = {},
) {
  const at = values.at ?? new Date();
  const role = values.role ?? "supporter";
  const status = values.status ?? "active";
  const row = await participate(db, actor, initiative, { role, status, signedAt: at });
  await recordParticipationEvent(db, {
    initiativeId: initiative.id,
    actorId: actor.id,
    kind: status === "active" ? "joined" : "requested",
    status,
    role,
    byUserId: null,
    occurredAt: at,
  });
  return row;
}

/** An initiative led by a fresh organisation, with that lead's signed-in representative. */
export async function ledInitiative(db: Executor, values: NewInitiative = {}) {
  const leadActor = await createActor(db);
  const lead = await createRepresentative(db, leadActor);
  const initiative = await createInitiative(db, values);
  await participateWithHistory(db, leadActor, initiative, { role: "lead" });
  return { initiative, leadActor, lead };
}

/** An initiative's text in another language, written straight to the table (what a lead saves). */
export async function createTranslation(db: Executor, initiativeId: string, values: { locale: Locale; title: string; summary: string; description?: string; goals?: string }) {
  const [row] = await db.insert(initiativeTranslations).values({ initiativeId, ...values }).returning();
  if (!row) throw new Error("translation insert returned nothing");
  return row;
}
