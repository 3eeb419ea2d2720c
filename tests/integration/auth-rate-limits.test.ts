// Rate limits live in PostgreSQL, so every app instance behind a load balancer sees the
// same counts, and they are checked before any password hash is computed.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "~/db/client.server";
import { createDb } from "~/db/client.server";
import * as schema from "~/db/schema";
import { RATE_LIMITS, RateLimitedError } from "~/auth/rate-limit.server";
import { rateLimits } from "~/db/schema";
import { loadSession } from "~/auth/session.server";
import { changePassword, requestPasswordReset } from "~/domain/accounts/passwords.server";
import { reauthenticate, signIn } from "~/domain/accounts/sign-in.server";
import { resendVerification, signUp } from "~/domain/accounts/sign-up.server";
import * as forgotPasswordPage from "~/routes/forgot-password";
import * as loginPage from "~/routes/login";
import { createUser, PASSWORD, passwordHash, startSession } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { withDatabaseName } from "../support/postgres-server";
import { callAction, thrownOutcome } from "../support/remix";

// Counts argon2 verifications (the real function still runs) to show that a limited request
// never reaches the expensive step.
const argon2 = vi.hoisted(() => ({ verifications: 0 }));
vi.mock("~/auth/password.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/auth/password.server")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      argon2.verifications++;
      return real.verifyPassword(hash, password);
    },
  };
});

const t = useTestDatabase();
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
// The start of an hour, so the 15-minute and 1-hour windows both begin here.
const T0 = new Date("2025-01-06T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const ON_POSTGRES = Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  await passwordHash();
});

const fromIp = (ip: string) => ({ ip, userAgent: "vitest" });

async function failSignIns(db: Database, email: string, times: number, ip: string, now: Date) {
  for (let i = 0; i < times; i++) {
    expect(await signIn(db, { email, password: `wrong guess number ${i}` }, fromIp(ip), now)).toEqual({ ok: false, reason: "invalidCredentials" });
  }
}

describe("sign-in failures per account", () => {
  it("after 10 failures in 15 minutes, refuse even the right password, before any hashing", async () => {
    expect(RATE_LIMITS.signInFailuresPerAccount).toEqual({ limit: 10, windowSeconds: 15 * 60 });
    const user = await createUser(t.db);
    await failSignIns(t.db, user.email, 10, "192.0.2.1", at(MINUTE));
    const before = argon2.verifications;
    const refused = signIn(t.db, { email: user.email, password: PASSWORD }, fromIp("192.0.2.2"), at(2 * MINUTE));
    await expect(refused).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 13 * 60 });
    expect(argon2.verifications).toBe(before);
  });

  it("let the account in again once the window has passed", async () => {
    const user = await createUser(t.db);
    await failSignIns(t.db, user.email, 10, "192.0.2.3", at(MINUTE));
    await expect(signIn(t.db, { email: user.email, password: PASSWORD }, fromIp("192.0.2.3"), at(14 * MINUTE))).rejects.toBeInstanceOf(RateLimitedError);
    expect((await signIn(t.db, { email: user.email, password: PASSWORD }, fromIp("192.0.2.3"), at(15 * MINUTE))).ok).toBe(true);
  });

  it("count unknown emails too, so the limit says nothing about which accounts exist", async () => {
    await failSignIns(t.db, "ghost@example.org", 10, "192.0.2.4", at(MINUTE));
    await expect(signIn(t.db, { email: "Ghost@Example.org", password: PASSWORD }, fromIp("192.0.2.4"), at(MINUTE))).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("through the form: answer 429 with Retry-After", async () => {
    const user = await createUser(t.db);
    // The page reads the real clock: fill this window and the next, in case the quarter-hour turns meanwhile.
    const now = new Date();
    await failSignIns(t.db, user.email, 10, "192.0.2.5", now);
    const next = new Date((Math.floor(now.getTime() / (15 * MINUTE)) + 1) * 15 * MINUTE);
    await t.db.insert(rateLimits).values({ key: `signin-fail:account:${user.email}`, windowStart: next, hits: 10, expiresAt: new Date(next.getTime() + 15 * MINUTE) });
    const refused = await thrownOutcome(callAction(loginPage.action, "/login", { db: t.db, form: { email: user.email, password: PASSWORD } }));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(refused.data).toEqual({ rateLimited: true, retryAfterSeconds: retryAfter });
  });

  it(
    ON_POSTGRES
      ? "are shared by two app instances (two connection pools) on one PostgreSQL database"
      : "are shared by two database clients over one PGlite database (PGlite is single-process; the PostgreSQL run uses two connection pools)",
    async () => {
      const second = await openSecondInstance();
      try {
        if (ON_POSTGRES) expect(await backendPid(second.db)).not.toBe(await backendPid(t.db));
        const user = await createUser(t.db);
        await failSignIns(t.db, user.email, 5, "192.0.2.6", at(MINUTE));
        await failSignIns(second.db, user.email, 5, "192.0.2.7", at(2 * MINUTE));
        await expect(signIn(t.db, { email: user.email, password: PASSWORD }, fromIp("192.0.2.8"), at(3 * MINUTE))).rejects.toBeInstanceOf(RateLimitedError);
        await expect(signIn(second.db, { email: user.email, password: PASSWORD }, fromIp("192.0.2.8"), at(3 * MINUTE))).rejects.toBeInstanceOf(RateLimitedError);
      } finally {
        await second.close();
      }
    },
  );
});

