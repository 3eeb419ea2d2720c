// Accounts: sign-up, email verification, sign-in, password reset and change, two-factor,
// staff roles. Each use case is one transaction; its emails go to the outbox in the same
// transaction and its security events to the audit log.
import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "~/db/client.server";
import { recoveryCodes, sessions, users, type Locale, type User, type UserRole } from "~/db/schema";
import { recordAudit, type RequestOrigin } from "~/auth/audit.server";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { passwordProblem } from "~/auth/password-policy.server";
import { hitRateLimit, peekRateLimit, RATE_LIMITS, RateLimitedError } from "~/auth/rate-limit.server";
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  rotateAfterReauthentication,
  type CurrentSession,
} from "~/auth/session.server";
import { consumeToken, issueToken } from "~/auth/tokens.server";
import {
  consumeRecoveryCode,
  decryptSecret,
  encryptSecret,
  newTotpSecret,
  replaceRecoveryCodes,
  spendTotpCode,
  totpAuthUri,
  totpQrCode,
} from "~/auth/totp.server";
import { enqueueMail } from "~/mail/outbox.server";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${normaliseEmail(email)}`);
  return user;
}

async function findUser(db: Executor, id: string): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user) throw new Error(`No user ${id}`);
  return user;
}

async function enforce(db: Executor, key: string, rule: (typeof RATE_LIMITS)[keyof typeof RATE_LIMITS], now: Date) {
  const state = await hitRateLimit(db, key, rule, now);
  if (!state.allowed) throw new RateLimitedError(state.retryAfterSeconds);
}

/** Raised for a password the policy refuses; the field error names the rule. */
export class PasswordPolicyError extends Error {
  constructor(readonly problem: NonNullable<ReturnType<typeof passwordProblem>>) {
    super(`Password refused: ${problem}`);
    this.name = "PasswordPolicyError";
  }
}

function assertPasswordAllowed(password: string, email: string) {
  const problem = passwordProblem(password, email);
  if (problem) throw new PasswordPolicyError(problem);
}

// A real argon2id hash of a random string: unknown emails cost the same time as wrong passwords.
let dummyHash: Promise<string> | undefined;
const timingEqualiserHash = () => (dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`));

// ---------------------------------------------------------------------------------------------
// Sign-up and email verification

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  locale: Locale;
  /** The privacy notice version the person accepted on the sign-up form. */
  privacyNoticeVersion?: string;
}

/**
 * Creates an unverified account and emails a verification link. When the email already has
 * an account, its owner is told by email instead; the caller answers the same either way.
 */
export async function signUp(db: Database, input: SignUpInput, origin: RequestOrigin, appUrl: string, now = new Date()): Promise<void> {
  const email = normaliseEmail(input.email);
  await enforce(db, `signup:ip:${origin.ip ?? "unknown"}`, RATE_LIMITS.signUpPerIp, now);
  await enforce(db, `signup:email:${email}`, RATE_LIMITS.signUpPerEmail, now);
  assertPasswordAllowed(input.password, email);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, email);
    if (existing) {
      await enqueueMail(tx, {
        to: existing.email,
        locale: existing.locale,
        template: "accountExists",
        params: { name: existing.name, link: `${appUrl}/forgot-password` },
      });
      return;
    }
    const [user] = await tx
      .insert(users)
      .values({
        email,
        name: input.name.trim(),
        passwordHash,
        locale: input.locale,
        passwordChangedAt: now,
        privacyAcceptedAt: input.privacyNoticeVersion ? now : null,
        privacyNoticeVersion: input.privacyNoticeVersion ?? null,
      })
      .returning();
    if (!user) throw new Error("User insert returned nothing");
    await sendVerificationEmail(tx, user, appUrl, now);
    await recordAudit(tx, { userId: user.id, action: "user.signed_up", subjectType: "user", subjectId: user.id, origin });
  });
}

/** A fresh single-use link (older ones stop working), mailed in the user's language. */
async function sendVerificationEmail(tx: Executor, user: User, appUrl: string, now: Date) {
  const token = await issueToken(tx, user.id, "verify_email", now);
  await enqueueMail(tx, {
    to: user.email,
    locale: user.locale,
    template: "verifyEmail",
    params: { name: user.name, link: `${appUrl}/verify-email?token=${encodeURIComponent(token)}` },
  });
}

