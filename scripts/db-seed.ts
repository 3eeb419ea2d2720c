// `npm run db:seed`: loads the demo data set into the configured database on purpose. It is the
// only way demo rows reach a PostgreSQL server (DATABASE_URL); the embedded default loads them
// by itself on first start. Running it again changes nothing.
import { createDb, migrateDb } from "~/db/client.server";
import { DatabaseLockedError } from "~/db/pglite-lock.server";
import { loadReferenceData } from "~/db/reference-data.server";
import { dataLoads } from "~/db/schema";
import { seedDemoData } from "~/db/seed/demo.server";
import { getEnv, InvalidEnvironmentError } from "~/env.server";

try {
  const env = getEnv();
  const handle = await createDb({ databaseUrl: env.databaseUrl, pgliteDir: env.pgliteDir, poolSize: 2 });
  try {
    await migrateDb(handle);
    await loadReferenceData(handle.db);
    const { accounts } = await handle.db.transaction(async (tx) => {
      const result = await seedDemoData(tx);
      await tx.insert(dataLoads).values({ name: "demo", demo: true }).onConflictDoNothing();
      return result;
    });
    const target = handle.engine === "postgres" ? "the PostgreSQL database (DATABASE_URL)" : `the embedded database in ${env.pgliteDir}`;
    const lines = [`Demo data is in ${target}. Demo accounts:`];
    for (const a of accounts) lines.push(`  ${a.email.padEnd(26)} ${a.password.padEnd(22)} ${a.role.padEnd(12)} ${a.description}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await handle.close();
  }
} catch (error) {
  if (!(error instanceof InvalidEnvironmentError || error instanceof DatabaseLockedError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
