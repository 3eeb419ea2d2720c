// The applicant's side of joining: claim a state, register an organisation, join an existing
// one. Each use case is one transaction holding the change and its audit row; the database's
// partial unique indexes (one open affiliation per user and actor, one pending organisation
// per name) make a double submission or a race answer "already", never a second row.
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { RequestOrigin } from "~/auth/audit.server";
import { recordAudit } from "~/auth/audit.server";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, countries, type Locale } from "~/db/schema";
import { actorDisplayName, containsPattern, countryName, sortableName } from "../actors.server";
import { fail, ok, type Result } from "./result";
import type { ClaimStateInput, JoinActorInput, RegisterOrganisationInput } from "./schemas";

/** The 195 reference states (UN members and observers) for a select, named in the reader's language. */
export async function listStates(db: Executor, locale: Locale) {
  const name = countryName(locale);
  return db
    .select({ code: countries.iso3, name: sql<string>`${name}` })
    .from(countries)
    .orderBy(asc(sortableName(sql<string>`${name}`)));
}

// Below this trigram similarity two names are different organisations; 0.3 is pg_trgm's own default.
const SIMILARITY_THRESHOLD = 0.3;

export interface SimilarActor {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  status: "pending" | "approved" | "rejected" | "suspended";
}

/** "Is it one of these?": approved or pending actors whose name (or acronym) is close to the one typed. */
export async function findSimilarActors(db: Executor, name: string, acronym: string | undefined, locale: Locale): Promise<SimilarActor[]> {
  const typed = name.trim().toLowerCase();
  const similarity = sql<number>`similarity(lower(${actors.name}), ${typed})`;
  return db
    .select({ id: actors.id, name: actorDisplayName(locale), shortName: actors.shortName, kind: actors.kind, status: actors.status })
    .from(actors)
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(
      and(
        inArray(actors.status, ["approved", "pending"]),
        or(
          // The % operator uses the trigram index; the threshold is pg_trgm's, 0.3 by default.
          sql`lower(${actors.name}) % ${typed}`,
          sql`${similarity} >= ${SIMILARITY_THRESHOLD}`,
          acronym ? sql`lower(${actors.shortName}) = ${acronym.trim().toLowerCase()}` : undefined,
        ),
      ),
    )
    .orderBy(sql`${similarity} desc`, asc(actors.name))
    .limit(5);
}

/** Approved organisations a member may ask to join (states are claimed through their own path). */
export async function searchJoinableActors(db: Executor, q: string | undefined, locale: Locale) {
  const text = q?.trim().toLowerCase();
  const where = and(
    eq(actors.status, "approved"),
    ne(actors.kind, "state"),
    text
      ? or(
          sql`${actors.name} ilike ${containsPattern(text)}`,
          sql`${actors.shortName} ilike ${containsPattern(text)}`,
          sql`lower(${actors.name}) % ${text}`,
        )
      : undefined,
  );
  return db
    .select({ id: actors.id, name: actorDisplayName(locale), shortName: actors.shortName, kind: actors.kind, countryName: countryName(locale) })
    .from(actors)
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(where)
    .orderBy(text ? sql`similarity(lower(${actors.name}), ${text}) desc` : asc(actors.name), asc(actors.name))
    .limit(20);
}

type ApplyReason = "unknownState" | "unknownActor" | "alreadyOpen";

/** A pending affiliation to the state's reference actor: a user never creates or duplicates a state. */
export async function claimState(
  db: Executor,
  userId: string,
  input: ClaimStateInput,
  origin: RequestOrigin,
  now = new Date(),
): Promise<Result<{ affiliationId: string; actorId: string }, ApplyReason>> {
  return db.transaction(async (tx) => {
    const [state] = await tx
      .select({ id: actors.id })
      .from(actors)
      .where(and(eq(actors.kind, "state"), eq(actors.countryCode, input.stateCode), eq(actors.status, "approved")));
    if (!state) return fail("unknownState");
    const affiliationId = await insertAffiliation(tx, userId, state.id, {
      role: input.role,
      title: input.title,
      ministryOrMission: input.ministryOrMission,
      officialEmail: input.officialEmail,
      message: input.message ?? null,
      now,
    });
    if (!affiliationId) return fail("alreadyOpen");
    await recordAudit(tx, {
      userId,
      action: "affiliation.requested",
      subjectType: "affiliation",
      subjectId: affiliationId,
      origin,
      data: { after: { status: "pending", role: input.role, actorId: state.id, stateCode: input.stateCode } },
    });
    return ok({ affiliationId, actorId: state.id });
  });
}

