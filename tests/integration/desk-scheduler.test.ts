// The scheduler shared by every app instance: the secretariat's digest goes out once a day
// however many instances tick, and the purge removes only rows that have expired.
import crypto from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { createDb, type Database, type DbHandle } from "~/db/client.server";
import { actors, mailOutbox, rateLimits, scheduledJobRuns, sessions, verificationTokens } from "~/db/schema";
import { defaultJobs, DIGEST_JOB, PURGE_JOB, runDueJobs } from "~/jobs/scheduler.server";
import { createUser } from "../support/accounts";
import { queryRows, useTestDatabase } from "../support/db";
import { withDatabaseName } from "../support/postgres-server";

const t = useTestDatabase();
const APP_URL = "https://portal.example";
let second: DbHandle | undefined;

// A second instance: on PostgreSQL its own connection pool on the same database, as a second
// server process would have; PGlite has one connection, so both instances share it there.
beforeAll(async () => {
  const template = inject("templateDatabase");
  if (template.engine !== "postgres") return;
  const [row] = await queryRows<{ name: string }>(t.db, sql`select current_database() as name`);
  second = await createDb({ databaseUrl: withDatabaseName(template.serverUrl, row!.name), poolSize: 2 });
});
afterAll(async () => {
  await second?.close();
});
const secondDb = (): Database => second?.db ?? t.db;

async function pendingOrganisation(name: string) {
  const [actor] = await t.db.insert(actors).values({ kind: "ngo", name, status: "pending" }).returning();
  return actor!;
}

const digests = (to: string[]) => t.db.select().from(mailOutbox).where(inArray(mailOutbox.toAddress, to));

describe("the daily digest", () => {
  it("is sent once to each secretariat member, in their language, when two instances tick at the same moment", async () => {
    const staffEn = await createUser(t.db, { role: "secretariat" });
    const staffFr = await createUser(t.db, { role: "admin", locale: "fr" });
    const member = await createUser(t.db);
    await pendingOrganisation(`Pending NGO ${crypto.randomUUID()}`);
    const jobs = defaultJobs(7, []);
    const now = new Date("2026-03-02T07:30:00Z");
    const [a, b] = await Promise.all([
      runDueJobs(t.db, jobs, { now, appUrl: APP_URL }),
      runDueJobs(secondDb(), jobs, { now, appUrl: APP_URL }),
    ]);
    expect([...a, ...b].filter((job) => job === DIGEST_JOB)).toHaveLength(1);
    // Later ticks the same day find the run and send nothing more.
    await runDueJobs(secondDb(), jobs, { now: new Date("2026-03-02T18:00:00Z"), appUrl: APP_URL });

    const sent = await digests([staffEn.email, staffFr.email, member.email]);
    expect(sent.map((m) => m.toAddress).sort()).toEqual([staffEn.email, staffFr.email].sort());
    const fr = sent.find((m) => m.toAddress === staffFr.email)!;
    expect(fr.subject).toContain("En attente d’examen");
    expect(fr.textBody).toContain(`${APP_URL}/secretariat`);
  });

  it("waits for the configured hour, then goes out the next day again", async () => {
    const jobs = defaultJobs(9, ["desk@alliance.example"]);
    await pendingOrganisation(`Another NGO ${crypto.randomUUID()}`);
    expect(await runDueJobs(t.db, jobs, { now: new Date("2026-04-01T08:59:00Z"), appUrl: APP_URL })).not.toContain(DIGEST_JOB);
    expect(await runDueJobs(t.db, jobs, { now: new Date("2026-04-01T09:00:00Z"), appUrl: APP_URL })).toContain(DIGEST_JOB);
    expect(await runDueJobs(t.db, jobs, { now: new Date("2026-04-02T09:05:00Z"), appUrl: APP_URL })).toContain(DIGEST_JOB);
    // DIGEST_RECIPIENTS: only the configured address receives it.
    expect(await digests(["desk@alliance.example"])).toHaveLength(2);
  });

  it("is not sent when nothing waits", async () => {
    await t.db.update(actors).set({ status: "approved" }).where(eq(actors.status, "pending"));
    const staff = await createUser(t.db, { role: "secretariat" });
    await runDueJobs(t.db, defaultJobs(7, []), { now: new Date("2026-05-01T10:00:00Z"), appUrl: APP_URL });
    expect(await digests([staff.email])).toEqual([]);
  });

  it("a failed run leaves no claim, so the next tick tries again", async () => {
    const failing = { name: "flaky", periodAt: () => "p1", run: async () => Promise.reject(new Error("SMTP down")) };
    await expect(runDueJobs(t.db, [failing], { now: new Date(), appUrl: APP_URL })).rejects.toThrow("SMTP down");
    expect(await t.db.select().from(scheduledJobRuns).where(eq(scheduledJobRuns.job, "flaky"))).toEqual([]);
    const working = { ...failing, run: async () => ({ done: 1 }) };
    expect(await runDueJobs(t.db, [working], { now: new Date(), appUrl: APP_URL })).toEqual(["flaky"]);
  });
});

describe("the purge", () => {
  it("removes expired sessions, spent or expired tokens and past rate-limit windows, and nothing else", async () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const before = new Date(now.getTime() - 60_000);
    const after = new Date(now.getTime() + 60_000);
    const user = await createUser(t.db);
    const hash = () => crypto.randomBytes(16).toString("hex");
    const [expiredSession, liveSession] = [hash(), hash()];
    await t.db.insert(sessions).values([
      { idHash: expiredSession, userId: user.id, expiresAt: before },
      { idHash: liveSession, userId: user.id, expiresAt: after },
    ]);
    const tokens = await t.db
      .insert(verificationTokens)
      .values([
        { userId: user.id, purpose: "verify_email", tokenHash: hash(), expiresAt: before },
        { userId: user.id, purpose: "reset_password", tokenHash: hash(), expiresAt: after, usedAt: before },
        { userId: user.id, purpose: "reset_password", tokenHash: hash(), expiresAt: after },
      ])
      .returning();
    await t.db.insert(rateLimits).values([
      { key: "purge:old", windowStart: before, hits: 3, expiresAt: before },
      { key: "purge:live", windowStart: before, hits: 3, expiresAt: after },
    ]);

    expect(await runDueJobs(t.db, defaultJobs(7, []), { now, appUrl: APP_URL })).toContain(PURGE_JOB);

    const leftSessions = await t.db.select({ id: sessions.idHash }).from(sessions).where(inArray(sessions.idHash, [expiredSession, liveSession]));
    expect(leftSessions.map((s) => s.id)).toEqual([liveSession]);
    const leftTokens = await t.db.select({ id: verificationTokens.id }).from(verificationTokens).where(eq(verificationTokens.userId, user.id));
    expect(leftTokens.map((r) => r.id)).toEqual([tokens[2]!.id]);
    const leftLimits = await t.db.select({ key: rateLimits.key }).from(rateLimits).where(inArray(rateLimits.key, ["purge:old", "purge:live"]));
    expect(leftLimits.map((r) => r.key)).toEqual(["purge:live"]);
    const [run] = await t.db.select().from(scheduledJobRuns).where(and(eq(scheduledJobRuns.job, PURGE_JOB), eq(scheduledJobRuns.period, "2026-06-01T12")));
    expect(run?.result).toMatchObject({ sessions: 1, tokens: 2, rateLimits: 1 });
  });
});
