// Deny by default (ASVS 5.0 8.2.1): every loader and action outside PUBLIC_ROUTES must turn
// away a visitor who is not signed in, and every staff route a signed-in person without the
// role, BEFORE it reads anything: redirected to sign in or answered 403, never 404 or 405 (an
// unguarded route answers those too, for a wrong id or method). The checks use ids of rows
// that exist and, for actions, the form an authorised user would send, which is shown to
// succeed for that user. The route modules are found on disk the way Remix's flat routes find
// them, so a route added later is covered (and must say below who may use it).
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq, getTableName, is, Table } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_ROUTES } from "~/auth/permissions.server";
import { encryptSecret, newTotpSecret } from "~/auth/totp.server";
import type { Database } from "~/db/client.server";
import { actors, affiliations, initiatives, meetings, users, type User, type UserRole } from "~/db/schema";
import { authenticatorCode, createUser, PASSWORD, passwordHash, startSession } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { routeArgs } from "../support/remix";

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

async function loadRoutes(): Promise<RouteModule[]> {
  const modules: RouteModule[] = [];
  for (const [id, file] of routeFiles()) {
    const mod = (await import(/* @vite-ignore */ file)) as { loader?: Handler; action?: Handler };
    modules.push({ id, file, loader: mod.loader, action: mod.action });
  }
  return modules;
}

// ------------------------------------------------------------------------------------------
// Who may use each guarded route, and the form that succeeds for them. A new route that is
// not public must be added here: the test says so.

type Who = "member" | "secretariat" | "admin" | "pendingSecondFactor";

interface Rows {
  /** An approved organisation, an initiative and a pending affiliation: what ids in URLs name. */
  actorId: string;
  initiativeId: string;
  initiativeSlug: string;
  affiliationId: string;
  /** A meeting of that initiative. */
  meetingId: string;
  /** A plain member, the subject of staff actions (the one an unguarded route would promote). */
  target: User;
}

interface Person {
  user: User;
  cookie: string;
  /** The TOTP secret of a user with two-factor on. */
  secret?: string;
}

interface Sample {
  who: Who;
  /** The form the authorised person sends; it must succeed for them. */
  form?: (rows: Rows, person: Person) => Record<string, string>;
}

const NEW_PASSWORD = "violet kangaroo under the old bridge";

const SAMPLES: Record<string, Sample> = {
  "routes/account._index": { who: "member", form: () => ({ intent: "profile", name: "Renamed Member", locale: "fr" }) },
  "routes/account.confirm": { who: "member", form: () => ({ password: PASSWORD, redirectTo: "/account/password" }) },
  "routes/account.password": { who: "member", form: () => ({ currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }) },
  "routes/account.two-factor": { who: "member", form: () => ({ intent: "start" }) },
  "routes/login_.two-factor": { who: "pendingSecondFactor", form: (_rows, person) => ({ code: authenticatorCode(person.secret ?? "") }) },
  "routes/secretariat.users": { who: "admin", form: (rows) => ({ userId: rows.target.id, role: "secretariat" }) },
  "routes/secretariat": { who: "secretariat" },
  "routes/secretariat._index": { who: "secretariat" },
  "routes/secretariat.actors._index": { who: "secretariat" },
  "routes/secretariat.affiliations._index": { who: "secretariat" },
  "routes/secretariat.audit": { who: "secretariat" },
  "routes/secretariat.exports.actors[.csv]": { who: "secretariat" },
  "routes/secretariat.exports.affiliations[.csv]": { who: "secretariat" },
  "routes/secretariat.exports.audit[.csv]": { who: "secretariat" },
  "routes/secretariat.exports.initiatives[.csv]": { who: "secretariat" },
  "routes/secretariat.exports.participations[.csv]": { who: "secretariat" },
  "routes/secretariat.actors.$id": { who: "secretariat", form: () => ({ intent: "suspend", reason: "Checked by the guard test." }) },
  "routes/secretariat.affiliations.$id": { who: "secretariat", form: () => ({ intent: "approve" }) },
  "routes/secretariat.initiatives": { who: "secretariat", form: (rows) => ({ intent: "close", initiativeId: rows.initiativeId, reason: "Checked by the guard test." }) },
  "routes/initiatives.new": { who: "member", form: (rows) => ({ title: "A guarded proposal", summary: "A sample.", axis: "reform", theme: "other", proposingActorId: rows.actorId, joinPolicy: "open", language: "en" }) },
  "routes/initiatives.co-leads[.]json": { who: "member" },
  "routes/initiatives.$slug_.join": { who: "member", form: (rows) => ({ actorId: rows.actorId }) },
  "routes/initiatives.$slug_.withdraw": { who: "member", form: (rows) => ({ actorId: rows.actorId }) },
  "routes/initiatives.$slug_.lead-invitation": { who: "member", form: (rows) => ({ actorId: rows.actorId, intent: "accept" }) },
  "routes/initiatives.$slug_.manage": { who: "member", form: (rows) => ({ intent: "message", actorId: rows.actorId, subject: "Hello", body: "A message." }) },
  "routes/initiatives.$slug_.manage_.meetings._index": { who: "member" },
  "routes/initiatives.$slug_.manage_.meetings.new": { who: "member", form: () => meetingForm },
  "routes/initiatives.$slug_.manage_.meetings.$id": { who: "member", form: () => ({ intent: "cancel", confirm: "yes" }) },
  "routes/initiatives.$slug_.manage_.translations.$locale": { who: "member", form: () => ({ title: "Titre", summary: "Résumé." }) },
  "routes/affiliations.new": { who: "member", form: (rows) => ({ intent: "join", actorId: rows.actorId, role: "delegate", title: "Adviser" }) },
  "routes/dashboard._index": { who: "member", form: (rows) => ({ intent: "answer", affiliationId: rows.affiliationId, response: "Here is more." }) },
  "routes/dashboard.actors.$id": { who: "member", form: () => ({ intent: "profile", name: "Guarded Friends", description: "Renamed." }) },
};

