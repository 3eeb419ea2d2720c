// Two processes on one PGlite folder corrupt it silently: the lock file must stop the second
// at once, and must not keep a folder locked forever after its owner died.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDirectoryLock, DatabaseLockedError } from "~/db/pglite-lock.server";

let folder: string;
let dataDir: string;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "srv-lock-"));
  dataDir = path.join(folder, "pglite");
});

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("PGlite folder lock", () => {
  it("writes our pid beside the folder and removes the file on release", () => {
    const lock = acquireDirectoryLock(dataDir);
    expect(lock.path).toBe(`${dataDir}.lock`);
    expect(fs.readFileSync(lock.path, "utf8")).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it("refuses a folder another live process holds, naming that process", () => {
    // Our parent is alive for as long as this test runs: it stands for the other server.
    const owner = process.ppid;
    fs.writeFileSync(`${dataDir}.lock`, String(owner));
    let failure: unknown;
    try {
      acquireDirectoryLock(dataDir);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(DatabaseLockedError);
    expect((failure as DatabaseLockedError).ownerPid).toBe(owner);
    expect((failure as DatabaseLockedError).message).toContain(`process ${owner}`);
    expect((failure as DatabaseLockedError).message).toContain(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(owner));
  });

  it("takes over a lock left by a process that died", () => {
    fs.writeFileSync(`${dataDir}.lock`, String(deadPid()));
    const lock = acquireDirectoryLock(dataDir);
    expect(fs.readFileSync(lock.path, "utf8")).toBe(String(process.pid));
    lock.release();
  });

  it("takes over an unreadable lock file", () => {
    fs.writeFileSync(`${dataDir}.lock`, "not a pid");
    const lock = acquireDirectoryLock(dataDir);
    expect(fs.readFileSync(lock.path, "utf8")).toBe(String(process.pid));
    lock.release();
  });
});
