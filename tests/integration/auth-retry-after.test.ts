// Every 429 carries Retry-After, also when Remix answers a rate-limited form as a whole page
// (a browser without JavaScript) or as single-fetch `.data` (with JavaScript): Remix takes those
// headers from the error boundary's `headers` export only (the root's), so the real root and
// route modules are run here through Remix's own request handler, not called one by one.
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "~/auth/rate-limit.server";
import { loadSession } from "~/auth/session.server";
import { completeSecondFactor, signIn } from "~/domain/accounts/sign-in.server";
import { beginTwoFactorSetup, confirmTwoFactorSetup } from "~/domain/accounts/two-factor.server";
import * as entryServer from "~/entry.server";
import * as rootRoute from "~/root";
import * as loginRoute from "~/routes/login";
import * as twoFactorLoginRoute from "~/routes/login_.two-factor";
import { authenticatorCode, cookieFor, createUser, PASSWORD, passwordHash, startSession } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { TEST_ORIGIN } from "../support/remix";

const t = useTestDatabase();
const origin = { ip: "198.51.100.7", userAgent: "vitest" };

type RouteModule = ServerBuild["routes"][string]["module"];
const routeAssets = (id: string, path: string, parentId?: string) => ({
  id,
  path,
  parentId,
  module: `/build/${id}.js`,
  hasAction: true,
  hasLoader: true,
  hasClientAction: false,
  hasClientLoader: false,
  hasErrorBoundary: false,
});

const build: ServerBuild = {
  mode: "production",
  entry: { module: entryServer },
  routes: {
    root: { id: "root", path: "", module: rootRoute as unknown as RouteModule },
    "routes/login": { id: "routes/login", parentId: "root", path: "login", module: loginRoute as unknown as RouteModule },
    "routes/login_.two-factor": {
      id: "routes/login_.two-factor",
      parentId: "root",
      path: "login/two-factor",
      module: twoFactorLoginRoute as unknown as RouteModule,
    },
  },
  assets: {
    entry: { module: "/build/entry.client.js", imports: [] },
    routes: {
      root: { ...routeAssets("root", ""), hasAction: false, hasErrorBoundary: true },
      "routes/login": routeAssets("routes/login", "login", "root"),
      "routes/login_.two-factor": routeAssets("routes/login_.two-factor", "login/two-factor", "root"),
    },
    url: "/build/manifest.js",
    version: "test",
  },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true },
  isSpaMode: false,
};

const handler = createRequestHandler(build, "production");

function post(path: string, form: Record<string, string>, cookie?: string): Promise<Response> {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded", Origin: TEST_ORIGIN, Host: new URL(TEST_ORIGIN).host });
  if (cookie) headers.set("Cookie", cookie);
  const request = new Request(new URL(path, TEST_ORIGIN), { method: "POST", headers, body: new URLSearchParams(form) });
  return handler(request, { db: t.db, cspNonce: "test", clientIp: "127.0.0.1", publicUrl: TEST_ORIGIN });
}

function expectRetryAfter(response: Response) {
  const seconds = Number(response.headers.get("Retry-After"));
  expect(Number.isInteger(seconds) && seconds > 0 && seconds <= 15 * 60, `Retry-After: ${response.headers.get("Retry-After")}`).toBe(true);
}

/** A six-digit code the authenticator shows at none of the moments the server accepts. */
function wrongCode(secret: string): string {
  const accepted = new Set([-1, 0, 1].map((step) => authenticatorCode(secret, step)));
  return ["000000", "111111", "222222", "333333"].find((code) => !accepted.has(code)) ?? "444444";
}

beforeAll(async () => {
  await passwordHash();
});

describe("a rate-limited sign-in", () => {
  it("answers 429 with Retry-After, as a page and as single-fetch data", async () => {
    const user = await createUser(t.db);
    // Fill this quarter-hour and the next, in case the window turns while the test runs.
    const now = Date.now();
    const nextWindow = new Date((Math.floor(now / (15 * 60_000)) + 1) * 15 * 60_000);
    for (const at of [new Date(now), nextWindow]) {
      for (let i = 0; i < RATE_LIMITS.signInFailuresPerAccount.limit; i++) {
        await signIn(t.db, { email: user.email, password: `wrong ${i}` }, origin, at);
      }
    }
    const form = { email: user.email, password: PASSWORD };
    const page = await post("/login", form);
    expect(page.status).toBe(429);
    expect(page.headers.get("Content-Type")).toMatch(/text\/html/);
    expectRetryAfter(page);

    const data = await post("/login.data", form);
    expect(data.headers.get("Content-Type")).toMatch(/text\/x-script/);
    expect(data.status).toBe(429);
    expectRetryAfter(data);
  });
});

describe("a rate-limited second factor", () => {
  it("answers 429 with Retry-After, as a page and as single-fetch data", async () => {
    const user = await createUser(t.db);
    const started = await startSession(t.db, user);
    const setupSession = await loadSession(t.db, started.sessionId);
    const setup = await beginTwoFactorSetup(t.db, user.id);
    if (!setup.ok || !setupSession) throw new Error("setup did not start");
    if (!(await confirmTwoFactorSetup(t.db, setupSession, authenticatorCode(setup.secret, -1), origin)).ok) throw new Error("setup refused");

    const signedIn = await signIn(t.db, { email: user.email, password: PASSWORD }, origin);
    if (!signedIn.ok) throw new Error("password refused");
    const pending = await loadSession(t.db, signedIn.sessionId);
    if (!pending) throw new Error("no session");
    for (let i = 0; i < RATE_LIMITS.twoFactorFailuresPerUser.limit; i++) {
      await completeSecondFactor(t.db, pending, wrongCode(setup.secret), origin);
    }
    const cookie = await cookieFor(signedIn.sessionId);
    const form = { code: authenticatorCode(setup.secret) };
    const page = await post("/login/two-factor", form, cookie);
    expect(page.status).toBe(429);
    expectRetryAfter(page);

    const data = await post("/login/two-factor.data", form, cookie);
    expect(data.status).toBe(429);
    expectRetryAfter(data);
  });
});
