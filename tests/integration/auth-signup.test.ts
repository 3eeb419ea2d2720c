// Sign-up, email verification and what an unverified account may do.
import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { RateLimitedError } from "~/auth/rate-limit.server";
import { auditEvents, mailOutbox, users, verificationTokens } from "~/db/schema";
import { requestPasswordReset } from "~/domain/accounts/passwords.server";
import { signUp, verifyEmail } from "~/domain/accounts/sign-up.server";
import { resources } from "~/i18n/resources";
import { sha256 } from "~/utils/crypto.server";
import * as accountPage from "~/routes/account._index";
import * as forgotPasswordPage from "~/routes/forgot-password";
import * as signupPage from "~/routes/signup";
import * as verifyEmailPage from "~/routes/verify-email";
import { createUser, latestMail, startSession, tokenInMail } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { callAction, callLoader, outcome, thrownOutcome } from "../support/remix";

const t = useTestDatabase();
const APP = "https://portal.example";
let ipCounter = 0;
// Each test signs up from its own address so that the per-IP limit of one test never spills into another.
const origin = () => ({ ip: `198.51.100.${++ipCounter}`, userAgent: "vitest" });

async function usersWithEmail(email: string) {
  return t.db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
}

async function mailCount(to: string, template?: string) {
  const [row] = await t.db
    .select({ n: count() })
    .from(mailOutbox)
    .where(template ? and(eq(mailOutbox.toAddress, to), eq(mailOutbox.template, template)) : eq(mailOutbox.toAddress, to));
  return row?.n ?? 0;
}

