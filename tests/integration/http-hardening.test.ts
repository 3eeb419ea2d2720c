// The HTTP layer as an attacker meets it, through Express and the application's real routes:
// links never come from Host or X-Forwarded-Host, bodies are bounded, client mistakes are 4xx
// (logged at warn at most), and session-dependent answers are never stored by caches.
import http, { type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { mailOutbox } from "~/db/schema";
import { localeCookie } from "~/i18n/i18next.server";
import * as about from "~/routes/about";
import * as accountIndex from "~/routes/account._index";
import * as actorsApi from "~/routes/api.v1.actors._index";
import * as forgotPassword from "~/routes/forgot-password";
import * as language from "~/routes/language";
import * as login from "~/routes/login";
import { createUser, PASSWORD, startSession } from "../support/accounts";
import { appBuild } from "../support/app-build";
import { useTestDatabase } from "../support/db";

const t = useTestDatabase();

const build = appBuild([
  { file: "about", path: "about", module: about },
  { file: "forgot-password", path: "forgot-password", module: forgotPassword },
  { file: "login", path: "login", module: login },
  { file: "language", path: "language", module: language },
  { file: "account._index", path: "account", index: true, module: accountIndex },
  { file: "api.v1.actors._index", path: "api/v1/actors", index: true, module: actorsApi },
]);

/** Every log line the server writes, to check what level client mistakes are logged at. */
const logLines: { level: number; msg: string }[] = [];
const logger = pino(
  { level: "info" },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) logLines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  }),
);

interface Portal {
  server: Server;
  port: number;
  /** Origin of the address the tests connect to. */
  base: string;
}

async function start(settings: { appUrl?: string; trustProxy?: boolean; bodyLimitBytes?: number }): Promise<Portal> {
  const server = http.createServer();
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  const app = createApp({
    database: t.handle,
    build,
    env: {
      nodeEnv: "production",
      trustProxy: settings.trustProxy ?? false,
      appUrl: settings.appUrl,
      localMode: !settings.appUrl,
      publicUrl: settings.appUrl ?? `http://localhost:${port}`,
      bodyLimitBytes: settings.bodyLimitBytes ?? 64 * 1024,
    },
    logger,
    publicDir: "public",
  });
  server.on("request", app);
  return { server, port, base: `http://127.0.0.1:${port}` };
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** A raw HTTP request: fetch refuses to send some of these headers (Host) and methods (TRACE). */
function send(
  portal: Portal,
  request: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: portal.port, method: request.method ?? "GET", path: request.path, headers: request.headers, setHost: !request.headers?.Host },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }));
      },
    );
    // A server that answers before reading the whole body closes the connection: that is fine.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    if (request.chunks) {
      for (const chunk of request.chunks) req.write(chunk);
      req.end();
    } else {
      req.end(request.body);
    }
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = "application/x-www-form-urlencoded";

async function resetMails(to: string) {
  return t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to));
}

function close(portal: Portal): Promise<void> {
  return new Promise((resolve) => portal.server.close(() => resolve()));
}

describe("local mode (no APP_URL)", () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await start({});
  });
  afterAll(() => close(portal));

  it("answers on localhost, 127.0.0.1 and [::1] at its port, and refuses any other Host with 421", async () => {
    for (const host of [`localhost:${portal.port}`, `127.0.0.1:${portal.port}`, `[::1]:${portal.port}`]) {
      expect((await send(portal, { path: "/forgot-password", headers: { Host: host } })).status, host).toBe(200);
    }
    for (const host of ["attacker.example", `attacker.example:${portal.port}`, `localhost:${portal.port + 1}`, "localhost"]) {
      const answer = await send(portal, { path: "/forgot-password", headers: { Host: host } });
      expect(answer.status, host).toBe(421);
      expect(answer.text).toMatch(/Misdirected/);
    }
  });

  it("never emails a reset link to the host a request names (Host: attacker.example with a matching Origin)", async () => {
    const user = await createUser(t.db, { email: "victim-local@example.org" });
    const answer = await send(portal, {
      method: "POST",
      path: "/forgot-password",
      headers: { Host: "attacker.example", Origin: "http://attacker.example", "Content-Type": FORM },
      body: form({ email: user.email }),
    });
    expect(answer.status).toBe(421);
    expect(await resetMails(user.email)).toHaveLength(0);
  });

  it("builds the reset link on http://localhost:PORT when a loopback page asks, whatever X-Forwarded-Host says", async () => {
    const user = await createUser(t.db, { email: "local-reset@example.org" });
    const answer = await send(portal, {
      method: "POST",
      path: "/forgot-password",
      headers: { Origin: portal.base, "X-Forwarded-Host": "attacker.example", "Content-Type": FORM },
      body: form({ email: user.email }),
    });
    expect(answer.status).toBe(200);
    const [mail] = await resetMails(user.email);
    expect(mail?.textBody).toContain(`http://localhost:${portal.port}/reset-password?token=`);
    expect(mail?.textBody).not.toContain("attacker");
  });
});

