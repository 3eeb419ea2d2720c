// The public page cache through the whole HTTP stack: two app instances, each with its own
// cache and its own connections, on one database. An anonymous visitor gets a stored page with a
// strong ETag (304 when they hold it already); a signed-in member never gets one nor fills it;
// a change written through one instance shows on the other within a second (NOTIFY from the
// trigger on the public tables, LISTEN in each instance) and at once on the one that wrote.
import fs from "node:fs";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../../server/app";
import { listenForPublicChanges } from "../../server/invalidation";
import { PageCache, PUBLIC_CACHE_CONTROL } from "../../server/page-cache";
import { createDb, type DbHandle } from "~/db/client.server";
import type { Actor, Initiative } from "~/db/schema";
import * as initiativePage from "~/routes/initiatives.$slug";
import * as joinRoute from "~/routes/initiatives.$slug_.join";
import * as initiativesPage from "~/routes/initiatives._index";
import { appBuild } from "../support/app-build";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createActor, createInitiative, createRepresentative, type Member } from "../support/directory";
import { createDatabase, dropDatabase, randomSuffix } from "../support/postgres-server";

const build = appBuild([
  { file: "initiatives._index", path: "initiatives", module: initiativesPage },
  { file: "initiatives.$slug", path: "initiatives/:slug", module: initiativePage },
  { file: "initiatives.$slug_.join", path: "initiatives/:slug/join", module: joinRoute },
]);
const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), "cache-public-"));
const template = inject("templateDatabase");

interface Instance {
  base: string;
  origin: string;
  cache: PageCache;
  server: Server;
  stop: () => Promise<void>;
}

/** The request log lines of instance a (one JSON object per line, as in production). */
const logLines: Record<string, unknown>[] = [];
const logSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) logLines.push(JSON.parse(line));
    done();
  },
});

async function startInstance(handle: DbHandle, logger = pino({ level: "silent" })): Promise<Instance> {
  const server = http.createServer();
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://localhost:${port}`;
  const cache = new PageCache({ maxBytes: 8 * 1024 * 1024, ttlMs: 60_000, publicUrl: origin });
  const stop = await listenForPublicChanges(handle, () => cache.clear());
  const app = createApp({
    database: handle,
    build,
    env: { nodeEnv: "production", trustProxy: false, appUrl: undefined, localMode: true, publicUrl: origin, bodyLimitBytes: 64 * 1024 },
    logger,
    publicDir,
    pageCache: cache,
  });
  server.on("request", app);
  return { base: `http://127.0.0.1:${port}`, origin, cache, server, stop };
}

let database: TestDatabase;
/** The second instance's own connections to the same database (on PGlite, the same in-process one). */
let second: { handle: DbHandle; destroy: () => Promise<void> };
let a: Instance;
let b: Instance;
let initiative: Initiative;
let actor: Actor;
let member: Member;

beforeAll(async () => {
  database = await createTestDatabase();
  if (template.engine === "postgres") {
    // A database of its own, reached by two pools: what two app instances see in production.
    const name = `${template.prefix}_cache_${randomSuffix()}`;
    const url = await createDatabase(template.serverUrl, name, template.template);
    const one = await createDb({ databaseUrl: url, poolSize: 2 });
    const two = await createDb({ databaseUrl: url, poolSize: 2 });
    await database.destroy();
    database = { handle: one, db: one.db, destroy: async () => one.close() };
    second = {
      handle: two,
      destroy: async () => {
        await two.close();
        await dropDatabase(template.serverUrl, name);
      },
    };
  } else {
    second = { handle: database.handle, destroy: async () => {} };
  }
  a = await startInstance(database.handle, pino({ level: "info" }, logSink));
  b = await startInstance(second.handle);
  initiative = await createInitiative(database.db, { title: "Cached Coalition" });
  actor = await createActor(database.db, { name: "Freshly Joined Organisation" });
  member = await createRepresentative(database.db, actor);
});

afterAll(async () => {
  for (const instance of [a, b]) {
    await instance?.stop();
    await new Promise((resolve) => instance?.server.close(resolve));
  }
  await database.destroy();
  await second?.destroy();
  fs.rmSync(publicDir, { recursive: true, force: true });
});

const browser = { "accept-encoding": "gzip, deflate, br", "accept-language": "en" };

