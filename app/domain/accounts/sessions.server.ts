// The signed-in person's own account page: their profile, and the sessions they see and end
// (ending one needs the password typed recently: the route's guard asks for it).
import { and, eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { sessions, users, type Locale } from "~/db/schema";
import { recordAudit, type RequestOrigin } from "~/auth/audit.server";
import { deleteUserSessions, type CurrentSession } from "~/auth/session.server";
import type { Refusal } from "./common.server";

export async function updateProfile(db: Database, userId: string, input: { name: string; locale: Locale }): Promise<{ ok: true }> {
  await db.update(users).set({ name: input.name.trim(), locale: input.locale, updatedAt: new Date() }).where(eq(users.id, userId));
  return { ok: true };
}

/** Ends one of the user's own sessions; another person's, even named by its hash, is not found. */
export async function revokeSession(db: Database, session: CurrentSession, idHash: string, origin: RequestOrigin): Promise<{ ok: true } | Refusal<"notFound">> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(sessions)
      .where(and(eq(sessions.idHash, idHash), eq(sessions.userId, session.user.id)))
      .returning({ idHash: sessions.idHash });
    if (rows.length === 0) return { ok: false as const, reason: "notFound" as const };
    await recordAudit(tx, { userId: session.user.id, action: "session.revoked", subjectType: "user", subjectId: session.user.id, origin });
    return { ok: true as const };
  });
}

export async function revokeOtherSessions(db: Database, session: CurrentSession, origin: RequestOrigin): Promise<{ ok: true; ended: number }> {
  return db.transaction(async (tx) => {
    const ended = await deleteUserSessions(tx, session.user.id, session.idHash);
    await recordAudit(tx, {
      userId: session.user.id,
      action: "session.revoked_others",
      subjectType: "user",
      subjectId: session.user.id,
      origin,
      data: { ended },
    });
    return { ok: true as const, ended };
  });
}