describe("sign-in failures per IP address", () => {
  it("after 100 failures in an hour from one address, refuse every account from it, and only from it", async () => {
    expect(RATE_LIMITS.signInFailuresPerIp).toEqual({ limit: 100, windowSeconds: 60 * 60 });
    const user = await createUser(t.db);
    await failSignIns(t.db, "first-target@example.org", 1, "192.0.2.66", at(MINUTE));
    // Ninety-nine more failures, written as the counter would hold them (hashing 99 times would only slow the test).
    await t.db.update(rateLimits).set({ hits: 100 }).where(eq(rateLimits.key, "signin-fail:ip:192.0.2.66"));
    await expect(signIn(t.db, { email: user.email, password: PASSWORD }, fromIp("192.0.2.66"), at(50 * MINUTE))).rejects.toBeInstanceOf(RateLimitedError);
    expect((await signIn(t.db, { email: user.email, password: PASSWORD }, fromIp("192.0.2.67"), at(50 * MINUTE))).ok).toBe(true);
  });
});

describe("successful sign-ins per IP address", () => {
  it("after 100 in an hour from one address, refuse the next one from it before any hashing, and only from it", async () => {
    expect(RATE_LIMITS.signInsPerIp).toEqual({ limit: 100, windowSeconds: 60 * 60 });
    const user = await createUser(t.db);
    expect((await signIn(t.db, { email: user.email, password: PASSWORD }, fromIp("192.0.2.90"), at(MINUTE))).ok).toBe(true);
    // Ninety-nine more sessions' worth, written as the counter would hold them.
    await t.db.update(rateLimits).set({ hits: 100 }).where(eq(rateLimits.key, "signin:ip:192.0.2.90"));
    const before = argon2.verifications;
    await expect(signIn(t.db, { email: user.email, password: PASSWORD }, fromIp("192.0.2.90"), at(50 * MINUTE))).rejects.toBeInstanceOf(RateLimitedError);
    expect(argon2.verifications).toBe(before);
    expect((await signIn(t.db, { email: user.email, password: PASSWORD }, fromIp("192.0.2.91"), at(50 * MINUTE))).ok).toBe(true);
    expect((await signIn(t.db, { email: user.email, password: PASSWORD }, fromIp("192.0.2.90"), at(60 * MINUTE))).ok).toBe(true);
  });

  it("counts only sign-ins that succeed (failures have limits of their own)", async () => {
    const user = await createUser(t.db);
    await failSignIns(t.db, user.email, 3, "192.0.2.92", at(MINUTE));
    expect((await signIn(t.db, { email: user.email, password: PASSWORD }, fromIp("192.0.2.92"), at(MINUTE))).ok).toBe(true);
    const [row] = await t.db.select().from(rateLimits).where(eq(rateLimits.key, "signin:ip:192.0.2.92"));
    expect(row?.hits).toBe(1);
  });
});

