// `npm run bench`: how much the main pages cost, as a RATIO to a bare route of the same server.
//
// Absolute timings depend on the machine and on whatever else it is doing; a ratio to /healthz,
// measured in short alternating bursts (page, baseline, baseline, page, ...), cancels much of
// that, and the CPU time the server and its database connections spend per request (read from
// /proc) cancels most of the rest. The script starts the production server itself on
// DATABASE_URL (a database filled by `npm run db:bench-data`), behind a tiny TCP proxy that
// counts the SQL statements each page sends. See docs/benchmark.md.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import { parseArgs } from "node:util";
import { createCookie } from "@remix-run/node";
import postgres from "postgres";

interface Options {
  concurrency: number;
  /** Requests in one burst. */
  requests: number;
  /** Alternating page/baseline burst pairs per page. */
  rounds: number;
}

interface Page {
  name: string;
  path: string;
  /** Cookie header of a signed-in session, for the pages behind a sign-in. */
  cookie?: string;
}

interface Burst {
  latencies: number[];
  seconds: number;
  /** CPU time of the server process and of its database backends during the burst, when /proc is readable. */
  appCpuMs: number | null;
  dbCpuMs: number | null;
}

/** Where to read CPU time: the server process and the PostgreSQL backends serving it. */
interface CpuProbe {
  serverPid: number;
  backendPids(): Promise<number[]>;
}

const BASELINE: Page = { name: "baseline (/healthz)", path: "/healthz" };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      concurrency: { type: "string", default: "8" },
      requests: { type: "string", default: "25" },
      rounds: { type: "string", default: "8" },
    },
  });
  const options: Options = {
    concurrency: positiveInt(values.concurrency, "concurrency"),
    requests: positiveInt(values.requests, "requests"),
    rounds: positiveInt(values.rounds, "rounds"),
  };
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    fail("DATABASE_URL is not set: point it at a database filled by `npm run db:bench-data` (see docs/benchmark.md).");
  }

  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const sessionSecret = crypto.randomBytes(32).toString("hex");
  const pages = [...(await choosePages(sql)), ...(await deskPages(sql, sessionSecret))];
  const proxy = await startCountingProxy(new URL(databaseUrl));
  const serverUrl = new URL(databaseUrl);
  serverUrl.hostname = "127.0.0.1";
  serverUrl.port = String(proxy.port);
  const port = await freePort();
  const server = startServer(serverUrl.toString(), port, sessionSecret);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const base = `http://127.0.0.1:${port}`;

  const probe: CpuProbe = {
    serverPid: server.pid ?? 0,
    // Connections of the server only: the benchmark's own one is left out.
    backendPids: async () =>
      (
        await sql<{ pid: number }[]>`
          select pid from pg_stat_activity
          where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`
      ).map((r) => r.pid),
  };
  try {
    await waitUntilReady(base, agent, server);
    for (const page of [BASELINE, ...pages]) await burst(base, agent, page, options.concurrency * 2, options.concurrency, probe);

    const queries = new Map<string, number>();
    for (const page of pages) queries.set(page.name, await statementsFor(base, agent, page, proxy));

    console.log(`\nConcurrency ${options.concurrency}, ${options.rounds} rounds of ${options.requests} requests per page and as many on the baseline.\n`);
    const rows: string[][] = [];
    let baselineSummary: number[] = [];
    const baselineCpu: ({ app: number; db: number } | null)[] = [];
    for (const page of pages) {
      const pageBursts: Burst[] = [];
      const baseBursts: Burst[] = [];
      for (let round = 0; round < options.rounds; round++) {
        // Alternate which goes first, so a slow drift of the machine hits both sides alike.
        const order = round % 2 === 0 ? [page, BASELINE] : [BASELINE, page];
        for (const target of order) {
          const result = await burst(base, agent, target, options.requests, options.concurrency, probe);
          (target === page ? pageBursts : baseBursts).push(result);
        }
      }
      const pageLatencies = pageBursts.flatMap((b) => b.latencies);
      const baseLatencies = baseBursts.flatMap((b) => b.latencies);
      baselineSummary = baselineSummary.concat(baseLatencies);
      const costRatios = pageBursts.map((b, i) => rps(baseBursts[i] as Burst) / rps(b));
      const pageRps = median(pageBursts.map(rps));
      const pageCpu = cpuPerRequest(pageBursts);
      const baseCpu = cpuPerRequest(baseBursts);
      baselineCpu.push(baseCpu);
      rows.push([
        page.name,
        ms(percentile(pageLatencies, 50)),
        ms(percentile(pageLatencies, 95)),
        pageRps.toFixed(0),
        `${(percentile(pageLatencies, 50) / percentile(baseLatencies, 50)).toFixed(1)}×`,
        `${(percentile(pageLatencies, 95) / percentile(baseLatencies, 95)).toFixed(1)}×`,
        `${median(costRatios).toFixed(1)}×`,
        pageCpu ? `${pageCpu.app.toFixed(1)} + ${pageCpu.db.toFixed(1)}` : "n/a",
        pageCpu && baseCpu ? `${((pageCpu.app + pageCpu.db) / (baseCpu.app + baseCpu.db)).toFixed(0)}×` : "n/a",
        String(queries.get(page.name) ?? "?"),
      ]);
      process.stderr.write(`  measured ${page.name}\n`);
    }
    const cpu = baselineCpu.flatMap((c) => (c ? [c.app + c.db] : []));
    console.log(
      `Baseline ${BASELINE.path}: p50 ${ms(percentile(baselineSummary, 50))} ms, p95 ${ms(percentile(baselineSummary, 95))} ms over ${baselineSummary.length} requests` +
        (cpu.length ? `, ${(median(cpu) * 1000).toFixed(0)} µs of CPU per request.\n` : ".\n"),
    );
    console.log(
      table(
        [
          "page",
          "p50 ms",
          "p95 ms",
          "req/s",
          "p50 ÷ baseline",
          "p95 ÷ baseline",
          "throughput cost",
          "CPU ms/request (app + db)",
          "CPU ÷ baseline",
          "SQL statements",
        ],
        rows,
      ),
    );
  } finally {
    agent.destroy();
    await stopServer(server);
    proxy.close();
    await sql.end();
  }
}

