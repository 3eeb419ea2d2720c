// Deny by default (ASVS 5.0 8.2.1): every loader and action outside PUBLIC_ROUTES must turn
// away a visitor who is not signed in. The route modules are found on disk the way Remix's
// flat routes find them, so a route added later is covered without touching this file.
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_ROUTES } from "~/auth/permissions.server";
import { createUser, startSession } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { routeArgs, type RouteCall } from "../support/remix";

const APP_DIR = path.resolve("app");
const ROUTES_DIR = path.join(APP_DIR, "routes");
const ROUTE_FILE = /\.(tsx?|jsx?)$/;
// remix.config.js: ignoredRouteFiles ["**/.*", "**/*.test.{ts,tsx}"]
const isIgnored = (name: string) => name.startsWith(".") || /\.test\.(ts|tsx)$/.test(name);

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;
interface RouteModule {
  id: string;
  file: string;
  loader?: Handler;
  action?: Handler;
}

/** Route id → file, as @remix-run/dev's flat routes convention names them. */
function routeFiles(): Map<string, string> {
  const files = new Map<string, string>([["root", path.join(APP_DIR, "root.tsx")]]);
  for (const entry of fs.readdirSync(ROUTES_DIR, { withFileTypes: true })) {
    if (isIgnored(entry.name)) continue;
    if (entry.isDirectory()) {
      const index = ["route.tsx", "route.ts", "route.jsx", "route.js"].find((f) => fs.existsSync(path.join(ROUTES_DIR, entry.name, f)));
      if (index) files.set(`routes/${entry.name}`, path.join(ROUTES_DIR, entry.name, index));
    } else if (ROUTE_FILE.test(entry.name)) {
      files.set(`routes/${entry.name.replace(ROUTE_FILE, "")}`, path.join(ROUTES_DIR, entry.name));
    }
  }
  return files;
}

const SAMPLE_PARAM = "00000000-0000-4000-8000-000000000000";

/** A URL this route answers, with sample values for its parameters. */
function samplePath(id: string): { path: string; params: Record<string, string> } {
  if (id === "root") return { path: "/", params: {} };
  const params: Record<string, string> = {};
  const segments = id
    .replace(/^routes\//, "")
    .split(".")
    .filter((s) => s !== "_index" && !s.startsWith("_"))
    .map((s) => s.replace(/_$/, "").replace(/^\((.*)\)$/, "$1"))
    .map((s) => {
      if (s === "$") {
        params["*"] = "sample";
        return "sample";
      }
      if (s.startsWith("$")) {
        params[s.slice(1)] = SAMPLE_PARAM;
        return SAMPLE_PARAM;
      }
      return s;
    });
  return { path: `/${segments.join("/")}`, params };
}

async function loadRoutes(): Promise<RouteModule[]> {
  const modules: RouteModule[] = [];
  for (const [id, file] of routeFiles()) {
    const mod = (await import(/* @vite-ignore */ file)) as { loader?: Handler; action?: Handler };
    modules.push({ id, file, loader: mod.loader, action: mod.action });
  }
  return modules;
}

/** How a guarded route answered: null when it refused properly, else what went wrong. */
async function refusal(call: () => unknown, allowed: (status: number, location: string | null) => boolean): Promise<string | null> {
  let value: unknown;
  try {
    value = await call();
  } catch (error) {
    value = error;
    if (!(error instanceof Response) && !isData(error)) return `threw ${error instanceof Error ? error.message : String(error)}`;
  }
  const status = value instanceof Response ? value.status : isData(value) ? (value.init?.status ?? 200) : 200;
  const location = value instanceof Response ? value.headers.get("Location") : isData(value) ? new Headers(value.init?.headers).get("Location") : null;
  return allowed(status, location) ? null : `answered ${status}${location ? ` → ${location}` : ""}`;
}

function isData(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

const refusesVisitor = (status: number, location: string | null) =>
  (status >= 300 && status < 400 && location !== null && /^\/login([/?]|$)/.test(location)) || [403, 404, 405].includes(status);

const t = useTestDatabase();
let routes: RouteModule[];

beforeAll(async () => {
  routes = await loadRoutes();
});

async function offenders(call: Pick<RouteCall, "headers">, allowed: typeof refusesVisitor, only: (route: RouteModule) => boolean) {
  const found: string[] = [];
  for (const route of routes.filter(only)) {
    const { path: url, params } = samplePath(route.id);
    if (route.loader) {
      const verdict = await refusal(() => route.loader?.(routeArgs(url, { db: t.db, params, headers: call.headers })), allowed);
      if (verdict) found.push(`${route.id} loader ${verdict}`);
    }
    if (route.action) {
      const verdict = await refusal(() => route.action?.(routeArgs(url, { db: t.db, params, headers: call.headers, form: {} })), allowed);
      if (verdict) found.push(`${route.id} action ${verdict}`);
    }
  }
  return found;
}

describe("route guards", () => {
  it("find the routes on disk", () => {
    const ids = routes.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(["root", "routes/login", "routes/account._index", "routes/secretariat.users"]));
  });

  it("turn away a visitor who is not signed in from every route that is not public", async () => {
    const guarded = (route: RouteModule) => !PUBLIC_ROUTES.has(route.id) && Boolean(route.loader || route.action);
    expect(routes.filter(guarded).length).toBeGreaterThan(5);
    expect(await offenders({}, refusesVisitor, guarded)).toEqual([]);
  });

  it("turn away a signed-in member from every secretariat route with 403", async () => {
    const member = await createUser(t.db);
    const { cookie } = await startSession(t.db, member);
    const staffOnly = (route: RouteModule) => /^routes\/secretariat(\.|$)/.test(route.id);
    expect(routes.filter(staffOnly).length).toBeGreaterThan(0);
    expect(await offenders({ headers: { Cookie: cookie } }, (status) => status === 403, staffOnly)).toEqual([]);
  });

  it("turn away secretariat staff from every admin route with 403", async () => {
    const staff = await createUser(t.db, { role: "secretariat" });
    const { cookie } = await startSession(t.db, staff);
    // An admin route is one whose module calls requireAdmin: found from the source, so a new one is covered too.
    const adminOnly = (route: RouteModule) => route.id !== "root" && /\brequireAdmin\(/.test(fs.readFileSync(route.file, "utf8"));
    expect(routes.filter(adminOnly).map((r) => r.id)).toContain("routes/secretariat.users");
    expect(await offenders({ headers: { Cookie: cookie } }, (status) => status === 403, adminOnly)).toEqual([]);
  });

  it("let secretariat staff into the desk's pages", async () => {
    const staff = await createUser(t.db, { role: "secretariat" });
    const { cookie } = await startSession(t.db, staff);
    const desk = ["routes/secretariat._index", "routes/secretariat.actors._index", "routes/secretariat.affiliations._index", "routes/secretariat.audit"];
    for (const id of desk) {
      const route = routes.find((r) => r.id === id);
      expect(route?.loader, id).toBeDefined();
      const { path: url, params } = samplePath(id);
      const value = await route!.loader!(routeArgs(url, { db: t.db, params, headers: { Cookie: cookie } }));
      expect(value instanceof Response ? value.status : 200, id).toBe(200);
    }
  });

  it("list as public only routes that exist", () => {
    const ids = new Set(routes.map((r) => r.id));
    expect([...PUBLIC_ROUTES].filter((id) => !ids.has(id))).toEqual([]);
  });
});
