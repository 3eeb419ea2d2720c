// The portal's process: validate the environment, open the database (migrating it and, on
// the embedded engine, loading the demo data once), serve HTTP, and shut down cleanly.
import fs from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { pino, type Logger } from "pino";
import { DemoAccountsExposedError, openAppDatabase, type AppDatabase } from "~/db/bootstrap.server";
import type { DemoAccount } from "~/db/seed/demo.server";
import { describeError } from "~/db/faults.server";
import { DatabaseLockedError } from "~/db/pglite-lock.server";
import { getEnv, InvalidEnvironmentError, type Env } from "~/env.server";
import { startScheduler } from "~/jobs/scheduler.server";
import { fileTransport, smtpTransport, startMailSender } from "~/mail/sender.server";
import { createApp } from "./app";
import { listenForPublicChanges } from "./invalidation";
import { pageCacheFromEnv } from "./page-cache";
import { shutDown, trackResponses } from "./shutdown";

const BUILD_PATH = path.resolve("build/index.js");

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

async function importBuild(): Promise<ServerBuild> {
  if (!fs.existsSync(BUILD_PATH)) fail(`No Remix build at ${BUILD_PATH}: run \`npm run build\` first.`);
  // The query string defeats the ESM module cache, so development picks up each rebuild.
  const url = pathToFileURL(BUILD_PATH);
  url.searchParams.set("t", String(fs.statSync(BUILD_PATH).mtimeMs));
  return (await import(url.href)) as ServerBuild;
}

/** In development, reload the build whenever `remix dev` rewrites it, then tell it we are ready. */
function watchBuild(onBuild: (build: ServerBuild) => void, logger: Logger): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher = fs.watch(path.dirname(BUILD_PATH), (_event, file) => {
    if (file !== path.basename(BUILD_PATH)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      importBuild()
        .then(async (build) => {
          onBuild(build);
          await broadcastDevReady(build);
        })
        .catch((error: unknown) => logger.error({ err: error }, "could not reload the Remix build"));
    }, 100);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

function printBanner(env: Env, url: string, database: AppDatabase): void {
  const lines = [
    "",
    `  Alliance Partner Portal is running at ${url}`,
    `  Database: ${database.handle.engine === "pglite" ? `embedded PGlite in ${path.resolve(env.pgliteDir)}` : "PostgreSQL (DATABASE_URL)"}`,
  ];
  lines.push(
    env.smtpUrl
      ? "  Email: sent through SMTP_URL."
      : `  Email: no SMTP_URL, so each email is written as an .eml file in ${path.resolve(env.mailDir)}` +
          (env.nodeEnv === "development" ? " (listed at /dev/mailbox)." : "."),
  );
  if (database.seeded) lines.push("  Demo data loaded on this first start.");
  const accounts: DemoAccount[] = database.demoAccounts ?? [];
  if (accounts.length > 0) {
    const emailWidth = Math.max(5, ...accounts.map((a) => a.email.length));
    const passwordWidth = Math.max(8, ...accounts.map((a) => a.password.length));
    const roleWidth = Math.max(4, ...accounts.map((a) => a.role.length));
    lines.push("", "  Demo accounts:", "");
    lines.push(`    ${"Email".padEnd(emailWidth)}  ${"Password".padEnd(passwordWidth)}  ${"Role".padEnd(roleWidth)}  Who`);
    for (const a of accounts) {
      lines.push(`    ${a.email.padEnd(emailWidth)}  ${a.password.padEnd(passwordWidth)}  ${a.role.padEnd(roleWidth)}  ${a.description}`);
    }
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) fail(error.message);
    throw error;
  }
  const logger = pino({ level: env.logLevel });

  // A signal during start-up waits for it to finish: stopping half-way through creating,
  // migrating or seeding the embedded database would leave it damaged.
  let stop: ((signal: NodeJS.Signals) => void) | undefined;
  let pendingSignal: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop) stop(signal);
    else pendingSignal ??= signal;
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);

  let build = await importBuild();
  // React's development build is not in production installs: a leftover `npm run dev` build would fail on every page.
  if (env.isProduction && build.mode !== "production") {
    fail(`build/index.js is a ${build.mode} build: run \`npm run build\` (or \`npm start\`, which builds when needed).`);
  }

  let database: AppDatabase;
  try {
    database = await openAppDatabase(env);
  } catch (error) {
    if (error instanceof DatabaseLockedError || error instanceof DemoAccountsExposedError) fail(error.message);
    throw error;
  }

  // Anonymous public pages from memory, forgotten on every change to public data (ADR 013).
  const pageCache = pageCacheFromEnv(env);
  const stopListening = pageCache
    ? await listenForPublicChanges(database.handle, () => pageCache.clear(), logger)
    : async () => {};

  const app = createApp({
    pageCache,
    database: database.handle,
    build: env.nodeEnv === "development" ? async () => build : build,
    env,
    logger,
    requestTimeoutMs: env.timeouts.request,
  });

  // Without HOST, Node listens on every interface (IPv6 and IPv4).
  const server: Server = env.host ? app.listen(env.port, env.host) : app.listen(env.port);
  trackResponses(server);
  // Node's own bounds on a client sending its request: a slow sender cannot hold a connection.
  server.headersTimeout = Math.min(env.timeouts.request, 20_000);
  server.requestTimeout = env.timeouts.request;
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await database.handle.close();
    if (error.code === "EADDRINUSE") fail(`Port ${env.port} is already in use: stop the other server or set PORT.`);
    throw error;
  });
  const url = env.publicUrl;
  const { port } = server.address() as AddressInfo;
  logger.info({ url, port, engine: database.handle.engine, nodeEnv: env.nodeEnv }, "listening");
  printBanner(env, url, database);

  // Every instance delivers the outbox; SKIP LOCKED keeps them from sending the same email twice.
  const stopMailSender = startMailSender(
    database.handle.db,
    env.smtpUrl ? smtpTransport(env.smtpUrl) : fileTransport(path.resolve(env.mailDir)),
    2_000,
    (error) => logger.error({ err: error }, "mail delivery failed"),
  );

  // Every instance ticks; a (job, period) row lets only one of them run each due job (ADR 011).
  const stopScheduler = startScheduler(database.handle.db, { appUrl: url, onError: (error) => logger.error({ err: error }, "scheduled job failed") });

  let stopWatching: (() => void) | undefined;
  if (env.nodeEnv === "development") {
    stopWatching = watchBuild((next) => {
      build = next;
    }, logger);
    await broadcastDevReady(build);
  }

  let shuttingDown = false;
  stop = (signal) => {
    // npm forwards the terminal's Ctrl-C to us, which already received it: one shutdown is enough,
    // and SHUTDOWN_TIMEOUT_MS bounds how long it takes.
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, "shutting down: no new connections, finishing requests in flight");
    stopWatching?.();
    shutDown({
      server,
      timeoutMs: env.timeouts.shutdown,
      stopWork: () => Promise.all([stopScheduler(), stopMailSender(), stopListening()]).then(() => undefined),
      closeDatabase: () => database.handle.close(),
      onGraceExpired: () => logger.warn("requests still open after the grace period: closing their connections"),
    }).then(
      (outcome) => {
        if (outcome === "clean") logger.info("stopped");
        else logger.warn({ timeoutMs: env.timeouts.shutdown }, "stopped before the database or background work finished: shutdown timeout reached");
        process.exit(outcome === "clean" ? 0 : 1);
      },
      (error: unknown) => {
        logger.error({ error: describeError(error) }, "could not stop cleanly");
        process.exit(1);
      },
    );
  };
  if (pendingSignal) stop(pendingSignal);
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start the server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
