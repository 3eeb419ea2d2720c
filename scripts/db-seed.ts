// `npm run db:seed`: loads the demo data set into the configured database on purpose. It is the
// only way demo rows reach a PostgreSQL server (DATABASE_URL); the embedded default loads them
// by itself on first start. Running it again changes nothing.
import { createDb, migrateDb } from "~/db/client.server";
import { loadReferenceData } from "~/db/reference-data.server";
import { dataLoads } from "~/db/schema";
import { seedDemoData } from "~/db/seed/demo.server";

const databaseUrl = process.env.DATABASE_URL || undefined;
const pgliteDir = process.env.PGLITE_DIR || "./data/pglite";

const handle = await createDb({ databaseUrl, pgliteDir, poolSize: 2 });
try {
  await migrateDb(handle);
  await loadReferenceData(handle.db);
  const { accounts } = await handle.db.transaction(async (tx) => {
    const result = await seedDemoData(tx);
    await tx.insert(dataLoads).values({ name: "demo", demo: true }).onConflictDoNothing();
    return result;
  });
  const where = handle.engine === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${pgliteDir}`;
  console.log(`Demo data is in ${where}. Demo accounts:`);
  for (const a of accounts) console.log(`  ${a.email.padEnd(28)} ${a.password.padEnd(24)} ${a.role.padEnd(12)} ${a.description}`);
} finally {
  await handle.close();
}