/** Verifies the email behind a token. Returns the user id, or null for a bad, used or expired token. */
export async function verifyEmail(db: Database, token: string, origin: RequestOrigin, now = new Date()): Promise<string | null> {
  return db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "verify_email", now);
    if (!userId) return null;
    await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, userId));
    await recordAudit(tx, { userId, action: "user.email_verified", subjectType: "user", subjectId: userId, origin });
    return userId;
  });
}

export async function resendVerification(db: Database, userId: string, origin: RequestOrigin, appUrl: string, now = new Date()) {
  await enforce(db, `verify-resend:ip:${origin.ip ?? "unknown"}`, RATE_LIMITS.verificationResendPerIp, now);
  await enforce(db, `verify-resend:user:${userId}`, RATE_LIMITS.verificationResendPerUser, now);
  await db.transaction(async (tx) => {
    const user = await findUser(tx, userId);
    if (user.emailVerifiedAt) return;
    await sendVerificationEmail(tx, user, appUrl, now);
  });
}

// ---------------------------------------------------------------------------------------------
// Sign-in

export type SignInResult = { ok: true; sessionId: string; needsSecondFactor: boolean; user: User } | { ok: false };

/**
 * Checks the credentials and, when they are right, starts a fresh session (rotation) and
 * ends the one the browser came with. Rate limits are read before any hashing.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string; previousSessionIdHash?: string | null },
  origin: RequestOrigin,
  now = new Date(),
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const accountKey = `signin-fail:account:${email}`;
  const ipKey = `signin-fail:ip:${origin.ip ?? "unknown"}`;
  for (const [key, rule] of [
    [accountKey, RATE_LIMITS.signInFailuresPerAccount],
    [ipKey, RATE_LIMITS.signInFailuresPerIp],
  ] as const) {
    const state = await peekRateLimit(db, key, rule, now);
    if (!state.allowed) throw new RateLimitedError(state.retryAfterSeconds);
  }
  const user = await findUserByEmail(db, email);
  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await timingEqualiserHash(), input.password), false);
  if (!user || !passwordOk || user.disabledAt) {
    await hitRateLimit(db, accountKey, RATE_LIMITS.signInFailuresPerAccount, now);
    await hitRateLimit(db, ipKey, RATE_LIMITS.signInFailuresPerIp, now);
    await recordAudit(db, {
      userId: user?.id ?? null,
      action: "auth.sign_in_failed",
      subjectType: "user",
      subjectId: user?.id ?? null,
      origin,
      data: { email },
    });
    return { ok: false };
  }
  const needsSecondFactor = user.totpEnabledAt !== null;
  const sessionId = await db.transaction(async (tx) => {
    if (input.previousSessionIdHash) await deleteSession(tx, input.previousSessionIdHash);
    const id = await createSession(tx, { userId: user.id, role: user.role, mfaVerified: !needsSecondFactor, origin, now });
    await recordAudit(tx, {
      userId: user.id,
      action: needsSecondFactor ? "auth.password_accepted" : "auth.signed_in",
      subjectType: "user",
      subjectId: user.id,
      origin,
    });
    return id;
  });
  return { ok: true, sessionId, needsSecondFactor, user };
}

/**
 * Second step of sign-in: a TOTP code or a recovery code. On success the half-signed-in
 * session is replaced by a new one (a privilege change gets a new id).
 */
export async function completeSecondFactor(
  db: Database,
  session: CurrentSession,
  code: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<{ ok: true; sessionId: string; usedRecoveryCode: boolean } | { ok: false }> {
  const key = `2fa-fail:user:${session.user.id}`;
  const state = await peekRateLimit(db, key, RATE_LIMITS.twoFactorFailuresPerUser, now);
  if (!state.allowed) throw new RateLimitedError(state.retryAfterSeconds);
  const user = await findUser(db, session.user.id);
  const secret = user.totpSecret && user.totpEnabledAt ? decryptSecret(user.totpSecret) : null;
  let usedRecoveryCode = false;
  let ok = secret ? await spendTotpCode(db, user.id, secret, code) : false;
  if (!ok && /[a-z]/i.test(code)) {
    ok = await consumeRecoveryCode(db, user.id, code, now);
    usedRecoveryCode = ok;
  }
  if (!ok) {
    await hitRateLimit(db, key, RATE_LIMITS.twoFactorFailuresPerUser, now);
    await recordAudit(db, { userId: user.id, action: "auth.second_factor_failed", subjectType: "user", subjectId: user.id, origin });
    return { ok: false };
  }
  const sessionId = await db.transaction(async (tx) => {
    await deleteSession(tx, session.idHash);
    const id = await createSession(tx, { userId: user.id, role: user.role, mfaVerified: true, origin, now });
    await recordAudit(tx, {
      userId: user.id,
      action: "auth.signed_in",
      subjectType: "user",
      subjectId: user.id,
      origin,
      data: { secondFactor: usedRecoveryCode ? "recovery_code" : "totp" },
    });
    return id;
  });
  return { ok: true, sessionId, usedRecoveryCode };
}

export async function signOut(db: Database, session: CurrentSession, origin: RequestOrigin): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, session.idHash);
    await recordAudit(tx, { userId: session.user.id, action: "auth.signed_out", subjectType: "user", subjectId: session.user.id, origin });
  });
}

