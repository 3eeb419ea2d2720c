// An initiative's life before and after it is public: proposed by a representative, reviewed by
// the secretariat (approve, reject, ask for changes), later closed. Each review decision is one
// conditional UPDATE, so when two staff act at once exactly one decision wins.
import crypto from "node:crypto";
import { and, asc, desc, eq, inArray, like, or, sql } from "drizzle-orm";
import { recordAudit } from "~/auth/audit.server";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, countries, initiatives, leadInvitations, participations, users, type InitiativeStatus, type Locale } from "~/db/schema";
import { actorDisplayName, sortableName } from "../actors.server";
import { QUEUE_PAGE_SIZE, type QueueQuery } from "../desk/queue-query";
import { cursorOf, keyset, page } from "../desk/queues.server";
import { recordParticipationEvent } from "./history.server";
import { actorNameInEachLanguage, actorRepresentatives, mailEach } from "./notify.server";
import { representsActor, type Caller, type Outcome } from "./participation.server";
import type { InitiativeText, ProposalInput } from "./schemas";
import { slugFromTitle } from "./slug";

export type ProposeResult = Outcome<{ initiativeId: string }, "notRepresentative">;

/** A representative proposes an initiative for an actor they represent; it waits for review. */
export async function proposeInitiative(db: Executor, by: Caller, input: Omit<ProposalInput, "coLeadQuery">): Promise<ProposeResult> {
  return db.transaction(async (tx) => {
    if (!(await representsActor(tx, by.userId, input.actorId))) return { ok: false, reason: "notRepresentative" };
    const { actorId, coLeadActorIds, ...text } = input;
    const [row] = await tx
      .insert(initiatives)
      .values({
        ...text,
        // A placeholder address until approval gives it its own; proposals are never public.
        slug: `proposal-${crypto.randomBytes(6).toString("hex")}`,
        status: "submitted",
        proposedByActorId: actorId,
        proposedByUserId: by.userId,
      })
      .returning({ id: initiatives.id });
    if (!row) throw new Error("initiative insert returned nothing");
    const coLeads = [...new Set(coLeadActorIds)].filter((id) => id !== actorId);
    if (coLeads.length > 0) {
      const approved = await tx
        .select({ id: actors.id })
        .from(actors)
        .where(and(inArray(actors.id, coLeads), eq(actors.status, "approved")));
      if (approved.length > 0) {
        await tx
          .insert(leadInvitations)
          .values(approved.map((a) => ({ initiativeId: row.id, actorId: a.id, invitedByUserId: by.userId })))
          .onConflictDoNothing();
      }
    }
    await recordAudit(tx, {
      userId: by.userId,
      action: "initiative.propose",
      subjectType: "initiative",
      subjectId: row.id,
      origin: by.origin,
      data: { after: { title: text.title, actorId, coLeads } },
    });
    return { ok: true, initiativeId: row.id };
  });
}

export type EditProposalResult = Outcome<object, "notFound">;

/** The proposer edits their proposal until it is reviewed; after "changes requested" an edit resubmits it. */
export async function editProposal(db: Executor, by: Caller, initiativeId: string, text: InitiativeText): Promise<EditProposalResult> {
  return db.transaction(async (tx) => {
    // Conditional on the author and on an undecided status: a proposal approved meanwhile is not edited here.
    const [row] = await tx
      .update(initiatives)
      .set({ ...text, status: "submitted", updatedAt: new Date() })
      .where(
        and(
          eq(initiatives.id, initiativeId),
          eq(initiatives.proposedByUserId, by.userId),
          inArray(initiatives.status, ["submitted", "changes_requested"]),
        ),
      )
      .returning({ id: initiatives.id });
    if (!row) return { ok: false, reason: "notFound" };
    await recordAudit(tx, { userId: by.userId, action: "initiative.edit", subjectType: "initiative", subjectId: initiativeId, origin: by.origin, data: { after: text } });
    return { ok: true };
  });
}

export type ReviewDecision = "approve" | "reject" | "changes" | "close";
export type ReviewResult = Outcome<{ slug: string; status: InitiativeStatus }, "alreadyDecided">;

const REVIEW_FROM: Record<ReviewDecision, InitiativeStatus> = { approve: "submitted", reject: "submitted", changes: "submitted", close: "active" };
const REVIEW_TO: Record<ReviewDecision, InitiativeStatus> = { approve: "active", reject: "rejected", changes: "changes_requested", close: "closed" };

