// Passwords: forgotten (a link by email), reset with that link, and changed by the signed-in
// owner. A reset request does the same work whether or not the address has an account: one
// statement that finds it and issues the link, one email (a neutral one to an unknown address),
// one audit row; so neither the answer nor its timing tells who has an account.
import { eq } from "drizzle-orm";
import type { Database, Executor } from "~/db/client.server";
import { users, type Locale, type User } from "~/db/schema";
import { recordAudit, type RequestOrigin } from "~/auth/audit.server";
import { hashPassword } from "~/auth/password.server";
import { RATE_LIMITS } from "~/auth/rate-limit.server";
import { deleteUserSessions, type CurrentSession } from "~/auth/session.server";
import { consumeToken, issueTokenForEmail, tokenOwner } from "~/auth/tokens.server";
import { enqueueMail, nameParam } from "~/mail/outbox.server";
import { enforce, findUser, normaliseEmail, weakPassword, type Refusal, type WeakPassword } from "./common.server";
import { checkPassword } from "./credentials.server";

/**
 * Mails a single-use link to choose a new password, or, to an address without a usable account,
 * a short note saying nothing was changed (in the language the request was made in). Always
 * answers the same (no enumeration).
 */
export async function requestPasswordReset(
  db: Database,
  emailInput: string,
  origin: RequestOrigin & { locale?: Locale },
  appUrl: string,
  now = new Date(),
): Promise<{ ok: true }> {
  const email = normaliseEmail(emailInput);
  await enforce(db, `reset:ip:${origin.ip ?? "unknown"}`, RATE_LIMITS.passwordResetPerIp, now);
  await enforce(db, `reset:email:${email}`, RATE_LIMITS.passwordResetPerEmail, now);
  await db.transaction(async (tx) => {
    const { account, token } = await issueTokenForEmail(tx, email, "reset_password", now);
    await enqueueMail(
      tx,
      account && token
        ? {
            to: account.email,
            locale: account.locale,
            template: "resetPassword",
            params: { link: `${appUrl}/reset-password?token=${encodeURIComponent(token)}`, ...nameParam(account) },
          }
        : { to: account?.email ?? email, locale: account?.locale ?? origin.locale ?? "en", template: "resetNoAccount", params: {} },
    );
    await recordAudit(tx, {
      userId: account?.id ?? null,
      action: account && token ? "user.password_reset_requested" : "user.password_reset_refused",
      subjectType: "user",
      subjectId: account?.id ?? null,
      origin,
      data: account ? undefined : { email },
    });
  });
  return { ok: true };
}

/** Sets a new password from a reset token, ends every session and tells the user. */
export async function resetPassword(
  db: Database,
  token: string,
  password: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<{ ok: true; userId: string } | Refusal<"invalidToken"> | WeakPassword> {
  // The policy needs the owner's email and name; the token is spent only for a password it accepts.
  const ownerId = await tokenOwner(db, token, "reset_password", now);
  if (!ownerId) return { ok: false, reason: "invalidToken" };
  const owner = await findUser(db, ownerId);
  const refused = weakPassword(password, { email: owner.email, name: owner.name });
  if (refused) return refused;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Spent in one statement: of two resets racing with one link, only one gets here.
    const userId = await consumeToken(tx, token, "reset_password", now);
    if (userId !== owner.id) return { ok: false as const, reason: "invalidToken" as const };
    await storePassword(tx, owner, passwordHash, now);
    await deleteUserSessions(tx, owner.id);
    // The link came from their mailbox, which proves they own the address.
    if (!owner.emailVerifiedAt) await tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, owner.id));
    await recordAudit(tx, { userId: owner.id, action: "user.password_reset", subjectType: "user", subjectId: owner.id, origin });
    return { ok: true as const, userId: owner.id };
  });
}

async function storePassword(tx: Executor, user: User, passwordHash: string, now: Date) {
  await tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, user.id));
  // Sent whether or not the address was verified: the owner of the address must hear of it.
  await enqueueMail(tx, { to: user.email, locale: user.locale, template: "passwordChanged", params: nameParam(user) });
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
): Promise<{ ok: true } | Refusal<"wrongPassword"> | WeakPassword> {
  const refused = weakPassword(input.password, { email: session.user.email, name: session.user.name });
  if (refused) return refused;
  const user = await checkPassword(db, { email: session.user.email, password: input.currentPassword, purpose: "changePassword" }, origin, now);
  if (!user) return { ok: false, reason: "wrongPassword" };
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await storePassword(tx, user, passwordHash, now);
    await deleteUserSessions(tx, user.id, session.idHash);
    await recordAudit(tx, { userId: user.id, action: "user.password_changed", subjectType: "user", subjectId: user.id, origin });
  });
  return { ok: true };
}
