// What a signed-in member sees of their own membership (/dashboard, /account, the home page)
// and what an approved representative does for their actor: answer the secretariat, ask it to
// revoke a colleague, keep the actor's public profile up to date.
import { and, asc, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { RequestOrigin } from "~/auth/audit.server";
import { recordAudit } from "~/auth/audit.server";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, countries, users, type Locale } from "~/db/schema";
import { actorDisplayName } from "../actors.server";
import { parseUpcomingMeetings, upcomingMeetingsForUserSql } from "../coalitions/meetings.server";
import { fail, ok, type Result } from "./result";
import type { ActorProfileInput } from "./schemas";

/**
 * The person's affiliations, newest first, and (read in the same statement, as one json value)
 * the upcoming meetings of the initiatives their actors take part in.
 */
export async function myAffiliationsAndMeetings(db: Executor, userId: string, locale: Locale) {
  const rows = await selectAffiliations(db, userId, locale, upcomingMeetingsForUserSql(userId));
  return { affiliations: shape(rows, userId), meetings: parseUpcomingMeetings(rows[0]?.meetings) };
}

export async function listMyAffiliations(db: Executor, userId: string, locale: Locale) {
  return shape(await selectAffiliations(db, userId, locale, sql`null`), userId);
}

function selectAffiliations(db: Executor, userId: string, locale: Locale, meetingsJson: SQL<unknown>) {
  return db
    .select({
      meetings: meetingsJson,
      id: affiliations.id,
      role: affiliations.role,
      status: affiliations.status,
      title: affiliations.title,
      createdAt: affiliations.createdAt,
      reviewedAt: affiliations.reviewedAt,
      reviewReason: affiliations.reviewReason,
      infoRequestedAt: affiliations.infoRequestedAt,
      infoRequest: affiliations.infoRequest,
      infoResponse: affiliations.infoResponse,
      infoRespondedAt: affiliations.infoRespondedAt,
      revokedAt: affiliations.revokedAt,
      revokeReason: affiliations.revokeReason,
      actor: {
        id: actors.id,
        name: actorDisplayName(locale),
        kind: actors.kind,
        status: actors.status,
        createdByUserId: actors.createdByUserId,
        reviewReason: actors.reviewReason,
        infoRequestedAt: actors.infoRequestedAt,
        infoRequest: actors.infoRequest,
        infoResponse: actors.infoResponse,
        infoRespondedAt: actors.infoRespondedAt,
        suspendedReason: actors.suspendedReason,
      },
    })
    .from(affiliations)
    .innerJoin(actors, eq(actors.id, affiliations.actorId))
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(eq(affiliations.userId, userId))
    .orderBy(desc(affiliations.createdAt));
}

function shape(rows: Awaited<ReturnType<typeof selectAffiliations>>, userId: string) {
  return rows.map(({ meetings: _meetings, ...row }) => ({
    ...row,
    awaitingAnswer: awaitingAnswer(row.status, row),
    // The registration of an organisation is the registrant's to answer for, too.
    actorAwaitingAnswer: row.actor.status === "pending" && row.actor.createdByUserId === userId && awaitingAnswer("pending", row.actor),
    /** Rights follow status: only an approved affiliation of an approved actor acts for it. */
    active: row.status === "approved" && row.actor.status === "approved",
  }));
}

export type MyAffiliation = Awaited<ReturnType<typeof listMyAffiliations>>[number];

function awaitingAnswer(status: string, row: { infoRequestedAt: Date | null; infoRespondedAt: Date | null }): boolean {
  return status === "pending" && row.infoRequestedAt !== null && (row.infoRespondedAt === null || row.infoRespondedAt < row.infoRequestedAt);
}

export type NextStep =
  | { kind: "apply" }
  | { kind: "answer"; since: Date }
  | { kind: "waiting"; since: Date }
  | { kind: "approved"; actors: { id: string; name: string }[] };

/** Where the person stands: apply → answer the secretariat → waiting since → approved. */
export function nextStep(list: MyAffiliation[]): NextStep {
  const active = list.filter((a) => a.active);
  if (active.length > 0) return { kind: "approved", actors: active.map((a) => ({ id: a.actor.id, name: a.actor.name })) };
  const answer = list.find((a) => a.awaitingAnswer || a.actorAwaitingAnswer);
  if (answer) return { kind: "answer", since: (answer.awaitingAnswer ? answer.infoRequestedAt : answer.actor.infoRequestedAt) ?? answer.createdAt };
  const pending = list.filter((a) => a.status === "pending").sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (pending[0]) return { kind: "waiting", since: pending[0].createdAt };
  return { kind: "apply" };
}

/** The next step alone (home page, /account): one query. */
export async function getNextStep(db: Executor, userId: string, locale: Locale): Promise<NextStep> {
  return nextStep(await listMyAffiliations(db, userId, locale));
}

