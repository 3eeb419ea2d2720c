// Authenticator and recovery codes spent against the real database (app/auth/totp.server.ts):
// which time steps a code is accepted in, that each is accepted once, even after the clean-up of
// old counters, and recovery codes however they are typed. Sign-in with them: auth-two-factor.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { purgeExpiredRateLimits } from "~/auth/rate-limit.server";
import { consumeRecoveryCode, newTotpSecret, RECOVERY_CODE_COUNT, replaceRecoveryCodes, spendTotpCode } from "~/auth/totp.server";
import { authenticatorCode, createUser } from "../support/accounts";
import { useTestDatabase } from "../support/db";

const t = useTestDatabase();
const STEP = 30_000;
// The middle of a 30-second step.
const NOW = Date.parse("2025-04-01T12:00:15Z");

describe("authenticator codes", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("are accepted for the current step and one either side, once each", async () => {
    const user = await createUser(t.db);
    const secret = newTotpSecret();
    for (const step of [-1, 0, 1]) {
      const code = authenticatorCode(secret, step, NOW);
      expect(await spendTotpCode(t.db, user.id, secret, code), `step ${step}`).toBe(true);
      expect(await spendTotpCode(t.db, user.id, secret, code), `step ${step} again`).toBe(false);
    }
  });

  it("are refused two steps away, and when they are another secret's", async () => {
    const user = await createUser(t.db);
    const secret = newTotpSecret();
    expect(await spendTotpCode(t.db, user.id, secret, authenticatorCode(secret, -2, NOW))).toBe(false);
    expect(await spendTotpCode(t.db, user.id, secret, authenticatorCode(secret, 2, NOW))).toBe(false);
    expect(await spendTotpCode(t.db, user.id, secret, authenticatorCode(newTotpSecret(), 0, NOW))).toBe(false);
  });

  it("are read with spaces as typed, and refused when not six digits", async () => {
    const user = await createUser(t.db);
    const secret = newTotpSecret();
    const code = authenticatorCode(secret, 0, NOW);
    for (const typed of [`${code}0`, code.slice(1), `${code.slice(0, 5)}x`, ""]) expect(await spendTotpCode(t.db, user.id, secret, typed), typed).toBe(false);
    expect(await spendTotpCode(t.db, user.id, secret, ` ${code.slice(0, 3)} ${code.slice(3)} `)).toBe(true);
  });

  it("stay spent as long as they are accepted, even after old counters are purged", async () => {
    const user = await createUser(t.db);
    const secret = newTotpSecret();
    const previous = authenticatorCode(secret, -1, NOW);
    const next = authenticatorCode(secret, 1, NOW);
    expect(await spendTotpCode(t.db, user.id, secret, previous)).toBe(true);
    expect(await spendTotpCode(t.db, user.id, secret, next)).toBe(true);
    // The last moment each is accepted: the end of the current step, and of the one after next.
    const stepStart = NOW - (NOW % STEP);
    for (const [code, lastAccepted] of [
      [previous, stepStart + STEP - 1],
      [next, stepStart + 3 * STEP - 1],
    ] as const) {
      vi.setSystemTime(lastAccepted);
      await purgeExpiredRateLimits(t.db, new Date(lastAccepted));
      expect(await spendTotpCode(t.db, user.id, secret, code)).toBe(false);
    }
  });

  it("spent by one person do not block another person with the same code", async () => {
    const [one, other] = [await createUser(t.db), await createUser(t.db)];
    const secret = newTotpSecret();
    const code = authenticatorCode(secret, 0, NOW);
    expect(await spendTotpCode(t.db, one.id, secret, code)).toBe(true);
    expect(await spendTotpCode(t.db, other.id, secret, code)).toBe(true);
  });
});

describe("recovery codes", () => {
  it("come ten at a time, all different, and a new set ends the old one", async () => {
    const user = await createUser(t.db);
    const first = await replaceRecoveryCodes(t.db, user.id);
    expect(first).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(first).size).toBe(RECOVERY_CODE_COUNT);
    const second = await replaceRecoveryCodes(t.db, user.id);
    expect(await consumeRecoveryCode(t.db, user.id, first[0] ?? "")).toBe(false);
    expect(await consumeRecoveryCode(t.db, user.id, second[0] ?? "")).toBe(true);
  });

  it("are accepted once, in capitals, with spaces or without the dash", async () => {
    const user = await createUser(t.db);
    const [a, b, c] = (await replaceRecoveryCodes(t.db, user.id)) as [string, string, string];
    expect(await consumeRecoveryCode(t.db, user.id, a.toUpperCase())).toBe(true);
    expect(await consumeRecoveryCode(t.db, user.id, a)).toBe(false);
    expect(await consumeRecoveryCode(t.db, user.id, ` ${b.replace("-", " ")} `)).toBe(true);
    expect(await consumeRecoveryCode(t.db, user.id, c.replace("-", ""))).toBe(true);
  });

  it("let only one of two simultaneous uses of a code succeed", async () => {
    const user = await createUser(t.db);
    const [code] = (await replaceRecoveryCodes(t.db, user.id)) as [string];
    const results = await Promise.all([consumeRecoveryCode(t.db, user.id, code), consumeRecoveryCode(t.db, user.id, code)]);
    expect(results.sort()).toEqual([false, true]);
  });

  it("are refused for another person, and when too short or too long", async () => {
    const [owner, other] = [await createUser(t.db), await createUser(t.db)];
    const [code] = (await replaceRecoveryCodes(t.db, owner.id)) as [string];
    expect(await consumeRecoveryCode(t.db, other.id, code)).toBe(false);
    expect(await consumeRecoveryCode(t.db, owner.id, code.slice(0, -1))).toBe(false);
    expect(await consumeRecoveryCode(t.db, owner.id, `${code}a`)).toBe(false);
    expect(await consumeRecoveryCode(t.db, owner.id, code)).toBe(true);
  });
});
