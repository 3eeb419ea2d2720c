// Accounts and sessions made straight in the database, so a test can start from "signed in as
// X" without going through the sign-in form every time (sign-in has tests of its own).
import crypto from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { hashPassword } from "~/auth/password.server";
import { createSession, sessionCookieHeader } from "~/auth/session.server";
import type { Executor } from "~/db/client.server";
import { mailOutbox, users, type Locale, type User, type UserRole } from "~/db/schema";

/** Every account made here has this password. */
export const PASSWORD = "correct horse battery staple";

// argon2id costs tens of milliseconds: hash once per test file.
let knownHash: Promise<string> | undefined;
export const passwordHash = () => (knownHash ??= hashPassword(PASSWORD));

export interface NewUser {
  email?: string;
  name?: string;
  role?: UserRole;
  locale?: Locale;
  /** Default true. */
  verified?: boolean;
}

export async function createUser(db: Executor, options: NewUser = {}): Promise<User> {
  const suffix = crypto.randomBytes(4).toString("hex");
  const [user] = await db
    .insert(users)
    .values({
      email: options.email ?? `user-${suffix}@example.org`,
      name: options.name ?? `Test User ${suffix}`,
      passwordHash: await passwordHash(),
      role: options.role ?? "member",
      locale: options.locale ?? "en",
      emailVerifiedAt: options.verified === false ? null : new Date(),
    })
    .returning();
  if (!user) throw new Error("user insert returned nothing");
  return user;
}

export interface StartedSession {
  /** The raw id, as the cookie carries it. */
  sessionId: string;
  /** The value for a Cookie request header. */
  cookie: string;
}

export async function startSession(
  db: Executor,
  user: Pick<User, "id" | "role">,
  options: { mfaVerified?: boolean; now?: Date; ip?: string; userAgent?: string } = {},
): Promise<StartedSession> {
  const sessionId = await createSession(db, {
    userId: user.id,
    role: user.role,
    mfaVerified: options.mfaVerified ?? true,
    origin: { ip: options.ip ?? "192.0.2.10", userAgent: options.userAgent ?? "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0" },
    now: options.now,
  });
  return { sessionId, cookie: await cookieFor(sessionId) };
}

/** The Cookie header a browser would send back after receiving this session id. */
export async function cookieFor(sessionId: string): Promise<string> {
  return cookieFromSetCookie(await sessionCookieHeader(sessionId));
}

/** "session=abc; Path=/; HttpOnly" → "session=abc" */
export function cookieFromSetCookie(setCookie: string): string {
  const pair = setCookie.split(";")[0];
  if (!pair) throw new Error(`not a Set-Cookie value: ${setCookie}`);
  return pair;
}

/** The newest email queued for an address and template. */
export async function latestMail(db: Executor, to: string, template: string) {
  const [row] = await db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.toAddress, to), eq(mailOutbox.template, template)))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  if (!row) throw new Error(`no ${template} email to ${to}`);
  return row;
}

/** The token of the link in an email's plain-text body, as the reader would click it. */
export function tokenInMail(textBody: string, path: "/verify-email" | "/reset-password"): string {
  const match = textBody.match(new RegExp(`https?://\\S+${path}\\?token=(\\S+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in:\n${textBody}`);
  return decodeURIComponent(match[1]);
}

function base32Decode(input: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of input.replace(/=+$/, "").toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/**
 * The code an authenticator app shows for `secret` (RFC 6238: SHA-1, 6 digits, 30 s), computed
 * here independently of the app's own TOTP code. `step` shifts by whole periods (-1 = the
 * previous code), which the app accepts for clock drift.
 */
export function authenticatorCode(secret: string, step = 0, at = Date.now()): string {
  const counter = Math.floor(at / 30_000) + step;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = crypto.createHmac("sha1", base32Decode(secret)).update(message).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, "0");
}
