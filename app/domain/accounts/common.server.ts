// What every accounts use case shares: how an email is compared, how an account is found, how a
// rate limit stops a use case, and the one shape of a use case's answer. A use case returns
// `{ ok: true, … }` or `{ ok: false, reason }` (the route turns the reason into a form error with
// app/utils/form-errors.server.ts) and throws only for a rate limit (RateLimitedError → 429) or a bug.
import { eq, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { users, type User } from "~/db/schema";
import { passwordProblem, type PasswordOwner, type PasswordProblem } from "~/auth/password-policy.server";
import { hitRateLimit, RateLimitedError, type RateLimitRule } from "~/auth/rate-limit.server";

export type Refusal<Reason extends string> = { ok: false; reason: Reason };

/** A new password the policy refuses; `problem` names the rule, for the field error. */
export type WeakPassword = { ok: false; reason: "weakPassword"; problem: PasswordProblem };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${normaliseEmail(email)}`);
  return user;
}

/** The account behind a session or an id the caller already holds: its absence is a bug. */
export async function findUser(db: Executor, id: string): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user) throw new Error(`No user ${id}`);
  return user;
}

/** Counts one request against a limit and stops the use case once it is over. */
export async function enforce(db: Executor, key: string, rule: RateLimitRule, now: Date): Promise<void> {
  const state = await hitRateLimit(db, key, rule, now);
  if (!state.allowed) throw new RateLimitedError(state.retryAfterSeconds);
}

/** The policy's verdict on a new password, as a refusal, or null when it may be used. */
export function weakPassword(password: string, owner: PasswordOwner): WeakPassword | null {
  const problem = passwordProblem(password, owner);
  return problem ? { ok: false, reason: "weakPassword", problem } : null;
}