/** The pages to measure, with real slugs: a typical initiative and the one with the most supporters. */
async function choosePages(sql: postgres.Sql): Promise<Page[]> {
  const ranked = await sql<{ slug: string; supporters: number }[]>`
      select i.slug, count(p.id)::int as supporters
      from initiatives i left join participations p on p.initiative_id = i.id and p.status = 'active'
      where i.status = 'active'
      group by i.id
      order by supporters desc, i.slug`;
  if (ranked.length < 100) fail("The database holds too few initiatives: fill it with `npm run db:bench-data` first.");
  const largest = ranked[0]!;
  const typical = ranked[Math.floor(ranked.length / 2)]!;
  return [
    { name: "home", path: "/" },
    { name: "initiatives", path: "/initiatives" },
    { name: "initiatives, search", path: "/initiatives?q=climate" },
    { name: "initiatives, axis filter", path: "/initiatives?axis=reform&page=2" },
    { name: `initiative (${typical.supporters} participants)`, path: `/initiatives/${typical.slug}` },
    { name: `initiative (${largest.supporters} participants)`, path: `/initiatives/${largest.slug}` },
    { name: "actors", path: "/actors" },
    { name: "actors, kind filter", path: "/actors?kind=ngo&page=5" },
    { name: "API initiatives", path: "/api/v1/initiatives" },
  ];
}

/**
 * The secretariat's review desk, signed in as the staff account of the data set: a session row
 * written straight into the database (past its second factor) and its cookie signed with the
 * server's secret, as the sign-in form would have done.
 */
async function deskPages(sql: postgres.Sql, sessionSecret: string): Promise<Page[]> {
  const [staff] = await sql<{ id: string }[]>`select id from users where email = 'bench-secretariat@bench.example.org'`;
  const [waiting] = await sql<{ n: number }[]>`
    select (select count(*) from actors where status = 'pending') + (select count(*) from affiliations where status = 'pending') as n`;
  if (!staff || Number(waiting?.n ?? 0) < 3_000) fail("The database has no review queues: fill a new database with `npm run db:bench-data`.");
  const rawId = crypto.randomBytes(32).toString("base64url");
  const idHash = crypto.createHash("sha256").update(rawId).digest("hex");
  await sql`
    insert into sessions (id_hash, user_id, expires_at, mfa_verified_at, last_seen_at)
    values (${idHash}, ${staff.id}, now() + interval '1 day', now(), now())`;
  const cookie = (await createCookie("session", { secrets: [sessionSecret], path: "/", httpOnly: true, sameSite: "lax" }).serialize(rawId)).split(";")[0]!;
  return [
    { name: "secretariat desk (signed in)", path: "/secretariat", cookie },
    { name: "secretariat queue: organisations", path: "/secretariat/actors", cookie },
    { name: "secretariat queue: representatives, region", path: "/secretariat/affiliations?region=african", cookie },
  ];
}

