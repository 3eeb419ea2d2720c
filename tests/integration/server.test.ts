// The Express layer around Remix: health and readiness, security headers with a per-request
// CSP nonce that really reaches Remix's inline scripts, caching of fingerprinted assets.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import http, { type Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { Scripts, ScrollRestoration } from "@remix-run/react";
import { pino } from "pino";
import postgres from "postgres";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp, redactUrl } from "../../server/app";
import { closeGracefully } from "../../server/shutdown";
import { createDb, type DbHandle } from "~/db/client.server";
import * as entryServer from "~/entry.server";
import { useNonce } from "~/utils/nonce";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createDatabase, dropDatabase, randomSuffix } from "../support/postgres-server";

const template = inject("templateDatabase");

function TestDocument() {
  const nonce = useNonce();
  return createElement(
    "html",
    { lang: "en" },
    createElement("head", null, createElement("title", null, "test")),
    createElement(
      "body",
      null,
      createElement("p", null, "hello"),
      createElement(ScrollRestoration, { nonce }),
      createElement(Scripts, { nonce }),
    ),
  );
}

type RouteModule = ServerBuild["routes"][string]["module"];

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

// A shutdown test holds the next request in flight until it lets go, so that "in flight" does
// not depend on how fast the machine is.
let held: { arrived: ReturnType<typeof deferred>; release: ReturnType<typeof deferred> } | null = null;
function holdNextRequest() {
  held = { arrived: deferred(), release: deferred() };
  return held;
}

/** A resource route that takes its time, to stand for a request in flight at shutdown. */
async function slowLoader() {
  const hold = held;
  if (hold) {
    held = null;
    hold.arrived.resolve();
    await hold.release.promise;
  } else {
    await new Promise((resolve) => setTimeout(resolve, 700));
  }
  return new Response("finished", { headers: { "Content-Type": "text/plain" } });
}

/** Stands for any form handler: it answers only if the request got past the CSRF check. */
async function acceptForm() {
  return new Response("accepted", { headers: { "Content-Type": "text/plain" } });
}

/** A small Remix build that goes through the application's real entry.server. */
const build: ServerBuild = {
  mode: "production",
  entry: { module: entryServer },
  routes: {
    root: { id: "root", path: "", module: { default: TestDocument } },
    // A resource route has no component; Remix's type for route modules insists on one.
    "routes/slow": { id: "routes/slow", parentId: "root", path: "slow", module: { loader: slowLoader, action: acceptForm } as unknown as RouteModule },
  },
  assets: {
    entry: { module: "/build/entry.client-TEST.js", imports: [] },
    routes: {
      root: {
        id: "root",
        path: "",
        module: "/build/root-TEST.js",
        hasAction: false,
        hasLoader: false,
        hasClientAction: false,
        hasClientLoader: false,
        hasErrorBoundary: false,
      },
    },
    url: "/build/manifest-TEST.js",
    version: "test",
  },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
  isSpaMode: false,
};

const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), "srv-public-"));
fs.mkdirSync(path.join(publicDir, "build", "_assets"), { recursive: true });
fs.writeFileSync(path.join(publicDir, "build", "_assets", "app-ABC123.css"), "body{margin:0}");
fs.writeFileSync(path.join(publicDir, "robots.txt"), "User-agent: *\n");

const logger = pino({ level: "silent" });

/** The app on an ephemeral port: in local mode (http://localhost:PORT) unless given an APP_URL. */
async function listen(handle: DbHandle, isProduction: boolean, appUrl?: string): Promise<{ base: string; server: Server }> {
  const server = http.createServer();
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  const app = createApp({
    database: handle,
    build,
    env: {
      nodeEnv: isProduction ? "production" : "test",
      trustProxy: false,
      appUrl,
      localMode: !appUrl,
      publicUrl: appUrl ?? `http://localhost:${port}`,
      bodyLimitBytes: 64 * 1024,
    },
    logger,
    publicDir,
    readinessTimeoutMs: 1_500,
  });
  server.on("request", app);
  return { base: `http://127.0.0.1:${port}`, server };
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.destroy();
  fs.rmSync(publicDir, { recursive: true, force: true });
});