/**
 * Routes whose success needs more than a role (a representative of the sample actor, an answer
 * the secretariat asked for): the refusals above hold for them like for every route; their
 * success for the right person is proven in their own integration tests, named here.
 */
const SUCCESS_PROVEN_ELSEWHERE: Record<string, string> = {
  "routes/affiliations.new": "membership-applications.test.ts",
  "routes/dashboard._index": "membership-dashboard.test.ts",
  "routes/dashboard.actors.$id": "membership-dashboard.test.ts",
  "routes/secretariat.initiatives": "coalitions-proposals.test.ts",
  "routes/initiatives.new": "coalitions-proposals.test.ts",
  "routes/initiatives.co-leads[.]json": "coalitions-co-leads.test.ts",
  "routes/initiatives.$slug_.join": "coalitions-participation.test.ts",
  "routes/initiatives.$slug_.withdraw": "coalitions-participation.test.ts",
  "routes/initiatives.$slug_.lead-invitation": "coalitions-proposals.test.ts",
  "routes/initiatives.$slug_.manage": "coalitions-participation.test.ts",
  "routes/initiatives.$slug_.manage_.meetings._index": "meetings.test.ts",
  "routes/initiatives.$slug_.manage_.meetings.new": "meetings.test.ts",
  "routes/initiatives.$slug_.manage_.meetings.$id": "meetings.test.ts",
  "routes/initiatives.$slug_.manage_.translations.$locale": "coalitions-translations.test.ts",
};

const nextYear = new Date().getUTCFullYear() + 1;
const meetingForm = { title: "A guarded meeting", timeZone: "Europe/Paris", startsAt: `${nextYear}-03-02T10:00`, endsAt: `${nextYear}-03-02T12:00`, place: "Paris" };

/** Routes that do not exist outside one environment: they answer 404 here, and that is tested on its own. */
const ENVIRONMENT_GATED = new Set(["routes/dev.mailbox", "routes/bench.bare"]);

/** The person one step below: the role that must be refused. */
const UNDERPRIVILEGED: Partial<Record<Who, Exclude<Who, "pendingSecondFactor">[]>> = {
  secretariat: ["member"],
  admin: ["member", "secretariat"],
};

/** When an action cannot know the form of a route nobody described, it still gets one that would do harm. */
const harmfulForm = (rows: Rows) => ({ userId: rows.target.id, id: rows.target.id, role: "admin", intent: "approve", email: rows.target.email });

