// Sign-in, server-side sessions and everything that ends them.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession, loadSession, MAX_SESSIONS_PER_USER, SESSION_LIMITS } from "~/auth/session.server";
import { auditEvents, sessions, users, type User } from "~/db/schema";
import { changePassword, requestPasswordReset, resetPassword } from "~/domain/accounts/passwords.server";
import { signIn } from "~/domain/accounts/sign-in.server";
import { disableUser, endSessions } from "~/domain/accounts/staff.server";
import * as accountPage from "~/routes/account._index";
import * as loginPage from "~/routes/login";
import * as logoutRoute from "~/routes/logout";
import * as resetPasswordPage from "~/routes/reset-password";
import { sha256 } from "~/utils/crypto.server";
import { cookieFor, cookieFromSetCookie, createUser, latestMail, PASSWORD, passwordHash, startSession, tokenInMail } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { at, DAY, HOUR, MINUTE, origin, T0 } from "../support/session-clock";
import { callAction, callLoader, outcome, thrownOutcome } from "../support/remix";

const t = useTestDatabase();

beforeAll(async () => {
  await passwordHash();
});

async function sessionRows(userId: string) {
  return t.db.select().from(sessions).where(eq(sessions.userId, userId));
}

async function auditOf(userId: string, action: string) {
  return t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, userId)));
}

function login(form: Record<string, string>, headers?: HeadersInit) {
  return callAction(loginPage.action, "/login", { db: t.db, form, headers });
}

describe("sign-in", () => {
  it("gives the identical answer for a wrong password and an unknown email", async () => {
    const user = await createUser(t.db);
    const wrongPassword = await signIn(t.db, { email: user.email, password: "not the password at all" }, origin);
    const unknownEmail = await signIn(t.db, { email: "nobody-here@example.org", password: PASSWORD }, origin);
    expect(wrongPassword).toEqual({ ok: false, reason: "invalidCredentials" });
    expect(unknownEmail).toEqual(wrongPassword);

    // The form echoes the email typed; everything else must match.
    const form = async (email: string, password: string) => {
      const reply = await outcome(await login({ email, password }));
      return { status: reply.status, data: JSON.parse(JSON.stringify(reply.data).replaceAll(email, "<typed email>")) as unknown };
    };
    const pageWrong = await form(user.email, "not the password at all");
    const pageUnknown = await form("nobody-here@example.org", PASSWORD);
    expect(pageWrong).toEqual(pageUnknown);
    expect(pageWrong.data).toMatchObject({ error: { "": ["errors.invalidCredentials"] } });
  });

  it("audits failures and successes with who, when, IP and browser, never the password", async () => {
    const user = await createUser(t.db);
    await signIn(t.db, { email: user.email, password: "a wrong guess here" }, origin);
    const result = await signIn(t.db, { email: user.email.toUpperCase(), password: PASSWORD }, origin);
    expect(result.ok).toBe(true);
    const [failure] = await auditOf(user.id, "auth.sign_in_failed");
    expect(failure).toMatchObject({ userId: user.id, ip: origin.ip, userAgent: origin.userAgent, data: { email: user.email } });
    expect(failure?.occurredAt).toBeInstanceOf(Date);
    const [success] = await auditOf(user.id, "auth.signed_in");
    expect(success).toMatchObject({ userId: user.id, ip: origin.ip });
    const everything = JSON.stringify(await t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id)));
    expect(everything).not.toContain("a wrong guess here");
    expect(everything).not.toContain(PASSWORD);
  });

  it("starts a new session with a fresh random id and ends the one the browser came with", async () => {
    const user = await createUser(t.db);
    const before = await createSession(t.db, { userId: user.id, role: user.role, mfaVerified: true, origin });
    const result = await signIn(t.db, { email: user.email, password: PASSWORD, previousSessionIdHash: sha256(before) }, origin);
    if (!result.ok) throw new Error("sign-in failed");
    expect(result.sessionId).not.toBe(before);
    // 256 random bits, base64url: well over the 128 bits ASVS asks for.
    expect(result.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await loadSession(t.db, before)).toBeNull();
    const rows = await sessionRows(user.id);
    expect(rows.map((r) => r.idHash)).toEqual([sha256(result.sessionId)]);
    // Only the hash is stored: a copy of the table gives no usable cookie.
    expect(JSON.stringify(rows)).not.toContain(result.sessionId);
  });

  it("through the form: replaces a half-finished session and sets a signed, HttpOnly, SameSite=Lax cookie", async () => {
    const user = await createUser(t.db);
    const earlier = await startSession(t.db, user, { mfaVerified: false });
    const reply = await outcome(await login({ email: user.email, password: PASSWORD }, { Cookie: earlier.cookie }));
    expect(reply.status).toBe(302);
    const setCookie = reply.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(cookieFromSetCookie(setCookie)).not.toBe(earlier.cookie);
    expect(await loadSession(t.db, earlier.sessionId)).toBeNull();
    expect(await sessionRows(user.id)).toHaveLength(1);
  });

  it("ignores a cookie whose signature does not match", async () => {
    const user = await createUser(t.db);
    const { cookie } = await startSession(t.db, user);
    const forged = cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const refused = await thrownOutcome(callLoader(accountPage.loader, "/account", { db: t.db, headers: { Cookie: forged } }));
    expect(refused.headers.get("Location")).toMatch(/^\/login/);
  });

  it("follows redirectTo only to a path on this site", async () => {
    const user = await createUser(t.db);
    const target = async (redirectTo: string) =>
      (await outcome(await login({ email: user.email, password: PASSWORD, redirectTo }))).headers.get("Location");
    expect(await target("https://evil.example/phish")).toBe("/dashboard");
    expect(await target("//evil.example")).toBe("/dashboard");
    expect(await target("/initiatives?axis=reform")).toBe("/initiatives?axis=reform");
  });
});

