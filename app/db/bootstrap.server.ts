// What every process that serves the portal does before it answers a request: open the
// database, bring its schema up to date, make sure the reference states exist and, in local
// mode on the embedded engine only, load the demo data set once. The demo accounts' passwords
// are published (README, start-up banner): a portal that serves others refuses to start while
// any of them can still sign in.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Env } from "~/env.server";
import { createDb, migrateDb, type DbHandle, type Executor } from "./client.server";
import { loadReferenceData } from "./reference-data.server";
import { dataLoads, users } from "./schema";
import { demoAccounts, seedDemoData, type DemoAccount } from "./seed/demo.server";

const DEMO_LOAD = "demo";

export class DemoAccountsExposedError extends Error {
  constructor(readonly emails: string[]) {
    super(
      `This database holds demo accounts whose passwords are published (${emails.join(", ")}), ` +
        "and APP_URL says this portal serves others. Disable them with `npm run staff -- disable-demo` " +
        "(same DATABASE_URL or PGLITE_DIR), or unset APP_URL to run locally.",
    );
    this.name = "DemoAccountsExposedError";
  }
}

/** Demo accounts that can still sign in (not disabled). */
export async function enabledDemoAccounts(db: Executor): Promise<string[]> {
  const emails = demoAccounts().map((account) => account.email);
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(sql`lower(${users.email})`, emails), isNull(users.disabledAt)));
  return rows.map((row) => row.email);
}

export interface AppDatabase {
  handle: DbHandle;
  /** Set when the database holds the demo data set: the accounts a visitor can sign in with. */
  demoAccounts?: DemoAccount[];
  /** True when this call loaded the demo data (first start on a fresh folder). */
  seeded: boolean;
}

export async function openAppDatabase(
  env: Pick<Env, "databaseUrl" | "databasePoolSize" | "pgliteDir" | "localMode" | "timeouts">,
): Promise<AppDatabase> {
  const handle = await createDb({
    databaseUrl: env.databaseUrl,
    pgliteDir: env.pgliteDir,
    poolSize: env.databasePoolSize,
    connectTimeoutSeconds: env.timeouts.databaseConnect / 1000,
    statementTimeoutMs: env.timeouts.statement,
    lockTimeoutMs: env.timeouts.lock,
    idleInTransactionTimeoutMs: env.timeouts.idleInTransaction,
  });
  try {
    await migrateDb(handle);
    await loadReferenceData(handle.db);
    const exposed = await enabledDemoAccounts(handle.db);
    if (exposed.length > 0 && !env.localMode) throw new DemoAccountsExposedError(exposed);
    if (exposed.length > 0) {
      const accounts = demoAccounts().filter((account) => exposed.includes(account.email));
      return { handle, demoAccounts: accounts, seeded: false };
    }
    const [demo] = await handle.db.select().from(dataLoads).where(eq(dataLoads.name, DEMO_LOAD));
    // Loaded once: accounts disabled since then stay disabled. A PostgreSQL server is someone's
    // real data: demo rows go there only through `npm run db:seed`.
    if (demo || handle.engine !== "pglite" || !env.localMode) return { handle, seeded: false };
    const { accounts } = await handle.db.transaction(async (tx) => {
      const result = await seedDemoData(tx);
      await tx.insert(dataLoads).values({ name: DEMO_LOAD, demo: true });
      return result;
    });
    return { handle, demoAccounts: accounts, seeded: true };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