/** The signed-in user's password, checked under the same per-account limit as sign-in. */
async function checkCurrentPassword(db: Database, session: CurrentSession, password: string, now: Date): Promise<boolean> {
  const key = `signin-fail:account:${normaliseEmail(session.user.email)}`;
  const state = await peekRateLimit(db, key, RATE_LIMITS.signInFailuresPerAccount, now);
  if (!state.allowed) throw new RateLimitedError(state.retryAfterSeconds);
  const user = await findUser(db, session.user.id);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    await hitRateLimit(db, key, RATE_LIMITS.signInFailuresPerAccount, now);
    return false;
  }
  return true;
}

/**
 * Re-entering the password before a sensitive change (valid for ten minutes). Returns the
 * session's new id for the cookie, or null for a wrong password.
 */
export async function reauthenticate(db: Database, session: CurrentSession, password: string, origin: RequestOrigin, now = new Date()) {
  if (!(await checkCurrentPassword(db, session, password, now))) return null;
  return db.transaction(async (tx) => {
    const sessionId = await rotateAfterReauthentication(tx, session.idHash, now);
    await recordAudit(tx, { userId: session.user.id, action: "auth.reauthenticated", subjectType: "user", subjectId: session.user.id, origin });
    return sessionId;
  });
}

// ---------------------------------------------------------------------------------------------
// Passwords

/** Always returns normally whether or not the email has an account (no enumeration). */
export async function requestPasswordReset(db: Database, emailInput: string, origin: RequestOrigin, appUrl: string, now = new Date()) {
  const email = normaliseEmail(emailInput);
  await enforce(db, `reset:ip:${origin.ip ?? "unknown"}`, RATE_LIMITS.passwordResetPerIp, now);
  await enforce(db, `reset:email:${email}`, RATE_LIMITS.passwordResetPerEmail, now);
  await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || user.disabledAt) return;
    const token = await issueToken(tx, user.id, "reset_password", now);
    await enqueueMail(tx, {
      to: user.email,
      locale: user.locale,
      template: "resetPassword",
      params: { name: user.name, link: `${appUrl}/reset-password?token=${encodeURIComponent(token)}` },
    });
    await recordAudit(tx, { userId: user.id, action: "user.password_reset_requested", subjectType: "user", subjectId: user.id, origin });
  });
}

/** Sets a new password from a reset token, ends every session and tells the user. */
export async function resetPassword(db: Database, token: string, password: string, origin: RequestOrigin, now = new Date()) {
  return db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "reset_password", now);
    if (!userId) return { ok: false as const, reason: "invalidToken" as const };
    const user = await findUser(tx, userId);
    // Throws inside the transaction: the token is not spent on a refused password.
    assertPasswordAllowed(password, user.email);
    await setPassword(tx, user, password, now);
    await deleteUserSessions(tx, user.id);
    // The link came from their mailbox, which proves they own the address.
    if (!user.emailVerifiedAt) await tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, user.id));
    await recordAudit(tx, { userId: user.id, action: "user.password_reset", subjectType: "user", subjectId: user.id, origin });
    return { ok: true as const, userId: user.id };
  });
}

async function setPassword(tx: Executor, user: User, password: string, now: Date) {
  const passwordHash = await hashPassword(password);
  await tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, user.id));
  await enqueueMail(tx, { to: user.email, locale: user.locale, template: "passwordChanged", params: { name: user.name } });
}

/**
 * Changes the password after checking the current one, and ends all other sessions.
 * A wrong current password counts as a failed sign-in for the account's rate limit.
 */
