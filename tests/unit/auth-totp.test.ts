// TOTP secrets: random, encrypted at rest with authenticated encryption, and producing the
// codes any RFC 6238 authenticator app shows.
import { describe, expect, it } from "vitest";
import { currentTotpCode, decryptSecret, encryptSecret, newTotpSecret } from "~/auth/totp.server";
import { authenticatorCode } from "../support/accounts";

describe("TOTP secrets", () => {
  it("are 160 random bits in base32, different every time", () => {
    const secrets = new Set(Array.from({ length: 50 }, () => newTotpSecret()));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it("give the codes an authenticator app computes", async () => {
    const secret = newTotpSecret();
    const before = authenticatorCode(secret);
    const code = await currentTotpCode(secret);
    // The 30-second step may turn between the two lines.
    expect([before, authenticatorCode(secret)]).toContain(code);
  });

  it("are encrypted with a fresh nonce each time and read back", () => {
    const secret = newTotpSecret();
    const a = encryptSecret(secret);
    const b = encryptSecret(secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(decryptSecret(a)).toBe(secret);
    expect(decryptSecret(b)).toBe(secret);
  });

  it("refuse to decrypt after any change to the stored value", () => {
    const stored = encryptSecret(newTotpSecret());
    const [version, iv, tag, data] = stored.split(".") as [string, string, string, string];
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    expect(() => decryptSecret([version, iv, tag, flip(data)].join("."))).toThrow();
    expect(() => decryptSecret([version, iv, flip(tag), data].join("."))).toThrow();
    expect(() => decryptSecret([version, flip(iv), tag, data].join("."))).toThrow();
    expect(() => decryptSecret("plain-base32-secret")).toThrow();
  });
});
