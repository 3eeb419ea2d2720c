// Server-side sessions. The cookie carries only a random id (256 bits), signed; the row
// (keyed by the id's SHA-256) says whose session it is and until when. Deleting the row
// ends the session everywhere, so logout, "sign out other devices" and disabling a user
// take effect on the very next request.
import { createCookie, type Cookie } from "@remix-run/node";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { sessions, users, type UserRole } from "~/db/schema";
import { randomToken, sha256 } from "~/utils/crypto.server";
import { authConfig } from "./config.server";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Staff hold the keys to every actor, so their sessions are short. */
export const SESSION_LIMITS: Record<"staff" | "member", { idleMs: number; absoluteMs: number }> = {
  staff: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
  member: { idleMs: 7 * DAY, absoluteMs: 30 * DAY },
};

// Writing last_seen on every request would turn reads into writes; a minute of slack is enough.
const LAST_SEEN_GRANULARITY_MS = MINUTE;

export function isStaffRole(role: UserRole): boolean {
  return role === "secretariat" || role === "admin";
}

function limitsFor(role: UserRole) {
  return isStaffRole(role) ? SESSION_LIMITS.staff : SESSION_LIMITS.member;
}

function hasExpired(row: { createdAt: Date; lastSeenAt: Date; expiresAt: Date }, role: UserRole, now: Date): boolean {
  const limits = limitsFor(role);
  const idleExpired = now.getTime() - row.lastSeenAt.getTime() > limits.idleMs;
  const absoluteExpired = now.getTime() >= row.expiresAt.getTime();
  // A session created before a privilege change still carries the member's long limits.
  const overStaffLimit = now.getTime() - row.createdAt.getTime() >= limits.absoluteMs;
  return idleExpired || absoluteExpired || overStaffLimit;
}

/** The session cookie's name: __Host-session, or session under INSECURE_COOKIES=1. */
export const SESSION_COOKIE_NAMES: readonly string[] = ["__Host-session", "session"];

let cookie: Cookie | undefined;
export function sessionCookie(): Cookie {
  if (cookie) return cookie;
  const config = authConfig();
  // __Host- binds the cookie to this exact origin (Secure, Path=/, no Domain). Browsers accept
  // it from https sites and from http://localhost; plain-http set-ups need INSECURE_COOKIES=1.
  cookie = createCookie(config.secureCookies ? "__Host-session" : "session", {
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: "lax",
    path: "/",
    secrets: config.sessionSecrets,
  });
  return cookie;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  locale: "en" | "fr" | "es";
  emailVerified: boolean;
  totpEnabled: boolean;
}

export interface CurrentSession {
  idHash: string;
  user: SessionUser;
  createdAt: Date;
  mfaVerified: boolean;
  reauthenticatedAt: Date | null;
}