/** A URL this route answers, with the ids of rows that exist for its parameters. */
function samplePath(id: string, rows: Rows): { path: string; params: Record<string, string> } {
  if (id === "root") return { path: "/", params: {} };
  const params: Record<string, string> = {};
  const segments = id
    .replace(/^routes\//, "")
    .split(".")
    .filter((s) => s !== "_index" && !s.startsWith("_"))
    .map((s) => s.replace(/_$/, "").replace(/^\((.*)\)$/, "$1"));
  const resolved = segments.map((s, i) => {
    if (s === "$") {
      params["*"] = "sample";
      return "sample";
    }
    if (!s.startsWith("$")) return s;
    const name = s.slice(1);
    const value = sampleId(segments[i - 1] ?? "", name, rows);
    if (!value) throw new Error(`${id}: say in guard-coverage.test.ts which existing row :${name} names`);
    params[name] = value;
    return value;
  });
  return { path: `/${resolved.join("/")}`, params };
}

function sampleId(previous: string, name: string, rows: Rows): string | undefined {
  if (name === "slug") return rows.initiativeSlug;
  if (name === "locale") return "fr";
  if (previous === "actors" || name === "actorId") return rows.actorId;
  if (previous === "initiatives" || name === "initiativeId") return rows.initiativeId;
  if (previous === "affiliations" || name === "affiliationId") return rows.affiliationId;
  if (previous === "meetings" || name === "meetingId") return rows.meetingId;
  if (previous === "users" || name === "userId") return rows.target.id;
  return undefined;
}

// ------------------------------------------------------------------------------------------
// What a route touched: a database that writes down every table a query names.

const READ_METHODS = ["select", "selectDistinct", "selectDistinctOn"] as const;

function tableName(table: unknown): string {
  return is(table, Table) ? getTableName(table) : "(subquery or view)";
}

function recordingDb(db: Database, touched: string[]): Database {
  return new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") {
        if (property === "query") {
          touched.push("query");
        }
        return value;
      }
      const method = value as (...args: unknown[]) => unknown;
      if ((READ_METHODS as readonly (string | symbol)[]).includes(property)) {
        return (...args: unknown[]) => {
          const builder = method.apply(target, args) as object;
          return new Proxy(builder, {
            get(b, p, r) {
              const inner = Reflect.get(b, p, r) as unknown;
              if (p === "from" && typeof inner === "function")
                return (table: unknown, ...rest: unknown[]) => {
                  touched.push(tableName(table));
                  return (inner as (...a: unknown[]) => unknown).call(b, table, ...rest);
                };
              return typeof inner === "function" ? (inner as (...a: unknown[]) => unknown).bind(b) : inner;
            },
          });
        };
      }
      if (property === "insert" || property === "update" || property === "delete" || property === "$count") {
        return (table: unknown, ...rest: unknown[]) => {
          touched.push(`${String(property)} ${tableName(table)}`);
          return method.call(target, table, ...rest);
        };
      }
      if (property === "execute" || property === "transaction" || property === "with") {
        return (...args: unknown[]) => {
          touched.push(String(property));
          return method.apply(target, args);
        };
      }
      return method.bind(target);
    },
  });
}

// The session read (and its last-seen stamp) is the guard's own.
const GUARD_TABLES = new Set(["sessions", "update sessions"]);

// ------------------------------------------------------------------------------------------