describe("a portal with APP_URL", () => {
  const APP_URL = "https://portal.example";
  let portal: Portal;
  beforeAll(async () => {
    portal = await start({ appUrl: APP_URL, trustProxy: true });
  });
  afterAll(() => close(portal));

  it("puts APP_URL in the reset link whatever Host and X-Forwarded-Host say", async () => {
    const user = await createUser(t.db, { email: "victim-served@example.org" });
    const answer = await send(portal, {
      method: "POST",
      path: "/forgot-password",
      headers: { Host: "attacker.example", "X-Forwarded-Host": "attacker.example", Origin: APP_URL, "Content-Type": FORM },
      body: form({ email: user.email }),
    });
    expect(answer.status).toBe(200);
    const [mail] = await resetMails(user.email);
    expect(mail?.textBody).toContain(`${APP_URL}/reset-password?token=`);
    expect(mail?.textBody).not.toContain("attacker");
  });

  it("checks Origin against APP_URL only, never against the request's own Host", async () => {
    const user = await createUser(t.db, { email: "victim-origin@example.org" });
    for (const [host, origin] of [
      ["attacker.example", "http://attacker.example"],
      [`127.0.0.1:${portal.port}`, portal.base],
    ] as const) {
      const answer = await send(portal, {
        method: "POST",
        path: "/forgot-password",
        headers: { Host: host, "X-Forwarded-Host": host, Origin: origin, "Content-Type": FORM },
        body: form({ email: user.email }),
      });
      expect(answer.status, origin).toBe(403);
    }
    expect(await resetMails(user.email)).toHaveLength(0);
  });

  it("builds API links on APP_URL only, so a publicly cached answer names no request header", async () => {
    const answer = await send(portal, {
      path: "/api/v1/actors?kind=state&scope=all",
      headers: { Host: "attacker.example", "X-Forwarded-Host": "attacker.example", "X-Forwarded-Proto": "http" },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["cache-control"]).toBe("public, max-age=60");
    expect(answer.headers.vary ?? "").not.toMatch(/host|cookie|accept-language/i);
    const body = JSON.parse(answer.text) as { data: { url: string }[]; next: string };
    expect(body.data.length).toBeGreaterThan(0);
    for (const item of body.data) expect(item.url.startsWith(`${APP_URL}/actors/`)).toBe(true);
    expect(body.next).toBe(`${APP_URL}/api/v1/actors?kind=state&scope=all&page=2`);
    expect(answer.text).not.toContain("attacker");
  });
});

describe("request bodies", () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await start({});
  });
  afterAll(() => close(portal));

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    send(portal, { method: "POST", path: "/forgot-password", headers: { Origin: portal.base, "Content-Type": FORM, ...headers }, body });

  it("refuses a body over the limit with 413 before reading it, and stays responsive", async () => {
    const answer = await post(Buffer.alloc(200 * 1024, "a"));
    expect(answer.status).toBe(413);
    const health = await send(portal, { path: "/healthz" });
    expect(health.status).toBe(200);
  });

  it("refuses a form with one field of 10 MB with 413, without echoing it", async () => {
    const answer = await post(form({ email: `${"a".repeat(10 * 1024 * 1024)}@example.org` }));
    expect(answer.status).toBe(413);
    expect(answer.text.length).toBeLessThan(1_000);
  });

  it("counts the bytes of a chunked body, which announces no length", async () => {
    const chunk = Buffer.alloc(16 * 1024, "a");
    const answer = await send(portal, {
      method: "POST",
      path: "/forgot-password",
      headers: { Origin: portal.base, "Content-Type": FORM, "Transfer-Encoding": "chunked" },
      chunks: [Buffer.from("email="), chunk, chunk, chunk, chunk, chunk],
    });
    expect(answer.status).toBe(413);
    expect((await send(portal, { path: "/healthz" })).status).toBe(200);
  });

  it("answers a field just over its maximum with a field error and never sends the value back", async () => {
    const long = `${"b".repeat(300)}@example.org`;
    const answer = await post(form({ email: long }));
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("too long");
    expect(answer.text).not.toContain("b".repeat(300));
    const extra = await post(form({ email: "someone@example.org", note: "c".repeat(20_000) }));
    expect(extra.status).toBe(200);
    expect(extra.text).not.toContain("c".repeat(300));
  });
});

