// The secretariat's decisions on actors and affiliations. Each decision is one transaction that
// holds the change, its audit row and its emails (outbox rows): all three commit or none does.
// Every change is a single conditional UPDATE … WHERE status = <expected> RETURNING, so when two
// staff decide the same item at once exactly one wins (see decideInTransaction).
import { and, eq, inArray, ne, notInArray, sql, type SQL } from "drizzle-orm";
import type { RequestOrigin } from "~/auth/audit.server";
import { recordAudit } from "~/auth/audit.server";
import type { Database, Executor } from "~/db/client.server";
import { actors, affiliations, users, type Locale } from "~/db/schema";
import { enqueueMail, type DeskMailTemplate } from "~/mail/outbox.server";
import { actorNameInEachLanguage, type NameInEachLanguage } from "../coalitions/notify.server";

export const affiliationDecisions = ["approve", "reject", "requestInfo", "revoke"] as const;
export const actorDecisions = ["approve", "reject", "requestInfo", "suspend", "reinstate"] as const;
export type AffiliationDecision = (typeof affiliationDecisions)[number];
export type ActorDecision = (typeof actorDecisions)[number];

export type Decision =
  | { subject: "affiliation"; id: string; action: AffiliationDecision; reason?: string }
  | { subject: "actor"; id: string; action: ActorDecision; reason?: string };

export type DecisionFailure =
  /** No such item. */
  | "notFound"
  /** Someone decided first, or the item is not in a state this decision applies to. */
  | "alreadyDecided"
  /** Staff never decide on their own application. */
  | "ownApplication"
  /** A registration's affiliation is decided with the organisation, not on its own. */
  | "decideWithActor"
  /** Reject, request information, suspend and revoke need a reason (or message). */
  | "reasonRequired";

export type DecisionResult = { ok: true; status: string } | { ok: false; reason: DecisionFailure };

export interface DecisionContext {
  staff: { id: string };
  origin: RequestOrigin;
  /** Public base URL for links in emails. */
  appUrl: string;
  now?: Date;
}

const NEEDS_REASON = new Set(["reject", "requestInfo", "suspend", "revoke"]);

/** Decides one item: the one entry point the review routes call. */
export async function decide(db: Database, decision: Decision, context: DecisionContext): Promise<DecisionResult> {
  const reason = decision.reason?.trim() ?? "";
  if (NEEDS_REASON.has(decision.action) && !reason) return { ok: false, reason: "reasonRequired" };
  return db.transaction((tx) =>
    decision.subject === "affiliation"
      ? decideAffiliation(tx, decision.id, decision.action, reason, context)
      : decideActor(tx, decision.id, decision.action, reason, context),
  );
}

interface Person {
  id: string;
  name: string;
  email: string;
  locale: Locale;
}

const personColumns = { id: users.id, name: users.name, email: users.email, locale: users.locale };

async function focalPointsOf(tx: Executor, actorId: string, except: string[]): Promise<Person[]> {
  return tx
    .select(personColumns)
    .from(affiliations)
    .innerJoin(users, eq(users.id, affiliations.userId))
    .where(
      and(
        eq(affiliations.actorId, actorId),
        eq(affiliations.status, "approved"),
        eq(affiliations.role, "focal_point"),
        except.length ? notInArray(users.id, except) : undefined,
      ),
    );
}

/** A parameter given in each language (a State's name) is written in the recipient's. */
async function mail(tx: Executor, to: Person, template: DeskMailTemplate, params: Readonly<Record<string, string | NameInEachLanguage>>, context: DecisionContext) {
  const own = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === "string" ? value : value[to.locale]]));
  await enqueueMail(tx, { to: to.email, locale: to.locale, template, params: { name: to.name, link: `${context.appUrl}/dashboard`, ...own } });
}

