// Two-factor authentication with an authenticator app (TOTP) and recovery codes. Codes are
// computed here by the test's own RFC 6238 implementation, as a phone would.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS, RateLimitedError } from "~/auth/rate-limit.server";
import { loadSession, type CurrentSession } from "~/auth/session.server";
import { decryptSecret, RECOVERY_CODE_COUNT } from "~/auth/totp.server";
import { auditEvents, mailOutbox, recoveryCodes, users, type User } from "~/db/schema";
import { requestPasswordReset, resetPassword } from "~/domain/accounts/passwords.server";
import { completeSecondFactor, signIn } from "~/domain/accounts/sign-in.server";
import { resetTwoFactorByOperator } from "~/domain/accounts/staff.server";
import { beginTwoFactorSetup, confirmTwoFactorSetup, disableTwoFactor } from "~/domain/accounts/two-factor.server";
import * as accountPage from "~/routes/account._index";
import * as twoFactorPage from "~/routes/account.two-factor";
import * as loginPage from "~/routes/login";
import * as twoFactorLoginPage from "~/routes/login_.two-factor";
import { authenticatorCode, cookieFor, createUser, latestMail, PASSWORD, passwordHash, startSession, tokenInMail } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { callAction, callLoader, outcome, thrownOutcome } from "../support/remix";

const t = useTestDatabase();
const origin = { ip: "203.0.113.20", userAgent: "vitest" };

beforeAll(async () => {
  await passwordHash();
});

async function sessionOf(rawId: string): Promise<CurrentSession> {
  const session = await loadSession(t.db, rawId);
  if (!session) throw new Error("no live session");
  return session;
}

/** A code the authenticator shows at none of the moments the server accepts. */
function wrongCode(secret: string): string {
  const accepted = new Set([-1, 0, 1].map((step) => authenticatorCode(secret, step)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!accepted.has(candidate)) return candidate;
  }
}

/** A member with two-factor on, set up the way the account page does it. Uses the previous code, leaving the current one unspent. */
async function memberWithTwoFactor(): Promise<{ user: User; secret: string; codes: string[] }> {
  const user = await createUser(t.db);
  const { sessionId } = await startSession(t.db, user);
  const setup = await beginTwoFactorSetup(t.db, user.id);
  if (!setup.ok) throw new Error("setup did not start");
  const confirmed = await confirmTwoFactorSetup(t.db, await sessionOf(sessionId), authenticatorCode(setup.secret, -1), origin);
  if (!confirmed.ok) throw new Error("setup was not confirmed");
  return { user, secret: setup.secret, codes: confirmed.recoveryCodes };
}

/** The password step of sign-in, leaving a session that still owes its second factor. */
async function passwordStep(user: User) {
  const result = await signIn(t.db, { email: user.email, password: PASSWORD }, origin);
  if (!result.ok) throw new Error("password refused");
  expect(result.needsSecondFactor).toBe(true);
  return { sessionId: result.sessionId, session: await sessionOf(result.sessionId), cookie: await cookieFor(result.sessionId) };
}

describe("two-factor setup", () => {
  it("keeps the secret encrypted at rest and turns on only after a right code", async () => {
    const user = await createUser(t.db);
    const { sessionId } = await startSession(t.db, user);
    const setup = await beginTwoFactorSetup(t.db, user.id);
    if (!setup.ok) throw new Error("setup did not start");
    // 160 bits, base32, as authenticator apps expect; the QR code is drawn on our server.
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Alliance%20Partner%20Portal:.+\?secret=[A-Z2-7]{32}&/);
    expect(setup.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);

    const [stored] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(stored?.totpSecret).toBeTruthy();
    expect(stored?.totpSecret).not.toContain(setup.secret);
    expect(decryptSecret(stored?.totpSecret ?? "")).toBe(setup.secret);
    expect(stored?.totpEnabledAt).toBeNull();

    const session = await sessionOf(sessionId);
    expect(await confirmTwoFactorSetup(t.db, session, wrongCode(setup.secret), origin)).toEqual({ ok: false, reason: "wrongCode" });
    const confirmed = await confirmTwoFactorSetup(t.db, session, authenticatorCode(setup.secret), origin);
    if (!confirmed.ok) throw new Error("setup was not confirmed");
    const codes = confirmed.recoveryCodes;
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);

    const [enabled] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(enabled?.totpEnabledAt).toBeInstanceOf(Date);
    expect(await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.two_factor_enabled"), eq(auditEvents.subjectId, user.id)))).toHaveLength(1);
    expect((await latestMail(t.db, user.email, "twoFactorChanged")).status).toBe("pending");
  });

  it("stores recovery codes only as salted argon2id hashes (they carry under 112 bits)", async () => {
    const { user, codes } = await memberWithTwoFactor();
    const rows = await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(rows).toHaveLength(RECOVERY_CODE_COUNT);
    const stored = JSON.stringify(rows);
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace("-", ""));
    }
    for (const row of rows) expect(row.codeHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(new Set(rows.map((r) => r.codeHash.split("$")[4])).size).toBe(RECOVERY_CODE_COUNT);
  });
});

