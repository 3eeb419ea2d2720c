// The browser tests share one seeded database and run in parallel. A test that changes a demo
// actor's participation for a while (Reporters Without Borders withdraws from the Information
// and Democracy partnership, then asks to come back) must not overlap one that relies on it
// (a meeting notice reaching that actor's representative): both hold the same named lock, a
// directory that only one process can create, for this run only.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export async function withDemoLock<T>(name: string, body: () => Promise<T>): Promise<T> {
  const lock = path.join(os.tmpdir(), `alliance-e2e-${process.env.E2E_PORT ?? "0"}-${name}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      await fs.mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() > deadline) throw new Error(`the demo lock ${name} stayed taken for three minutes`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await body();
  } finally {
    await fs.rm(lock, { recursive: true, force: true });
  }
}