describe("client mistakes are 4xx, never 500, and logged at warn at most", () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await start({});
  });
  afterAll(() => close(portal));

  it("refuses JSON and text bodies on form routes with 415", async () => {
    for (const [type, body] of [
      ["application/json", JSON.stringify({ email: "a@example.org" })],
      ["text/plain", "email=a@example.org"],
    ] as const) {
      const answer = await send(portal, { method: "POST", path: "/forgot-password", headers: { Origin: portal.base, "Content-Type": type }, body });
      expect(answer.status, type).toBe(415);
    }
  });

  it("falls back to a safe page when redirectTo holds characters beyond ASCII, on /login and /language", async () => {
    const user = await createUser(t.db, { email: "redirect-to@example.org" });
    const signIn = await send(portal, {
      method: "POST",
      path: "/login",
      headers: { Origin: portal.base, "Content-Type": FORM },
      body: form({ email: user.email, password: PASSWORD, redirectTo: "/été" }),
    });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.location).toBe("/dashboard");
    const choose = await send(portal, {
      method: "POST",
      path: "/language",
      headers: { Origin: portal.base, "Content-Type": FORM },
      body: form({ lng: "fr", redirectTo: "/初期" }),
    });
    expect(choose.status).toBe(303);
    expect(choose.headers.location).toBe("/");
  });

  it("answers TRACE with 405, and a malformed Host or a request target naming another host with 400", async () => {
    const trace = await send(portal, { method: "TRACE", path: "/" });
    expect(trace.status).toBe(405);
    expect(trace.headers.allow).toContain("GET");
    for (const host of ["[bad", "a b", "exa mple.org:80", "host:port"]) {
      expect((await send(portal, { path: "/forgot-password", headers: { Host: host } })).status, host).toBe(400);
    }
    expect((await send(portal, { path: "http://attacker.example/forgot-password" })).status).toBe(400);
  });

  it("ignores an X-Forwarded-Host that differs from Origin instead of failing", async () => {
    const answer = await send(portal, {
      method: "POST",
      path: "/forgot-password",
      headers: { Origin: portal.base, "X-Forwarded-Host": "elsewhere.example", "Content-Type": FORM },
      body: form({ email: "nobody@example.org" }),
    });
    expect(answer.status).toBe(200);
  });

  it("refuses Origin: null even beside Sec-Fetch-Site: same-origin, with 403", async () => {
    const answer = await send(portal, {
      method: "POST",
      path: "/forgot-password",
      headers: { Origin: "null", "Sec-Fetch-Site": "same-origin", "Content-Type": FORM },
      body: form({ email: "nobody@example.org" }),
    });
    expect(answer.status).toBe(403);
  });

  it("answers a form sent to a page that takes none with 405, and an unknown address with 404", async () => {
    const post = await send(portal, { method: "POST", path: "/about", headers: { Origin: portal.base, "Content-Type": FORM }, body: form({ a: "b" }) });
    expect(post.status).toBe(405);
    expect((await send(portal, { path: "/no-such-page" })).status).toBe(404);
  });

  it("says why in the visitor's language: Accept-Language, the lng cookie or ?lng=", async () => {
    const tooLarge = await send(portal, {
      method: "POST",
      path: "/forgot-password",
      headers: { Origin: portal.base, "Content-Type": FORM, "Accept-Language": "fr-FR,fr;q=0.9", "Content-Length": String(10 * 1024 * 1024) },
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers["content-language"]).toBe("fr");
    expect(tooLarge.text).toMatch(/^Requête trop volumineuse\u00a0: .* au plus 64\u00a0Ko\.$/);

    const crossSite = await send(portal, {
      method: "POST",
      path: "/forgot-password",
      headers: { Origin: "https://elsewhere.example", "Content-Type": FORM, Cookie: await localeCookie.serialize("es") },
      body: form({ email: "a@example.org" }),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.text).toMatch(/^Prohibido: esta solicitud no procede de este sitio/);

    const wrongHost = await send(portal, { path: "/about?lng=es", headers: { Host: "attacker.example" } });
    expect(wrongHost.status).toBe(421);
    expect(wrongHost.headers["content-language"]).toBe("es");
    expect(wrongHost.text).toContain("este portal solo responde en su propia dirección");

    const trace = await send(portal, { method: "TRACE", path: "/", headers: { "Accept-Language": "en-GB" } });
    expect(trace.text).toBe("Method not allowed: this address does not accept that kind of request.");
  });

  it("logged none of them at error level", () => {
    expect(logLines.filter((line) => line.level >= 50).map((line) => line.msg)).toEqual([]);
  });
});

describe("caching of answers that depend on the session", () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await start({});
  });
  afterAll(() => close(portal));

  it("marks /account and /account.data private, no-store for a signed-in member", async () => {
    const user = await createUser(t.db, { email: "cache@example.org" });
    const { cookie } = await startSession(t.db, user);
    for (const path of ["/account", "/account.data"]) {
      const answer = await send(portal, { path, headers: { Cookie: cookie } });
      expect(answer.status, path).toBe(200);
      expect(answer.text).toContain("cache@example.org");
      expect(answer.headers["cache-control"], path).toBe("private, no-store");
    }
  });

  it("marks a sign-in answer, which sets the cookie, private, no-store too", async () => {
    const user = await createUser(t.db, { email: "cache-login@example.org" });
    const answer = await send(portal, {
      method: "POST",
      path: "/login",
      headers: { Origin: portal.base, "Content-Type": FORM },
      body: form({ email: user.email, password: PASSWORD }),
    });
    expect(answer.headers["set-cookie"]).toBeDefined();
    expect(answer.headers["cache-control"]).toBe("private, no-store");
  });
});
