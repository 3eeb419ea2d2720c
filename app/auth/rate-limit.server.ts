// Fixed-window counters in PostgreSQL: every app instance behind the load balancer sees
// the same counts. One atomic upsert per hit; no read-modify-write race.
import { and, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { rateLimits } from "~/db/schema";

export interface RateLimitRule {
  /** Maximum hits in one window. */
  limit: number;
  windowSeconds: number;
}

export const RATE_LIMITS = {
  signInFailuresPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  signInFailuresPerIp: { limit: 100, windowSeconds: 60 * 60 },
  // Successful ones too: each costs a hash and a session row, and a script that knows one
  // password could otherwise sign in thousands of times (sessions per account are capped as well).
  signInsPerIp: { limit: 100, windowSeconds: 60 * 60 },
  signUpPerIp: { limit: 10, windowSeconds: 60 * 60 },
  signUpPerEmail: { limit: 3, windowSeconds: 60 * 60 },
  passwordResetPerIp: { limit: 10, windowSeconds: 60 * 60 },
  passwordResetPerEmail: { limit: 3, windowSeconds: 60 * 60 },
  verificationResendPerIp: { limit: 10, windowSeconds: 60 * 60 },
  verificationResendPerUser: { limit: 3, windowSeconds: 60 * 60 },
  twoFactorFailuresPerUser: { limit: 10, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

export interface RateLimitState {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

function windowOf(rule: RateLimitRule, now: Date) {
  const windowMs = rule.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const end = new Date(start.getTime() + windowMs);
  return { start, end, retryAfterSeconds: Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000)) };
}

/** Counts one hit and says whether it is still within the limit. */
export async function hitRateLimit(db: Executor, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitState> {
  const window = windowOf(rule, now);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: window.start, hits: 1, expiresAt: window.end })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({ hits: rateLimits.hits });
  // Stryker disable next-line OptionalChaining: equivalent, an upsert with RETURNING always returns its row
  const hits = row?.hits ?? 1;
  return { allowed: hits <= rule.limit, hits, retryAfterSeconds: window.retryAfterSeconds };
}

/** Reads the count without adding to it: used before hashing a password, so a flood costs no CPU. */
export async function peekRateLimit(db: Executor, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitState> {
  const window = windowOf(rule, now);
  const [row] = await db
    .select({ hits: rateLimits.hits })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, window.start)));
  const hits = row?.hits ?? 0;
  return { allowed: hits < rule.limit, hits, retryAfterSeconds: window.retryAfterSeconds };
}

export async function clearRateLimit(db: Executor, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

export async function purgeExpiredRateLimits(db: Executor, now = new Date()): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.expiresAt, now));
}

/** Thrown by a domain function; the route answers 429 with Retry-After. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts; retry after ${retryAfterSeconds} s`);
    this.name = "RateLimitedError";
  }
}
