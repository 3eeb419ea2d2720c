// `npm run bench`: how much the main pages cost, as a RATIO to a bare route of the same server.
//
// Absolute timings depend on the machine and on whatever else it is doing; a ratio to /healthz,
// measured in short alternating bursts (page, baseline, baseline, page, ...), cancels much of
// that, and the CPU time the server and its database connections spend per request (read from
// /proc) cancels most of the rest. The script starts the production server itself on
// DATABASE_URL (a database filled by `npm run db:bench-data`), behind a tiny TCP proxy that
// counts the SQL statements each page sends. Then it repeats the directory and initiative pages
// on ten times the data (a second database and server, side by side with the first) and prints
// the latency ratio, the "10× the data" target of issue 10. See docs/benchmark.md.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import { parseArgs } from "node:util";
import { createCookie } from "@remix-run/node";
import postgres from "postgres";
import { firstLoadSizes } from "./first-load";

interface Options {
  concurrency: number;
  /** Requests in one burst. */
  requests: number;
  /** Alternating page/baseline burst pairs per page. */
  rounds: number;
  /** Data multiplier of the second pass (10); 0 leaves the pass out. */
  scale: number;
  /**
   * Only the lines whose name contains one of these words (`--only actors,initiative`), next to
   * the three baselines, in both passes; the results are printed, not written to latest.json.
   */
  only: string[];
}