describe("HTTP server", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ server, base } = await listen(database.handle, true));
  });

  afterAll(async () => {
    await close(server);
  });

  it("answers /healthz while the process lives", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with 200 while the database answers", async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("puts an enforced nonce CSP and the other security headers on HTML, with the nonce on every inline script", async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(response.headers.get("content-security-policy-report-only")).toBeNull();
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(Buffer.from(nonce ?? "", "base64")).toHaveLength(16);
    for (const directive of [
      "default-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-powered-by")).toBeNull();
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("uses a new nonce for every request", async () => {
    const nonces = await Promise.all(
      [1, 2, 3].map(async () => {
        const response = await fetch(`${base}/`);
        await response.text();
        return response.headers.get("content-security-policy");
      }),
    );
    expect(new Set(nonces).size).toBe(3);
  });

  it("caches fingerprinted build assets forever and other public files briefly", async () => {
    const asset = await fetch(`${base}/build/_assets/app-ABC123.css`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await asset.text()).toBe("body{margin:0}");

    const missing = await fetch(`${base}/build/_assets/gone-XYZ.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^text\/plain/);

    const robots = await fetch(`${base}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("keeps a request id the client or load balancer sent, and refuses odd ones", async () => {
    const kept = await fetch(`${base}/healthz`, { headers: { "x-request-id": "lb-1234.abc" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-1234.abc");
    const replaced = await fetch(`${base}/healthz`, { headers: { "x-request-id": "<script>" } });
    // A fresh id of the server's own, not the odd one and not none at all.
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("refuses a cross-site POST before it reaches any route, and lets the site's own through", async () => {
    const post = (headers: Record<string, string>) => fetch(`${base}/slow`, { method: "POST", headers, body: "a=1", redirect: "manual" });
    const crossOrigin = await post({ Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" });
    expect(crossOrigin.status).toBe(403);
    const crossSite = await post({ "Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded" });
    expect(crossSite.status).toBe(403);
    const anonymous = await post({ "Content-Type": "application/x-www-form-urlencoded" });
    expect(anonymous.status).toBe(403);
    const sameOrigin = await post({ Origin: base, "Content-Type": "application/x-www-form-urlencoded" });
    expect(sameOrigin.status).toBe(200);
    expect(await sameOrigin.text()).toBe("accepted");
    const safe = await fetch(`${base}/slow`, { headers: { Origin: "https://evil.example" } });
    expect(safe.status).toBe(200);
  });

  it("answers 400, not 500, to a path with a malformed percent-escape", async () => {
    const response = await fetch(`${base}/initiatives/%E0%A4%A`);
    expect(response.status).toBe(400);
  });

  it("denies every browser feature to the page and its frames with Permissions-Policy", async () => {
    const policy = (await fetch(`${base}/`)).headers.get("permissions-policy") ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "fullscreen"]) expect(policy).toContain(`${feature}=()`);
    // Every feature listed is denied to everyone: no allow-list anywhere.
    expect(policy.split(", ").every((entry) => /^[a-z-]+=\(\)$/.test(entry))).toBe(true);
  });

  it("sends HSTS only when APP_URL is https, never in local mode or over plain http", async () => {
    expect((await fetch(`${base}/healthz`)).headers.get("strict-transport-security")).toBeNull();
    const plain = await listen(database.handle, true, "http://portal.example");
    const https = await listen(database.handle, true, "https://portal.example");
    try {
      expect((await fetch(`${plain.base}/healthz`)).headers.get("strict-transport-security")).toBeNull();
      const response = await fetch(`${https.base}/healthz`);
      expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    } finally {
      await close(plain.server);
      await close(https.server);
    }
  });
});

describe("readiness when the database is gone", () => {
  it("answers 503 once the database is closed", async () => {
    const closing = await createTestDatabase();
    const { server, base } = await listen(closing.handle, true);
    try {
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      await closing.handle.close();
      const response = await fetch(`${base}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await close(server);
      await closing.destroy();
    }
  });

  // Only a PostgreSQL server can go away and come back while the app keeps running: this runs
  // whenever DATABASE_URL is set (as in .ci/run).
  const server = template.engine === "postgres" ? template : undefined;
  it.runIf(server)(
    "answers 503 while PostgreSQL refuses connections and 200 again once it accepts them, without a restart",
    async () => {
      if (!server) throw new Error("needs DATABASE_URL");
      const name = `${server.prefix}_srv_${randomSuffix()}`;
      const handle = await createDb({
        databaseUrl: await createDatabase(server.serverUrl, name, server.template),
        poolSize: 2,
        connectTimeoutSeconds: 2,
      });
      const admin = postgres(server.serverUrl, { max: 1, onnotice: () => {} });
      const app = await listen(handle, true);
      try {
        const readiness = () => fetch(`${app.base}/readyz`).then((response) => response.status);
        expect(await readiness()).toBe(200);
        await admin.unsafe(`alter database "${name}" allow_connections false`);
        await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name}`;
        await expect.poll(readiness, { timeout: 10_000, interval: 200 }).toBe(503);
        await admin.unsafe(`alter database "${name}" allow_connections true`);
        // A load balancer polls too: the first probe may still meet a connection that is being re-opened.
        await expect.poll(readiness, { timeout: 10_000, interval: 200 }).toBe(200);
      } finally {
        await admin.unsafe(`alter database "${name}" allow_connections true`);
        await admin.end({ timeout: 5 });
        await close(app.server);
        await handle.close();
        await dropDatabase(server.serverUrl, name);
      }
    },
  );
});

describe("graceful shutdown", () => {
  it("lets a request in flight finish, then refuses new connections", async () => {
    const { server, base } = await listen(database.handle, true);
    const hold = holdNextRequest();
    const inFlight = fetch(`${base}/slow`);
    await hold.arrived.promise;
    const closed = closeGracefully(server, 5_000);
    hold.release.resolve();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("finished");
    await closed;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it("cuts connections still busy after the grace period", async () => {
    const { server, base } = await listen(database.handle, true);
    const hold = holdNextRequest();
    const inFlight = fetch(`${base}/slow`).then(
      () => "answered",
      () => "cut",
    );
    await hold.arrived.promise;
    let timedOut = false;
    await closeGracefully(server, 100, () => {
      timedOut = true;
    });
    expect(timedOut).toBe(true);
    expect(await inFlight).toBe("cut");
    hold.release.resolve();
  });
});

describe("request logs", () => {
  it("never contain single-use tokens from query strings", () => {
    expect(redactUrl("/reset-password?token=abc123&lng=fr")).toBe("/reset-password?token=%5Bredacted%5D&lng=fr");
    expect(redactUrl("/verify-email?code=9&resetKey=x")).toBe("/verify-email?code=%5Bredacted%5D&resetKey=%5Bredacted%5D");
    expect(redactUrl("/initiatives?q=cyber&page=2")).toBe("/initiatives?q=cyber&page=2");
    expect(redactUrl("/initiatives")).toBe("/initiatives");
  });
});