describe("sign-out", () => {
  it("deletes the session, so a copied cookie stops working", async () => {
    const user = await createUser(t.db);
    const { sessionId, cookie } = await startSession(t.db, user);
    const page = await callLoader(accountPage.loader, "/account", { db: t.db, headers: { Cookie: cookie } });
    expect(page.user.id).toBe(user.id);

    const reply = await outcome(await callAction(logoutRoute.action, "/logout", { db: t.db, headers: { Cookie: cookie }, form: {} }));
    expect(reply.status).toBe(302);
    expect(reply.headers.get("Location")).toBe("/");
    expect(reply.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);

    expect(await loadSession(t.db, sessionId)).toBeNull();
    const replayed = await thrownOutcome(callLoader(accountPage.loader, "/account", { db: t.db, headers: { Cookie: cookie } }));
    expect(replayed.status).toBe(302);
    expect(replayed.headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
    expect(await auditOf(user.id, "auth.signed_out")).toHaveLength(1);
  });

  it("happens only by POST: a link or image elsewhere cannot sign anyone out", async () => {
    const user = await createUser(t.db);
    const { sessionId, cookie } = await startSession(t.db, user);
    // The browser follows a link or loads an image: a GET with the session cookie.
    const refused = await thrownOutcome(callLoader(logoutRoute.loader as never, "/logout", { db: t.db, headers: { Cookie: cookie } }));
    expect(refused.status).toBe(405);
    expect(refused.headers.get("Allow")).toBe("POST");
    expect(refused.headers.get("Set-Cookie")).toBeNull();
    expect(await loadSession(t.db, sessionId)).not.toBeNull();
    // The same cookie on a POST does sign out: the GET was refused for its method, not for a bad cookie.
    const posted = await callAction(logoutRoute.action, "/logout", { db: t.db, headers: { Cookie: cookie } });
    expect((await outcome(posted)).status).toBe(302);
    expect(await loadSession(t.db, sessionId)).toBeNull();
  });
});

describe("session lifetime", () => {
  async function sessionAt(role: User["role"]) {
    const user = await createUser(t.db, { role });
    const id = await createSession(t.db, { userId: user.id, role, mfaVerified: true, origin, now: T0 });
    return { user, id };
  }

  it("ends a member's session after 7 idle days", async () => {
    expect(SESSION_LIMITS.member.idleMs).toBe(7 * DAY);
    const alive = await sessionAt("member");
    expect(await loadSession(t.db, alive.id, at(7 * DAY - MINUTE))).not.toBeNull();
    const idle = await sessionAt("member");
    expect(await loadSession(t.db, idle.id, at(7 * DAY + MINUTE))).toBeNull();
    // Expired sessions are deleted, not merely refused.
    expect(await sessionRows(idle.user.id)).toHaveLength(0);
  });

  it("ends a staff session after 30 idle minutes", async () => {
    expect(SESSION_LIMITS.staff.idleMs).toBe(30 * MINUTE);
    const alive = await sessionAt("secretariat");
    expect(await loadSession(t.db, alive.id, at(29 * MINUTE))).not.toBeNull();
    const idle = await sessionAt("admin");
    expect(await loadSession(t.db, idle.id, at(31 * MINUTE))).toBeNull();
  });

  it("keeps a session alive while it is used (sliding idle timeout)", async () => {
    const member = await sessionAt("member");
    for (const day of [6, 12, 18, 24]) expect(await loadSession(t.db, member.id, at(day * DAY)), `day ${day}`).not.toBeNull();
    const staff = await sessionAt("secretariat");
    for (const minutes of [25, 50, 75, 100]) expect(await loadSession(t.db, staff.id, at(minutes * MINUTE)), `${minutes} min`).not.toBeNull();
  });

  it("ends a member's session 30 days after sign-in, however active", async () => {
    const { id } = await sessionAt("member");
    for (let day = 6; day < 30; day += 6) expect(await loadSession(t.db, id, at(day * DAY))).not.toBeNull();
    expect(await loadSession(t.db, id, at(30 * DAY - MINUTE))).not.toBeNull();
    expect(await loadSession(t.db, id, at(30 * DAY))).toBeNull();
  });

  // A person made staff keeps the session they had as a member: its expiry was set with the
  // member's 30 days, so the staff limits must come from the role now, not from the row.
  it("holds a session started as a member to the staff limits once the person is staff", async () => {
    const promote = async (userId: string) => t.db.update(users).set({ role: "secretariat" }).where(eq(users.id, userId));
    const active = await sessionAt("member");
    await promote(active.user.id);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      expect(await loadSession(t.db, active.id, at(minutes * MINUTE)), `${minutes} min`).not.toBeNull();
    }
    expect(await loadSession(t.db, active.id, at(12 * HOUR))).toBeNull();
    const idle = await sessionAt("member");
    await promote(idle.user.id);
    expect(await loadSession(t.db, idle.id, at(31 * MINUTE))).toBeNull();
  });

  it("ends a staff session 12 hours after sign-in, however active", async () => {
    const { id } = await sessionAt("admin");
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      expect(await loadSession(t.db, id, at(minutes * MINUTE)), `${minutes} min`).not.toBeNull();
    }
    expect(await loadSession(t.db, id, at(12 * HOUR))).toBeNull();
  });
});

