// Periodic work shared by every app instance on one PostgreSQL: the secretariat's daily digest
// and the purge of expired rows. No extra service: each instance ticks every minute, and a row
// per (job, period) in scheduled_job_runs decides which instance runs a due job (ADR 011).
import { and, eq } from "drizzle-orm";
import { getEnv } from "~/env.server";
import type { Database } from "~/db/client.server";
import { scheduledJobRuns } from "~/db/schema";
import { sendDigest } from "./digest.server";
import { purgeExpired } from "./purge.server";

export interface JobContext {
  now: Date;
  appUrl: string;
}

export interface ScheduledJob {
  name: string;
  /** The period a run at `now` belongs to ("2026-12-01"), or null when the job is not due yet. */
  periodAt(now: Date): string | null;
  /** Runs inside the claiming transaction: its writes commit together with the claim. */
  run(tx: Database, context: JobContext): Promise<Record<string, number>>;
}

export const DIGEST_JOB = "secretariat-digest";
export const PURGE_JOB = "purge-expired";

export function defaultJobs(digestHourUtc = getEnv().digestHourUtc, digestRecipients = getEnv().digestRecipients): ScheduledJob[] {
  return [
    {
      name: DIGEST_JOB,
      // Due once per UTC day from the configured hour; a late start the same day still sends it.
      periodAt: (now) => (now.getUTCHours() >= digestHourUtc ? now.toISOString().slice(0, 10) : null),
      run: (tx, context) => sendDigest(tx, { ...context, recipients: digestRecipients }),
    },
    {
      name: PURGE_JOB,
      periodAt: (now) => now.toISOString().slice(0, 13),
      run: (tx, { now }) => purgeExpired(tx, now),
    },
  ];
}

/**
 * Runs each job that is due and that no instance has run for this period. Returns the names of
 * the jobs this call ran.
 *
 * The claim is `INSERT … ON CONFLICT DO NOTHING RETURNING` on the (job, period) primary key, in
 * the same transaction as the job's own writes (its outbox rows, its deletes). A second instance
 * inserting the same key waits on the first one's uncommitted row, then finds the conflict and
 * does nothing; if the job fails, its claim rolls back with it and the next tick tries again.
 */
export async function runDueJobs(db: Database, jobs: ScheduledJob[], context: JobContext): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    const period = job.periodAt(context.now);
    if (!period) continue;
    const claimed = await db.transaction(async (tx) => {
      const [claim] = await tx
        .insert(scheduledJobRuns)
        .values({ job: job.name, period, ranAt: context.now })
        .onConflictDoNothing()
        .returning({ job: scheduledJobRuns.job });
      if (!claim) return false;
      const result = await job.run(tx as unknown as Database, context);
      await tx.update(scheduledJobRuns).set({ result }).where(sqlKey(job.name, period));
      return true;
    });
    if (claimed) ran.push(job.name);
  }
  return ran;
}

const sqlKey = (job: string, period: string) => and(eq(scheduledJobRuns.job, job), eq(scheduledJobRuns.period, period));

/** Ticks until stopped. Returns a function that stops it and waits for the current run. */
export function startScheduler(
  db: Database,
  options: { appUrl: string; intervalMs?: number; jobs?: ScheduledJob[]; onError?: (error: unknown) => void },
): () => Promise<void> {
  const jobs = options.jobs ?? defaultJobs();
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = running.then(() => runDueJobs(db, jobs, { now: new Date(), appUrl: options.appUrl })).catch(options.onError ?? (() => {}));
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
