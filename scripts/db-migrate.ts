// `npm run db:migrate`: bring a database to the current schema and load the reference states,
// without starting the server (for deployments that migrate in a separate step).
import { createDb, migrateDb } from "~/db/client.server";
import { DatabaseLockedError } from "~/db/pglite-lock.server";
import { loadReferenceData } from "~/db/reference-data.server";
import { getEnv, InvalidEnvironmentError } from "~/env.server";

try {
  const env = getEnv();
  const handle = await createDb({ databaseUrl: env.databaseUrl, pgliteDir: env.pgliteDir, poolSize: 1 });
  try {
    await migrateDb(handle);
    await loadReferenceData(handle.db);
  } finally {
    await handle.close();
  }
  const target = handle.engine === "postgres" ? "the PostgreSQL database (DATABASE_URL)" : `the embedded database in ${env.pgliteDir}`;
  process.stdout.write(`Migrated ${target} and loaded the reference states.\n`);
} catch (error) {
  if (!(error instanceof InvalidEnvironmentError || error instanceof DatabaseLockedError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
