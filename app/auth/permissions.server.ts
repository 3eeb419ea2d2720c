// Who may do what: the one place. Every loader and action starts with one of these guards
// (or is listed in PUBLIC_ROUTES); tests/integration/guard-coverage.test.ts enforces it.
// Guards throw a redirect (not signed in, unverified, second factor pending) or a 403.
import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { actors, affiliations, participations } from "~/db/schema";
import { getEnv } from "~/env.server";
import { authConfig } from "./config.server";
import { isRecentlyAuthenticated, isStaffRole, loadSession, readSessionId, type CurrentSession, type SessionUser } from "./session.server";

export interface GuardArgs {
  request: Request;
  context: AppLoadContext;
}

/** Route ids whose loaders and actions anyone may call. Everything else is denied by default. */
export const PUBLIC_ROUTES = new Set([
  "root",
  "routes/_index",
  "routes/$",
  "routes/language",
  "routes/initiatives._index",
  "routes/initiatives.$slug",
  "routes/actors._index",
  "routes/actors.$id",
  "routes/api.$",
  "routes/api.v1.initiatives._index",
  "routes/api.v1.initiatives.$slug",
  "routes/api.v1.actors._index",
  "routes/api.v1.actors.$id",
  "routes/signup",
  "routes/login",
  "routes/forgot-password",
  "routes/reset-password",
  "routes/verify-email",
  "routes/logout",
  "routes/about",
  "routes/privacy",
  "routes/accessibility",
  "routes/meetings._index",
  "routes/meetings[.ics]",
  "routes/meetings.$id[.ics]",
  "routes/initiatives.$slug_.meetings[.ics]",
  "routes/map.world[.]svg",
  "routes/search",
  "routes/open-data",
  "routes/sitemap[.]xml",
  "routes/robots[.]txt",
  "routes/initiatives.feed[.]atom",
  "routes/initiatives.$slug_.feed[.]atom",
  "routes/initiatives.$slug_.supporters[.]csv",
]);

const sessionCache = new WeakMap<object, { cookie: string | null; pending: Promise<CurrentSession | null> }>();

/**
 * The signed-in session, or null. Cached per request: several guards cost one query. Remix hands
 * each loader of one document request its own copy of the Request but the same load context,
 * so a GET is cached on the context (the root's and the page's loaders share one lookup); any
 * other method on the Request itself, since an action may end the session its loaders then read.
 */
export function getSession({ request, context }: GuardArgs): Promise<CurrentSession | null> {
  const key: object = request.method === "GET" || request.method === "HEAD" ? context : request;
  const cookie = request.headers.get("Cookie");
  const cached = sessionCache.get(key);
  if (cached && cached.cookie === cookie) return cached.pending;
  const pending = readSessionId(request).then((id) => (id ? loadSession(context.db, id) : null));
  sessionCache.set(key, { cookie, pending });
  return pending;
}

export async function getOptionalUser(args: GuardArgs): Promise<SessionUser | null> {
  const session = await getSession(args);
  return session?.mfaVerified ? session.user : null;
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
}

function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

/** Signed in, with the second factor checked when the account has one. */
export async function requireSession(args: GuardArgs): Promise<CurrentSession> {
  const session = await getSession(args);
  if (!session) loginRedirect(args.request);
  if (!session.mfaVerified) throw redirect("/login/two-factor");
  return session;
}

export async function requireUser(args: GuardArgs): Promise<SessionUser> {
  return (await requireSession(args)).user;
}

/** A session that passed the password step and still owes its second factor. */
export async function requirePendingSecondFactor(args: GuardArgs): Promise<CurrentSession> {
  const session = await getSession(args);
  if (!session) throw redirect("/login");
  if (session.mfaVerified) throw redirect("/account");
  return session;
}

interface SetupOptions {
  /** The pages a staff member needs to set up two-factor are open to them before it is set up. */
  duringTwoFactorSetup?: boolean;
}

/** A verified user's session (for pages that also need the session itself, like /account). */
export async function requireVerifiedSession(args: GuardArgs, options: SetupOptions = {}): Promise<CurrentSession> {
  const session = await requireSession(args);
  await requireVerifiedUser(args, options);
  return session;
}

/** Sensitive changes (password, two-factor) need the password typed in the last ten minutes. */
export async function requireRecentAuthentication(args: GuardArgs, options: SetupOptions = {}): Promise<CurrentSession> {
  const session = await requireVerifiedSession(args, options);
  if (!isRecentlyAuthenticated(session)) {
    const url = new URL(args.request.url);
    throw redirect(`/account/confirm?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`);
  }
  return session;
}

