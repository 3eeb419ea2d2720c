// Links sent by email (verify the address, reset the password) carry a single-use token
// whose hash alone is stored, with a lifetime of 24 hours or 1 hour.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { consumeToken, issueToken } from "~/auth/tokens.server";
import { verificationTokens, type User } from "~/db/schema";
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