interface Page {
  name: string;
  path: string;
  /** Cookie header of a signed-in session, for the pages behind a sign-in. */
  cookie?: string;
  /** More request headers (X-Bench-Cache: off to render past the page cache). */
  headers?: Record<string, string>;
  /** Another server (the plain Node baseline) and its process id for the CPU probe. */
  base?: string;
  pid?: number;
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

/** One measured line of the table. */
interface Row {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  cpuMs: number | null;
  /** The database's part of cpuMs (its backends' CPU), so a page's SQL cost can be read apart. */
  dbCpuMs: number | null;
  statements: number | null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      concurrency: { type: "string", default: "8" },
      requests: { type: "string", default: "25" },
      rounds: { type: "string", default: "4" },
      scale: { type: "string", default: "10" },
      only: { type: "string", default: "" },
    },
  });
  const options: Options = {
    concurrency: positiveInt(values.concurrency, "concurrency"),
    requests: positiveInt(values.requests, "requests"),
    rounds: positiveInt(values.rounds, "rounds"),
    scale: values.scale === "0" ? 0 : positiveInt(values.scale, "scale"),
    only: values.only
      .split(",")
      .map((word) => word.trim())
      .filter(Boolean),
  };
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    fail("DATABASE_URL is not set: point it at a database filled by `npm run db:bench-data` (see docs/benchmark.md).");
  }

  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const sessionSecret = crypto.randomBytes(32).toString("hex");
  const publicPages = await choosePages(sql);
  const representative = await representativePages(sql, sessionSecret, publicPages);
  const desk = await deskPages(sql, sessionSecret);
  const proxy = await startCountingProxy(new URL(databaseUrl));
  const serverUrl = new URL(databaseUrl);
  serverUrl.hostname = "127.0.0.1";
  serverUrl.port = String(proxy.port);
  const port = await freePort();
  const server = startServer(serverUrl.toString(), port, sessionSecret);
  const plain = await startPlainServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const base = `http://127.0.0.1:${port}`;

  const probeFor = (pid: number): CpuProbe => ({
    serverPid: pid,
    backendPids: pid !== server.pid ? async () => [] : () => backendPids(sql),
  });
  const PLAIN: Page = { name: "plain Node http (2 KB)", path: "/", base: plain.url, pid: plain.pid };
  const BARE: Page = { name: "bare page route (root layout)", path: "/bench/bare" };
  const NO_CACHE = { "x-bench-cache": "off" };
  const targets: Page[] = [
    PLAIN,
    BASELINE,
    BARE,
    ...publicPages.map((p) => ({ ...p, name: `${p.name}, cached` })),
    ...publicPages.map((p) => ({ ...p, name: `${p.name}, cache off`, headers: NO_CACHE })),
    ...representative,
    ...desk,
  ].filter((page, index) => index < 3 || wanted(options, page.name));
  const rows: Row[] = [];
  let scaled: ScaledPass | null = null;
  try {
    await waitUntilReady(base, agent, server);
    // A line whose page does not answer 200 is reported and left out, rather than ending the run.
    for (const page of [...targets]) {
      try {
        await timedGet((page.base ?? base) + page.path, agent, page.cookie, page.headers);
      } catch (error) {
        process.stderr.write(`  left out ${page.name}: ${(error as Error).message}\n`);
        targets.splice(targets.indexOf(page), 1);
      }
    }
    for (const page of targets) await burst(base, agent, page, options.concurrency * 2, options.concurrency, probeFor(page.pid ?? server.pid ?? 0));

    console.log(`\nConcurrency ${options.concurrency}, ${options.rounds} bursts of ${options.requests} requests per line.\n`);
    for (const page of targets) {
      const bursts: Burst[] = [];
      for (let round = 0; round < options.rounds; round++) {
        bursts.push(await burst(base, agent, page, options.requests, options.concurrency, probeFor(page.pid ?? server.pid ?? 0)));
      }
      const latencies = bursts.flatMap((b) => b.latencies);
      const cpu = cpuPerRequest(bursts);
      rows.push({
        name: page.name,
        path: page.path,
        rps: median(bursts.map(rps)),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        cpuMs: cpu ? cpu.app + cpu.db : null,
        dbCpuMs: cpu ? cpu.db : null,
        statements: page.base ? null : await statementsFor(base, agent, page, proxy),
      });
      const split = cpu ? ` (CPU ms/req: app ${cpu.app.toFixed(2)} + db ${cpu.db.toFixed(2)})` : "";
      process.stderr.write(`  measured ${page.name}${split}\n`);
    }
    if (options.scale > 0) {
      // A failure here (no room for a second database, say) is reported; the main table still counts.
      try {
        scaled = await scaledPass({ options, sql, databaseUrl, sessionSecret, agent, probe: probeFor(server.pid ?? 0), proxy });
      } catch (error) {
        process.stderr.write(`  the ${options.scale}× pass failed: ${(error as Error).message}\n`);
      }
    }
  } finally {
    agent.destroy();
    await stopServer(server);
    plain.close();
    proxy.close();
    await sql.end();
  }

  const find = (name: string) => rows.find((r) => r.name === name)!;
  const plainRow = find(PLAIN.name);
  const health = find(BASELINE.name);
  const bare = find(BARE.name);
  const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? "n/a" : `${(a / b).toFixed(2)}×`);
  const lines = rows.map((r) => [
    r.name,
    r.rps.toFixed(0),
    ms(r.p50),
    ms(r.p99),
    r.cpuMs === null ? "n/a" : r.dbCpuMs === null ? r.cpuMs.toFixed(2) : `${(r.cpuMs - r.dbCpuMs).toFixed(2)} + ${r.dbCpuMs.toFixed(2)}`,
    r.statements === null ? "–" : String(r.statements),
    ratio(r.rps, plainRow.rps),
    ratio(r.rps, health.rps),
    ratio(r.cpuMs, bare.cpuMs),
    ratio(r.p99, bare.p99),
  ]);
  const firstLoad = firstLoadSizes();
  console.log(
    table(
      ["page", "req/s", "p50 ms", "p99 ms", "CPU ms/req app + db", "SQL", "req/s ÷ plain", "req/s ÷ /healthz", "CPU ÷ bare", "p99 ÷ bare"],
      lines,
    ),
  );
  console.log(`\nFirst load (gzip), from the build:\n`);
  console.log(
    table(
      ["page", "JS KB", "CSS KB"],
      firstLoad.map((f) => [f.route, (f.jsGzipBytes / 1024).toFixed(1), (f.cssGzipBytes / 1024).toFixed(1)]),
    ),
  );
  if (scaled) printScaled(scaled);
  if (options.only.length > 0) {
    console.log("\nA partial run (--only): bench/results/latest.json is left as it was.");
    return;
  }
  await fs.mkdir("bench/results", { recursive: true });
  await fs.writeFile(
    "bench/results/latest.json",
    `${JSON.stringify({ measuredAt: new Date().toISOString(), options, rows, firstLoad, scaled }, null, 2)}\n`,
  );
  console.log("\nWritten to bench/results/latest.json.");
}

/** The PostgreSQL backends of a database's other connections (the server's pool): the benchmark's own one is left out. */
async function backendPids(sql: postgres.Sql): Promise<number[]> {
  const rows = await sql<{ pid: number }[]>`
    select pid from pg_stat_activity
    where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`;
  return rows.map((r) => r.pid);
}

/** One side (base or scaled data) of a line of the "10× the data" table. */
interface ScaledSide {
  path: string;
  p50: number;
  p99: number;
  cpuMs: number | null;
  /** The database's part of cpuMs. */
  dbCpuMs: number | null;
  statements: number;
}

