// Staff's view of user accounts: who they are, how safely they sign in, and when they last did.
import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { users, type UserRole } from "~/db/schema";

export const USERS_PAGE_SIZE = 50;

export async function listUsers(db: Executor, filter: { q?: string; role?: UserRole; page: number }) {
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, "\\$&")}%` : undefined;
  const where = and(
    pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined,
    filter.role ? eq(users.role, filter.role) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        disabledAt: users.disabledAt,
        emailVerifiedAt: users.emailVerifiedAt,
        totpEnabledAt: users.totpEnabledAt,
        createdAt: users.createdAt,
        // Sign-ins are audit events (kept after their sessions end); the subject index finds each user's.
        lastSignInAt: sql<Date | null>`(select max(occurred_at) from audit_events where subject_type = 'user' and subject_id = ${users.id}::text and action = 'auth.signed_in')`.mapWith(
          (value: unknown) => (value ? new Date(value as string) : null),
        ),
      })
      .from(users)
      .where(where)
      .orderBy(sql`${users.role} desc`, asc(users.email))
      .limit(USERS_PAGE_SIZE)
      .offset((filter.page - 1) * USERS_PAGE_SIZE),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The person whose role an admin is about to change, for the confirmation step. */
export async function getUserForRoleChange(db: Executor, id: string) {
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email, role: users.role }).from(users).where(eq(users.id, id));
  return user ?? null;
}
