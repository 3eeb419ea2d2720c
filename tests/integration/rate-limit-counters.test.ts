// The counters behind every rate limit (app/auth/rate-limit.server.ts) on the real database: how
// many attempts a window allows, when a new window starts, the Retry-After a refused person is
// told, and which rows the clean-up removes. The sign-in, sign-up and reset limits built on them
// are tested in auth-rate-limits.test.ts.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clearRateLimit, hitRateLimit, peekRateLimit, purgeExpiredRateLimits, RateLimitedError } from "~/auth/rate-limit.server";
import { rateLimits } from "~/db/schema";
import { useTestDatabase } from "../support/db";

const t = useTestDatabase();
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const RULE = { limit: 3, windowSeconds: 15 * 60 };
// The start of a 15-minute window.
const T0 = new Date("2025-01-06T10:15:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
let keys = 0;
const newKey = () => `test:${++keys}:${Math.random()}`;

describe("hitRateLimit", () => {
  it("counts each attempt and allows exactly the limit in one window", async () => {
    const key = newKey();
    const states = [];
    for (let i = 0; i < 5; i++) states.push(await hitRateLimit(t.db, key, RULE, at(i * MINUTE)));
    expect(states.map((s) => [s.hits, s.allowed])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
      [5, false],
    ]);
  });

  it("starts counting afresh in the next window, not before", async () => {
    const key = newKey();
    for (let i = 0; i < 3; i++) await hitRateLimit(t.db, key, RULE, at(0));
    expect(await hitRateLimit(t.db, key, RULE, at(15 * MINUTE - 1))).toMatchObject({ hits: 4, allowed: false });
    expect(await hitRateLimit(t.db, key, RULE, at(15 * MINUTE))).toMatchObject({ hits: 1, allowed: true });
  });

  it("tells how long until the window ends, in whole seconds rounded up, and never less than one", async () => {
    expect((await hitRateLimit(t.db, newKey(), RULE, at(0))).retryAfterSeconds).toBe(15 * 60);
    expect((await hitRateLimit(t.db, newKey(), RULE, at(10 * MINUTE + 500))).retryAfterSeconds).toBe(5 * 60);
    expect((await hitRateLimit(t.db, newKey(), RULE, at(10 * MINUTE - 500))).retryAfterSeconds).toBe(5 * 60 + 1);
    expect((await hitRateLimit(t.db, newKey(), RULE, at(15 * MINUTE - 1))).retryAfterSeconds).toBe(1);
  });

  it("keeps each key's count apart", async () => {
    const [one, other] = [newKey(), newKey()];
    for (let i = 0; i < 4; i++) await hitRateLimit(t.db, one, RULE, at(0));
    expect(await hitRateLimit(t.db, other, RULE, at(0))).toMatchObject({ hits: 1, allowed: true });
  });

  it("stores the window's start and its end as the row's expiry", async () => {
    const key = newKey();
    await hitRateLimit(t.db, key, RULE, at(7 * MINUTE));
    const rows = await t.db.select().from(rateLimits).where(eq(rateLimits.key, key));
    expect(rows.map((r) => [r.windowStart.toISOString(), r.expiresAt.toISOString(), r.hits])).toEqual([[T0.toISOString(), at(15 * MINUTE).toISOString(), 1]]);
  });
});

describe("peekRateLimit", () => {
  it("reads the count without adding to it, and refuses once the limit is used up", async () => {
    const key = newKey();
    expect(await peekRateLimit(t.db, key, RULE, at(0))).toEqual({ allowed: true, hits: 0, retryAfterSeconds: 15 * 60 });
    await hitRateLimit(t.db, key, RULE, at(0));
    await hitRateLimit(t.db, key, RULE, at(0));
    expect(await peekRateLimit(t.db, key, RULE, at(MINUTE))).toEqual({ allowed: true, hits: 2, retryAfterSeconds: 14 * 60 });
    expect(await peekRateLimit(t.db, key, RULE, at(MINUTE))).toMatchObject({ hits: 2 });
    await hitRateLimit(t.db, key, RULE, at(0));
    expect(await peekRateLimit(t.db, key, RULE, at(MINUTE))).toMatchObject({ allowed: false, hits: 3 });
  });

  it("reads the current window only, and the key asked for only", async () => {
    const key = newKey();
    for (let i = 0; i < 3; i++) await hitRateLimit(t.db, key, RULE, at(0));
    expect(await peekRateLimit(t.db, key, RULE, at(15 * MINUTE))).toMatchObject({ allowed: true, hits: 0 });
    expect(await peekRateLimit(t.db, newKey(), RULE, at(0))).toMatchObject({ allowed: true, hits: 0 });
  });
});

describe("clearing and purging", () => {
  it("clearRateLimit forgets one key's attempts and no other's", async () => {
    const [cleared, kept] = [newKey(), newKey()];
    for (const key of [cleared, kept]) for (let i = 0; i < 3; i++) await hitRateLimit(t.db, key, RULE, at(0));
    await clearRateLimit(t.db, cleared);
    expect(await peekRateLimit(t.db, cleared, RULE, at(0))).toMatchObject({ allowed: true, hits: 0 });
    expect(await peekRateLimit(t.db, kept, RULE, at(0))).toMatchObject({ allowed: false, hits: 3 });
  });

  it("purgeExpiredRateLimits removes the windows that have ended, and only those", async () => {
    const [ended, current] = [newKey(), newKey()];
    await hitRateLimit(t.db, ended, RULE, at(0));
    await hitRateLimit(t.db, current, RULE, at(15 * MINUTE));
    // At the very end of the first window its row is still there; a moment later it is gone.
    await purgeExpiredRateLimits(t.db, at(15 * MINUTE));
    expect(await peekRateLimit(t.db, ended, RULE, at(0))).toMatchObject({ hits: 1 });
    await purgeExpiredRateLimits(t.db, at(15 * MINUTE + 1));
    expect(await peekRateLimit(t.db, ended, RULE, at(0))).toMatchObject({ hits: 0 });
    expect(await peekRateLimit(t.db, current, RULE, at(15 * MINUTE))).toMatchObject({ hits: 1 });
  });
});

describe("RateLimitedError", () => {
  it("carries the seconds for Retry-After and says them in its message", () => {
    const error = new RateLimitedError(42);
    expect(error).toBeInstanceOf(Error);
    expect(error.retryAfterSeconds).toBe(42);
    expect(error.name).toBe("RateLimitedError");
    expect(error.message).toBe("Too many attempts; retry after 42 s");
  });
});