interface ScaledRow {
  name: string;
  base: ScaledSide;
  scaled: ScaledSide;
  /** Scaled ÷ base: the target is ≤ 1.2. */
  p50Ratio: number;
  p99Ratio: number;
}

interface ScaledPass {
  scale: number;
  database: string;
  /** Seconds spent filling the scaled database in this run; null when an earlier run's was reused. */
  loadSeconds: number | null;
  /** Seconds of the whole pass, load included. */
  seconds: number;
  rows: ScaledRow[];
}

/**
 * The directory and initiative pages (anonymous, cache off) on `<database>_x<scale>`, filled by
 * `scripts/bench-data.ts --scale <scale>` unless an earlier run left it complete, served by a
 * server behind its own counting proxy, against a second server started at the same time on the
 * base data, both warmed alike. Bursts alternate between the two servers (base, scaled, then
 * scaled, base, ...) so a slowdown of the machine hits both sides alike.
 */
async function scaledPass(context: {
  options: Options;
  sql: postgres.Sql;
  databaseUrl: string;
  sessionSecret: string;
  agent: http.Agent;
  probe: CpuProbe;
  proxy: CountingProxy;
}): Promise<ScaledPass> {
  const { options, agent } = context;
  const started = performance.now();
  const { url: scaledUrl, database, loadSeconds } = await scaledDatabase(context.sql, context.databaseUrl, options.scale);
  const scaledSql = postgres(scaledUrl, { max: 1, onnotice: () => {} });
  const proxy = await startCountingProxy(new URL(scaledUrl));
  const serverUrl = new URL(scaledUrl);
  serverUrl.hostname = "127.0.0.1";
  serverUrl.port = String(proxy.port);
  const [port, basePort] = [await freePort(), await freePort()];
  // The base data set is served here by a second fresh server of its own (through the main
  // table's counting proxy), not by the main table's server: that one has run for minutes and
  // grown its heap, and against it a server just started cost up to 2.5 times the CPU for the
  // same page. Two servers started and warmed alike differ only by their data.
  const baseServerUrl = new URL(context.databaseUrl);
  baseServerUrl.hostname = "127.0.0.1";
  baseServerUrl.port = String(context.proxy.port);
  const servers: ChildProcess[] = [];
  const scaledBase = `http://127.0.0.1:${port}`;
  const freshBase = `http://127.0.0.1:${basePort}`;
  const NO_CACHE = { "x-bench-cache": "off" };
  try {
    const server = startServer(serverUrl.toString(), port, context.sessionSecret);
    servers.push(server);
    const baseServer = startServer(baseServerUrl.toString(), basePort, context.sessionSecret);
    servers.push(baseServer);
    await waitUntilReady(scaledBase, agent, server);
    await waitUntilReady(freshBase, agent, baseServer);
    const basePages = (await scalePages(context.sql)).filter((page) => wanted(options, page.name));
    const scaledPages = (await scalePages(scaledSql)).filter((page) => wanted(options, page.name));
    const scaledProbe: CpuProbe = { serverPid: server.pid ?? 0, backendPids: () => backendPids(scaledSql) };
    const baseProbe: CpuProbe = { serverPid: baseServer.pid ?? 0, backendPids: context.probe.backendPids };
    const rows: ScaledRow[] = [];
    // Both servers start cold: one unmeasured round of every page on each first, so their shared
    // code (root layout, rendering, compression) is warm before the first page is compared.
    for (const [index, page] of scaledPages.entries()) {
      await burst(scaledBase, agent, { ...page, headers: NO_CACHE }, options.requests * options.rounds, options.concurrency, scaledProbe);
      const basePage = basePages[index];
      if (basePage) await burst(freshBase, agent, { ...basePage, headers: NO_CACHE }, options.requests * options.rounds, options.concurrency, baseProbe);
    }
    for (const [index, basePage] of basePages.entries()) {
      const scaledPage = scaledPages[index]!;
      const sides = [
        { page: { ...basePage, headers: NO_CACHE }, url: freshBase, probe: baseProbe, proxy: context.proxy, bursts: [] as Burst[] },
        { page: { ...scaledPage, headers: NO_CACHE }, url: scaledBase, probe: scaledProbe, proxy, bursts: [] as Burst[] },
      ];
      // Half the main table's bursts (the servers were warmed on every page above).
      const requests = Math.max(1, Math.ceil(options.requests / 2));
      for (let round = 0; round < options.rounds; round++) {
        const order = round % 2 === 0 ? sides : [...sides].reverse();
        for (const side of order) side.bursts.push(await burst(side.url, agent, side.page, requests, options.concurrency, side.probe));
      }
      const [b, s] = await Promise.all(
        sides.map(async (side): Promise<ScaledSide> => {
          const latencies = side.bursts.flatMap((x) => x.latencies);
          const cpu = cpuPerRequest(side.bursts);
          return {
            path: side.page.path,
            p50: percentile(latencies, 50),
            p99: percentile(latencies, 99),
            cpuMs: cpu ? cpu.app + cpu.db : null,
            dbCpuMs: cpu ? cpu.db : null,
            statements: await statementsFor(side.url, agent, side.page, side.proxy),
          };
        }),
      );
      rows.push({ name: `${basePage.name}${scaledPage.detail ? ` (${basePage.detail} → ${scaledPage.detail})` : ""}`, base: b!, scaled: s!, p50Ratio: s!.p50 / b!.p50, p99Ratio: s!.p99 / b!.p99 });
      process.stderr.write(`  measured ${basePage.name} at ${options.scale}× the data\n`);
    }
    return { scale: options.scale, database, loadSeconds, seconds: (performance.now() - started) / 1000, rows };
  } finally {
    await Promise.all(servers.map(stopServer));
    proxy.close();
    await scaledSql.end();
  }
}