async function decideAffiliation(
  tx: Executor,
  id: string,
  action: AffiliationDecision,
  reason: string,
  context: DecisionContext,
): Promise<DecisionResult> {
  const now = context.now ?? new Date();
  const staffId = context.staff.id;
  const expected = action === "revoke" ? "approved" : "pending";
  const changes: Partial<typeof affiliations.$inferInsert> =
    action === "approve"
      ? { status: "approved", reviewedByUserId: staffId, reviewedAt: now, reviewReason: null }
      : action === "reject"
        ? { status: "rejected", reviewedByUserId: staffId, reviewedAt: now, reviewReason: reason }
        : action === "requestInfo"
          ? { infoRequestedAt: now, infoRequestedByUserId: staffId, infoRequest: reason, infoResponse: null, infoRespondedAt: null }
          : { status: "revoked", revokedAt: now, revokedByUserId: staffId, revokeReason: reason };
  // Race-safe: the WHERE re-checks the status under the row lock, so of two staff deciding at
  // once the second finds the row already changed and updates nothing. The same statement
  // refuses staff deciding on their own application, and an application that belongs to an
  // organisation still waiting for review (that one is decided with the organisation).
  const conditions: SQL[] = [eq(affiliations.id, id), eq(affiliations.status, expected)];
  if (action !== "revoke") {
    conditions.push(ne(affiliations.userId, staffId));
    conditions.push(sql`exists (select 1 from ${actors} where ${actors.id} = ${affiliations.actorId} and ${actors.status} <> 'pending')`);
  }
  const [changed] = await tx
    .update(affiliations)
    .set({ ...changes, updatedAt: now })
    .where(and(...conditions))
    .returning();
  if (!changed) {
    const [row] = await tx
      .select({ userId: affiliations.userId, status: affiliations.status, actorStatus: actors.status })
      .from(affiliations)
      .innerJoin(actors, eq(actors.id, affiliations.actorId))
      .where(eq(affiliations.id, id));
    if (!row) return { ok: false, reason: "notFound" };
    if (row.status !== expected) return { ok: false, reason: "alreadyDecided" };
    if (row.userId === staffId) return { ok: false, reason: "ownApplication" };
    return { ok: false, reason: "decideWithActor" };
  }

  const [subject] = await tx
    .select({ person: personColumns })
    .from(users)
    .innerJoin(actors, eq(actors.id, changed.actorId))
    .where(eq(users.id, changed.userId));
  if (!subject) throw new Error(`affiliation ${id} lost its user or actor`);
  // "Allemagne" for a French applicant, "Alemania" for a Spanish focal point.
  const actorName = await actorNameInEachLanguage(tx, changed.actorId);

  await recordAudit(tx, {
    userId: staffId,
    action: `affiliation.${auditVerb(action)}`,
    subjectType: "affiliation",
    subjectId: id,
    origin: context.origin,
    data: {
      actorId: changed.actorId,
      userId: changed.userId,
      reason: reason || null,
      before: { status: expected },
      after: { status: changed.status, ...(action === "requestInfo" ? { infoRequest: reason } : {}) },
    },
  });

  const params = { actor: actorName, reason, message: reason, colleague: subject.person.name };
  const template: DeskMailTemplate = {
    approve: "deskAffiliationApproved",
    reject: "deskAffiliationRejected",
    requestInfo: "deskInfoRequested",
    revoke: "deskAffiliationRevoked",
  }[action] as DeskMailTemplate;
  await mail(tx, subject.person, template, params, context);
  // The actor's focal points learn who joins and who leaves the people acting for it.
  if (action === "approve" || action === "revoke") {
    for (const focalPoint of await focalPointsOf(tx, changed.actorId, [changed.userId])) {
      await mail(tx, focalPoint, action === "approve" ? "deskColleagueApproved" : "deskColleagueRevoked", params, context);
    }
  }
  return { ok: true, status: changed.status };
}

