// Start-up and the demo data: the demo accounts' passwords are published, so they are loaded
// only in local mode on the embedded database, and a portal that serves others (APP_URL set)
// refuses to start while any of them can still sign in.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DemoAccountsExposedError, enabledDemoAccounts, openAppDatabase } from "~/db/bootstrap.server";
import { createDb, migrateDb } from "~/db/client.server";
import { loadReferenceData } from "~/db/reference-data.server";
import { seedDemoData } from "~/db/seed/demo.server";
import { disableUser } from "~/domain/accounts/staff.server";
import { createDatabase, dropDatabase, randomSuffix } from "../support/postgres-server";

const template = inject("templateDatabase");
const cleanUps: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
});

/** Where a new portal would keep its data: a new PostgreSQL database, or a new PGlite folder. */
// The production defaults of the database bounds; these tests are about what gets loaded.
const timeouts = { databaseConnect: 3_000, statement: 10_000, lock: 2_000, idleInTransaction: 10_000, request: 20_000, shutdown: 10_000 };

async function freshStorage(): Promise<{ databaseUrl: string | undefined; pgliteDir: string; databasePoolSize: number; timeouts: typeof timeouts }> {
  if (template.engine === "postgres") {
    const name = `${template.prefix}_boot_${randomSuffix()}`;
    const databaseUrl = await createDatabase(template.serverUrl, name, template.template);
    cleanUps.push(() => dropDatabase(template.serverUrl, name));
    return { databaseUrl, pgliteDir: "", databasePoolSize: 2, timeouts };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "alliance-boot-"));
  cleanUps.push(() => fs.rm(dir, { recursive: true, force: true }));
  return { databaseUrl: undefined, pgliteDir: path.join(dir, "pglite"), databasePoolSize: 1, timeouts };
}

// On PGlite each test migrates a new embedded database from nothing, and one loads the demo data.
describe("demo data at start-up", { timeout: 180_000 }, () => {
  it.runIf(template.engine === "postgres")("never loads demo accounts into PostgreSQL, not even in local mode", async () => {
    const storage = await freshStorage();
    const opened = await openAppDatabase({ ...storage, localMode: true });
    try {
      expect(opened.seeded).toBe(false);
      expect(opened.demoAccounts).toBeUndefined();
      expect(await enabledDemoAccounts(opened.handle.db)).toEqual([]);
    } finally {
      await opened.handle.close();
    }
  });

  it("does not load them when the portal serves others (APP_URL set), even on a new database", async () => {
    const storage = await freshStorage();
    const opened = await openAppDatabase({ ...storage, localMode: false });
    try {
      expect(opened.seeded).toBe(false);
      expect(await enabledDemoAccounts(opened.handle.db)).toEqual([]);
    } finally {
      await opened.handle.close();
    }
  });

  it("refuses to start with APP_URL while a demo account can sign in, says how to disable them, and starts once they are", async () => {
    const storage = await freshStorage();
    let accounts: { email: string }[] = [];
    const seeding = await createDb({ databaseUrl: storage.databaseUrl, pgliteDir: storage.pgliteDir, poolSize: 1 });
    try {
      await migrateDb(seeding);
      await loadReferenceData(seeding.db);
      ({ accounts } = await seedDemoData(seeding.db));
      // One disabled by hand: the refusal names only the accounts that can still sign in.
      await disableUser(seeding.db, { email: accounts[0]?.email ?? "" }, null);
    } finally {
      await seeding.close();
    }

    const refusal = await openAppDatabase({ ...storage, localMode: false }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DemoAccountsExposedError);
    expect((refusal as Error).message).toMatch(/npm run staff -- disable-demo/);
    const [disabled, ...enabled] = accounts.map((a) => a.email);
    expect(enabled.length).toBeGreaterThan(0);
    for (const email of enabled) expect((refusal as Error).message).toContain(email);
    expect((refusal as Error).message).not.toContain(disabled);

    const local = await openAppDatabase({ ...storage, localMode: true });
    try {
      expect(local.demoAccounts?.map((a) => a.email)).toEqual(enabled);
      for (const email of await enabledDemoAccounts(local.handle.db)) await disableUser(local.handle.db, { email }, null);
    } finally {
      await local.handle.close();
    }

    const served = await openAppDatabase({ ...storage, localMode: false });
    await served.handle.close();
    expect(served.demoAccounts).toBeUndefined();
  });
});
