// Test factories for the directory's rows (actors, affiliations, initiatives, participations),
// so each test says what it needs in one line instead of repeating raw inserts; every value has
// a default a test can override. Accounts and sessions are in ./accounts.ts.
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import {
  actors,
  affiliations,
  initiatives,
  participations,
  type Actor,
  type Affiliation,
  type Initiative,
  type Participation,
  type User,
} from "~/db/schema";
import { createUser, startSession, type NewUser, type StartedSession } from "./accounts";

const suffix = () => crypto.randomBytes(4).toString("hex");

export type NewActor = Partial<typeof actors.$inferInsert>;

/** An organisation (default: an approved NGO with a unique name). States exist already: see stateActor. */
export async function createActor(db: Executor, values: NewActor = {}): Promise<Actor> {
  const [actor] = await db
    .insert(actors)
    .values({ kind: "ngo", name: `Test Organisation ${suffix()}`, status: "approved", ...values })
    .returning();
  if (!actor) throw new Error("actor insert returned nothing");
  return actor;
}

/** The reference actor of a UN state, by ISO alpha-3 code (every state has one from the start). */
export async function stateActor(db: Executor, iso3: string): Promise<Actor> {
  const [actor] = await db
    .select()
    .from(actors)
    .where(and(eq(actors.kind, "state"), eq(actors.countryCode, iso3)));
  if (!actor) throw new Error(`no state actor for ${iso3}`);
  return actor;
}

export type NewAffiliation = Partial<typeof affiliations.$inferInsert>;

/** An affiliation of a user to an actor (default: an approved focal point). */
export async function createAffiliation(
  db: Executor,
  user: Pick<User, "id">,
  actor: Pick<Actor, "id">,
  values: NewAffiliation = {},
): Promise<Affiliation> {
  const status = values.status ?? "approved";
  const [affiliation] = await db
    .insert(affiliations)
    .values({
      userId: user.id,
      actorId: actor.id,
      role: "focal_point",
      status,
      reviewedAt: status === "pending" ? null : new Date(),
      ...values,
    })
    .returning();
  if (!affiliation) throw new Error("affiliation insert returned nothing");
  return affiliation;
}

export type NewInitiative = Partial<typeof initiatives.$inferInsert>;

/** An initiative (default: active, open to anyone, on the reform axis). */
export async function createInitiative(db: Executor, values: NewInitiative = {}): Promise<Initiative> {
  const s = suffix();
  const [initiative] = await db
    .insert(initiatives)
    .values({
      slug: `initiative-${s}`,
      title: `Test Initiative ${s}`,
      summary: "An initiative made by a test.",
      axis: "reform",
      theme: "other",
      status: "active",
      ...values,
    })
    .returning();
  if (!initiative) throw new Error("initiative insert returned nothing");
  return initiative;
}

/** An actor's participation in an initiative (default: an active supporter). */
export async function participate(
  db: Executor,
  actor: Pick<Actor, "id">,
  initiative: Pick<Initiative, "id">,
  values: Partial<typeof participations.$inferInsert> = {},
): Promise<Participation> {
  const [row] = await db
    .insert(participations)
    .values({ actorId: actor.id, initiativeId: initiative.id, role: "supporter", status: "active", ...values })
    .returning();
  if (!row) throw new Error("participation insert returned nothing");
  return row;
}

export interface Member {
  user: User;
  session: StartedSession;
  /** The Cookie header of a signed-in browser. */
  cookie: string;
}

/** A verified member, signed in. */
export async function createMember(db: Executor, options: NewUser = {}): Promise<Member> {
  const user = await createUser(db, options);
  const session = await startSession(db, user);
  return { user, session, cookie: session.cookie };
}

/** A signed-in member who represents the actor (default: an approved focal point). */
export async function createRepresentative(
  db: Executor,
  actor: Pick<Actor, "id">,
  values: NewAffiliation = {},
  options: NewUser = {},
): Promise<Member & { affiliation: Affiliation }> {
  const member = await createMember(db, options);
  const affiliation = await createAffiliation(db, member.user, actor, values);
  return { ...member, affiliation };
}
