// Playwright's web server: the production build in local mode (no APP_URL, on 127.0.0.1) on a
// database of its own, removed afterwards.
//   DATABASE_URL set: a new database on that server; LOCAL_ONLY=1 says this production server on
//   PostgreSQL serves this machine only (a portal that serves others needs APP_URL and refuses
//   demo accounts). Otherwise: a temporary PGlite folder.
// Either way it is migrated and seeded here with the demo data and the journeys' cast before
// the server starts.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDatabase, databaseBaseName, dropDatabase, randomSuffix } from "../support/postgres-server";

const serverUrl = process.env.DATABASE_URL;
const workDir = await fs.mkdtemp(path.join(os.tmpdir(), "alliance-e2e-"));
// playwright.config.ts names the mail folder so the tests can read it; it belongs to this run.
const mailDir = process.env.E2E_MAIL_DIR ?? path.join(workDir, "mail");
const env: NodeJS.ProcessEnv = { ...process.env, MAIL_DIR: mailDir };
let databaseName: string | undefined;

async function cleanUp(): Promise<void> {
  if (serverUrl && databaseName) await dropDatabase(serverUrl, databaseName);
  await fs.rm(workDir, { recursive: true, force: true });
  await fs.rm(mailDir, { recursive: true, force: true });
}

// The modules the seed imports read the environment (cookies, the public URL, the key that
// encrypts two-factor secrets) when loaded, so they are loaded after it is complete.
if (serverUrl) {
  databaseName = `${databaseBaseName(serverUrl)}_e2e_${randomSuffix()}`;
  // This process is a production server's helper on this machine only, as the server itself is
  // told below: a portal on PostgreSQL that serves others needs APP_URL and refuses demo accounts.
  process.env.LOCAL_ONLY = "1";
  env.LOCAL_ONLY = "1";
} else {
  env.PGLITE_DIR = path.join(workDir, "pglite");
}

// Both engines are loaded here, as `npm run db:seed` would, with the demo data and the journeys'
// cast (./cast-seed.ts); the server then finds the demo loaded and seeds nothing itself.
try {
  if (serverUrl && databaseName) env.DATABASE_URL = await createDatabase(serverUrl, databaseName);
  const { createDb, migrateDb } = await import("~/db/client.server");
  const { loadReferenceData } = await import("~/db/reference-data.server");
  const { dataLoads } = await import("~/db/schema");
  const { seedDemoData } = await import("~/db/seed/demo.server");
  const { seedCast } = await import("./cast-seed");
  const handle = await createDb({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, poolSize: 2 });
  try {
    await migrateDb(handle);
    await loadReferenceData(handle.db);
    await handle.db.transaction(async (tx) => {
      await seedDemoData(tx);
      await tx.insert(dataLoads).values({ name: "demo", demo: true });
    });
    await seedCast(handle.db);
  } finally {
    await handle.close();
  }
} catch (error) {
  await cleanUp();
  throw error;
}

const server = spawn(process.execPath, ["build/server.js"], { env, stdio: "inherit" });

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

server.on("exit", (code, signal) => {
  void (async () => {
    await cleanUp();
    // Stopped by us: a clean end. Exited by itself: say so, Playwright reports it.
    process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
  })();
});
