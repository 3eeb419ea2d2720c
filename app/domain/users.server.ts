// Staff's view of user accounts.
import { asc, count, ilike, or, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { users } from "~/db/schema";

export const USERS_PAGE_SIZE = 50;

export async function listUsers(db: Executor, filter: { q?: string; page: number }) {
  const where = filter.q
    ? or(ilike(users.email, `%${filter.q.replace(/[\\%_]/g, "\\$&")}%`), ilike(users.name, `%${filter.q.replace(/[\\%_]/g, "\\$&")}%`))
    : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, totpEnabledAt: users.totpEnabledAt })
      .from(users)
      .where(where)
      .orderBy(sql`${users.role} desc`, asc(users.email))
      .limit(USERS_PAGE_SIZE)
      .offset((filter.page - 1) * USERS_PAGE_SIZE),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