/** The applicant answers the secretariat's request for more information; the item stays pending. */
export async function answerInformationRequest(
  db: Executor,
  userId: string,
  subject: { type: "affiliation" | "actor"; id: string },
  response: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<Result<object, "forbidden" | "notAwaitingAnswer">> {
  return db.transaction(async (tx) => {
    const table = subject.type === "affiliation" ? affiliations : actors;
    const owner = subject.type === "affiliation" ? affiliations.userId : actors.createdByUserId;
    const [mine] = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, subject.id), eq(owner, userId)));
    if (!mine) return fail("forbidden");
    // One statement: a decision taken meanwhile (status no longer pending) makes the answer moot.
    const [answered] = await tx
      .update(table)
      .set({ infoResponse: response, infoRespondedAt: now, updatedAt: now })
      .where(
        and(
          eq(table.id, subject.id),
          eq(table.status, "pending"),
          sql`${table.infoRequestedAt} is not null`,
          sql`(${table.infoRespondedAt} is null or ${table.infoRespondedAt} < ${table.infoRequestedAt})`,
        ),
      )
      .returning({ id: table.id });
    if (!answered) return fail("notAwaitingAnswer");
    await recordAudit(tx, {
      userId,
      action: `${subject.type}.information_provided`,
      subjectType: subject.type,
      subjectId: subject.id,
      origin,
      data: { after: { infoResponse: response } },
    });
    return ok();
  });
}

/** Whether the user is an approved focal point of this approved actor (rights follow status). */
export async function isFocalPoint(db: Executor, userId: string, actorId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: affiliations.id })
    .from(affiliations)
    .innerJoin(actors, eq(actors.id, affiliations.actorId))
    .where(
      and(
        eq(affiliations.userId, userId),
        eq(affiliations.actorId, actorId),
        eq(affiliations.status, "approved"),
        eq(affiliations.role, "focal_point"),
        eq(actors.status, "approved"),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * The actor as its representative sees it, with its other representatives. Emails are shown
 * because the reader shares this actor with them; nobody else's are ever selected.
 */
export async function getRepresentedActor(db: Executor, userId: string, actorId: string, locale: Locale) {
  const [actor] = await db
    .select({
      id: actors.id,
      kind: actors.kind,
      name: actorDisplayName(locale),
      ownName: actors.name,
      shortName: actors.shortName,
      website: actors.website,
      description: actors.description,
    })
    .from(actors)
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(eq(actors.id, actorId));
  if (!actor) return null;
  const requester = alias(users, "requester");
  const colleagues = await db
    .select({
      affiliationId: affiliations.id,
      name: users.name,
      email: users.email,
      role: affiliations.role,
      title: affiliations.title,
      since: affiliations.reviewedAt,
      revocationRequestedAt: affiliations.revocationRequestedAt,
      revocationRequestedBy: requester.name,
    })
    .from(affiliations)
    .innerJoin(users, eq(users.id, affiliations.userId))
    .leftJoin(requester, eq(requester.id, affiliations.revocationRequestedByUserId))
    .where(and(eq(affiliations.actorId, actorId), eq(affiliations.status, "approved"), ne(affiliations.userId, userId)))
    .orderBy(asc(affiliations.role), asc(users.name));
  const focalPoint = await isFocalPoint(db, userId, actorId);
  return { actor, colleagues, focalPoint };
}

/** A focal point asks the secretariat to revoke a colleague; staff decide (the desk). */
export async function requestRevocation(
  db: Executor,
  userId: string,
  actorId: string,
  affiliationId: string,
  reason: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<Result<object, "forbidden" | "notFound">> {
  return db.transaction(async (tx) => {
    if (!(await isFocalPoint(tx, userId, actorId))) return fail("forbidden");
    // Scoped by actor in the statement itself: an affiliation id of another actor matches nothing.
    const [row] = await tx
      .update(affiliations)
      .set({ revocationRequestedAt: now, revocationRequestedByUserId: userId, revocationRequestReason: reason, updatedAt: now })
      .where(
        and(
          eq(affiliations.id, affiliationId),
          eq(affiliations.actorId, actorId),
          eq(affiliations.status, "approved"),
          ne(affiliations.userId, userId),
        ),
      )
      .returning({ id: affiliations.id });
    if (!row) return fail("notFound");
    await recordAudit(tx, {
      userId,
      action: "affiliation.revocation_requested",
      subjectType: "affiliation",
      subjectId: affiliationId,
      origin,
      data: { actorId, reason },
    });
    return ok();
  });
}

/** A focal point edits the actor's public profile; a state's name is reference data and stays. */
export async function updateActorProfile(
  db: Executor,
  userId: string,
  actorId: string,
  input: ActorProfileInput,
  origin: RequestOrigin,
  now = new Date(),
): Promise<Result<object, "forbidden" | "nameRequired">> {
  return db.transaction(async (tx) => {
    if (!(await isFocalPoint(tx, userId, actorId))) return fail("forbidden");
    const [before] = await tx
      .select({ kind: actors.kind, name: actors.name, shortName: actors.shortName, website: actors.website, description: actors.description })
      .from(actors)
      .where(eq(actors.id, actorId));
    if (!before) return fail("forbidden");
    const isState = before.kind === "state";
    if (!isState && !input.name) return fail("nameRequired");
    const after = {
      name: isState ? before.name : (input.name ?? before.name),
      shortName: input.shortName ?? null,
      website: input.website ?? null,
      description: input.description ?? null,
    };
    await tx
      .update(actors)
      .set({ ...after, updatedAt: now })
      .where(eq(actors.id, actorId));
    await recordAudit(tx, {
      userId,
      action: "actor.profile_updated",
      subjectType: "actor",
      subjectId: actorId,
      origin,
      data: { before: { name: before.name, shortName: before.shortName, website: before.website, description: before.description }, after },
    });
    return ok();
  });
}