/** Whether `--only` keeps this line (every line without it). */
function wanted(options: Options, name: string): boolean {
  return options.only.length === 0 || options.only.some((word) => name.includes(word));
}

/** The pages of the scaled pass: both directories and the initiative with the most active participants. */
async function scalePages(sql: postgres.Sql): Promise<(Page & { detail?: string })[]> {
  const [largest] = await sql<{ slug: string; supporters: number }[]>`
    select i.slug, count(p.id)::int as supporters
    from initiatives i left join participations p on p.initiative_id = i.id and p.status = 'active'
    where i.status = 'active'
    group by i.id
    order by supporters desc, i.slug
    limit 1`;
  if (!largest) throw new Error("no active initiative in the database");
  return [
    { name: "initiatives", path: "/initiatives" },
    { name: "actors", path: "/actors" },
    { name: "largest initiative", path: `/initiatives/${largest.slug}`, detail: `${largest.supporters} participants` },
  ];
}

/**
 * `<base name>_x<scale>` on the same server: reused when an earlier run filled it completely
 * (its data_loads row, written in the generator's transaction, says so at which scale), else
 * dropped, created and filled by `scripts/bench-data.ts --scale <scale>` (a minute or two).
 */
async function scaledDatabase(sql: postgres.Sql, databaseUrl: string, scale: number): Promise<{ url: string; database: string; loadSeconds: number | null }> {
  const url = new URL(databaseUrl);
  const database = `${decodeURIComponent(url.pathname.slice(1))}_x${scale}`;
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`cannot name the scaled database after ${database}`);
  url.pathname = `/${database}`;
  const [exists] = await sql<{ n: number }[]>`select count(*)::int as n from pg_database where datname = ${database}`;
  if (exists && exists.n > 0) {
    const probe = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const marker = await probe<{ name: string }[]>`select name from data_loads where name = ${`bench x${scale}`}`.catch(() => []);
    await probe.end();
    if (marker.length > 0) {
      process.stderr.write(`  reusing ${database} (${scale}× the data)\n`);
      return { url: url.toString(), database, loadSeconds: null };
    }
    // Left incomplete by an interrupted run: the generator only fills an empty database.
    await sql.unsafe(`drop database "${database}" with (force)`);
  }
  await sql.unsafe(`create database "${database}"`);
  process.stderr.write(`  filling ${database} with ${scale}× the data...\n`);
  const started = performance.now();
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/bench-data.ts", "--scale", String(scale)], {
    env: { ...process.env, DATABASE_URL: url.toString() },
    stdio: ["ignore", process.stderr, "inherit"],
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`scripts/bench-data.ts --scale ${scale} exited with code ${code}`);
  return { url: url.toString(), database, loadSeconds: (performance.now() - started) / 1000 };
}