function isData(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

interface Answer {
  status: number;
  location: string | null;
  data: unknown;
  error?: string;
}

async function answer(call: () => unknown): Promise<Answer> {
  let value: unknown;
  try {
    value = await call();
  } catch (error) {
    if (!(error instanceof Response) && !isData(error)) return { status: 500, location: null, data: null, error: error instanceof Error ? error.message : String(error) };
    value = error;
  }
  if (value instanceof Response) return { status: value.status, location: value.headers.get("Location"), data: null };
  if (isData(value)) return { status: value.init?.status ?? 200, location: new Headers(value.init?.headers).get("Location"), data: value.data };
  return { status: 200, location: null, data: value };
}

const toSignIn = (a: Answer) => a.status >= 300 && a.status < 400 && a.location !== null && /^\/login([/?]|$)/.test(a.location);
const describeAnswer = (a: Answer) => a.error ?? `answered ${a.status}${a.location ? ` → ${a.location}` : ""}`;

const t = useTestDatabase();
let routes: RouteModule[];
let rows: Rows;

beforeAll(async () => {
  await passwordHash();
  routes = await loadRoutes();
  const [actor] = await t.db.insert(actors).values({ kind: "ngo", name: "Guarded Friends", status: "approved" }).returning();
  const [initiative] = await t.db
    .insert(initiatives)
    .values({ slug: "guarded-initiative", title: "Guarded initiative", summary: "A sample.", axis: "reform", theme: "other", status: "active" })
    .returning();
  const applicant = await createUser(t.db);
  const [affiliation] = await t.db.insert(affiliations).values({ userId: applicant.id, actorId: actor!.id, role: "delegate" }).returning();
  const [meeting] = await t.db
    .insert(meetings)
    .values({ initiativeId: initiative!.id, title: "Guarded meeting", startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000), place: "Paris" })
    .returning();
  rows = {
    actorId: actor!.id,
    initiativeId: initiative!.id,
    initiativeSlug: initiative!.slug,
    affiliationId: affiliation!.id,
    meetingId: meeting!.id,
    target: await createUser(t.db, { email: "promote-me@example.org" }),
  };
});

/** A person of that kind, signed in a moment ago (so re-authentication is recent). */
async function person(who: Who): Promise<Person> {
  if (who === "pendingSecondFactor") {
    const secret = newTotpSecret();
    const user = await createUser(t.db);
    await t.db.update(users).set({ totpSecret: encryptSecret(secret), totpEnabledAt: new Date() }).where(eq(users.id, user.id));
    return { user, secret, cookie: (await startSession(t.db, user, { mfaVerified: false })).cookie };
  }
  const role: UserRole = who;
  const user = await createUser(t.db, { role });
  return { user, cookie: (await startSession(t.db, user)).cookie };
}

const guarded = (route: RouteModule) => !PUBLIC_ROUTES.has(route.id) && !ENVIRONMENT_GATED.has(route.id) && Boolean(route.loader || route.action);

function formFor(route: RouteModule, someone: Person): Record<string, string> {
  return SAMPLES[route.id]?.form?.(rows, someone) ?? harmfulForm(rows);
}

/** Calls a route's loader and action as `caller` (null: signed out) and reports what it let through. */
async function offenders(only: (route: RouteModule) => boolean, caller: (route: RouteModule) => Promise<Person | null>, refused: (a: Answer) => boolean) {
  const found: string[] = [];
  for (const route of routes.filter(only)) {
    const someone = await caller(route);
    const headers = someone ? { Cookie: someone.cookie } : undefined;
    const { path: url, params } = samplePath(route.id, rows);
    // The form is filled in for the authorised person's own account where it names one.
    const form = formFor(route, someone ?? (await person("member")));
    for (const [kind, handler, call] of [
      ["loader", route.loader, { params, headers }],
      ["action", route.action, { params, headers, form }],
    ] as const) {
      if (!handler) continue;
      const touched: string[] = [];
      const db = recordingDb(t.db, touched);
      const result = await answer(() => handler(routeArgs(url, { db, ...call })));
      const allowedTables = someone ? GUARD_TABLES : new Set<string>();
      const read = touched.filter((table) => !allowedTables.has(table));
      if (!refused(result)) found.push(`${route.id} ${kind} ${describeAnswer(result)}`);
      else if (read.length > 0) found.push(`${route.id} ${kind} read ${[...new Set(read)].join(", ")} before refusing`);
    }
  }
  return found;
}