describe("sign-up", () => {
  it("creates an unverified member and queues a verification email in the visitor's language", async () => {
    await signUp(t.db, { name: "Amélie Durand", email: "amelie@gov.example", password: "mon jardin en automne", locale: "fr" }, origin(), APP);
    const [user] = await usersWithEmail("amelie@gov.example");
    expect(user).toMatchObject({ name: "Amélie Durand", role: "member", locale: "fr", emailVerifiedAt: null });
    const mail = await latestMail(t.db, "amelie@gov.example", "verifyEmail");
    expect(mail).toMatchObject({ locale: "fr", subject: "Confirmez votre adresse électronique", status: "pending" });
    expect(mail.textBody).toContain(`${APP}/verify-email?token=`);
    // The stored password is an argon2id hash with the OWASP parameters, never the password.
    expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("answers an existing email the same way, creates nothing, and tells the owner instead", async () => {
    await signUp(t.db, { name: "Alice", email: "Alice@Example.org", password: "lanterns over the harbour", locale: "en" }, origin(), APP);
    await signUp(t.db, { name: "Mallory", email: "alice@example.org", password: "another long passphrase", locale: "es" }, origin(), APP);
    const rows = await usersWithEmail("alice@example.org");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "Alice", email: "alice@example.org", locale: "en" });
    // The owner hears about it in their own language, not the newcomer's.
    const notice = await latestMail(t.db, "alice@example.org", "accountExists");
    expect(notice.locale).toBe("en");
    // A link to choose a new password straight away (the reset's own single-use, one-hour token).
    expect(notice.textBody).toContain(`${APP}/reset-password?token=`);
    expect(notice.textBody).not.toContain("Mallory");
    expect(await mailCount("alice@example.org", "verifyEmail")).toBe(1);
  });

  it("refuses passwords that break the rules, and stores nothing", async () => {
    const attempt = (password: string, email = "rules@example.org") =>
      signUp(t.db, { name: "Rules", email, password, locale: "en" }, origin(), APP).then((outcome) => (outcome.ok ? null : outcome.problem));
    expect(await attempt("short pass")).toBe("tooShort");
    expect(await attempt("p".repeat(129))).toBe("tooLong");
    expect(await attempt("1qaz2wsx3edc")).toBe("common");
    expect(await attempt("i am samira.k and proud", "Samira.K@gov.example")).toBe("containsEmail");
    expect(await usersWithEmail("rules@example.org")).toHaveLength(0);
    expect(await usersWithEmail("samira.k@gov.example")).toHaveLength(0);
  });

  it("accepts a 128-character passphrase", async () => {
    const password = "the winding road home ".repeat(6).slice(0, 128);
    expect(password).toHaveLength(128);
    await signUp(t.db, { name: "Patient", email: "patient@example.org", password, locale: "en" }, origin(), APP);
    expect(await usersWithEmail("patient@example.org")).toHaveLength(1);
  });

  it("through the form: shows the rule that failed next to the password field", async () => {
    const post = async (password: string, email: string) =>
      outcome(await callAction(signupPage.action, "/signup", { db: t.db, form: { name: "Form", email, password, acceptPrivacy: "on" } }));
    const fieldError = async (password: string, email = "form@example.org") => {
      const { data } = await post(password, email);
      return (data as { result: { error?: Record<string, string[]> } }).result.error?.password;
    };
    expect(await fieldError("too short")).toEqual(["errors.passwordTooShort"]);
    expect(await fieldError("q".repeat(129))).toEqual(["errors.passwordTooLong"]);
    expect(await fieldError("qwerty123456")).toEqual(["errors.password.common"]);
    expect(await fieldError("form-filler-forever", "filler@example.org")).toEqual(["errors.password.containsEmail"]);
    expect(await fieldError("my Alliance account 2026")).toEqual(["errors.password.contextWord"]);
    expect(await usersWithEmail("form@example.org")).toHaveLength(0);
  });

  it("through the form: refuses whitespace-only and trivially patterned passwords, saying why", async () => {
    const fieldError = async (password: string, email: string) => {
      const { data } = await outcome(
        await callAction(signupPage.action, "/signup", { db: t.db, form: { name: "Pat Tern", email, password, acceptPrivacy: "on" } }),
      );
      return (data as { result: { error?: Record<string, string[]> } }).result.error?.password;
    };
    expect(await fieldError(" ".repeat(12), "spaces@example.org")).toEqual(["errors.password.tooFewCharacters"]);
    expect(await fieldError("\t".repeat(12), "tabs@example.org")).toEqual(["errors.password.tooFewCharacters"]);
    expect(await fieldError("abcdefghijklm", "letters@example.org")).toEqual(["errors.password.pattern"]);
    expect((await fieldError("passwordpassword1", "twice@example.org"))?.[0]).toMatch(/^errors\.password\./);
    expect(await usersWithEmail("letters@example.org")).toHaveLength(0);
  });

  it("explains every refused password in English, French and Spanish", () => {
    const problems = ["tooShort", "tooLong", "tooFewCharacters", "common", "containsEmail", "contextWord", "personal", "repetitive", "pattern", "weak"] as const;
    for (const language of ["en", "fr", "es"] as const) {
      const messages = resources[language].auth.errors.password as Record<string, string>;
      for (const problem of problems) expect(messages[problem], `${language}: ${problem}`).toMatch(/\S{3}/);
    }
    expect(resources.fr.auth.errors.password.tooFewCharacters).not.toBe(resources.en.auth.errors.password.tooFewCharacters);
  });

  it("through the form: a filled honeypot gets the usual answer and stores nothing", async () => {
    const reply = outcome(
      await callAction(signupPage.action, "/signup", {
        db: t.db,
        form: { name: "Bot", email: "bot@spam.example", password: "a password for a bot", website: "https://spam.example", acceptPrivacy: "on" },
      }),
    );
    expect((await reply).data).toMatchObject({ done: true });
    expect(await usersWithEmail("bot@spam.example")).toHaveLength(0);
    expect(await mailCount("bot@spam.example")).toBe(0);
  });

  it("through the form: the honeypot as a person's browser sends it, empty, lets the sign-up through", async () => {
    await callAction(signupPage.action, "/signup", {
      db: t.db,
      // Its own address: the file's other form sign-ups already use most of one address's allowance.
      clientIp: "198.51.100.250",
      form: { name: "Person", email: "person@gov.example", password: "a sound passphrase here", website: "", acceptPrivacy: "on" },
    });
    expect(await usersWithEmail("person@gov.example")).toHaveLength(1);
    expect(await mailCount("person@gov.example", "verifyEmail")).toBe(1);
  });

  it("through the form: gives the same answer for a new and an existing email", async () => {
    await createUser(t.db, { email: "taken@example.org" });
    const post = async (email: string) =>
      outcome(await callAction(signupPage.action, "/signup", { db: t.db, form: { name: "Someone", email, password: "a sound passphrase here", acceptPrivacy: "on" } }));
    const existing = await post("taken@example.org");
    const fresh = await post("fresh@example.org");
    expect(existing.status).toBe(fresh.status);
    expect(existing.data).toEqual(fresh.data);
    expect(existing.data).toMatchObject({ done: true });
    expect(await mailCount("taken@example.org", "accountExists")).toBe(1);
    expect(await mailCount("fresh@example.org", "verifyEmail")).toBe(1);
  });

  it("writes to the visitor in the language their browser asks for", async () => {
    await callAction(signupPage.action, "/signup", {
      db: t.db,
      headers: { "Accept-Language": "es-ES,es;q=0.9,en;q=0.5" },
      form: { name: "Lucía", email: "lucia@example.org", password: "luna llena sobre el mar", acceptPrivacy: "on" },
    });
    expect((await usersWithEmail("lucia@example.org"))[0]?.locale).toBe("es");
    expect((await latestMail(t.db, "lucia@example.org", "verifyEmail")).locale).toBe("es");
  });

  it("is limited per email address", async () => {
    const attempt = () => signUp(t.db, { name: "Flood", email: "flood@example.org", password: "filling the inbox again", locale: "en" }, origin(), APP);
    for (let i = 0; i < 3; i++) await attempt();
    await expect(attempt()).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe("forgot password", () => {
  it("gives the same answer whether or not the email has an account", async () => {
    await createUser(t.db, { email: "known@example.org" });
    const post = async (email: string) => outcome(await callAction(forgotPasswordPage.action, "/forgot-password", { db: t.db, form: { email } }));
    const known = await post("known@example.org");
    const unknown = await post("nobody@example.org");
    expect(known.status).toBe(unknown.status);
    expect(known.data).toEqual(unknown.data);
    expect(await mailCount("known@example.org", "resetPassword")).toBe(1);
    // The unknown address gets a note with no link, so both answers cost the same work.
    expect(await mailCount("nobody@example.org", "resetNoAccount")).toBe(1);
    expect((await latestMail(t.db, "nobody@example.org", "resetNoAccount")).textBody).not.toContain("http");
  });
});

describe("the name typed at sign-up", () => {
  const SPAM_NAME = "Bob Visit https://evil.example/claim now";
  const carriesName = (mail: { subject: string; textBody: string; htmlBody: string }) =>
    [mail.subject, mail.textBody, mail.htmlBody].some((part) => part.includes("evil.example") || part.includes("Bob Visit"));

  it("is not written into the verification email: the address is not proven yet", async () => {
    const outcome = await signUp(t.db, { name: SPAM_NAME, email: "victim.one@example.org", password: "lanterns over the harbour", locale: "en" }, origin(), APP);
    expect(outcome).toEqual({ ok: true });
    const mail = await latestMail(t.db, "victim.one@example.org", "verifyEmail");
    expect(carriesName(mail)).toBe(false);
    expect(mail.textBody).toMatch(/^Hello,\n/);
  });

  it("is not written into the emails sent to an unverified account either", async () => {
    await createUser(t.db, { email: "victim.two@example.org", name: SPAM_NAME, verified: false });
    await signUp(t.db, { name: "Someone", email: "victim.two@example.org", password: "lanterns over the harbour", locale: "en" }, origin(), APP);
    await requestPasswordReset(t.db, "victim.two@example.org", origin(), APP);
    expect(carriesName(await latestMail(t.db, "victim.two@example.org", "accountExists"))).toBe(false);
    expect(carriesName(await latestMail(t.db, "victim.two@example.org", "resetPassword"))).toBe(false);
  });

  it("greets the owner of a verified address by name", async () => {
    await createUser(t.db, { email: "verified.owner@example.org", name: "Amina Diallo" });
    await requestPasswordReset(t.db, "verified.owner@example.org", origin(), APP);
    expect((await latestMail(t.db, "verified.owner@example.org", "resetPassword")).textBody).toMatch(/^Hello Amina Diallo,\n/);
  });
});

describe("email verification", () => {
  it("verifies the address once; the same link a second time is invalid", async () => {
    await signUp(t.db, { name: "Kofi", email: "kofi@example.org", password: "drums in the evening", locale: "en" }, origin(), APP);
    const token = tokenInMail((await latestMail(t.db, "kofi@example.org", "verifyEmail")).textBody, "/verify-email");
    const verified = await verifyEmail(t.db, token, origin());
    const [user] = await usersWithEmail("kofi@example.org");
    expect(verified).toEqual({ ok: true, userId: user?.id });
    expect(user?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await verifyEmail(t.db, token, origin())).toEqual({ ok: false, reason: "invalidToken" });
    const [audit] = await t.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "user.email_verified"), eq(auditEvents.subjectId, user?.id ?? "")));
    expect(audit?.n).toBe(1);
  });

  it("through the page: opening the link spends nothing, confirming does, and only once", async () => {
    await signUp(t.db, { name: "Nadia", email: "nadia@example.org", password: "jasmine by the window", locale: "en" }, origin(), APP);
    const token = tokenInMail((await latestMail(t.db, "nadia@example.org", "verifyEmail")).textBody, "/verify-email");
    // Mail scanners follow links: the GET only shows a button.
    const page = await callLoader(verifyEmailPage.loader, `/verify-email?token=${encodeURIComponent(token)}`, { db: t.db });
    expect(page).toMatchObject({ token, signedIn: false });
    const [unused] = await t.db.select().from(verificationTokens).where(eq(verificationTokens.tokenHash, sha256(token)));
    expect(unused?.usedAt).toBeNull();

    const confirm = () => callAction(verifyEmailPage.action, "/verify-email", { db: t.db, form: { intent: "verify", token } });
    expect(await confirm()).toEqual({ status: "verified" });
    expect(await confirm()).toEqual({ status: "invalid" });
    expect((await usersWithEmail("nadia@example.org"))[0]?.emailVerifiedAt).toBeInstanceOf(Date);
  });

  it("through the page, signed in: confirming goes on to the dashboard and its next step", async () => {
    await signUp(t.db, { name: "Yuki", email: "yuki@example.org", password: "cherry blossom season", locale: "en" }, origin(), APP);
    const [user] = await usersWithEmail("yuki@example.org");
    const { cookie } = await startSession(t.db, user!);
    const token = tokenInMail((await latestMail(t.db, "yuki@example.org", "verifyEmail")).textBody, "/verify-email");
    const reply = await outcome(await callAction(verifyEmailPage.action, "/verify-email", { db: t.db, headers: { Cookie: cookie }, form: { intent: "verify", token } }));
    expect(reply.status).toBe(302);
    expect(reply.headers.get("Location")).toBe("/dashboard?notice=verified");
  });
});

describe("an unverified account", () => {
  it("can sign in but is sent to verify its email before anything else", async () => {
    const user = await createUser(t.db, { verified: false });
    const { cookie } = await startSession(t.db, user);
    const refused = await thrownOutcome(callLoader(accountPage.loader, "/account", { db: t.db, headers: { Cookie: cookie } }));
    expect(refused.status).toBe(302);
    expect(refused.headers.get("Location")).toBe("/verify-email");
    const page = await callLoader(verifyEmailPage.loader, "/verify-email", { db: t.db, headers: { Cookie: cookie } });
    expect(page).toMatchObject({ signedIn: true, verified: false, email: user.email });
  });

  it("can ask for a new link a few times an hour, then gets 429 with Retry-After", async () => {
    const user = await createUser(t.db, { verified: false });
    const { cookie } = await startSession(t.db, user);
    const resend = () => callAction(verifyEmailPage.action, "/verify-email", { db: t.db, headers: { Cookie: cookie }, form: { intent: "resend" } });
    for (let i = 0; i < 3; i++) expect(await resend()).toEqual({ status: "resent" });
    const limited = await thrownOutcome(resend());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(limited.data).toMatchObject({ rateLimited: true });
    expect(await mailCount(user.email, "verifyEmail")).toBe(3);
  });

  it("must sign in to ask for a new link", async () => {
    const refused = await thrownOutcome(callAction(verifyEmailPage.action, "/verify-email", { db: t.db, form: { intent: "resend" } }));
    expect(refused.status).toBe(302);
    expect(refused.headers.get("Location")).toMatch(/^\/login/);
  });
});