/** A free, stable address from the title; a short random tail when the plain one is taken. */
async function freeSlug(db: Executor, title: string): Promise<string> {
  const base = slugFromTitle(title);
  const taken = await db
    .select({ slug: initiatives.slug })
    .from(initiatives)
    .where(or(eq(initiatives.slug, base), like(initiatives.slug, `${base}-%`)));
  const used = new Set(taken.map((t) => t.slug));
  if (!used.has(base)) return base;
  for (let n = 2; n < 100; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
  return `${base}-${crypto.randomBytes(3).toString("hex")}`;
}

/** The unique index on initiatives.slug refused a value (drizzle keeps the driver's error in `cause`). */
function isSlugCollision(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const fields = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (fields.code === "23505" && (fields.constraint_name ?? fields.constraint) === "initiatives_slug_unique") return true;
  }
  return false;
}

/**
 * A staff decision on a proposal (approve, reject, ask for changes) or on an active initiative
 * (close). Approval gives the initiative its address and makes the proposing actor its first lead.
 */
export async function reviewInitiative(
  db: Executor,
  by: Caller,
  input: { initiativeId: string; decision: ReviewDecision; reason?: string },
): Promise<ReviewResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ title: initiatives.title }).from(initiatives).where(eq(initiatives.id, input.initiativeId));
    if (!current) return { ok: false, reason: "alreadyDecided" };
    const now = new Date();
    const approving = input.decision === "approve";
    // One statement decides, conditional on the status it starts from: of two staff acting at
    // once, the second finds the status already changed and gets nothing back.
    const decide = (executor: Executor, slug: string | undefined) =>
      executor
        .update(initiatives)
        .set({
          status: REVIEW_TO[input.decision],
          ...(input.decision === "close" ? {} : { reviewedByUserId: by.userId, reviewedAt: now, reviewReason: input.reason || null }),
          ...(slug ? { slug, launchedOn: now.toISOString().slice(0, 10) } : {}),
          updatedAt: now,
        })
        .where(and(eq(initiatives.id, input.initiativeId), eq(initiatives.status, REVIEW_FROM[input.decision])))
        .returning({
          id: initiatives.id,
          slug: initiatives.slug,
          title: initiatives.title,
          status: initiatives.status,
          proposedByActorId: initiatives.proposedByActorId,
          proposedByUserId: initiatives.proposedByUserId,
        });
    let row: Awaited<ReturnType<typeof decide>>[number] | undefined;
    if (!approving) [row] = await decide(tx, undefined);
    else {
      // Two approvals of the same title at once both find the plain address free; the second
      // UPDATE then waits for the first to commit and breaks the unique index. Each attempt runs
      // in a savepoint, so after a collision the transaction goes on and the next free address
      // (read again, now that the other approval is visible) is tried.
      for (let attempt = 1; ; attempt++) {
        const slug = await freeSlug(tx, current.title);
        try {
          [row] = await tx.transaction((savepoint) => decide(savepoint, slug));
          break;
        } catch (error) {
          if (attempt >= 5 || !isSlugCollision(error)) throw error;
        }
      }
    }
    if (!row) return { ok: false, reason: "alreadyDecided" };
    if (approving && row.proposedByActorId) {
      await tx
        .insert(participations)
        .values({ actorId: row.proposedByActorId, initiativeId: row.id, role: "lead", status: "active", signedByUserId: row.proposedByUserId, signedAt: now })
        .onConflictDoNothing();
      await recordParticipationEvent(tx, {
        initiativeId: row.id,
        actorId: row.proposedByActorId,
        kind: "joined",
        status: "active",
        role: "lead",
        byUserId: row.proposedByUserId,
        occurredAt: now,
      });
      const invited = await tx
        .select({ actorId: leadInvitations.actorId })
        .from(leadInvitations)
        .where(and(eq(leadInvitations.initiativeId, row.id), eq(leadInvitations.status, "pending")));
      for (const invitation of invited) {
        await mailEach(tx, await actorRepresentatives(tx, invitation.actorId), "coalitionLeadInvited", {
          actor: await actorNameInEachLanguage(tx, invitation.actorId),
          initiative: row.title,
          link: `${by.appUrl ?? ""}/dashboard`,
        });
      }
    }
    await recordAudit(tx, {
      userId: by.userId,
      action: `initiative.${input.decision}`,
      subjectType: "initiative",
      subjectId: row.id,
      origin: by.origin,
      data: { after: { status: row.status, slug: row.slug }, reason: input.reason || null },
    });
    if (input.decision !== "close" && row.proposedByUserId) {
      const [proposer] = await tx
        .select({ email: users.email, name: users.name, locale: users.locale })
        .from(users)
        .where(eq(users.id, row.proposedByUserId));
      const template = approving ? "coalitionReviewApproved" : input.decision === "reject" ? "coalitionReviewRejected" : "coalitionReviewChanges";
      const link = approving ? `/initiatives/${row.slug}` : `/initiatives/new?proposal=${row.id}`;
      if (proposer) await mailEach(tx, [proposer], template, { initiative: row.title, reason: input.reason ?? "", link: `${by.appUrl ?? ""}${link}` });
    }
    return { ok: true, slug: row.slug, status: row.status };
  });
}