describe("route guards", () => {
  it("find the routes on disk", () => {
    const ids = routes.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(["root", "routes/login", "routes/account._index", "routes/secretariat.users"]));
  });

  it("know who may use every guarded route, and the form that succeeds for them", () => {
    const undescribed = routes.filter(guarded).filter((r) => !SAMPLES[r.id] || (r.action && !SAMPLES[r.id]?.form));
    expect(undescribed.map((r) => r.id)).toEqual([]);
    // The secretariat's desk is for staff: a route there declared for members would escape the role check below.
    const staffDesk = routes.filter((r) => /^routes\/secretariat(\.|$)/.test(r.id));
    expect(staffDesk.length).toBeGreaterThan(0);
    expect(staffDesk.filter((r) => !["secretariat", "admin"].includes(SAMPLES[r.id]?.who ?? "")).map((r) => r.id)).toEqual([]);
  });

  it("turn away a visitor who is not signed in from every route that is not public, without reading anything", async () => {
    expect(routes.filter(guarded).length).toBeGreaterThan(5);
    expect(await offenders(guarded, async () => null, toSignIn)).toEqual([]);
  });

  it("turn away, with 403 and without reading anything, a signed-in person without the route's role", async () => {
    const checks = routes.filter(guarded).flatMap((route) => (UNDERPRIVILEGED[SAMPLES[route.id]?.who ?? "member"] ?? []).map((who) => ({ route, who })));
    expect(checks.map((c) => c.who)).toEqual(expect.arrayContaining(["member", "secretariat"]));
    const found: string[] = [];
    for (const { route, who } of checks) {
      const as = await person(who);
      found.push(...(await offenders((r) => r === route, async () => as, (a) => a.status === 403)).map((o) => `${o} (as ${who})`));
    }
    expect(found).toEqual([]);
    // Nobody was promoted along the way.
    const [target] = await t.db.select({ role: users.role }).from(users).where(eq(users.id, rows.target.id));
    expect(target?.role).toBe("member");
  });

  // The positive control: the same requests succeed for the right person, so the refusals above
  // come from the guard and not from a wrong id or a form that would fail anyway.
  it("let the authorised person in, with the same ids and forms", async () => {
    const found: string[] = [];
    for (const route of routes.filter(guarded)) {
      const sample = SAMPLES[route.id];
      if (!sample || SUCCESS_PROVEN_ELSEWHERE[route.id]) continue;
      const { path: url, params } = samplePath(route.id, rows);
      if (route.loader) {
        const someone = await person(sample.who);
        const result = await answer(() => route.loader?.(routeArgs(url, { db: t.db, params, headers: { Cookie: someone.cookie } })));
        if (result.status !== 200) found.push(`${route.id} loader ${describeAnswer(result)}`);
      }
      if (route.action) {
        const someone = await person(sample.who);
        const result = await answer(() => route.action?.(routeArgs(url, { db: t.db, params, headers: { Cookie: someone.cookie }, form: formFor(route, someone) })));
        const failed = result.status >= 400 || (result.location !== null && /^\/(login|account\/confirm)([/?]|$)/.test(result.location)) || JSON.stringify(result.data ?? null).includes('"status":"error"');
        if (failed) found.push(`${route.id} action ${describeAnswer(result)} ${JSON.stringify(result.data ?? null).slice(0, 200)}`);
      }
    }
    expect(found).toEqual([]);
    const [target] = await t.db.select({ role: users.role }).from(users).where(eq(users.id, rows.target.id));
    expect(target?.role).toBe("secretariat");
  });

  it("keep the development mailbox to development: elsewhere it does not exist, and reads nothing", async () => {
    for (const id of ENVIRONMENT_GATED) {
      const route = routes.find((r) => r.id === id);
      expect(route?.loader, id).toBeTypeOf("function");
      const touched: string[] = [];
      const result = await answer(() => route?.loader?.(routeArgs("/dev/mailbox", { db: recordingDb(t.db, touched) })));
      expect(result.status, id).toBe(404);
      expect(touched, id).toEqual([]);
    }
  });

  it("list as public only routes that exist", () => {
    const ids = new Set(routes.map((r) => r.id));
    expect([...PUBLIC_ROUTES].filter((id) => !ids.has(id))).toEqual([]);
    expect(Object.keys(SAMPLES).filter((id) => !ids.has(id))).toEqual([]);
    expect(Object.keys(SUCCESS_PROVEN_ELSEWHERE).filter((id) => !ids.has(id))).toEqual([]);
    for (const file of new Set(Object.values(SUCCESS_PROVEN_ELSEWHERE))) expect(fs.existsSync(path.resolve("tests/integration", file)), file).toBe(true);
  });
});
