// What a process does to its database before it serves: a PostgreSQL server is someone's real
// data, so start-up must never load the demo accounts (with their published passwords) there;
// demo data goes to PostgreSQL only through `npm run db:seed`.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { count, inArray } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { openAppDatabase } from "~/db/bootstrap.server";
import { dataLoads, users } from "~/db/schema";
import { demoAccounts } from "~/db/seed/demo.server";
import { createDatabase, dropDatabase, randomSuffix } from "../support/postgres-server";

const ON_POSTGRES = Boolean(process.env.DATABASE_URL);
const demoEmails = demoAccounts().map((a) => a.email);

describe("start-up", () => {
  it(
    ON_POSTGRES
      ? "loads no demo account into a PostgreSQL database, on the first start or the next"
      : "loads the demo into a fresh embedded PGlite folder once, and not again on the next start (the PostgreSQL run checks that PostgreSQL gets none)",
    async () => {
      const template = inject("templateDatabase");
      if (template.engine === "postgres") {
        const name = `${template.prefix}_boot_${randomSuffix()}`;
        const url = await createDatabase(template.serverUrl, name, template.template);
        try {
          for (const start of ["first", "second"]) {
            const opened = await openAppDatabase({ databaseUrl: url, databasePoolSize: 2, pgliteDir: "./unused" });
            try {
              expect(opened.seeded, start).toBe(false);
              expect(opened.demoAccounts, start).toBeUndefined();
              const [demoUsers] = await opened.handle.db.select({ n: count() }).from(users).where(inArray(users.email, demoEmails));
              expect(demoUsers?.n, start).toBe(0);
              expect(await opened.handle.db.select().from(dataLoads), start).toEqual([]);
            } finally {
              await opened.handle.close();
            }
          }
        } finally {
          await dropDatabase(template.serverUrl, name);
        }
        return;
      }
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "alliance-boot-"));
      try {
        for (const [start, seeded] of [["first", true], ["second", false]] as const) {
          const opened = await openAppDatabase({ databaseUrl: undefined, databasePoolSize: 2, pgliteDir: path.join(dir, "pglite") });
          try {
            expect(opened.seeded, start).toBe(seeded);
            const [demoUsers] = await opened.handle.db.select({ n: count() }).from(users).where(inArray(users.email, demoEmails));
            expect(demoUsers?.n, start).toBe(demoEmails.length);
          } finally {
            await opened.handle.close();
          }
        }
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
    // Migrating and seeding an embedded database takes minutes on a loaded machine.
    300_000,
  );
});
