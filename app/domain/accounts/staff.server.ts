// Staff accounts and the operator's levers: create a staff account, disable an account, end
// sessions, reset someone's two-factor (all from the command line, scripts/staff.ts), and an
// admin granting or revoking the secretariat role (/secretariat/users).
import { eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { recoveryCodes, sessions, users, type User, type UserRole } from "~/db/schema";
import { recordAudit, type RequestOrigin } from "~/auth/audit.server";
import { hashPassword } from "~/auth/password.server";
import { deleteUserSessions } from "~/auth/session.server";
import { enqueueMail, nameParam } from "~/mail/outbox.server";
import { findUserByEmail, normaliseEmail, weakPassword, type Refusal, type WeakPassword } from "./common.server";

/** Creates a verified staff account (command line). */
export async function createStaffUser(
  db: Database,
  input: { email: string; name: string; role: Exclude<UserRole, "member">; password: string },
  now = new Date(),
): Promise<{ ok: true; user: User } | Refusal<"emailTaken"> | WeakPassword> {
  const email = normaliseEmail(input.email);
  const refused = weakPassword(input.password, { email, name: input.name });
  if (refused) return refused;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email, name: input.name.trim(), passwordHash, role: input.role, emailVerifiedAt: now, passwordChangedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!user) return { ok: false as const, reason: "emailTaken" as const };
    await recordAudit(tx, {
      userId: null,
      action: "user.role_changed",
      subjectType: "user",
      subjectId: user.id,
      data: { before: null, after: input.role, via: "command line" },
    });
    return { ok: true as const, user };
  });
}

/** Disables an account and ends all its sessions at once. */
export async function disableUser(
  db: Database,
  target: { email?: string; id?: string },
  byUserId: string | null,
  origin?: RequestOrigin,
  now = new Date(),
): Promise<{ ok: true; user: User } | Refusal<"notFound">> {
  return db.transaction(async (tx) => {
    const [user] = target.id ? await tx.select().from(users).where(eq(users.id, target.id)) : [await findUserByEmail(tx, target.email ?? "")];
    if (!user) return { ok: false as const, reason: "notFound" as const };
    await tx.update(users).set({ disabledAt: now, updatedAt: now }).where(eq(users.id, user.id));
    const ended = await deleteUserSessions(tx, user.id);
    await recordAudit(tx, { userId: byUserId, action: "user.disabled", subjectType: "user", subjectId: user.id, origin, data: { ended } });
    return { ok: true as const, user };
  });
}

/**
 * Ends every session of one account, or of everyone (npm run staff -- sign-out): the operator's
 * answer to a stolen laptop or a leaked session secret.
 */
export async function endSessions(
  db: Database,
  target: { email: string } | "everyone",
  origin?: RequestOrigin,
): Promise<{ ok: true; ended: number } | Refusal<"notFound">> {
  return db.transaction(async (tx) => {
    if (target === "everyone") {
      const ended = await tx.delete(sessions).returning({ idHash: sessions.idHash });
      await recordAudit(tx, { userId: null, action: "session.revoked_everyone", subjectType: "session", origin, data: { ended: ended.length } });
      return { ok: true as const, ended: ended.length };
    }
    const user = await findUserByEmail(tx, target.email);
    if (!user) return { ok: false as const, reason: "notFound" as const };
    const ended = await deleteUserSessions(tx, user.id);
    await recordAudit(tx, { userId: null, action: "session.revoked_by_operator", subjectType: "user", subjectId: user.id, origin, data: { ended } });
    return { ok: true as const, ended };
  });
}

/**
 * Turns two-factor off for someone who lost both their phone and their recovery codes
 * (npm run staff -- reset-two-factor), once the secretariat has checked who they are. Their
 * sessions end; staff must set two-factor up again at the next sign-in.
 */
export async function resetTwoFactorByOperator(
  db: Database,
  email: string,
  origin?: RequestOrigin,
  now = new Date(),
): Promise<{ ok: true; user: User } | Refusal<"notFound">> {
  return db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) return { ok: false as const, reason: "notFound" as const };
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, updatedAt: now }).where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    const ended = await deleteUserSessions(tx, user.id);
    await enqueueMail(tx, { to: user.email, locale: user.locale, template: "twoFactorChanged", params: nameParam(user) });
    await recordAudit(tx, { userId: null, action: "user.two_factor_reset_by_operator", subjectType: "user", subjectId: user.id, origin, data: { ended } });
    return { ok: true as const, user };
  });
}

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
): Promise<{ ok: true; changed: boolean } | Refusal<"self" | "notFound" | "adminTarget">> {
  if (admin.id === targetUserId) return { ok: false, reason: "self" };
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, targetUserId)).for("update");
    if (!user) return { ok: false as const, reason: "notFound" as const };
    if (user.role === "admin") return { ok: false as const, reason: "adminTarget" as const };
    if (user.role === role) return { ok: true as const, changed: false };
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
    return { ok: true as const, changed: true };
  });
}
