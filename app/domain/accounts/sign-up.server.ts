// Joining: sign-up and the verification of the email address. Both answers to a sign-up, new
// address or taken one, do the same work (one hash, the same four statements, one email, one audit
// row), so neither the page nor its timing says whether an address has an account.
import { eq } from "drizzle-orm";
import type { Database, Executor } from "~/db/client.server";
import { users, type Locale } from "~/db/schema";
import { recordAudit, type RequestOrigin } from "~/auth/audit.server";
import { hashPassword } from "~/auth/password.server";
import { RATE_LIMITS } from "~/auth/rate-limit.server";
import { consumeToken, issueToken, issueTokenForEmail } from "~/auth/tokens.server";
import { enqueueMail, nameParam } from "~/mail/outbox.server";
import { enforce, findUser, normaliseEmail, weakPassword, type Refusal, type WeakPassword } from "./common.server";

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  locale: Locale;
  /** The privacy notice version the person accepted on the sign-up form. */
  privacyNoticeVersion?: string;
}

/**
 * Creates an unverified account and emails a verification link. When the email already has an
 * account, its owner is emailed a link to choose a new password instead; the caller answers the
 * same either way.
 */
export async function signUp(
  db: Database,
  input: SignUpInput,
  origin: RequestOrigin,
  appUrl: string,
  now = new Date(),
): Promise<{ ok: true } | WeakPassword> {
  const email = normaliseEmail(input.email);
  await enforce(db, `signup:ip:${origin.ip ?? "unknown"}`, RATE_LIMITS.signUpPerIp, now);
  await enforce(db, `signup:email:${email}`, RATE_LIMITS.signUpPerEmail, now);
  const refused = weakPassword(input.password, { email, name: input.name });
  if (refused) return refused;
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    // One statement whatever the address: two sign-ups racing for one email cannot both create it.
    const [created] = await tx
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
      .onConflictDoNothing()
      .returning({ id: users.id });
    const { account, token } = await issueTokenForEmail(tx, email, created ? "verify_email" : "reset_password", now);
    if (!account) throw new Error(`No account for ${email} right after sign-up`);
    const link = token ? `${appUrl}/${created ? "verify-email" : "reset-password"}?token=${encodeURIComponent(token)}` : `${appUrl}/forgot-password`;
    // The name greets only a verified address: until then it is whatever the person signing up typed.
    await enqueueMail(tx, {
      to: account.email,
      locale: account.locale,
      template: created ? "verifyEmail" : "accountExists",
      params: created ? { link } : { link, ...nameParam(account) },
    });
    await recordAudit(tx, {
      userId: created ? account.id : null,
      action: created ? "user.signed_up" : "user.sign_up_for_existing_account",
      subjectType: "user",
      subjectId: account.id,
      origin,
    });
  });
  return { ok: true };
}

/** A fresh single-use link (older ones stop working), mailed in the user's language. */
async function sendVerificationEmail(tx: Executor, user: { id: string; email: string; locale: Locale }, appUrl: string, now: Date) {
  const token = await issueToken(tx, user.id, "verify_email", now);
  await enqueueMail(tx, {
    to: user.email,
    locale: user.locale,
    template: "verifyEmail",
    params: { link: `${appUrl}/verify-email?token=${encodeURIComponent(token)}` },
  });
}

/** Verifies the email behind a token (bad, used or expired tokens are refused). */
export async function verifyEmail(
  db: Database,
  token: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<{ ok: true; userId: string } | Refusal<"invalidToken">> {
  return db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "verify_email", now);
    if (!userId) return { ok: false as const, reason: "invalidToken" as const };
    await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, userId));
    await recordAudit(tx, { userId, action: "user.email_verified", subjectType: "user", subjectId: userId, origin });
    return { ok: true as const, userId };
  });
}

/** Mails a new verification link, unless the address is verified already. */
export async function resendVerification(db: Database, userId: string, origin: RequestOrigin, appUrl: string, now = new Date()): Promise<{ ok: true }> {
  await enforce(db, `verify-resend:ip:${origin.ip ?? "unknown"}`, RATE_LIMITS.verificationResendPerIp, now);
  await enforce(db, `verify-resend:user:${userId}`, RATE_LIMITS.verificationResendPerUser, now);
  await db.transaction(async (tx) => {
    const user = await findUser(tx, userId);
    if (user.emailVerifiedAt) return;
    await sendVerificationEmail(tx, user, appUrl, now);
  });
  return { ok: true };
}