export async function changePassword(
  db: Database,
  session: CurrentSession,
  input: { currentPassword: string; password: string },
  origin: RequestOrigin,
  now = new Date(),
): Promise<"ok" | "wrongPassword"> {
  const { password } = input;
  assertPasswordAllowed(password, session.user.email);
  if (!(await checkCurrentPassword(db, session, input.currentPassword, now))) return "wrongPassword";
  await db.transaction(async (tx) => {
    const user = await findUser(tx, session.user.id);
    await setPassword(tx, user, password, now);
    await deleteUserSessions(tx, user.id, session.idHash);
    await recordAudit(tx, { userId: user.id, action: "user.password_changed", subjectType: "user", subjectId: user.id, origin });
  });
  return "ok";
}

// ---------------------------------------------------------------------------------------------
// Profile and sessions

export async function updateProfile(db: Database, userId: string, input: { name: string; locale: Locale }) {
  await db.update(users).set({ name: input.name.trim(), locale: input.locale, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function revokeSession(db: Database, session: CurrentSession, idHash: string, origin: RequestOrigin) {
  await db.transaction(async (tx) => {
    const rows = await tx
      .delete(sessions)
      .where(and(eq(sessions.idHash, idHash), eq(sessions.userId, session.user.id)))
      .returning({ idHash: sessions.idHash });
    if (rows.length > 0) {
      await recordAudit(tx, { userId: session.user.id, action: "session.revoked", subjectType: "user", subjectId: session.user.id, origin });
    }
  });
}

export async function revokeOtherSessions(db: Database, session: CurrentSession, origin: RequestOrigin) {
  await db.transaction(async (tx) => {
    const ended = await deleteUserSessions(tx, session.user.id, session.idHash);
    await recordAudit(tx, {
      userId: session.user.id,
      action: "session.revoked_others",
      subjectType: "user",
      subjectId: session.user.id,
      origin,
      data: { ended },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Two-factor authentication

/** Starts (or restarts) setup: a new secret, stored encrypted, not active until confirmed. */
export async function beginTwoFactorSetup(db: Database, userId: string) {
  const user = await findUser(db, userId);
  if (user.totpEnabledAt) return null;
  const secret = newTotpSecret();
  await db.update(users).set({ totpSecret: encryptSecret(secret) }).where(eq(users.id, userId));
  const uri = totpAuthUri(secret, user.email);
  return { secret, uri, qrCode: await totpQrCode(uri) };
}

/** The pending setup shown again (after a wrong code), without changing the secret. */
export async function pendingTwoFactorSetup(db: Database, userId: string) {
  const user = await findUser(db, userId);
  if (user.totpEnabledAt || !user.totpSecret) return null;
  const secret = decryptSecret(user.totpSecret);
  const uri = totpAuthUri(secret, user.email);
  return { secret, uri, qrCode: await totpQrCode(uri) };
}

/** Confirms setup with a first code; returns the recovery codes to show once, or null for a wrong code. */
export async function confirmTwoFactorSetup(db: Database, session: CurrentSession, code: string, origin: RequestOrigin, now = new Date()) {
  const user = await findUser(db, session.user.id);
  if (user.totpEnabledAt || !user.totpSecret) return null;
  if (!(await spendTotpCode(db, user.id, decryptSecret(user.totpSecret), code))) return null;
  return db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, user.id);
    await tx.update(users).set({ totpEnabledAt: now, updatedAt: now }).where(eq(users.id, user.id));
    await enqueueMail(tx, { to: user.email, locale: user.locale, template: "twoFactorChanged", params: { name: user.name } });
    await recordAudit(tx, { userId: user.id, action: "user.two_factor_enabled", subjectType: "user", subjectId: user.id, origin });
    return codes;
  });
}

/** Turns two-factor off after the password and a current code (or recovery code) are given again. */
export async function disableTwoFactor(
  db: Database,
  session: CurrentSession,
  input: { password: string; code: string },
  origin: RequestOrigin,
  now = new Date(),
): Promise<"ok" | "wrongPassword" | "wrongCode"> {
  const user = await findUser(db, session.user.id);
  if (!user.totpEnabledAt || !user.totpSecret) return "ok";
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) return "wrongPassword";
  const codeOk =
    (await spendTotpCode(db, user.id, decryptSecret(user.totpSecret), input.code)) || (await consumeRecoveryCode(db, user.id, input.code, now));
  if (!codeOk) return "wrongCode";
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, updatedAt: now }).where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await enqueueMail(tx, { to: user.email, locale: user.locale, template: "twoFactorChanged", params: { name: user.name } });
    await recordAudit(tx, { userId: user.id, action: "user.two_factor_disabled", subjectType: "user", subjectId: user.id, origin });
  });
  return "ok";
}