/** How many proposals wait for the secretariat: the figure on the desk page. */
export async function countProposalsToReview(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(initiatives)
    .where(eq(initiatives.status, "submitted"));
  return row?.n ?? 0;
}

/**
 * One page of the review queue, oldest first, with who proposed each for which actor, and the
 * total. Keyset pages over (created_at, id) read the (status, created_at) index in order, like
 * the desk's other queues, however many proposals wait.
 */
export async function listProposalsToReview(db: Executor, query: Pick<QueueQuery, "after" | "before">) {
  const order = query.before ? [desc(initiatives.createdAt), desc(initiatives.id)] : [asc(initiatives.createdAt), asc(initiatives.id)];
  const [rows, total] = await Promise.all([
    db
      .select({
        id: initiatives.id,
        title: initiatives.title,
        summary: initiatives.summary,
        description: initiatives.description,
        goals: initiatives.goals,
        axis: initiatives.axis,
        theme: initiatives.theme,
        joinPolicy: initiatives.joinPolicy,
        language: initiatives.language,
        createdAt: initiatives.createdAt,
        updatedAt: initiatives.updatedAt,
        actorName: actors.name,
        proposerName: users.name,
        cursor: cursorOf(initiatives.createdAt, initiatives.id),
      })
      .from(initiatives)
      .leftJoin(actors, eq(actors.id, initiatives.proposedByActorId))
      .leftJoin(users, eq(users.id, initiatives.proposedByUserId))
      .where(and(eq(initiatives.status, "submitted"), keyset(initiatives.createdAt, initiatives.id, query)))
      .orderBy(...order)
      .limit(QUEUE_PAGE_SIZE + 1),
    countProposalsToReview(db),
  ]);
  return { ...page(rows, query), total };
}

/** The actors a user may act for (approved affiliation, approved actor), by name. */
export async function representedActors(db: Executor, userId: string, locale: Locale) {
  const name = actorDisplayName(locale);
  return db
    .select({ id: actors.id, name })
    .from(affiliations)
    .innerJoin(actors, eq(actors.id, affiliations.actorId))
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(and(eq(affiliations.userId, userId), eq(affiliations.status, "approved"), eq(actors.status, "approved")))
    .orderBy(asc(sortableName(name)));
}

/** A proposal its author may still edit, with the secretariat's message when it asked for changes. */
export async function ownEditableProposal(db: Executor, userId: string, initiativeId: string) {
  const [row] = await db
    .select({
      id: initiatives.id,
      title: initiatives.title,
      summary: initiatives.summary,
      description: initiatives.description,
      goals: initiatives.goals,
      axis: initiatives.axis,
      theme: initiatives.theme,
      joinPolicy: initiatives.joinPolicy,
      language: initiatives.language,
      status: initiatives.status,
      reviewReason: initiatives.reviewReason,
      actorId: initiatives.proposedByActorId,
    })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), eq(initiatives.proposedByUserId, userId), inArray(initiatives.status, ["submitted", "changes_requested"])));
  return row ?? null;
}

/** Active initiatives, for the staff's "close an initiative" choice. */
export async function listActiveInitiatives(db: Executor) {
  return db
    .select({ id: initiatives.id, title: initiatives.title, slug: initiatives.slug })
    .from(initiatives)
    .where(eq(initiatives.status, "active"))
    .orderBy(asc(initiatives.title));
}