describe("signing in with two-factor", () => {
  it("asks for the code after the password, and the half-signed-in session opens nothing else", async () => {
    const { user } = await memberWithTwoFactor();
    const reply = await outcome(await callAction(loginPage.action, "/login", { db: t.db, form: { email: user.email, password: PASSWORD } }));
    expect(reply.headers.get("Location")).toBe("/login/two-factor?redirectTo=%2Fdashboard");
    const cookie = (reply.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";

    const refused = await thrownOutcome(callLoader(accountPage.loader, "/account", { db: t.db, headers: { Cookie: cookie } }));
    expect(refused.headers.get("Location")).toBe("/login/two-factor");
    expect(await callLoader(twoFactorLoginPage.loader, "/login/two-factor", { db: t.db, headers: { Cookie: cookie } })).toHaveProperty("title");
  });

  it("replaces the half-signed-in session with a new one on a right code", async () => {
    const { user, secret } = await memberWithTwoFactor();
    const pending = await passwordStep(user);
    expect(pending.session.mfaVerified).toBe(false);
    const result = await completeSecondFactor(t.db, pending.session, authenticatorCode(secret), origin);
    if (!result.ok) throw new Error("code refused");
    expect(result.sessionId).not.toBe(pending.sessionId);
    expect(result.usedRecoveryCode).toBe(false);
    expect(await loadSession(t.db, pending.sessionId)).toBeNull();
    expect((await sessionOf(result.sessionId)).mfaVerified).toBe(true);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.signed_in"), eq(auditEvents.subjectId, user.id)));
    expect(audit?.data).toEqual({ secondFactor: "totp" });
  });

  it("refuses a wrong code, keeps the session half-signed-in, and audits the failure", async () => {
    const { user, secret } = await memberWithTwoFactor();
    const pending = await passwordStep(user);
    expect(await completeSecondFactor(t.db, pending.session, wrongCode(secret), origin)).toEqual({ ok: false, reason: "wrongCode" });
    expect((await sessionOf(pending.sessionId)).mfaVerified).toBe(false);
    expect(
      await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.second_factor_failed"), eq(auditEvents.subjectId, user.id))),
    ).toHaveLength(1);
  });

  it("accepts each authenticator code only once, even within its 30 seconds", async () => {
    const { user, secret } = await memberWithTwoFactor();
    const code = authenticatorCode(secret);
    const first = await passwordStep(user);
    expect((await completeSecondFactor(t.db, first.session, code, origin)).ok).toBe(true);
    const replay = await passwordStep(user);
    expect(await completeSecondFactor(t.db, replay.session, code, origin)).toEqual({ ok: false, reason: "wrongCode" });
    // The next code the app shows still works.
    expect((await completeSecondFactor(t.db, replay.session, authenticatorCode(secret, 1), origin)).ok).toBe(true);
  });

  it("accepts each recovery code once, however it is typed", async () => {
    const { user, codes } = await memberWithTwoFactor();
    const [firstCode = "", secondCode = ""] = codes;
    const first = await passwordStep(user);
    expect(await completeSecondFactor(t.db, first.session, firstCode, origin)).toMatchObject({ ok: true, usedRecoveryCode: true });
    const again = await passwordStep(user);
    expect(await completeSecondFactor(t.db, again.session, firstCode, origin)).toEqual({ ok: false, reason: "wrongCode" });
    expect(await completeSecondFactor(t.db, again.session, ` ${secondCode.replace("-", "").toUpperCase()} `, origin)).toMatchObject({ ok: true });
    const [row] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.signed_in"), eq(auditEvents.subjectId, user.id)));
    expect(row?.data).toEqual({ secondFactor: "recovery_code" });
  });

  it("after 10 wrong codes in 15 minutes, refuses even the right one", async () => {
    const { user, secret } = await memberWithTwoFactor();
    const pending = await passwordStep(user);
    for (let i = 0; i < RATE_LIMITS.twoFactorFailuresPerUser.limit; i++) {
      expect(await completeSecondFactor(t.db, pending.session, wrongCode(secret), origin)).toEqual({ ok: false, reason: "wrongCode" });
    }
    await expect(completeSecondFactor(t.db, pending.session, authenticatorCode(secret), origin)).rejects.toBeInstanceOf(RateLimitedError);
    const page = await thrownOutcome(
      callAction(twoFactorLoginPage.action, "/login/two-factor", { db: t.db, headers: { Cookie: pending.cookie }, form: { code: authenticatorCode(secret, 1) } }),
    );
    expect(page.status).toBe(429);
    expect(Number(page.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("through the page: a right code sets a new session cookie and follows a same-site redirectTo", async () => {
    const { user, secret } = await memberWithTwoFactor();
    const pending = await passwordStep(user);
    const reply = await outcome(
      await callAction(twoFactorLoginPage.action, "/login/two-factor?redirectTo=%2Finitiatives", {
        db: t.db,
        headers: { Cookie: pending.cookie },
        form: { code: authenticatorCode(secret) },
      }),
    );
    expect(reply.status).toBe(302);
    expect(reply.headers.get("Location")).toBe("/initiatives");
    const cookie = (reply.headers.get("Set-Cookie") ?? "").split(";")[0];
    expect(cookie).not.toBe(pending.cookie);
    const page = await callLoader(accountPage.loader, "/account", { db: t.db, headers: { Cookie: cookie ?? "" } });
    expect(page.user.totpEnabled).toBe(true);
  });

  it("still asks for the code after a password reset: a reset does not bypass two-factor", async () => {
    const { user } = await memberWithTwoFactor();
    await requestPasswordReset(t.db, user.email, origin, "https://portal.example");
    const token = tokenInMail((await latestMail(t.db, user.email, "resetPassword")).textBody, "/reset-password");
    expect(await resetPassword(t.db, token, "a new and long passphrase", origin)).toMatchObject({ ok: true });
    const result = await signIn(t.db, { email: user.email, password: "a new and long passphrase" }, origin);
    expect(result).toMatchObject({ ok: true, needsSecondFactor: true });
  });
});

describe("turning two-factor off", () => {
  it("needs the password and a current code, then removes the secret and recovery codes", async () => {
    const { user, secret } = await memberWithTwoFactor();
    const { sessionId } = await startSession(t.db, user);
    const session = await sessionOf(sessionId);
    expect(await disableTwoFactor(t.db, session, { password: "not my password", code: authenticatorCode(secret) }, origin)).toEqual({ ok: false, reason: "wrongPassword" });
    expect(await disableTwoFactor(t.db, session, { password: PASSWORD, code: wrongCode(secret) }, origin)).toEqual({ ok: false, reason: "wrongCode" });
    const [still] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(still?.totpEnabledAt).toBeInstanceOf(Date);

    expect(await disableTwoFactor(t.db, session, { password: PASSWORD, code: authenticatorCode(secret) }, origin)).toEqual({ ok: true });
    const [off] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(off).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
    expect(await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.two_factor_disabled"), eq(auditEvents.subjectId, user.id)))).toHaveLength(1);
    const result = await signIn(t.db, { email: user.email, password: PASSWORD }, origin);
    expect(result).toMatchObject({ ok: true, needsSecondFactor: false });
  });

  it("accepts a recovery code in place of the authenticator", async () => {
    const { user, codes } = await memberWithTwoFactor();
    const { sessionId } = await startSession(t.db, user);
    expect(await disableTwoFactor(t.db, await sessionOf(sessionId), { password: PASSWORD, code: codes[3] ?? "" }, origin)).toEqual({ ok: true });
  });
});

describe("the disable form's checks (the same limits and audit trail as sign-in)", () => {
  const disableForm = (cookie: string, password: string, code: string) =>
    callAction(twoFactorPage.action, "/account/two-factor", { db: t.db, headers: { Cookie: cookie }, form: { intent: "disable", password, code } });
  const auditOf = (userId: string, action: string) =>
    t.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, userId)));

  it("audits each wrong password, answers 429 with Retry-After after 10, and the account's sign-in is limited too", async () => {
    const { user, secret } = await memberWithTwoFactor();
    const { cookie } = await startSession(t.db, user);
    for (let i = 0; i < RATE_LIMITS.signInFailuresPerAccount.limit; i++) {
      const reply = await outcome(await disableForm(cookie, `wrong password ${i}`, authenticatorCode(secret)));
      expect(reply.data).toMatchObject({ intent: "disable", result: { error: { "": ["errors.passwordWrong"] } } });
    }
    const failures = await auditOf(user.id, "auth.password_check_failed");
    expect(failures).toHaveLength(RATE_LIMITS.signInFailuresPerAccount.limit);
    expect(failures[0]?.data).toEqual({ purpose: "disableTwoFactor" });

    const refused = await thrownOutcome(disableForm(cookie, PASSWORD, authenticatorCode(secret)));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    await expect(signIn(t.db, { email: user.email, password: PASSWORD }, origin)).rejects.toBeInstanceOf(RateLimitedError);
    const [still] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(still?.totpEnabledAt).toBeInstanceOf(Date);
  });

  it("audits each wrong code, answers 429 after 10, and the second step of sign-in is limited too", async () => {
    const { user, secret } = await memberWithTwoFactor();
    const { cookie } = await startSession(t.db, user);
    for (let i = 0; i < RATE_LIMITS.twoFactorFailuresPerUser.limit; i++) {
      const reply = await outcome(await disableForm(cookie, PASSWORD, wrongCode(secret)));
      expect(reply.data).toMatchObject({ intent: "disable", result: { error: { "": ["errors.codeWrong"] } } });
    }
    const failures = await auditOf(user.id, "auth.second_factor_failed");
    expect(failures).toHaveLength(RATE_LIMITS.twoFactorFailuresPerUser.limit);
    expect(failures[0]?.data).toEqual({ purpose: "disableTwoFactor" });

    const refused = await thrownOutcome(disableForm(cookie, PASSWORD, authenticatorCode(secret)));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    const pending = await passwordStep(user);
    await expect(completeSecondFactor(t.db, pending.session, authenticatorCode(secret, 1), origin)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("cannot be used to go round a limit sign-in has reached", async () => {
    const { user, secret } = await memberWithTwoFactor();
    const { cookie } = await startSession(t.db, user);
    for (let i = 0; i < RATE_LIMITS.signInFailuresPerAccount.limit; i++) {
      expect(await signIn(t.db, { email: user.email, password: `guess ${i}` }, origin)).toEqual({ ok: false, reason: "invalidCredentials" });
    }
    expect((await thrownOutcome(disableForm(cookie, PASSWORD, authenticatorCode(secret)))).status).toBe(429);

    const other = await memberWithTwoFactor();
    const pending = await passwordStep(other.user);
    for (let i = 0; i < RATE_LIMITS.twoFactorFailuresPerUser.limit; i++) {
      expect(await completeSecondFactor(t.db, pending.session, wrongCode(other.secret), origin)).toEqual({ ok: false, reason: "wrongCode" });
    }
    const session = await startSession(t.db, other.user);
    expect((await thrownOutcome(disableForm(session.cookie, PASSWORD, authenticatorCode(other.secret)))).status).toBe(429);
  });
});

describe("a lost phone and lost recovery codes", () => {
  it("are handled by an operator, who turns two-factor off, ends the sessions and tells the user", async () => {
    const { user } = await memberWithTwoFactor();
    const { sessionId } = await startSession(t.db, user);
    await resetTwoFactorByOperator(t.db, user.email.toUpperCase());
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
    expect(await loadSession(t.db, sessionId)).toBeNull();
    expect(await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.two_factor_reset_by_operator"), eq(auditEvents.subjectId, user.id)))).toHaveLength(1);
    // One email when it was turned on, one now.
    const notices = await t.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, user.email), eq(mailOutbox.template, "twoFactorChanged")));
    expect(notices).toHaveLength(2);
    expect(await signIn(t.db, { email: user.email, password: PASSWORD }, origin)).toMatchObject({ ok: true, needsSecondFactor: false });
  });
});
