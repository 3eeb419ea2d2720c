// Vitest global setup for integration tests: builds one migrated database holding the
// reference data, which every test file then copies instead of migrating on its own.
//   DATABASE_URL set: a template database on that server (CREATE DATABASE … TEMPLATE).
//   Otherwise: a dump of a PGlite data directory in a temporary file (loading it takes about
//   a second, creating a fresh PGlite about five).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDb, migrateDb, type DbHandle } from "~/db/client.server";
import { loadReferenceData } from "~/db/reference-data.server";
import { createDatabase, databaseBaseName, dropDatabase, randomSuffix } from "./postgres-server";

export type TemplateDatabase =
  | { engine: "postgres"; serverUrl: string; template: string; prefix: string }
  | { engine: "pglite"; dumpFile: string };

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: TemplateDatabase;
  }
}

interface PgliteClient {
  dumpDataDir(compression: "none"): Promise<Blob>;
}

async function prepare(handle: DbHandle, afterwards?: (handle: DbHandle) => Promise<void>): Promise<void> {
  try {
    await migrateDb(handle);
    await loadReferenceData(handle.db);
    await afterwards?.(handle);
  } finally {
    await handle.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    // Random, so that two test runs against one server never share a template.
    const prefix = `${databaseBaseName(serverUrl)}_${randomSuffix()}`;
    const template = `${prefix}_tpl`;
    const url = await createDatabase(serverUrl, template);
    try {
      await prepare(await createDb({ databaseUrl: url, poolSize: 1 }));
    } catch (error) {
      await dropDatabase(serverUrl, template);
      throw error;
    }
    project.provide("templateDatabase", { engine: "postgres", serverUrl, template, prefix });
    return () => dropDatabase(serverUrl, template);
  }

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "alliance-tests-"));
  const dumpFile = path.join(dir, "template.tar");
  try {
    await prepare(await createDb({ pgliteDir: "memory://" }), async (handle) => {
      const client = (handle.db as unknown as { $client: PgliteClient }).$client;
      const dump = await client.dumpDataDir("none");
      await fs.writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
    });
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
  project.provide("templateDatabase", { engine: "pglite", dumpFile });
  return () => fs.rm(dir, { recursive: true, force: true });
}
