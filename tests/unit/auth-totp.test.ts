// TOTP secrets: random, encrypted at rest with authenticated encryption, and producing the
// codes any RFC 6238 authenticator app shows.
import { describe, expect, it, vi } from "vitest";
import { currentTotpCode, decryptSecret, encryptSecret, newRecoveryCode, newTotpSecret } from "~/auth/totp.server";
import { authenticatorCode } from "../support/accounts";

/** Distinct values among `count` draws while Math.random always answers the same. */
function distinctWithMathRandomPinned(count: number, draw: () => string): number {
  // Math.random is predictable from a few outputs; pinned, anything drawn from it repeats.
  const random = vi.spyOn(Math, "random").mockReturnValue(0.42);
  try {
    return new Set(Array.from({ length: count }, draw)).size;
  } finally {
    random.mockRestore();
  }
}

describe("TOTP secrets", () => {
  it("come from the system's cryptographic generator, not Math.random", () => {
    expect(distinctWithMathRandomPinned(20, newTotpSecret)).toBe(20);
  });

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

describe("recovery codes", () => {
  it("read as two groups of five letters and digits that are not look-alikes", () => {
    for (let i = 0; i < 200; i++) expect(newRecoveryCode()).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
  });

  it("carry about 50 random bits: no repeat in 5,000, and every symbol in every position", () => {
    const codes = Array.from({ length: 5_000 }, () => newRecoveryCode().replace("-", ""));
    // With 50 bits a repeat among 5,000 has a chance of 1e-8; with 3 bits (8 codes) it is certain.
    expect(new Set(codes).size).toBe(codes.length);
    // Each of the 10 positions uses all 32 symbols, each about 156 times: no position is fixed or skewed.
    for (let position = 0; position < 10; position++) {
      const counts = new Map<string, number>();
      for (const code of codes) counts.set(code[position] ?? "", (counts.get(code[position] ?? "") ?? 0) + 1);
      expect(counts.size, `position ${position}`).toBe(32);
      for (const [symbol, n] of counts) expect(n, `"${symbol}" at position ${position}`).toBeGreaterThan(100);
    }
  }, 30_000);

  it("come from the system's cryptographic generator, not Math.random", () => {
    expect(distinctWithMathRandomPinned(50, newRecoveryCode)).toBe(50);
  });
});
