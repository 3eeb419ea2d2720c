// Two-factor authentication: setting it up with an authenticator app, and turning it off.
// Codes and the password are checked through credentials.server.ts, under the same limits and
// audit as sign-in, so neither form can be used to guess what sign-in would refuse.
import { eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { recoveryCodes, users } from "~/db/schema";
import { recordAudit, type RequestOrigin } from "~/auth/audit.server";
import type { CurrentSession } from "~/auth/session.server";
import { decryptSecret, encryptSecret, newTotpSecret, replaceRecoveryCodes, totpAuthUri, totpQrCode } from "~/auth/totp.server";
import { enqueueMail, nameParam } from "~/mail/outbox.server";
import { findUser, type Refusal } from "./common.server";
import { checkCode, checkPassword } from "./credentials.server";

export interface TwoFactorSetup {
  secret: string;
  uri: string;
  qrCode: string;
}

async function describeSetup(secret: string, email: string): Promise<TwoFactorSetup> {
  const uri = totpAuthUri(secret, email);
  return { secret, uri, qrCode: await totpQrCode(uri) };
}

/** Starts (or restarts) setup: a new secret, stored encrypted, not active until confirmed. */
export async function beginTwoFactorSetup(db: Database, userId: string): Promise<({ ok: true } & TwoFactorSetup) | Refusal<"alreadyEnabled">> {
  const user = await findUser(db, userId);
  if (user.totpEnabledAt) return { ok: false, reason: "alreadyEnabled" };
  const secret = newTotpSecret();
  await db.update(users).set({ totpSecret: encryptSecret(secret) }).where(eq(users.id, userId));
  return { ok: true, ...(await describeSetup(secret, user.email)) };
}

/** The pending setup shown again (after a wrong code), without changing the secret; null when none is pending. */
export async function pendingTwoFactorSetup(db: Database, userId: string): Promise<TwoFactorSetup | null> {
  const user = await findUser(db, userId);
  if (user.totpEnabledAt || !user.totpSecret) return null;
  return describeSetup(decryptSecret(user.totpSecret), user.email);
}

/** Confirms setup with a first code; returns the recovery codes to show once. */
export async function confirmTwoFactorSetup(
  db: Database,
  session: CurrentSession,
  code: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<{ ok: true; recoveryCodes: string[] } | Refusal<"notPending" | "wrongCode">> {
  const user = await findUser(db, session.user.id);
  if (user.totpEnabledAt || !user.totpSecret) return { ok: false, reason: "notPending" };
  if (!(await checkCode(db, user, { code, purpose: "confirmTwoFactor" }, origin, now)).ok) return { ok: false, reason: "wrongCode" };
  return db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, user.id);
    await tx.update(users).set({ totpEnabledAt: now, updatedAt: now }).where(eq(users.id, user.id));
    await enqueueMail(tx, { to: user.email, locale: user.locale, template: "twoFactorChanged", params: nameParam(user) });
    await recordAudit(tx, { userId: user.id, action: "user.two_factor_enabled", subjectType: "user", subjectId: user.id, origin });
    return { ok: true as const, recoveryCodes: codes };
  });
}

/**
 * Turns two-factor off after the password and a current code (or recovery code) are given again.
 * Both are checked under sign-in's limits: the account's password failures, the address's, and the
 * user's second-factor failures.
 */
export async function disableTwoFactor(
  db: Database,
  session: CurrentSession,
  input: { password: string; code: string },
  origin: RequestOrigin,
  now = new Date(),
): Promise<{ ok: true } | Refusal<"wrongPassword" | "wrongCode">> {
  const current = await findUser(db, session.user.id);
  if (!current.totpEnabledAt || !current.totpSecret) return { ok: true };
  const user = await checkPassword(db, { email: current.email, password: input.password, purpose: "disableTwoFactor" }, origin, now);
  if (!user) return { ok: false, reason: "wrongPassword" };
  if (!(await checkCode(db, user, { code: input.code, purpose: "disableTwoFactor" }, origin, now)).ok) return { ok: false, reason: "wrongCode" };
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, updatedAt: now }).where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await enqueueMail(tx, { to: user.email, locale: user.locale, template: "twoFactorChanged", params: nameParam(user) });
    await recordAudit(tx, { userId: user.id, action: "user.two_factor_disabled", subjectType: "user", subjectId: user.id, origin });
  });
  return { ok: true };
}
