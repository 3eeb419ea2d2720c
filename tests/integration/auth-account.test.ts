// The account page: re-authentication before sensitive changes, the list of active
// sessions, and ending them.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { requireStaff } from "~/auth/permissions.server";
import { loadSession, REAUTHENTICATION_WINDOW_MS } from "~/auth/session.server";
import { auditEvents, sessions, users } from "~/db/schema";
import * as accountPage from "~/routes/account._index";
import * as confirmPage from "~/routes/account.confirm";
import * as passwordPage from "~/routes/account.password";
import * as twoFactorPage from "~/routes/account.two-factor";
import { sha256 } from "~/utils/crypto.server";
import { cookieFromSetCookie, createUser, PASSWORD, passwordHash, startSession } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { callAction, callLoader, outcome, routeArgs, thrownOutcome } from "../support/remix";

const t = useTestDatabase();
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const ago = (ms: number) => new Date(Date.now() - ms);

beforeAll(async () => {
  await passwordHash();
});

/** A member whose last password entry (sign-in or confirmation) was `minutes` ago. */
async function memberWhoTypedPassword(minutes: number) {
  const user = await createUser(t.db);
  return { user, ...(await startSession(t.db, user, { now: ago(minutes * MINUTE) })) };
}

describe("re-authentication", () => {
  it("is asked for on the password and two-factor pages when the password was typed over 10 minutes ago", async () => {
    expect(REAUTHENTICATION_WINDOW_MS).toBe(10 * MINUTE);
    const { cookie } = await memberWhoTypedPassword(11);
    const headers = { Cookie: cookie };
    const password = await thrownOutcome(callLoader(passwordPage.loader, "/account/password", { db: t.db, headers }));
    expect(password.status).toBe(302);
    expect(password.headers.get("Location")).toBe("/account/confirm?redirectTo=%2Faccount%2Fpassword");
    const twoFactor = await thrownOutcome(callLoader(twoFactorPage.loader, "/account/two-factor", { db: t.db, headers }));
    expect(twoFactor.headers.get("Location")).toBe("/account/confirm?redirectTo=%2Faccount%2Ftwo-factor");
    // The form posts are guarded the same way, not only the pages.
    const post = await thrownOutcome(
      callAction(passwordPage.action, "/account/password", {
        db: t.db,
        headers,
        form: { currentPassword: PASSWORD, password: "a new passphrase here", confirmPassword: "a new passphrase here" },
      }),
    );
    expect(post.headers.get("Location")).toBe("/account/confirm?redirectTo=%2Faccount%2Fpassword");
  });

  it("guards every two-factor form post, not only the page: nothing starts, confirms or turns off", async () => {
    const { user, cookie } = await memberWhoTypedPassword(11);
    const post = (form: Record<string, string>) => thrownOutcome(callAction(twoFactorPage.action, "/account/two-factor", { db: t.db, headers: { Cookie: cookie }, form }));
    const forms: Record<string, string>[] = [{ intent: "start" }, { intent: "confirm", code: "123456" }, { intent: "disable", password: PASSWORD, code: "123456" }];
    for (const form of forms) {
      const refused = await post(form);
      expect(refused.status, form.intent).toBe(302);
      expect(refused.headers.get("Location"), form.intent).toBe("/account/confirm?redirectTo=%2Faccount%2Ftwo-factor");
    }
    const [after] = await t.db.select({ totpSecret: users.totpSecret }).from(users).where(eq(users.id, user.id));
    expect(after?.totpSecret).toBeNull();
    // Within the ten minutes, the same "start" goes through.
    const recent = await memberWhoTypedPassword(2);
    const started = await outcome(await callAction(twoFactorPage.action, "/account/two-factor", { db: t.db, headers: { Cookie: recent.cookie }, form: { intent: "start" } }));
    expect(started.headers.get("Location")).toBe("/account/two-factor");
    const [begun] = await t.db.select({ totpSecret: users.totpSecret }).from(users).where(eq(users.id, recent.user.id));
    expect(begun?.totpSecret).toBeTruthy();
  });

  it("is not asked for within 10 minutes of typing the password", async () => {
    const { cookie } = await memberWhoTypedPassword(9);
    expect(await callLoader(passwordPage.loader, "/account/password", { db: t.db, headers: { Cookie: cookie } })).toHaveProperty("title");
  });

  it("takes the current password, is audited, and goes back where the user was going", async () => {
    const { user, sessionId, cookie } = await memberWhoTypedPassword(30);
    const headers = { Cookie: cookie };
    const confirm = (password: string, redirectTo = "/account/password") =>
      callAction(confirmPage.action, "/account/confirm", { db: t.db, headers, form: { password, redirectTo } });

    expect(await outcome(await confirm("not my password"))).toMatchObject({ status: 200, data: { error: { "": ["errors.passwordWrong"] } } });
    const reply = await outcome(await confirm(PASSWORD));
    expect(reply.headers.get("Location")).toBe("/account/password");
    // A new session id after re-authentication; the old one is worth nothing.
    const renewed = cookieFromSetCookie(reply.headers.get("Set-Cookie") ?? "");
    expect(renewed).not.toBe(cookie);
    expect(await loadSession(t.db, sessionId)).toBeNull();
    const after = { Cookie: renewed };
    expect(await callLoader(passwordPage.loader, "/account/password", { db: t.db, headers: after })).toHaveProperty("title");
    expect(await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.reauthenticated"), eq(auditEvents.subjectId, user.id)))).toHaveLength(1);

    const elsewhere = await outcome(
      await callAction(confirmPage.action, "/account/confirm", { db: t.db, headers: after, form: { password: PASSWORD, redirectTo: "https://evil.example/" } }),
    );
    expect(elsewhere.headers.get("Location")).toBe("/account");
  });

  it("keeps the session's start, so typing the password again does not stretch its absolute lifetime", async () => {
    const { sessionId, cookie } = await memberWhoTypedPassword(30);
    const before = await loadSession(t.db, sessionId);
    const reply = await outcome(await callAction(confirmPage.action, "/account/confirm", { db: t.db, headers: { Cookie: cookie }, form: { password: PASSWORD } }));
    const renewed = cookieFromSetCookie(reply.headers.get("Set-Cookie") ?? "");
    const page = await callLoader(accountPage.loader, "/account", { db: t.db, headers: { Cookie: renewed } });
    const current = page.sessions.find((s) => s.idHash === page.currentSessionId);
    expect(current?.createdAt.getTime()).toBe(before?.createdAt.getTime());
  });

  it("still wants the current password on the change form, even right after sign-in", async () => {
    const { user, cookie } = await memberWhoTypedPassword(0);
    const other = await startSession(t.db, user);
    const change = (form: Record<string, string>) => callAction(passwordPage.action, "/account/password", { db: t.db, headers: { Cookie: cookie }, form });
    const missing = await outcome(await change({ password: "my next long passphrase", confirmPassword: "my next long passphrase" }));
    expect(missing.data).toMatchObject({ error: { currentPassword: ["errors.required"] } });
    const wrong = await outcome(await change({ currentPassword: "a guess at it", password: "my next long passphrase", confirmPassword: "my next long passphrase" }));
    expect(wrong.data).toMatchObject({ error: { currentPassword: ["errors.passwordWrong"] } });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toBe(await passwordHash());
    expect(await loadSession(t.db, other.sessionId)).not.toBeNull();
  });

  it("then lets the password change go through, ending the other sessions", async () => {
    const { user, cookie, sessionId } = await memberWhoTypedPassword(1);
    const other = await startSession(t.db, user);
    const reply = await outcome(
      await callAction(passwordPage.action, "/account/password", {
        db: t.db,
        headers: { Cookie: cookie },
        form: { currentPassword: PASSWORD, password: "my next long passphrase", confirmPassword: "my next long passphrase" },
      }),
    );
    expect(reply.headers.get("Location")).toBe("/account?notice=passwordChanged");
    expect(await loadSession(t.db, sessionId)).not.toBeNull();
    expect(await loadSession(t.db, other.sessionId)).toBeNull();
  });
});

describe("active sessions", () => {
  it("are listed with device, IP and last use; sessions that expired while idle are not", async () => {
    const user = await createUser(t.db);
    const here = await startSession(t.db, user, { ip: "198.51.100.1", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36" });
    const phone = await startSession(t.db, user, { ip: "198.51.100.2", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Mobile/15E148 Safari/604.1" });
    const forgotten = await startSession(t.db, user, { now: ago(8 * DAY) });
    // The forgotten session is still in the table: the list leaves it out because it expired.
    expect(await t.db.select().from(sessions).where(eq(sessions.idHash, sha256(forgotten.sessionId)))).toHaveLength(1);
    const page = await callLoader(accountPage.loader, "/account", { db: t.db, headers: { Cookie: here.cookie } });
    expect(page.currentSessionId).toBe(sha256(here.sessionId));
    expect(page.sessions.map((s) => s.idHash).sort()).toEqual([sha256(here.sessionId), sha256(phone.sessionId)].sort());
    const listed = page.sessions.find((s) => s.idHash === sha256(phone.sessionId));
    expect(listed).toMatchObject({ ip: "198.51.100.2" });
    expect(listed?.lastSeenAt).toBeInstanceOf(Date);
    expect(listed?.device.os).toBeTruthy();
    expect(page.sessions.map((s) => s.idHash)).not.toContain(sha256(forgotten.sessionId));
  });

  it("can be ended one at a time or all but this one, after the password was typed again", async () => {
    const { user, cookie, sessionId } = await memberWhoTypedPassword(2);
    const headers = { Cookie: cookie };
    const a = await startSession(t.db, user);
    const b = await startSession(t.db, user);
    const c = await startSession(t.db, user);

    const one = await outcome(await callAction(accountPage.action, "/account", { db: t.db, headers, form: { intent: "revoke", sessionId: sha256(a.sessionId) } }));
    expect(one.headers.get("Location")).toBe("/account?notice=sessionsEnded");
    expect(await loadSession(t.db, a.sessionId)).toBeNull();
    expect(await loadSession(t.db, b.sessionId)).not.toBeNull();

    await callAction(accountPage.action, "/account", { db: t.db, headers, form: { intent: "revoke-others" } });
    expect(await loadSession(t.db, b.sessionId)).toBeNull();
    expect(await loadSession(t.db, c.sessionId)).toBeNull();
    expect(await loadSession(t.db, sessionId)).not.toBeNull();
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id));
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(["session.revoked", "session.revoked_others"]));
  });

  it("cannot be ended without the password typed in the last 10 minutes", async () => {
    const { user, cookie } = await memberWhoTypedPassword(45);
    const other = await startSession(t.db, user);
    const refused = await thrownOutcome(callAction(accountPage.action, "/account", { db: t.db, headers: { Cookie: cookie }, form: { intent: "revoke-others" } }));
    expect(refused.headers.get("Location")).toBe("/account/confirm?redirectTo=%2Faccount");
    expect(await loadSession(t.db, other.sessionId)).not.toBeNull();
  });

  it("of someone else cannot be ended, even knowing the session's hash", async () => {
    const victim = await createUser(t.db);
    const victimSession = await startSession(t.db, victim);
    const { cookie } = await memberWhoTypedPassword(1);
    await callAction(accountPage.action, "/account", { db: t.db, headers: { Cookie: cookie }, form: { intent: "revoke", sessionId: sha256(victimSession.sessionId) } });
    expect(await loadSession(t.db, victimSession.sessionId)).not.toBeNull();
  });
});

describe("the profile form", () => {
  it("changes only the name and language, whatever else is posted", async () => {
    const user = await createUser(t.db, { verified: true });
    const { cookie } = await startSession(t.db, user);
    const reply = await outcome(
      await callAction(accountPage.action, "/account", {
        db: t.db,
        headers: { Cookie: cookie },
        form: { intent: "profile", name: "New Name", locale: "fr", role: "admin", email: "someone-else@example.org", emailVerifiedAt: "", disabledAt: "" },
      }),
    );
    expect(reply.headers.get("Location")).toBe("/account?notice=profileSaved");
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ name: "New Name", locale: "fr", role: "member", email: user.email, disabledAt: null });
    expect(row?.emailVerifiedAt).toBeInstanceOf(Date);
  });
});

describe("with STAFF_MFA unset outside production", () => {
  it("lets staff work without two-factor (local testing)", async () => {
    const user = await createUser(t.db, { role: "secretariat" });
    const { cookie } = await startSession(t.db, user);
    expect(await requireStaff(routeArgs("/secretariat", { db: t.db, headers: { Cookie: cookie } }))).toMatchObject({ id: user.id });
  });
});