async function burst(base: string, agent: http.Agent, page: Page, requests: number, concurrency: number, probe: CpuProbe): Promise<Burst> {
  const latencies: number[] = [];
  let next = 0;
  const backends = await probe.backendPids();
  const appBefore = await cpuNanos([probe.serverPid]);
  const dbBefore = await cpuNanos(backends);
  const started = performance.now();
  const worker = async () => {
    while (next < requests) {
      next++;
      latencies.push(await timedGet(base + page.path, agent, page.cookie));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  const seconds = (performance.now() - started) / 1000;
  const appAfter = await cpuNanos([probe.serverPid]);
  const dbAfter = await cpuNanos(backends);
  return {
    latencies,
    seconds,
    appCpuMs: appBefore === null || appAfter === null ? null : (appAfter - appBefore) / 1e6,
    dbCpuMs: dbBefore === null || dbAfter === null ? null : (dbAfter - dbBefore) / 1e6,
  };
}

/**
 * CPU time, in nanoseconds, of every thread of the given processes (Linux /proc schedstat;
 * null elsewhere or when not readable). Threads count: zlib compression runs off the main one.
 */
async function cpuNanos(pids: number[]): Promise<number | null> {
  let total = 0;
  for (const pid of pids) {
    const tasks = await fs.readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
    for (const task of tasks) {
      // A thread may end between the listing and the read: it simply stops counting.
      const stat = await fs.readFile(`/proc/${pid}/task/${task}/schedstat`, "utf8").catch(() => "");
      total += Number(stat.split(" ")[0]) || 0;
    }
  }
  return pids.length > 0 && total === 0 ? null : total;
}

/** Milliseconds of CPU per request over a set of bursts, app and database apart. */
function cpuPerRequest(bursts: Burst[]): { app: number; db: number } | null {
  if (bursts.some((b) => b.appCpuMs === null || b.dbCpuMs === null)) return null;
  const requests = bursts.reduce((sum, b) => sum + b.latencies.length, 0);
  return {
    app: bursts.reduce((sum, b) => sum + (b.appCpuMs ?? 0), 0) / requests,
    db: bursts.reduce((sum, b) => sum + (b.dbCpuMs ?? 0), 0) / requests,
  };
}

/** Milliseconds until the last byte of a 200 response. Sends what a browser sends, so compression is included. */
function timedGet(url: string, agent: http.Agent, cookie?: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { "accept-encoding": "gzip, deflate, br", accept: "text/html,application/json" };
    if (cookie) headers.cookie = cookie;
    const request = http.get(url, { agent, headers }, (response) => {
      response.on("data", () => {});
      response.on("end", () => {
        if (response.statusCode !== 200) reject(new Error(`GET ${url} answered ${response.statusCode}`));
        else resolve(performance.now() - started);
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** Statements a single request sends to PostgreSQL: the least of three tries, so a background job cannot inflate it. */
async function statementsFor(base: string, agent: http.Agent, page: Page, proxy: CountingProxy): Promise<number> {
  let least = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = proxy.statements;
    await timedGet(base + page.path, agent, page.cookie);
    least = Math.min(least, proxy.statements - before);
  }
  return least;
}

interface CountingProxy {
  port: number;
  statements: number;
  close(): void;
}

/**
 * Forwards TCP to PostgreSQL and counts the statements clients send: simple-protocol Query
 * ('Q') and extended-protocol Execute ('E') messages. Only message framing is read; the
 * bytes pass through untouched.
 */
async function startCountingProxy(target: URL): Promise<CountingProxy> {
  const state = { statements: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    let pending = Buffer.alloc(0);
    let startup = true;
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (startup) {
          // The first messages (startup, SSL or GSS negotiation) have a length but no type byte.
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = pending.readInt32BE(4);
          const negotiation = code === 80877103 || code === 80877104;
          pending = pending.subarray(length);
          if (!negotiation) startup = false;
          continue;
        }
        if (pending.length < 5) break;
        const length = pending.readInt32BE(1);
        if (pending.length < length + 1) break;
        const type = String.fromCharCode(pending[0]!);
        if (type === "Q" || type === "E") state.statements++;
        pending = pending.subarray(length + 1);
      }
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", closeBoth).on("error", closeBoth);
    upstream.on("close", closeBoth).on("error", closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    get statements() {
      return state.statements;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

function startServer(databaseUrl: string, port: number, sessionSecret: string): ChildProcess {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      // A throw-away secret, shared with deskPages() which signs the secretariat's session cookie.
      SESSION_SECRET: sessionSecret,
      APP_URL: `http://127.0.0.1:${port}`,
    },
    // The server logs one line per request: keep that cost, drop the output.
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  child.on("exit", (code) => {
    if (code !== 0 && code !== null) process.stderr.write(`The server exited with code ${code}:\n${errors}\n`);
  });
  return child;
}

async function waitUntilReady(base: string, agent: http.Agent, server: ChildProcess): Promise<void> {
  // Generous: `npm start` builds first when the build is missing or stale.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) fail("The server stopped before it was ready (see above).");
    try {
      await timedGet(`${base}/readyz`, agent);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  fail("The server did not become ready within three minutes.");
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function rps(b: Burst): number {
  return b.latencies.length / b.seconds;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function ms(value: number): string {
  return value.toFixed(1);
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function positiveInt(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive whole number.`);
  return n;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

await main();
