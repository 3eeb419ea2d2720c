// Links sent by email (verify the address, reset the password) carry a single-use token
// whose hash alone is stored, with a lifetime of 24 hours or 1 hour.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { consumeToken, issueToken, issueTokenForEmail, tokenOwner } from "~/auth/tokens.server";
import { users, verificationTokens, type User } from "~/db/schema";
import { sha256 } from "~/utils/crypto.server";
import { createUser } from "../support/accounts";
import { useTestDatabase } from "../support/db";

const t = useTestDatabase();
const HOUR = 60 * 60 * 1000;
const T0 = new Date("2025-03-10T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

let user: User;
beforeAll(async () => {
  user = await createUser(t.db);
});

describe("email tokens", () => {
  it("work once: the second use of a verification token finds nothing", async () => {
    const token = await issueToken(t.db, user.id, "verify_email", T0);
    expect(await consumeToken(t.db, token, "verify_email", at(1000))).toBe(user.id);
    expect(await consumeToken(t.db, token, "verify_email", at(2000))).toBeNull();
  });

  it("let only one of two simultaneous uses succeed", async () => {
    const token = await issueToken(t.db, user.id, "reset_password", T0);
    const results = await Promise.all([consumeToken(t.db, token, "reset_password", at(1000)), consumeToken(t.db, token, "reset_password", at(1000))]);
    expect(results.filter((r) => r === user.id)).toHaveLength(1);
  });

  it("verify an email for 24 hours, not a second more", async () => {
    const early = await issueToken(t.db, user.id, "verify_email", T0);
    expect(await consumeToken(t.db, early, "verify_email", at(24 * HOUR - 1000))).toBe(user.id);
    const late = await issueToken(t.db, user.id, "verify_email", T0);
    expect(await consumeToken(t.db, late, "verify_email", at(24 * HOUR))).toBeNull();
  });

  it("reset a password for 1 hour, not a second more", async () => {
    const early = await issueToken(t.db, user.id, "reset_password", T0);
    expect(await consumeToken(t.db, early, "reset_password", at(HOUR - 1000))).toBe(user.id);
    const late = await issueToken(t.db, user.id, "reset_password", T0);
    expect(await consumeToken(t.db, late, "reset_password", at(HOUR + 1000))).toBeNull();
  });

  it("are stored only as a SHA-256 hash: the raw token is nowhere in the table", async () => {
    const token = await issueToken(t.db, user.id, "verify_email", T0);
    const rows = await t.db.select().from(verificationTokens).where(eq(verificationTokens.userId, user.id));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.map((r) => r.tokenHash)).toContain(sha256(token));
    // 256 random bits, URL-safe.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("stop working when a newer token of the same kind is issued", async () => {
    const first = await issueToken(t.db, user.id, "verify_email", T0);
    const second = await issueToken(t.db, user.id, "verify_email", at(1000));
    expect(await consumeToken(t.db, first, "verify_email", at(2000))).toBeNull();
    expect(await consumeToken(t.db, second, "verify_email", at(2000))).toBe(user.id);
  });

  it("leave the other kind alone: asking for a reset does not cancel a pending verification", async () => {
    const verify = await issueToken(t.db, user.id, "verify_email", T0);
    await issueToken(t.db, user.id, "reset_password", at(1000));
    expect(await consumeToken(t.db, verify, "verify_email", at(2000))).toBe(user.id);
  });

  it("open only the door they were made for: a verification token cannot reset a password", async () => {
    const token = await issueToken(t.db, user.id, "verify_email", T0);
    expect(await consumeToken(t.db, token, "reset_password", at(1000))).toBeNull();
    expect(await consumeToken(t.db, token, "verify_email", at(1000))).toBe(user.id);
  });

  it("refuse made-up, empty and oversized tokens", async () => {
    expect(await consumeToken(t.db, "not-a-token-we-ever-issued-0123456789abcdef", "verify_email", T0)).toBeNull();
    expect(await consumeToken(t.db, "", "verify_email", T0)).toBeNull();
    expect(await consumeToken(t.db, "x".repeat(10_000), "verify_email", T0)).toBeNull();
  });
});