async function get(instance: Instance, pathname: string, headers: Record<string, string> = {}) {
  const response = await fetch(instance.base + pathname, { headers: { ...browser, ...headers }, redirect: "manual" });
  return { response, text: await response.text() };
}

describe("the public page cache", () => {
  it("serves an anonymous visitor a stored page with a strong ETag, and 304 when they hold it already", async () => {
    const first = await get(a, "/initiatives");
    expect(first.response.status).toBe(200);
    const etag = first.response.headers.get("etag");
    expect(etag).toMatch(/^"[^"]+"$/); // strong: no W/ prefix
    expect(first.response.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(first.text).toContain("Cached Coalition");

    const hitsBefore = a.cache.stats.hits;
    const again = await get(a, "/initiatives");
    expect(a.cache.stats.hits).toBe(hitsBefore + 1);
    expect(again.response.headers.get("etag")).toBe(etag);
    expect(again.text).toBe(first.text);

    const revalidated = await get(a, "/initiatives", { "if-none-match": etag ?? "" });
    expect(revalidated.response.status).toBe(304);
    expect(revalidated.text).toBe("");
    expect(revalidated.response.headers.get("etag")).toBe(etag);
    // Another representation (no compression) is another entity: another ETag.
    const plain = await get(a, "/initiatives", { "accept-encoding": "identity" });
    expect(plain.response.headers.get("etag")).not.toBe(etag);
  });

  it("renders a page once for visitors who arrive together after a change, and gives each of them that page", async () => {
    a.cache.clear();
    const before = { ...a.cache.stats };
    const answers = await Promise.all(Array.from({ length: 8 }, () => get(a, `/initiatives/${initiative.slug}`)));
    expect(answers.map((answer) => answer.response.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((answer) => answer.response.headers.get("etag"))).size).toBe(1);
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(answers[0]?.text).toContain("Cached Coalition");
    // One render, stored; the seven others waited for it or, arriving after, found it stored
    // (before: eight renders, eight stores).
    expect(a.cache.stats.stores - before.stores).toBe(1);
    expect(a.cache.stats.misses - before.misses).toBe(1);
    expect(a.cache.stats.coalesced - before.coalesced + (a.cache.stats.hits - before.hits)).toBe(7);
    expect(a.cache.stats.coalesced - before.coalesced).toBeGreaterThan(0);
  });

  // Remix answers HEAD without a body: stored, that empty page went to every GET after it.
  it("never keeps the empty answer of a HEAD that missed for the GETs after it", async () => {
    a.cache.clear();
    const head = await fetch(`${a.base}/initiatives/${initiative.slug}`, { method: "HEAD", headers: browser });
    expect(head.status).toBe(200);
    expect(a.cache.snapshot().entries).toBe(0);
    const page = await get(a, `/initiatives/${initiative.slug}`);
    expect(page.text).toContain("Cached Coalition");
    // The GET's page is stored, and a HEAD now answers from it.
    const again = await fetch(`${a.base}/initiatives/${initiative.slug}`, { method: "HEAD", headers: browser });
    expect(again.headers.get("etag")).toBe(page.response.headers.get("etag"));
  });

  it("keys pages by language: a French reader never gets the English page", async () => {
    const english = await get(a, "/initiatives", { "accept-language": "en" });
    const french = await get(a, "/initiatives", { "accept-language": "fr" });
    expect(english.text).toContain('lang="en"');
    expect(french.text).toContain('lang="fr"');
  });

  it("never gives a signed-in member a stored page, and never stores theirs", async () => {
    a.cache.clear();
    const pathname = `/initiatives/${initiative.slug}`;
    const signedIn = await get(a, pathname, { cookie: member.cookie });
    expect(signedIn.response.status).toBe(200);
    expect(signedIn.response.headers.get("cache-control")).toBe("private, no-store");
    expect(signedIn.response.headers.get("etag")).toBeNull();
    expect(a.cache.snapshot().entries).toBe(0);

    // Stored for anonymous visitors; the member still gets their own page (their menu, their next step).
    await get(a, pathname);
    expect(a.cache.snapshot().entries).toBe(1);
    const hits = a.cache.stats.hits;
    const again = await get(a, pathname, { cookie: member.cookie });
    expect(a.cache.stats.hits).toBe(hits);
    expect(again.response.headers.get("etag")).toBeNull();
    expect(again.text).toContain(member.user.name);
    // Any session cookie, even one that names no session, bypasses the cache.
    await get(a, pathname, { cookie: "session=not-a-real-session" });
    expect(a.cache.stats.hits).toBe(hits);
  });

  it("shows a change written through one instance on the other within a second, and at once on the writer's", async () => {
    const pathname = `/initiatives/${initiative.slug}`;
    // Both instances hold the page as it was.
    for (const instance of [a, b]) {
      await get(instance, pathname);
      const cached = await get(instance, pathname);
      expect(cached.response.headers.get("etag")).not.toBeNull();
      expect(cached.text).not.toContain("Freshly Joined Organisation");
    }

    const joined = await fetch(`${a.base}${pathname}/join`, {
      method: "POST",
      headers: { cookie: member.cookie, origin: a.origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ actorId: actor.id }),
      redirect: "manual",
    });
    expect(joined.status).toBe(302);

    // The writer's instance forgot its pages before answering: no waiting.
    expect((await get(a, pathname)).text).toContain("Freshly Joined Organisation");

    // The other instance hears of it through NOTIFY: poll until the deadline.
    const deadline = Date.now() + 1_000;
    let seen = false;
    while (!seen && Date.now() < deadline) {
      seen = (await get(b, pathname)).text.includes("Freshly Joined Organisation");
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(seen).toBe(true);
  });

  it("gives a stored page a policy naming its own inline scripts: no nonce, never 'unsafe-inline'", async () => {
    const { response, text } = await get(a, "/initiatives");
    const policy = response.headers.get("content-security-policy") ?? "";
    const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("nonce-");
    const inline = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1] ?? ""));
    expect(inline.length).toBeGreaterThan(0);
    const { createHash } = await import("node:crypto");
    for (const [, , body] of inline) expect(scriptSrc).toContain(`'sha256-${createHash("sha256").update(body ?? "").digest("base64")}'`);
  });

  it("answers a hit with the security headers of a rendered page, its own request id and a log line", async () => {
    const pathname = `/initiatives/${initiative.slug}`;
    a.cache.clear();
    const rendered = await get(a, pathname);
    const hitsBefore = a.cache.stats.hits;
    const hit = await get(a, pathname, { "x-request-id": "trace-hit-1" });
    expect(a.cache.stats.hits).toBe(hitsBefore + 1);
    expect(hit.text).toBe(rendered.text);
    for (const name of [
      "content-security-policy",
      "x-frame-options",
      "x-content-type-options",
      "referrer-policy",
      "permissions-policy",
      "cross-origin-opener-policy",
      "content-type",
      "vary",
      "cache-control",
      "etag",
    ]) {
      expect(hit.response.headers.get(name), name).toBe(rendered.response.headers.get(name));
    }
    expect(hit.response.headers.get("x-frame-options")).toBe("DENY");
    expect(hit.response.headers.get("x-request-id")).toBe("trace-hit-1");
    const another = await get(a, pathname);
    expect(another.response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const line = logLines.find((entry) => (entry.req as { id?: string } | undefined)?.id === "trace-hit-1");
    expect(line).toMatchObject({ msg: "GET 200", req: { method: "GET", url: pathname }, res: { statusCode: 200 } });

    // HEAD: the same headers, no body; 304 keeps the security headers too.
    const head = await fetch(a.base + pathname, { method: "HEAD", headers: browser });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(rendered.response.headers.get("etag"));
    expect(head.headers.get("content-length")).toBe(rendered.response.headers.get("content-length"));
    expect(await head.text()).toBe("");
    const revalidated = await get(a, pathname, { "if-none-match": rendered.response.headers.get("etag") ?? "" });
    expect(revalidated.response.status).toBe(304);
    expect(revalidated.response.headers.get("x-frame-options")).toBe("DENY");
    expect(revalidated.response.headers.get("content-security-policy")).toBe(rendered.response.headers.get("content-security-policy"));
  });

  it("still refuses a Host that is not this portal when the page is stored", async () => {
    const pathname = `/initiatives/${initiative.slug}`;
    await get(a, pathname);
    const hits = a.cache.stats.hits;
    // fetch() sets Host from the URL: a raw request names another one.
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(a.base + pathname);
      http
        .get({ host: url.hostname, port: url.port, path: pathname, headers: { ...browser, host: "rebinding.example" } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on("error", reject);
    });
    expect(status).toBe(421);
    expect(a.cache.stats.hits).toBe(hits);
  });
});