// ---------------------------------------------------------------------------------------------
// Staff

/** Creates a verified staff account (command line). Fails when the email is taken. */
export async function createStaffUser(
  db: Database,
  input: { email: string; name: string; role: Exclude<UserRole, "member">; password: string },
  now = new Date(),
) {
  const email = normaliseEmail(input.email);
  assertPasswordAllowed(input.password, email);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, email)) throw new Error(`An account with ${email} already exists`);
    const [user] = await tx
      .insert(users)
      .values({ email, name: input.name.trim(), passwordHash, role: input.role, emailVerifiedAt: now, passwordChangedAt: now })
      .returning();
    if (!user) throw new Error("User insert returned nothing");
    await recordAudit(tx, {
      userId: null,
      action: "user.role_changed",
      subjectType: "user",
      subjectId: user.id,
      data: { before: null, after: input.role, via: "command line" },
    });
    return user;
  });
}

/** Disables an account and ends all its sessions at once. */
export async function disableUser(db: Database, target: { email?: string; id?: string }, byUserId: string | null, origin?: RequestOrigin, now = new Date()) {
  return db.transaction(async (tx) => {
    const user = target.id ? await findUser(tx, target.id) : await findUserByEmail(tx, target.email ?? "");
    if (!user) throw new Error(`No account for ${target.email ?? target.id}`);
    await tx.update(users).set({ disabledAt: now, updatedAt: now }).where(eq(users.id, user.id));
    const ended = await deleteUserSessions(tx, user.id);
    await recordAudit(tx, { userId: byUserId, action: "user.disabled", subjectType: "user", subjectId: user.id, origin, data: { ended } });
    return user;
  });
}

/**
 * Ends every session of one account, or of everyone (npm run staff -- sign-out): the operator's
 * answer to a stolen laptop or a leaked session secret. Returns how many sessions ended.
 */
export async function endSessions(db: Database, target: { email: string } | "everyone", origin?: RequestOrigin): Promise<number> {
  return db.transaction(async (tx) => {
    if (target === "everyone") {
      const ended = await tx.delete(sessions).returning({ idHash: sessions.idHash });
      await recordAudit(tx, { userId: null, action: "session.revoked_everyone", subjectType: "session", origin, data: { ended: ended.length } });
      return ended.length;
    }
    const user = await findUserByEmail(tx, target.email);
    if (!user) throw new Error(`No account for ${target.email}`);
    const ended = await deleteUserSessions(tx, user.id);
    await recordAudit(tx, { userId: null, action: "session.revoked_by_operator", subjectType: "user", subjectId: user.id, origin, data: { ended } });
    return ended;
  });
}

/**
 * Turns two-factor off for someone who lost both their phone and their recovery codes
 * (npm run staff -- reset-two-factor), once the secretariat has checked who they are. Their
 * sessions end; staff must set two-factor up again at the next sign-in.
 */
export async function resetTwoFactorByOperator(db: Database, email: string, origin?: RequestOrigin, now = new Date()) {
  return db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) throw new Error(`No account for ${email}`);
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, updatedAt: now }).where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    const ended = await deleteUserSessions(tx, user.id);
    await enqueueMail(tx, { to: user.email, locale: user.locale, template: "twoFactorChanged", params: { name: user.name } });
    await recordAudit(tx, { userId: null, action: "user.two_factor_reset_by_operator", subjectType: "user", subjectId: user.id, origin, data: { ended } });
    return user;
  });
}

export type RoleChangeOutcome = "changed" | "unchanged" | "self" | "notFound" | "adminTarget";

/**
 * An admin grants or revokes the secretariat role. Admin roles are given and taken only from the
 * command line, and no admin changes their own role. The user's sessions end: new privileges,
 * new session.
 */
export async function setUserRole(
  db: Database,
  admin: { id: string },
  targetUserId: string,
  role: Exclude<UserRole, "admin">,
  origin: RequestOrigin,
): Promise<RoleChangeOutcome> {
  if (admin.id === targetUserId) return "self";
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, targetUserId)).for("update");
    if (!user) return "notFound";
    if (user.role === "admin") return "adminTarget";
    if (user.role === role) return "unchanged";
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, user.id));
    await deleteUserSessions(tx, user.id);
    await recordAudit(tx, {
      userId: admin.id,
      action: "user.role_changed",
      subjectType: "user",
      subjectId: user.id,
      origin,
      data: { before: user.role, after: role },
    });
    return "changed";
  });
}
