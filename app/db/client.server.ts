// One way to open the database, two engines: postgres.js for a real PostgreSQL server
// (DATABASE_URL), PGlite in-process for the zero-configuration default and quick tests.
import fs from "node:fs";
import path from "node:path";
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
  /**
   * LISTEN on a channel: calls onNotify with each NOTIFY payload (postgres.js on a connection of
   * its own that it re-opens after a failure; PGlite in-process). Resolves to an unlisten.
   */
  listen?(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
}

export interface DbOptions {
  /** postgres://… to use a real PostgreSQL server. */
  databaseUrl?: string;
  /** PGlite data folder, or "memory://" for a throw-away database. */
  pgliteDir?: string;
  poolSize?: number;
  /** Seconds to wait for a new connection before failing (keeps readiness checks quick). */
  connectTimeoutSeconds?: number;
  /** PostgreSQL's statement_timeout on every pooled connection: no query holds a connection longer (0: none, for bulk scripts). */
  statementTimeoutMs?: number;
  /** PostgreSQL's lock_timeout: a query waiting on a lock someone else holds gives up after this. */
  lockTimeoutMs?: number;
  /** PostgreSQL's idle_in_transaction_session_timeout: a transaction left idle ends, releasing its locks. */
  idleInTransactionTimeoutMs?: number;
}

/** Bounds for a web request: long enough for the slowest honest page, short enough to fail fast. */
export const DEFAULT_DB_TIMEOUTS = {
  connectTimeoutSeconds: 3,
  statementTimeoutMs: 10_000,
  lockTimeoutMs: 2_000,
  idleInTransactionTimeoutMs: 10_000,
} as const;

/** The readiness probe's own connection answers within this, whatever the pool is doing. */
const READINESS_STATEMENT_TIMEOUT_MS = 1_000;

/**
 * postgres.js waits up to 20 s (3^retries / 100 s) before reconnecting after failures, and
 * queries queue behind that wait: during an outage every request hung, and answers trickled
 * back long after the server returned. A short capped delay makes each request try once and
 * fail fast, and the first request after recovery connect at once.
 */
export function reconnectDelaySeconds(retries: number): number {
  return Math.min(0.05 * 2 ** retries, 0.5);
}

export const MIGRATIONS_FOLDER = process.env.MIGRATIONS_DIR ?? path.resolve(process.cwd(), "drizzle");

export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options.pgliteDir ?? "./data/pglite");
}

async function openPostgres(url: string, options: DbOptions): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const connectTimeout = options.connectTimeoutSeconds ?? DEFAULT_DB_TIMEOUTS.connectTimeoutSeconds;
  const client = postgres(url, {
    max: options.poolSize ?? 10,
    connect_timeout: connectTimeout,
    backoff: reconnectDelaySeconds,
    onnotice: () => {},
    // Sent in the start-up packet, so every connection has them before its first query.
    connection: {
      application_name: "alliance-portal",
      statement_timeout: options.statementTimeoutMs ?? DEFAULT_DB_TIMEOUTS.statementTimeoutMs,
      lock_timeout: options.lockTimeoutMs ?? DEFAULT_DB_TIMEOUTS.lockTimeoutMs,
      idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? DEFAULT_DB_TIMEOUTS.idleInTransactionTimeoutMs,
    },
  });
  // Readiness has a connection of its own: a held lock or a pool busy with slow pages must not
  // make every instance look dead to the load balancer at once.
  const probe = postgres(url, {
    max: 1,
    connect_timeout: Math.min(connectTimeout, 2),
    backoff: reconnectDelaySeconds,
    onnotice: () => {},
    connection: { application_name: "alliance-portal-readiness", statement_timeout: READINESS_STATEMENT_TIMEOUT_MS },
  });
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    engine: "postgres",
    async ping() {
      await probe`select 1`;
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
    async listen(channel, onNotify) {
      const { unlisten } = await client.listen(channel, onNotify);
      return unlisten;
    },
    async close() {
      await Promise.all([client.end({ timeout: 5 }), probe.end({ timeout: 1 })]);
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
    async listen(channel, onNotify) {
      return client.listen(channel, onNotify);
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