/** Only signed-out visitors (sign-up, sign-in pages). */
export async function requireAnonymous(args: GuardArgs): Promise<void> {
  const session = await getSession(args);
  if (session?.mfaVerified) throw redirect("/account");
}

/** A signed-in user whose email is verified; staff must also have two-factor when it is required. */
export async function requireVerifiedUser(args: GuardArgs, options: SetupOptions = {}): Promise<SessionUser> {
  const user = await requireUser(args);
  if (!user.emailVerified) throw redirect("/verify-email");
  if (!options.duringTwoFactorSetup && isStaffRole(user.role) && !user.totpEnabled && authConfig().staffMfaRequired) {
    throw redirect("/account/two-factor?required=1");
  }
  return user;
}

export async function requireStaff(args: GuardArgs): Promise<SessionUser> {
  const user = await requireVerifiedUser(args);
  if (!isStaffRole(user.role)) forbidden();
  return user;
}

export async function requireAdmin(args: GuardArgs): Promise<SessionUser> {
  const user = await requireVerifiedUser(args);
  if (user.role !== "admin") forbidden();
  return user;
}

/**
 * A member whose affiliation to this actor the secretariat approved (with `role: "focal_point"`,
 * a focal point only). Read on every request: a revocation or suspension counts at once.
 */
export async function requireRepresentative(
  args: GuardArgs,
  actorId: string,
  options: { role?: "focal_point" } = {},
): Promise<SessionUser> {
  const user = await requireVerifiedUser(args);
  // A malformed id is somebody else's business too: no query, same answer.
  if (!UUID.test(actorId)) forbidden();
  // A suspended (or not yet approved) actor has no one who may act for it.
  const [row] = await args.context.db
    .select({ id: affiliations.id })
    .from(affiliations)
    .innerJoin(actors, eq(actors.id, affiliations.actorId))
    .where(
      and(
        eq(affiliations.userId, user.id),
        eq(affiliations.actorId, actorId),
        eq(affiliations.status, "approved"),
        eq(actors.status, "approved"),
        options.role ? eq(affiliations.role, options.role) : undefined,
      ),
    );
  if (!row) forbidden();
  return user;
}

/** A member who represents at least one approved actor, whichever: what proposing an initiative takes. */
export async function requireAnyRepresentative(args: GuardArgs): Promise<SessionUser> {
  const user = await requireVerifiedUser(args);
  const [row] = await args.context.db
    .select({ id: affiliations.id })
    .from(affiliations)
    .innerJoin(actors, eq(actors.id, affiliations.actorId))
    .where(and(eq(affiliations.userId, user.id), eq(affiliations.status, "approved"), eq(actors.status, "approved")))
    .limit(1);
  if (!row) forbidden();
  return user;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A representative of an actor that actively leads this initiative. */
export async function requireInitiativeLead(args: GuardArgs, initiativeId: string): Promise<SessionUser> {
  const user = await requireVerifiedUser(args);
  const [row] = await args.context.db
    .select({ id: participations.id })
    .from(participations)
    .innerJoin(affiliations, eq(affiliations.actorId, participations.actorId))
    .innerJoin(actors, eq(actors.id, participations.actorId))
    .where(
      and(
        eq(actors.status, "approved"),
        eq(participations.initiativeId, initiativeId),
        eq(participations.role, "lead"),
        eq(participations.status, "active"),
        eq(affiliations.userId, user.id),
        eq(affiliations.status, "approved"),
      ),
    )
    .limit(1);
  if (!row) forbidden();
  return user;
}

/** The development mailbox exists only in development, and only when mail goes to files. */
export function requireDevelopmentMailbox(): string {
  const env = getEnv();
  if (env.nodeEnv !== "development" || env.smtpUrl) throw new Response("Not Found", { status: 404 });
  return env.mailDir;
}

export type Action = "review" | "read:audit" | "manage:staff" | "represent" | "propose:initiative";

export interface PermissionSubject {
  /** The actor the action is about, when there is one. */
  actorId?: string;
  /** Actors the user represents (approved affiliations), loaded by the page. */
  representedActorIds?: readonly string[];
}

/** For the UI only (which buttons to show); the guards above are what protect the server. */
export function can(
  user: Pick<SessionUser, "role" | "emailVerified"> | null,
  action: Action,
  subject: PermissionSubject = {},
): boolean {
  if (!user?.emailVerified) return false;
  switch (action) {
    case "review":
    case "read:audit":
      return isStaffRole(user.role);
    case "manage:staff":
      return user.role === "admin";
    case "represent":
    case "propose:initiative":
      return subject.actorId !== undefined && (subject.representedActorIds ?? []).includes(subject.actorId);
  }
}