describe("sessions per account", () => {
  it("are capped at 20: a new sign-in ends the oldest, in the same transaction", async () => {
    expect(MAX_SESSIONS_PER_USER).toBe(20);
    const user = await createUser(t.db);
    const start = Date.now() - 60 * MINUTE;
    const opened = [];
    for (let i = 0; i < MAX_SESSIONS_PER_USER; i++) opened.push(await startSession(t.db, user, { now: new Date(start + i * MINUTE) }));
    expect(await sessionRows(user.id)).toHaveLength(MAX_SESSIONS_PER_USER);

    const result = await signIn(t.db, { email: user.email, password: PASSWORD }, origin);
    if (!result.ok) throw new Error("sign-in refused");
    expect(await sessionRows(user.id)).toHaveLength(MAX_SESSIONS_PER_USER);
    expect(await loadSession(t.db, opened[0]?.sessionId ?? "")).toBeNull();
    expect(await loadSession(t.db, opened[1]?.sessionId ?? "")).not.toBeNull();
    expect(await loadSession(t.db, result.sessionId)).not.toBeNull();
  });

  it("of other accounts are left alone", async () => {
    const crowded = await createUser(t.db);
    const bystander = await createUser(t.db);
    const kept = await startSession(t.db, bystander, { now: new Date(Date.now() - DAY) });
    for (let i = 0; i <= MAX_SESSIONS_PER_USER; i++) await startSession(t.db, crowded);
    expect(await sessionRows(crowded.id)).toHaveLength(MAX_SESSIONS_PER_USER);
    expect(await loadSession(t.db, kept.sessionId)).not.toBeNull();
  });
});

