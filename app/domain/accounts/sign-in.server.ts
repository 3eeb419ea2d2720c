// Signing in and out: the password, the second factor, and typing the password again before a
// sensitive change. Every check goes through credentials.server.ts (one limit, one audit trail);
// every success starts a new session id (rotation) in the transaction that audits it.
import type { Database } from "~/db/client.server";
import type { User } from "~/db/schema";
import { recordAudit, type RequestOrigin } from "~/auth/audit.server";
import { hitRateLimit, peekRateLimit, RATE_LIMITS, RateLimitedError } from "~/auth/rate-limit.server";
import { createSession, deleteSession, rotateAfterReauthentication, type CurrentSession } from "~/auth/session.server";
import { findUser, type Refusal } from "./common.server";
import { checkCode, checkPassword } from "./credentials.server";

export type SignInResult = { ok: true; sessionId: string; needsSecondFactor: boolean; user: User } | Refusal<"invalidCredentials">;

/**
 * Checks the credentials and, when they are right, starts a fresh session (rotation) and ends the
 * one the browser came with. Rate limits are read before any hashing; successful sign-ins are
 * limited per address too, so one known password cannot be turned into a flood of sessions.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string; previousSessionIdHash?: string | null },
  origin: RequestOrigin,
  now = new Date(),
): Promise<SignInResult> {
  const successKey = `signin:ip:${origin.ip ?? "unknown"}`;
  const successes = await peekRateLimit(db, successKey, RATE_LIMITS.signInsPerIp, now);
  if (!successes.allowed) throw new RateLimitedError(successes.retryAfterSeconds);
  const user = await checkPassword(db, { email: input.email, password: input.password, purpose: "signIn" }, origin, now);
  if (!user) return { ok: false, reason: "invalidCredentials" };
  await hitRateLimit(db, successKey, RATE_LIMITS.signInsPerIp, now);
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
): Promise<{ ok: true; sessionId: string; usedRecoveryCode: boolean } | Refusal<"wrongCode">> {
  const user = await findUser(db, session.user.id);
  const checked = await checkCode(db, user, { code, purpose: "signIn" }, origin, now);
  if (!checked.ok) return { ok: false, reason: "wrongCode" };
  const sessionId = await db.transaction(async (tx) => {
    await deleteSession(tx, session.idHash);
    const id = await createSession(tx, { userId: user.id, role: user.role, mfaVerified: true, origin, now });
    await recordAudit(tx, {
      userId: user.id,
      action: "auth.signed_in",
      subjectType: "user",
      subjectId: user.id,
      origin,
      data: { secondFactor: checked.usedRecoveryCode ? "recovery_code" : "totp" },
    });
    return id;
  });
  return { ok: true, sessionId, usedRecoveryCode: checked.usedRecoveryCode };
}

export async function signOut(db: Database, session: CurrentSession, origin: RequestOrigin): Promise<{ ok: true }> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, session.idHash);
    await recordAudit(tx, { userId: session.user.id, action: "auth.signed_out", subjectType: "user", subjectId: session.user.id, origin });
  });
  return { ok: true };
}

/**
 * Re-entering the password before a sensitive change (valid for ten minutes). Returns the
 * session's new id for the cookie.
 */
export async function reauthenticate(
  db: Database,
  session: CurrentSession,
  password: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<{ ok: true; sessionId: string } | Refusal<"wrongPassword" | "sessionEnded">> {
  if (!(await checkPassword(db, { email: session.user.email, password, purpose: "reauthenticate" }, origin, now))) {
    return { ok: false, reason: "wrongPassword" };
  }
  return db.transaction(async (tx) => {
    const sessionId = await rotateAfterReauthentication(tx, session.idHash, now);
    if (!sessionId) return { ok: false as const, reason: "sessionEnded" as const };
    await recordAudit(tx, { userId: session.user.id, action: "auth.reauthenticated", subjectType: "user", subjectId: session.user.id, origin });
    return { ok: true as const, sessionId };
  });
}