export interface SessionOrigin {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Sessions one account may hold at once. A flood of successful sign-ins (a script with a stolen
 * or shared password) otherwise piles up rows without end; twenty covers every device a person
 * really uses.
 */
export const MAX_SESSIONS_PER_USER = 20;

/**
 * Starts a new session (never reuses an old id: rotation on every sign-in) and ends the account's
 * oldest sessions beyond MAX_SESSIONS_PER_USER, in the caller's transaction. Returns the raw id for the cookie.
 */
export async function createSession(
  db: Executor,
  input: { userId: string; role: UserRole; mfaVerified: boolean; origin: SessionOrigin; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  const id = randomToken();
  await db.insert(sessions).values({
    idHash: sha256(id),
    userId: input.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + limitsFor(input.role).absoluteMs),
    mfaVerifiedAt: input.mfaVerified ? now : null,
    reauthenticatedAt: now,
    ip: input.origin.ip,
    userAgent: input.origin.userAgent?.slice(0, 500) ?? null,
  });
  // One statement keeps the newest ones by start time; two sign-ins at the same instant may
  // briefly leave one session over the cap, which the next sign-in trims.
  await db.execute(sql`
    delete from ${sessions} where ${sessions.userId} = ${input.userId} and ${sessions.idHash} not in (
      select ${sessions.idHash} from ${sessions} where ${sessions.userId} = ${input.userId}
      order by ${sessions.idHash} = ${sha256(id)} desc, ${sessions.createdAt} desc limit ${MAX_SESSIONS_PER_USER}
    )`);
  return id;
}

/** The live session for a raw id, or null. Expired sessions (idle or absolute) are deleted. */
export async function loadSession(db: Executor, rawId: string, now = new Date()): Promise<CurrentSession | null> {
  const idHash = sha256(rawId);
  const [row] = await db
    .select({
      idHash: sessions.idHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      mfaVerifiedAt: sessions.mfaVerifiedAt,
      reauthenticatedAt: sessions.reauthenticatedAt,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        locale: users.locale,
        emailVerifiedAt: users.emailVerifiedAt,
        totpEnabledAt: users.totpEnabledAt,
        disabledAt: users.disabledAt,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, idHash));
  if (!row) return null;
  if (hasExpired(row, row.user.role, now) || row.user.disabledAt) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return {
    idHash,
    createdAt: row.createdAt,
    mfaVerified: row.mfaVerifiedAt !== null,
    reauthenticatedAt: row.reauthenticatedAt,
    user: {
      id: row.user.id,
      email: row.user.email,
      name: row.user.name,
      role: row.user.role,
      locale: row.user.locale,
      emailVerified: row.user.emailVerifiedAt !== null,
      totpEnabled: row.user.totpEnabledAt !== null,
    },
  };
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Ends every session of a user, or every one but the current. Returns how many ended. */
export async function deleteUserSessions(db: Executor, userId: string, exceptIdHash?: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(exceptIdHash ? and(eq(sessions.userId, userId), ne(sessions.idHash, exceptIdHash)) : eq(sessions.userId, userId))
    .returning({ idHash: sessions.idHash });
  return rows.length;
}

/**
 * Re-authentication gets a new session id too (ASVS 7.2.4), so an id seen before the password
 * was typed again is worth nothing after. The session keeps its start and absolute expiry.
 * Returns the new raw id, or null when the session is gone.
 */
export async function rotateAfterReauthentication(db: Executor, idHash: string, now = new Date()): Promise<string | null> {
  const [old] = await db.delete(sessions).where(eq(sessions.idHash, idHash)).returning();
  if (!old) return null;
  const id = randomToken();
  await db.insert(sessions).values({ ...old, idHash: sha256(id), lastSeenAt: now, reauthenticatedAt: now });
  return id;
}

export const REAUTHENTICATION_WINDOW_MS = 10 * MINUTE;

export function isRecentlyAuthenticated(session: CurrentSession, now = new Date()): boolean {
  return session.reauthenticatedAt !== null && now.getTime() - session.reauthenticatedAt.getTime() <= REAUTHENTICATION_WINDOW_MS;
}

export interface ActiveSessionInfo {
  idHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** The sessions that would still let someone in (idle ones past their limit are left out). */
export async function listActiveSessions(db: Executor, userId: string, now = new Date()): Promise<ActiveSessionInfo[]> {
  const rows = await db
    .select({
      idHash: sessions.idHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      role: users.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.userId, userId), sql`${sessions.expiresAt} > ${now.toISOString()}::timestamptz`))
    .orderBy(desc(sessions.lastSeenAt));
  return rows
    .filter((row) => !hasExpired(row, row.role, now))
    .map(({ idHash, createdAt, lastSeenAt, ip, userAgent }) => ({ idHash, createdAt, lastSeenAt, ip, userAgent }));
}

/** Reads the raw session id from the request's cookie (null when absent or badly signed). */
export async function readSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 && value.length <= 100 ? value : null;
}

export async function sessionCookieHeader(rawId: string): Promise<string> {
  return sessionCookie().serialize(rawId);
}

export async function clearSessionCookieHeader(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0 });
}