describe("ending sessions", () => {
  it("disabling a user ends all their sessions at once, and they cannot sign in again", async () => {
    const user = await createUser(t.db);
    const phone = await startSession(t.db, user);
    const laptop = await startSession(t.db, user);
    await disableUser(t.db, { email: user.email }, null, origin);
    expect(await sessionRows(user.id)).toHaveLength(0);
    expect(await loadSession(t.db, phone.sessionId)).toBeNull();
    expect(await loadSession(t.db, laptop.sessionId)).toBeNull();
    expect(await signIn(t.db, { email: user.email, password: PASSWORD }, origin)).toEqual({ ok: false, reason: "invalidCredentials" });
    const [audit] = await auditOf(user.id, "user.disabled");
    expect(audit?.data).toMatchObject({ ended: 2 });
  });

  it("an operator can end one person's sessions, or everyone's", async () => {
    const lost = await createUser(t.db);
    const bystander = await createUser(t.db);
    const lostSessions = [await startSession(t.db, lost), await startSession(t.db, lost)];
    const bystanderSession = await startSession(t.db, bystander);
    expect(await endSessions(t.db, { email: lost.email.toUpperCase() })).toEqual({ ok: true, ended: 2 });
    for (const s of lostSessions) expect(await loadSession(t.db, s.sessionId)).toBeNull();
    expect(await loadSession(t.db, bystanderSession.sessionId)).not.toBeNull();
    expect(await auditOf(lost.id, "session.revoked_by_operator")).toHaveLength(1);

    expect(await endSessions(t.db, "everyone")).toMatchObject({ ok: true, ended: expect.any(Number) });
    expect(await loadSession(t.db, bystanderSession.sessionId)).toBeNull();
    expect(await t.db.select().from(sessions)).toEqual([]);
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, "session.revoked_everyone"))).toHaveLength(1);
  });

  it("a password change ends every other session and keeps this one", async () => {
    const user = await createUser(t.db);
    const here = await startSession(t.db, user);
    const elsewhere = await startSession(t.db, user);
    const current = await loadSession(t.db, here.sessionId);
    if (!current) throw new Error("no session");
    expect(await changePassword(t.db, current, { currentPassword: PASSWORD, password: "a brand new passphrase" }, origin)).toEqual({ ok: true });
    expect(await loadSession(t.db, elsewhere.sessionId)).toBeNull();
    expect(await loadSession(t.db, here.sessionId)).not.toBeNull();
    expect((await latestMail(t.db, user.email, "passwordChanged")).status).toBe("pending");
    expect(await signIn(t.db, { email: user.email, password: PASSWORD }, origin)).toEqual({ ok: false, reason: "invalidCredentials" });
  });

  it("a password reset ends every session, including the browser that made it", async () => {
    const user = await createUser(t.db);
    const first = await startSession(t.db, user);
    const second = await startSession(t.db, user);
    await requestPasswordReset(t.db, user.email, origin, "https://portal.example");
    const token = tokenInMail((await latestMail(t.db, user.email, "resetPassword")).textBody, "/reset-password");

    const reply = await outcome(
      await callAction(resetPasswordPage.action, "/reset-password", {
        db: t.db,
        headers: { Cookie: first.cookie },
        form: { token, password: "a freshly chosen passphrase", confirmPassword: "a freshly chosen passphrase" },
      }),
    );
    expect(reply.data).toMatchObject({ done: true });
    expect(reply.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(await sessionRows(user.id)).toHaveLength(0);
    expect(await loadSession(t.db, second.sessionId)).toBeNull();
    // The user is told, and the old password is gone.
    expect((await latestMail(t.db, user.email, "passwordChanged")).status).toBe("pending");
    expect(await signIn(t.db, { email: user.email, password: PASSWORD }, origin)).toEqual({ ok: false, reason: "invalidCredentials" });
    expect((await signIn(t.db, { email: user.email, password: "a freshly chosen passphrase" }, origin)).ok).toBe(true);
    // The link was single-use.
    expect(await resetPassword(t.db, token, "yet another passphrase", origin)).toEqual({ ok: false, reason: "invalidToken" });
  });

  it("a reset link survives a refused password, so the user can try another", async () => {
    const user = await createUser(t.db);
    await requestPasswordReset(t.db, user.email, origin, "https://portal.example");
    const token = tokenInMail((await latestMail(t.db, user.email, "resetPassword")).textBody, "/reset-password");
    expect(await resetPassword(t.db, token, "1qaz2wsx3edc", origin)).toEqual({ ok: false, reason: "weakPassword", problem: "common" });
    expect(await resetPassword(t.db, token, "an acceptable passphrase", origin)).toMatchObject({ ok: true });
  });

  it("a cookie copied before a reset is refused afterwards", async () => {
    const user = await createUser(t.db);
    const { cookie } = await startSession(t.db, user);
    await requestPasswordReset(t.db, user.email, origin, "https://portal.example");
    const token = tokenInMail((await latestMail(t.db, user.email, "resetPassword")).textBody, "/reset-password");
    await resetPassword(t.db, token, "a freshly chosen passphrase", origin);
    const refused = await thrownOutcome(callLoader(accountPage.loader, "/account", { db: t.db, headers: { Cookie: cookie } }));
    expect(refused.headers.get("Location")).toMatch(/^\/login/);
    const [row] = await t.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, user.id));
    expect(row?.n).toBe(0);
  });

  it("a cookie for a session id that never existed gets the visitor nowhere", async () => {
    const refused = await thrownOutcome(
      callLoader(accountPage.loader, "/account", { db: t.db, headers: { Cookie: await cookieFor("a".repeat(43)) } }),
    );
    expect(refused.headers.get("Location")).toMatch(/^\/login/);
  });
});
