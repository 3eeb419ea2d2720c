// A fresh, migrated database with the reference data for each integration test file,
// copied from the template that tests/support/database-template.ts builds once per run.
import fs from "node:fs/promises";
import type { SQL } from "drizzle-orm";
import { afterAll, beforeAll, inject } from "vitest";
import * as schema from "~/db/schema";
import type { Database, DbHandle, Executor } from "~/db/client.server";
import { createDb, pgliteExtensions } from "~/db/client.server";
import { createDatabase, dropDatabase, randomSuffix } from "./postgres-server";

export interface TestDatabase {
  handle: DbHandle;
  db: Database;
  /** Closes the connection and removes the database. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("templateDatabase");
  if (template.engine === "postgres") {
    const name = `${template.prefix}_w${process.env.VITEST_POOL_ID ?? "0"}_${randomSuffix()}`;
    const url = await createDatabase(template.serverUrl, name, template.template);
    const handle = await createDb({ databaseUrl: url, poolSize: 4 });
    return {
      handle,
      db: handle.db,
      async destroy() {
        await handle.close();
        await dropDatabase(template.serverUrl, name);
      },
    };
  }
  const handle = await openPgliteCopy(template.dumpFile);
  return { handle, db: handle.db, destroy: () => handle.close() };
}

// createDb cannot start PGlite from a dump, so the copy gets a handle of the same shape here.
async function openPgliteCopy(dumpFile: string): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = new PGlite("memory://", {
    loadDataDir: new Blob([await fs.readFile(dumpFile)]),
    extensions: await pgliteExtensions(),
  });
  await client.waitReady;
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    engine: "pglite",
    async ping() {
      await client.query("select 1");
    },
    async migrate(migrationsFolder) {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(drizzle(client, { casing: "snake_case" }), { migrationsFolder });
    },
    async listen(channel, onNotify) {
      return client.listen(channel, onNotify);
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

/**
 * Gives the surrounding file (or describe block) its own database:
 *   const t = useTestDatabase();
 *   it("…", async () => { await t.db.select()… });
 */
export function useTestDatabase(): { readonly db: Database; readonly handle: DbHandle } {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
  });
  afterAll(async () => {
    await current?.destroy();
    current = undefined;
  });
  const get = () => {
    if (!current) throw new Error("useTestDatabase(): the database exists only inside tests and hooks");
    return current;
  };
  return {
    get db() {
      return get().db;
    },
    get handle() {
      return get().handle;
    },
  };
}

/** Rows of a raw SQL query: postgres.js returns them as an array, PGlite inside `rows`. */
export async function queryRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