async function decideActor(tx: Executor, id: string, action: ActorDecision, reason: string, context: DecisionContext): Promise<DecisionResult> {
  const now = context.now ?? new Date();
  const staffId = context.staff.id;
  const expected = action === "suspend" ? "approved" : action === "reinstate" ? "suspended" : "pending";
  const changes: Partial<typeof actors.$inferInsert> =
    action === "approve"
      ? { status: "approved", reviewedByUserId: staffId, reviewedAt: now, reviewReason: null }
      : action === "reject"
        ? { status: "rejected", reviewedByUserId: staffId, reviewedAt: now, reviewReason: reason }
        : action === "requestInfo"
          ? { infoRequestedAt: now, infoRequestedByUserId: staffId, infoRequest: reason, infoResponse: null, infoRespondedAt: null }
          : action === "suspend"
            ? { status: "suspended", suspendedAt: now, suspendedByUserId: staffId, suspendedReason: reason }
            : { status: "approved" };
  // Race-safe as for affiliations: one conditional statement decides, a concurrent one finds
  // nothing to update. Staff cannot decide a registration they made or wait to represent.
  const conditions: SQL[] = [eq(actors.id, id), eq(actors.status, expected)];
  if (expected === "pending") {
    conditions.push(sql`${actors.createdByUserId} is distinct from ${staffId}`);
    conditions.push(
      sql`not exists (select 1 from ${affiliations} where ${affiliations.actorId} = ${actors.id} and ${affiliations.userId} = ${staffId} and ${affiliations.status} = 'pending')`,
    );
  }
  const [changed] = await tx
    .update(actors)
    .set({ ...changes, updatedAt: now })
    .where(and(...conditions))
    .returning();
  if (!changed) {
    // Why nothing changed: no such actor, another decision came first, or it is the staff member's own.
    const [row] = await tx.select({ status: actors.status }).from(actors).where(eq(actors.id, id));
    if (!row) return { ok: false, reason: "notFound" };
    return { ok: false, reason: row.status === expected ? "ownApplication" : "alreadyDecided" };
  }

  // A registration's own applications (the registrant as focal point) follow its approval or rejection.
  let applicants: { affiliationId: string; person: Person }[] = [];
  if (action === "approve" || action === "reject") {
    const decided = await tx
      .update(affiliations)
      .set(
        action === "approve"
          ? { status: "approved", reviewedByUserId: staffId, reviewedAt: now, updatedAt: now }
          : { status: "rejected", reviewedByUserId: staffId, reviewedAt: now, reviewReason: reason, updatedAt: now },
      )
      .where(and(eq(affiliations.actorId, id), eq(affiliations.status, "pending")))
      .returning({ id: affiliations.id, userId: affiliations.userId });
    if (decided.length) {
      const people = await tx.select(personColumns).from(users).where(inArray(users.id, decided.map((d) => d.userId)));
      applicants = decided.flatMap((d) => {
        const person = people.find((p) => p.id === d.userId);
        return person ? [{ affiliationId: d.id, person }] : [];
      });
    }
  }

  await recordAudit(tx, {
    userId: staffId,
    action: `actor.${auditVerb(action)}`,
    subjectType: "actor",
    subjectId: id,
    origin: context.origin,
    data: {
      actorId: id,
      userId: changed.createdByUserId,
      reason: reason || null,
      before: { status: expected },
      after: { status: changed.status, ...(action === "requestInfo" ? { infoRequest: reason } : {}) },
      ...(applicants.length ? { affiliations: applicants.map((a) => a.affiliationId) } : {}),
    },
  });

  const params = { actor: changed.name, reason, message: reason };
  if (action === "approve" || action === "reject") {
    for (const { person } of applicants) await mail(tx, person, action === "approve" ? "deskActorApproved" : "deskActorRejected", params, context);
  } else if (action === "requestInfo") {
    const asked = await tx
      .select(personColumns)
      .from(affiliations)
      .innerJoin(users, eq(users.id, affiliations.userId))
      .where(and(eq(affiliations.actorId, id), eq(affiliations.status, "pending")));
    for (const person of asked) await mail(tx, person, "deskInfoRequested", params, context);
  } else {
    // Suspension and reinstatement: everyone approved to act for it hears at once.
    const representatives = await tx
      .select(personColumns)
      .from(affiliations)
      .innerJoin(users, eq(users.id, affiliations.userId))
      .where(and(eq(affiliations.actorId, id), eq(affiliations.status, "approved")));
    for (const person of representatives) await mail(tx, person, action === "suspend" ? "deskActorSuspended" : "deskActorReinstated", params, context);
  }
  return { ok: true, status: changed.status };
}

function auditVerb(action: AffiliationDecision | ActorDecision): string {
  return {
    approve: "approved",
    reject: "rejected",
    requestInfo: "info_requested",
    revoke: "revoked",
    suspend: "suspended",
    reinstate: "reinstated",
  }[action];
}

/** Audit actions written by the desk: the audit page's action filter offers these. */
export const DESK_AUDIT_ACTIONS = [
  "actor.approved",
  "actor.rejected",
  "actor.info_requested",
  "actor.suspended",
  "actor.reinstated",
  "affiliation.approved",
  "affiliation.rejected",
  "affiliation.info_requested",
  "affiliation.revoked",
] as const;