describe("password reset requests", () => {
  it("are limited per email address, whether or not it has an account", async () => {
    const user = await createUser(t.db);
    for (const email of [user.email, "no-account@example.org"]) {
      for (let i = 0; i < RATE_LIMITS.passwordResetPerEmail.limit; i++) {
        await requestPasswordReset(t.db, email, fromIp(`198.18.0.${i}`), "https://portal.example", at(MINUTE));
      }
      await expect(requestPasswordReset(t.db, email, fromIp("198.18.1.1"), "https://portal.example", at(MINUTE))).rejects.toBeInstanceOf(RateLimitedError);
    }
  });

  it("are limited per IP address", async () => {
    for (let i = 0; i < RATE_LIMITS.passwordResetPerIp.limit; i++) {
      await requestPasswordReset(t.db, `someone-${i}@example.org`, fromIp("198.18.2.2"), "https://portal.example", at(MINUTE));
    }
    await expect(requestPasswordReset(t.db, "one-more@example.org", fromIp("198.18.2.2"), "https://portal.example", at(MINUTE))).rejects.toBeInstanceOf(
      RateLimitedError,
    );
  });

  it("through the form: answer 429 with Retry-After", async () => {
    const post = () => callAction(forgotPasswordPage.action, "/forgot-password", { db: t.db, form: { email: "form-flood@example.org" } });
    for (let i = 0; i < RATE_LIMITS.passwordResetPerEmail.limit; i++) await post();
    const refused = await thrownOutcome(post());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("an unknown email at sign-in", () => {
  // Without a hash to check, an unknown email would answer in microseconds and a known one in
  // tens of milliseconds: the clock would tell which accounts exist. A dummy hash is checked instead.
  it("costs the same argon2 verification as a known email with a wrong password", async () => {
    const user = await createUser(t.db);
    let before = argon2.verifications;
    expect(await signIn(t.db, { email: user.email, password: "not the password at all" }, fromIp("198.51.100.40"), at(5 * HOUR))).toEqual({ ok: false, reason: "invalidCredentials" });
    expect(argon2.verifications - before).toBe(1);
    before = argon2.verifications;
    expect(await signIn(t.db, { email: "nobody-by-that-name@example.org", password: "not the password at all" }, fromIp("198.51.100.40"), at(5 * HOUR))).toEqual({
      ok: false,
      reason: "invalidCredentials",
    });
    expect(argon2.verifications - before).toBe(1);
  });
});

describe("the current password typed again (re-authentication, password change)", () => {
  // A stolen session cookie must not become an unlimited password-guessing oracle.
  async function signedIn(now: Date) {
    const user = await createUser(t.db);
    const { sessionId } = await startSession(t.db, user, { now });
    const session = await loadSession(t.db, sessionId, now);
    if (!session) throw new Error("no session");
    return { user, session };
  }

  /** Wrong guesses until refused; returns how many were answered before the refusal. */
  async function guessUntilRefused(guess: (i: number) => Promise<unknown>) {
    for (let i = 0; i < 30; i++) {
      try {
        await guess(i);
      } catch (error) {
        expect(error).toBeInstanceOf(RateLimitedError);
        return i;
      }
    }
    throw new Error("30 wrong passwords and still no limit");
  }

  it("re-authentication: after the account's limit of failures, refuses even the right password, before any hashing", async () => {
    const now = at(6 * HOUR);
    const { session } = await signedIn(now);
    const answered = await guessUntilRefused(async (i) => expect(await reauthenticate(t.db, session, `wrong guess ${i}`, fromIp("198.51.100.41"), now)).toEqual({ ok: false, reason: "wrongPassword" }));
    expect(answered).toBeLessThanOrEqual(RATE_LIMITS.signInFailuresPerAccount.limit);
    const before = argon2.verifications;
    await expect(reauthenticate(t.db, session, PASSWORD, fromIp("198.51.100.41"), now)).rejects.toBeInstanceOf(RateLimitedError);
    expect(argon2.verifications).toBe(before);
  });

  it("password change: after the account's limit of failures, refuses even the right current password", async () => {
    const now = at(7 * HOUR);
    const { session } = await signedIn(now);
    const change = (currentPassword: string) => changePassword(t.db, session, { currentPassword, password: "violet kangaroo under the old bridge" }, fromIp("198.51.100.42"), now);
    const answered = await guessUntilRefused(async (i) => expect(await change(`wrong guess ${i}`)).toEqual({ ok: false, reason: "wrongPassword" }));
    expect(answered).toBeLessThanOrEqual(RATE_LIMITS.signInFailuresPerAccount.limit);
    await expect(change(PASSWORD)).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe("sign-ups", () => {
  it("are limited per IP address, whatever the email, and only for that address", async () => {
    const signUpFrom = (ip: string, email: string) =>
      signUp(t.db, { name: "Flood", email, password: "a sound passphrase for floods", locale: "en" }, fromIp(ip), "https://portal.example", at(8 * HOUR));
    for (let i = 0; i < RATE_LIMITS.signUpPerIp.limit; i++) await signUpFrom("198.51.100.50", `flood-${i}@example.org`);
    await expect(signUpFrom("198.51.100.50", "flood-more@example.org")).rejects.toBeInstanceOf(RateLimitedError);
    await expect(signUpFrom("198.51.100.51", "flood-elsewhere@example.org")).resolves.toEqual({ ok: true });
  });
});

describe("new verification links", () => {
  it("are limited per IP address, even for many different accounts", async () => {
    const resendFrom = async (ip: string) => {
      const user = await createUser(t.db, { verified: false });
      return resendVerification(t.db, user.id, fromIp(ip), "https://portal.example", at(9 * HOUR));
    };
    for (let i = 0; i < RATE_LIMITS.verificationResendPerIp.limit; i++) await resendFrom("198.51.100.60");
    await expect(resendFrom("198.51.100.60")).rejects.toBeInstanceOf(RateLimitedError);
    // Another address is not affected.
    await resendFrom("198.51.100.61");
  });
});

async function backendPid(db: Database): Promise<number> {
  const result = (await db.execute(sql`select pg_backend_pid() as pid`)) as unknown as { pid: number }[] | { rows: { pid: number }[] };
  const rows = Array.isArray(result) ? result : result.rows;
  return Number(rows[0]?.pid);
}

/** Another app instance on the same database: its own connection pool on PostgreSQL. */
async function openSecondInstance(): Promise<{ db: Database; close(): Promise<void> }> {
  if (t.handle.engine === "postgres") {
    const result = (await t.db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
    const name = result[0]?.name;
    if (!name || !process.env.DATABASE_URL) throw new Error("cannot tell which database the test uses");
    const handle = await createDb({ databaseUrl: withDatabaseName(process.env.DATABASE_URL, name), poolSize: 2 });
    return { db: handle.db, close: () => handle.close() };
  }
  const { drizzle } = await import("drizzle-orm/pglite");
  const { $client } = t.db as unknown as { $client: Parameters<typeof drizzle>[0] };
  const db = drizzle($client as never, { schema, casing: "snake_case" }) as unknown as Database;
  return { db, close: async () => {} };
}
