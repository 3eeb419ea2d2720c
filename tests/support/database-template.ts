// Vitest global setup for integration tests: builds one migrated database holding the
// reference data, which every test file then copies instead of migrating on its own.
//   DATABASE_URL set: a template database on that server (CREATE DATABASE … TEMPLATE).
//   Otherwise: a PGlite data directory dump in a temporary file (loading it takes ~1 s,
//   a fresh PGlite ~5 s).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDb, migrateDb } from "~/db/client.server";
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

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
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
  const handle = await createDb({ pgliteDir: "memory://" });
  try {
    await migrateDb(handle);
    await loadReferenceData(handle.db);
    const { $client } = handle.db as unknown as { $client: { dumpDataDir(compression: "none"): Promise<Blob> } };
    await fs.writeFile(dumpFile, Buffer.from(await (await $client.dumpDataDir("none")).arrayBuffer()));
  } finally {
    await handle.close();
  }
  project.provide("templateDatabase", { engine: "pglite", dumpFile });
  return () => fs.rm(dir, { recursive: true, force: true });
}

async function prepare(handle: Awaited<ReturnType<typeof createDb>>) {
  try {
    await migrateDb(handle);
    await loadReferenceData(handle.db);
  } finally {
    await handle.close();
  }
}