type RegisterResult =
  | { ok: true; actorId: string; affiliationId: string }
  | { ok: false; reason: "possibleDuplicates"; candidates: SimilarActor[] }
  | { ok: false; reason: "alreadyPending" };

/**
 * A new organisation (pending) and its registrant as its focal point (pending). Near-duplicates
 * are shown first: the applicant proceeds by confirming this very name ("none of these").
 */
export async function registerOrganisation(
  db: Executor,
  userId: string,
  input: RegisterOrganisationInput,
  locale: Locale,
  origin: RequestOrigin,
  now = new Date(),
): Promise<RegisterResult> {
  if (input.confirmedName !== input.name) {
    const candidates = await findSimilarActors(db, input.name, input.acronym, locale);
    if (candidates.length > 0) return { ok: false, reason: "possibleDuplicates", candidates };
  }
  return db.transaction(async (tx) => {
    // The partial unique index on pending names decides a race between two registrations.
    const [actor] = await tx
      .insert(actors)
      .values({
        kind: input.kind,
        category: input.kind === "other" ? (input.category ?? "other") : null,
        name: input.name,
        shortName: input.acronym ?? null,
        countryCode: input.countryCode ?? null,
        website: input.website ?? null,
        description: input.description,
        motivation: input.motivation,
        status: "pending",
        createdByUserId: userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: actors.id });
    if (!actor) return fail("alreadyPending");
    const affiliationId = await insertAffiliation(tx, userId, actor.id, {
      role: "focal_point",
      title: input.title,
      ministryOrMission: null,
      officialEmail: input.officialEmail,
      message: null,
      now,
    });
    if (!affiliationId) throw new Error("a new actor already had an open affiliation");
    await recordAudit(tx, {
      userId,
      action: "actor.registered",
      subjectType: "actor",
      subjectId: actor.id,
      origin,
      data: { after: { status: "pending", kind: input.kind, name: input.name } },
    });
    await recordAudit(tx, {
      userId,
      action: "affiliation.requested",
      subjectType: "affiliation",
      subjectId: affiliationId,
      origin,
      data: { after: { status: "pending", role: "focal_point", actorId: actor.id } },
    });
    return ok({ actorId: actor.id, affiliationId });
  });
}

/** A pending affiliation to an approved organisation. */
export async function joinActor(
  db: Executor,
  userId: string,
  input: JoinActorInput,
  origin: RequestOrigin,
  now = new Date(),
): Promise<Result<{ affiliationId: string }, ApplyReason>> {
  return db.transaction(async (tx) => {
    const [actor] = await tx
      .select({ id: actors.id })
      .from(actors)
      .where(and(eq(actors.id, input.actorId), eq(actors.status, "approved"), ne(actors.kind, "state")));
    if (!actor) return fail("unknownActor");
    const affiliationId = await insertAffiliation(tx, userId, actor.id, {
      role: input.role,
      title: input.title,
      ministryOrMission: null,
      officialEmail: input.officialEmail,
      message: input.message ?? null,
      now,
    });
    if (!affiliationId) return fail("alreadyOpen");
    await recordAudit(tx, {
      userId,
      action: "affiliation.requested",
      subjectType: "affiliation",
      subjectId: affiliationId,
      origin,
      data: { after: { status: "pending", role: input.role, actorId: actor.id } },
    });
    return ok({ affiliationId });
  });
}

interface AffiliationFields {
  role: "focal_point" | "delegate";
  title: string;
  ministryOrMission: string | null;
  officialEmail: string;
  message: string | null;
  now: Date;
}

/** The new affiliation's id, or null when the user already has an open one with this actor. */
async function insertAffiliation(tx: Executor, userId: string, actorId: string, f: AffiliationFields): Promise<string | null> {
  // ON CONFLICT DO NOTHING against the partial unique index: two clicks, one row, no error.
  const [row] = await tx
    .insert(affiliations)
    .values({
      userId,
      actorId,
      role: f.role,
      status: "pending",
      title: f.title,
      ministryOrMission: f.ministryOrMission,
      officialEmail: f.officialEmail,
      message: f.message,
      createdAt: f.now,
      updatedAt: f.now,
    })
    .onConflictDoNothing()
    .returning({ id: affiliations.id });
  return row?.id ?? null;
}
