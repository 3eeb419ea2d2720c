// Throw-away databases on the PostgreSQL server that DATABASE_URL points to. Names start
// with DATABASE_URL's own database name and carry a random part, so two test runs on one
// server never touch each other's databases.
import { randomBytes } from "node:crypto";
import postgres from "postgres";

/** PostgreSQL identifiers are cut at 63 bytes; keep room for the suffixes added here. */
const BASE_MAX_LENGTH = 32;

export function randomSuffix(bytes = 3): string {
  return randomBytes(bytes).toString("hex");
}

/** A safe lower-case prefix taken from the database name in the URL. */
export function databaseBaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, "")) || "postgres";
  return name.toLowerCase().replace(/[^a-z0-9_]/g, "_").slice(0, BASE_MAX_LENGTH);
}

export function withDatabaseName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`Refusing unusual database name ${JSON.stringify(name)}`);
  return `"${name}"`;
}

async function onServer<T>(databaseUrl: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Creates `name` on DATABASE_URL's server, as a copy of `template` when given. Returns its URL. */
export async function createDatabase(databaseUrl: string, name: string, template?: string): Promise<string> {
  const clause = template ? ` TEMPLATE ${quoteIdentifier(template)}` : "";
  await onServer(databaseUrl, (sql) => sql.unsafe(`CREATE DATABASE ${quoteIdentifier(name)}${clause}`));
  return withDatabaseName(databaseUrl, name);
}

/** Drops `name` even while connections remain (a crashed test must not leave it behind). */
export async function dropDatabase(databaseUrl: string, name: string): Promise<void> {
  await onServer(databaseUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
}
