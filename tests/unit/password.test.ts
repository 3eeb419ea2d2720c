import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/auth/password.server";

describe("password hashing", () => {
  it("uses argon2id with OWASP's parameters and a fresh salt each time", async () => {
    const [first, second] = await Promise.all([hashPassword("Long enough phrase 42"), hashPassword("Long enough phrase 42")]);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
  });

  it("accepts the right password only", async () => {
    const hash = await hashPassword("Correct horse battery");
    expect(await verifyPassword(hash, "Correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("treats a stored value that is not an argon2 hash as a wrong password, not an error", async () => {
    expect(await verifyPassword("", "anything")).toBe(false);
    expect(await verifyPassword("plain-text-password", "plain-text-password")).toBe(false);
    expect(await verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$broken", "anything")).toBe(false);
  });
});