// Sign-up, "resend the link" and "forgot password" know only an address: one statement finds its
// account and issues the token, whether or not there is one (no timing oracle).
describe("tokens issued for an email address", () => {
  it("find the account whatever the case of the address, with what its email needs, and a working token", async () => {
    const owner = await createUser(t.db, { email: "Ngozi.Okafor@gov.example", name: "Ngozi Okafor", locale: "fr" });
    const issued = await issueTokenForEmail(t.db, "NGOZI.OKAFOR@GOV.EXAMPLE", "reset_password", T0);
    expect(issued.account).toEqual({ id: owner.id, email: "Ngozi.Okafor@gov.example", name: "Ngozi Okafor", locale: "fr", emailVerified: true, disabled: false });
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await consumeToken(t.db, issued.token ?? "", "reset_password", at(HOUR - 1000))).toBe(owner.id);
  });

  it("give a reset link one hour and a verification link 24, from the time given", async () => {
    const owner = await createUser(t.db, { verified: false });
    const reset = await issueTokenForEmail(t.db, owner.email, "reset_password", T0);
    expect(await consumeToken(t.db, reset.token ?? "", "reset_password", at(HOUR))).toBeNull();
    const verify = await issueTokenForEmail(t.db, owner.email, "verify_email", T0);
    expect(verify.account?.emailVerified).toBe(false);
    expect(await tokenOwner(t.db, verify.token ?? "", "verify_email", at(24 * HOUR - 1000))).toBe(owner.id);
    expect(await tokenOwner(t.db, verify.token ?? "", "verify_email", at(24 * HOUR))).toBeNull();
  });

  it("end the account's older links of the same kind only", async () => {
    const owner = await createUser(t.db);
    const older = await issueToken(t.db, owner.id, "reset_password", T0);
    const verification = await issueToken(t.db, owner.id, "verify_email", T0);
    const newer = await issueTokenForEmail(t.db, owner.email, "reset_password", at(1000));
    expect(await consumeToken(t.db, older, "reset_password", at(2000))).toBeNull();
    expect(await consumeToken(t.db, verification, "verify_email", at(2000))).toBe(owner.id);
    expect(await consumeToken(t.db, newer.token ?? "", "reset_password", at(2000))).toBe(owner.id);
  });

  it("leave other accounts' links alone", async () => {
    const [one, other] = [await createUser(t.db), await createUser(t.db)];
    const others = await issueToken(t.db, other.id, "reset_password", T0);
    await issueTokenForEmail(t.db, one.email, "reset_password", at(1000));
    expect(await consumeToken(t.db, others, "reset_password", at(2000))).toBe(other.id);
  });

  it("issue nothing to a disabled account, and say it is disabled", async () => {
    const owner = await createUser(t.db);
    await t.db.update(users).set({ disabledAt: T0 }).where(eq(users.id, owner.id));
    const issued = await issueTokenForEmail(t.db, owner.email, "reset_password", at(1000));
    expect(issued).toMatchObject({ account: { id: owner.id, disabled: true }, token: null });
    expect(await t.db.select().from(verificationTokens).where(eq(verificationTokens.userId, owner.id))).toEqual([]);
  });

  it("answer an address with no account with nothing, and store nothing", async () => {
    const before = await t.db.select().from(verificationTokens);
    expect(await issueTokenForEmail(t.db, "nobody-here@gov.example", "reset_password", T0)).toEqual({ account: null, token: null });
    expect(await t.db.select().from(verificationTokens)).toHaveLength(before.length);
  });
});

describe("tokenOwner (the reset page, before the new password is typed)", () => {
  it("names the token's user without spending it", async () => {
    const token = await issueToken(t.db, user.id, "reset_password", T0);
    expect(await tokenOwner(t.db, token, "reset_password", at(1000))).toBe(user.id);
    expect(await tokenOwner(t.db, token, "reset_password", at(1000))).toBe(user.id);
    expect(await consumeToken(t.db, token, "reset_password", at(2000))).toBe(user.id);
    expect(await tokenOwner(t.db, token, "reset_password", at(3000))).toBeNull();
  });

  it("knows nothing of a token for the other purpose, an expired one, a made-up, empty or oversized one", async () => {
    const token = await issueToken(t.db, user.id, "reset_password", T0);
    expect(await tokenOwner(t.db, token, "verify_email", at(1000))).toBeNull();
    expect(await tokenOwner(t.db, token, "reset_password", at(HOUR))).toBeNull();
    expect(await tokenOwner(t.db, "not-a-token-we-ever-issued-0123456789abcdef", "reset_password", T0)).toBeNull();
    expect(await tokenOwner(t.db, "", "reset_password", T0)).toBeNull();
    expect(await tokenOwner(t.db, "x".repeat(201), "reset_password", T0)).toBeNull();
  });
});
