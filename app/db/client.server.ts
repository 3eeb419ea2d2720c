// One way to open the database, two engines: postgres.js for a real PostgreSQL server
// (DATABASE_URL), PGlite in-process for the zero-configuration default and quick tests.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { acquireDirectoryLock, type DirectoryLock } from "./pglite-lock.server";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A database or an open transaction: domain functions accept either. */
export type Executor = Pick<Database, "select" | "insert" | "update" | "delete" | "execute" | "transaction" | "query" | "$count" | "selectDistinct" | "selectDistinctOn" | "with">;

export interface DbHandle {
  db: Database;
  engine: "postgres" | "pglite";
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  /** Applies pending migrations from the given folder. */
  migrate(migrationsFolder: string): Promise<void>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… to use a real PostgreSQL server. */
  databaseUrl?: string;
  /** PGlite data folder, or "memory://" for a throw-away database. */
  pgliteDir?: string;
  poolSize?: number;
  /** Seconds to wait for a new connection before failing (keeps readiness checks quick). */
  connectTimeoutSeconds?: number;
}

export const MIGRATIONS_FOLDER = process.env.MIGRATIONS_DIR ?? path.resolve(process.cwd(), "drizzle");

export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options.pgliteDir ?? "./data/pglite");
}

async function openPostgres(url: string, options: DbOptions): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, {
    max: options.poolSize ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    onnotice: () => {},
  });
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    engine: "postgres",
    async ping() {
      await db.execute(sql`select 1`);
    },
    async migrate(migrationsFolder) {
      // Several instances may start at once: a session-level advisory lock on one dedicated
      // connection lets the first migrate while the others wait, then find nothing to do.
      const { migrate } = await import("drizzle-orm/postgres-js/migrator");
      const single = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(7262019)`;
        await migrate(drizzle(single, { casing: "snake_case" }), { migrationsFolder });
        await single`select pg_advisory_unlock(7262019)`;
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(dir: string): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const extensions = await pgliteExtensions();
  let lock: DirectoryLock | undefined;
  let dataDir: string | undefined;
  if (dir !== "memory://" && !dir.startsWith("memory://")) {
    dataDir = path.resolve(dir);
    // PGlite neither creates parent folders nor notices a second process: both are ours to do.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    lock = acquireDirectoryLock(dataDir);
  }
  let client: InstanceType<typeof PGlite>;
  try {
    client = new PGlite(dataDir ?? dir, { extensions });
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Database;
  let closed = false;
  return {
    db,
    engine: "pglite",
    async ping() {
      if (closed) throw new Error("database is closed");
      await client.query("select 1");
    },
    async migrate(migrationsFolder) {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(drizzle(client, { casing: "snake_case" }), { migrationsFolder });
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      lock?.release();
    },
  };
}

/** Applies the SQL migrations in drizzle/ (idempotent: applied ones are skipped). */
export async function migrateDb(handle: DbHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  await handle.migrate(migrationsFolder);
}

/** Extensions the migrations create; PGlite must have them loaded to run CREATE EXTENSION. */
export async function pgliteExtensions() {
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  return { pg_trgm };
}