function printScaled(pass: ScaledPass): void {
  const x = `${pass.scale}×`;
  const load = pass.loadSeconds === null ? "reused" : `filled in ${pass.loadSeconds.toFixed(0)} s`;
  console.log(`\n${x} the data (${pass.database}, ${load}; pass ${pass.seconds.toFixed(0)} s), anonymous, cache off, bursts alternating with the base data set:\n`);
  const split = (all: number | null, db: number | null) =>
    all === null ? "n/a" : db === null ? all.toFixed(2) : `${(all - db).toFixed(2)} + ${db.toFixed(2)}`;
  console.log(
    table(
      ["page", "p50 ms base", `p50 ms ${x}`, `p50 ${x} ÷ base`, "p99 ms base", `p99 ms ${x}`, `p99 ${x} ÷ base`, "CPU ms/req base (app + db)", `CPU ms/req ${x} (app + db)`, "SQL base", `SQL ${x}`],
      pass.rows.map((r) => [
        r.name,
        ms(r.base.p50),
        ms(r.scaled.p50),
        `${r.p50Ratio.toFixed(2)}×`,
        ms(r.base.p99),
        ms(r.scaled.p99),
        `${r.p99Ratio.toFixed(2)}×`,
        split(r.base.cpuMs, r.base.dbCpuMs),
        split(r.scaled.cpuMs, r.scaled.dbCpuMs),
        String(r.base.statements),
        String(r.scaled.statements),
      ]),
    ),
  );
}

/** The machine's limit: a plain Node http server answering a fixed 2 KB page, in a process of its own. */
async function startPlainServer(): Promise<{ url: string; pid: number; close(): void }> {
  const port = await freePort();
  const script = `const b=Buffer.alloc(2048,"x");require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":"text/html","content-length":b.length});s.end(b)}).listen(${port},"127.0.0.1",()=>console.log("ready"))`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout?.once("data", () => resolve()));
  return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, close: () => child.kill("SIGTERM") };
}

/**
 * The pages a signed-in representative sees: a session row for an approved focal point of the
 * data set, its cookie signed with the server's secret (as deskPages does for the staff account).
 */
async function representativePages(sql: postgres.Sql, sessionSecret: string, pages: Page[]): Promise<Page[]> {
  const [person] = await sql<{ id: string; locale: string }[]>`
    select u.id, u.locale from users u join affiliations a on a.user_id = u.id join actors ac on ac.id = a.actor_id
    where a.status = 'approved' and ac.status = 'approved' and u.email_verified_at is not null and u.role = 'member'
    order by u.email limit 1`;
  if (!person) return [];
  // The language cookie too: without it, the dashboard first sets the profile's language (a redirect).
  const language = (await createCookie("lng", { path: "/" }).serialize(person.locale)).split(";")[0]!;
  const cookie = `${await sessionCookie(sql, sessionSecret, person.id)}; ${language}`;
  const shown = pages.filter((p) => /^(home|initiatives|initiative \(|actors$|meetings$|search$)/.test(p.name));
  return [
    ...shown.map((p) => ({ ...p, name: `${p.name}, signed in (representative)`, cookie })),
    { name: "dashboard (representative)", path: "/dashboard", cookie },
    { name: "propose an initiative (representative)", path: "/initiatives/new", cookie },
  ];
}

async function sessionCookie(sql: postgres.Sql, sessionSecret: string, userId: string): Promise<string> {
  const rawId = crypto.randomBytes(32).toString("base64url");
  const idHash = crypto.createHash("sha256").update(rawId).digest("hex");
  await sql`
    insert into sessions (id_hash, user_id, expires_at, mfa_verified_at, last_seen_at)
    values (${idHash}, ${userId}, now() + interval '1 day', now(), now())`;
  // The server's cookie name: __Host-session, since cookies are Secure unless INSECURE_COOKIES=1.
  const name = process.env.INSECURE_COOKIES ? "session" : "__Host-session";
  return (await createCookie(name, { secrets: [sessionSecret], path: "/", httpOnly: true, sameSite: "lax", secure: true }).serialize(rawId)).split(";")[0]!;
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
    { name: "meetings", path: "/meetings" },
    { name: "search", path: "/search?q=climate" },
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
  const cookie = await sessionCookie(sql, sessionSecret, staff.id);
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
      latencies.push(await timedGet((page.base ?? base) + page.path, agent, page.cookie, page.headers));
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
function timedGet(url: string, agent: http.Agent, cookie?: string, extra: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { "accept-encoding": "gzip, deflate, br", accept: "text/html,application/json", ...extra };
    if (cookie) headers.cookie = cookie;
    const request = http.get(url, { agent, headers }, (response) => {
      response.on("data", () => {});
      response.on("end", () => {
        if (response.statusCode !== 200) reject(new Error(`GET ${url} answered ${response.statusCode} ${response.headers.location ?? ""}`));
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
    await timedGet(base + page.path, agent, page.cookie, page.headers);
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
      // A throw-away secret, shared with sessionCookie() which signs the benchmark's session cookies.
      SESSION_SECRET: sessionSecret,
      // The bare page route and the X-Bench-Cache switch exist only for the benchmark.
      BENCH_ROUTES: "1",
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
