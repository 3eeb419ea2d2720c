// What every process that serves the portal does before it answers a request: open the
// database, bring its schema up to date, make sure the reference states exist and, on the
// embedded engine only, load the demo data set once.
import { eq } from "drizzle-orm";
import type { Env } from "~/env.server";
import { createDb, migrateDb, type DbHandle } from "./client.server";
import { loadReferenceData } from "./reference-data.server";
import { dataLoads } from "./schema";
import { demoAccounts, seedDemoData, type DemoAccount } from "./seed/demo.server";

const DEMO_LOAD = "demo";

export interface AppDatabase {
  handle: DbHandle;
  /** Set when the database holds the demo data set: the accounts a visitor can sign in with. */
  demoAccounts?: DemoAccount[];
  /** True when this call loaded the demo data (first start on a fresh folder). */
  seeded: boolean;
}

export async function openAppDatabase(
  env: Pick<Env, "databaseUrl" | "databasePoolSize" | "pgliteDir" | "timeouts">,
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
    const [demo] = await handle.db.select().from(dataLoads).where(eq(dataLoads.name, DEMO_LOAD));
    if (demo) return { handle, demoAccounts: demoAccounts(), seeded: false };
    // A PostgreSQL server is someone's real data: demo rows go there only through `npm run db:seed`.
    if (handle.engine !== "pglite") return { handle, seeded: false };
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
