// The one check of a password or a code. Sign-in, the second factor, re-authentication, the
// password change, two-factor setup and removal (and any later form that asks for either) come
// here, so every guess counts against the same limits, is audited the same way, and is refused
// before any hashing once a limit is reached: no form can be used to go round another's limit.
import type { Executor } from "~/db/client.server";
import type { User } from "~/db/schema";
import { recordAudit, type RequestOrigin } from "~/auth/audit.server";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { hitRateLimit, peekRateLimit, RATE_LIMITS, RateLimitedError, type RateLimitRule } from "~/auth/rate-limit.server";
import { consumeRecoveryCode, decryptSecret, spendTotpCode } from "~/auth/totp.server";
import { findUserByEmail, normaliseEmail } from "./common.server";

export type PasswordCheckPurpose = "signIn" | "reauthenticate" | "changePassword" | "disableTwoFactor";
export type CodeCheckPurpose = "signIn" | "confirmTwoFactor" | "disableTwoFactor";

type Limit = readonly [key: string, rule: RateLimitRule];

// A real argon2id hash of a random string: unknown emails cost the same time as wrong passwords.
let dummyHash: Promise<string> | undefined;
const timingEqualiserHash = () => (dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`));

/** Reads the counters without adding to them, so a flood of guesses costs no hashing. */
async function refuseWhenLimited(db: Executor, limits: readonly Limit[], now: Date): Promise<void> {
  for (const [key, rule] of limits) {
    const state = await peekRateLimit(db, key, rule, now);
    if (!state.allowed) throw new RateLimitedError(state.retryAfterSeconds);
  }
}

async function countFailure(db: Executor, limits: readonly Limit[], now: Date): Promise<void> {
  for (const [key, rule] of limits) await hitRateLimit(db, key, rule, now);
}

/**
 * Checks a password for an email address, which may have no account (a dummy hash is verified
 * then, so both cost the same). Counts against the account's and the address's sign-in failure
 * limits whatever the form. Returns the account when the password is right and the account in use.
 */
export async function checkPassword(
  db: Executor,
  input: { email: string; password: string; purpose: PasswordCheckPurpose },
  origin: RequestOrigin,
  now: Date,
): Promise<User | null> {
  const email = normaliseEmail(input.email);
  const limits: Limit[] = [
    [`signin-fail:account:${email}`, RATE_LIMITS.signInFailuresPerAccount],
    [`signin-fail:ip:${origin.ip ?? "unknown"}`, RATE_LIMITS.signInFailuresPerIp],
  ];
  await refuseWhenLimited(db, limits, now);
  const user = await findUserByEmail(db, email);
  // Without a hash of its own, a dummy one is checked anyway (and never counts as a match), so
  // an unknown address costs what a known one does.
  const checked = await verifyPassword(user?.passwordHash ?? (await timingEqualiserHash()), input.password);
  const passwordOk = Boolean(user?.passwordHash) && checked;
  if (user && passwordOk && !user.disabledAt) return user;
  await countFailure(db, limits, now);
  await recordAudit(db, {
    userId: user?.id ?? null,
    action: input.purpose === "signIn" ? "auth.sign_in_failed" : "auth.password_check_failed",
    subjectType: "user",
    subjectId: user?.id ?? null,
    origin,
    data: input.purpose === "signIn" ? { email } : { purpose: input.purpose },
  });
  return null;
}

/**
 * Checks a six-digit code from the user's authenticator app (each code once) or, once two-factor
 * is on, one of their recovery codes. During setup the code is checked against the pending secret.
 * Counts against the user's second-factor failure limit whatever the form.
 */
export async function checkCode(
  db: Executor,
  user: User,
  input: { code: string; purpose: CodeCheckPurpose },
  origin: RequestOrigin,
  now: Date,
): Promise<{ ok: true; usedRecoveryCode: boolean } | { ok: false }> {
  const limits: Limit[] = [[`2fa-fail:user:${user.id}`, RATE_LIMITS.twoFactorFailuresPerUser]];
  await refuseWhenLimited(db, limits, now);
  // Setup checks the pending secret; every other form the active one.
  const secretInUse = input.purpose === "confirmTwoFactor" ? !user.totpEnabledAt : user.totpEnabledAt !== null;
  const secret = secretInUse && user.totpSecret ? decryptSecret(user.totpSecret) : null;
  if (secret && (await spendTotpCode(db, user.id, secret, input.code))) return { ok: true, usedRecoveryCode: false };
  if (user.totpEnabledAt && /[a-z]/i.test(input.code) && (await consumeRecoveryCode(db, user.id, input.code, now))) {
    return { ok: true, usedRecoveryCode: true };
  }
  await countFailure(db, limits, now);
  await recordAudit(db, {
    userId: user.id,
    action: "auth.second_factor_failed",
    subjectType: "user",
    subjectId: user.id,
    origin,
    data: { purpose: input.purpose },
  });
  return { ok: false };
}
