// TOTP secrets: random, encrypted at rest with authenticated encryption, and producing the
// codes any RFC 6238 authenticator app shows.
import crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { currentTotpCode, decryptSecret, encryptSecret, newRecoveryCode, newTotpSecret, totpAuthUri, totpQrCode } from "~/auth/totp.server";
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

/** What a function draws while the system's generator answers with these bytes. */
function withRandomBytes<T>(bytes: Buffer, draw: () => T): T {
  const random = vi.spyOn(crypto, "randomBytes").mockImplementation(((size: number) => bytes.subarray(0, size)) as never);
  try {
    return draw();
  } finally {
    random.mockRestore();
  }
}

describe("the encoding of secrets and recovery codes", () => {
  it("is RFC 4648 base32 of the random bytes, every bit kept (RFC 6238's test secret)", () => {
    expect(withRandomBytes(Buffer.from("12345678901234567890"), newTotpSecret)).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(withRandomBytes(Buffer.alloc(20, 0xff), newTotpSecret)).toBe("7".repeat(32));
    expect(withRandomBytes(Buffer.alloc(20, 0), newTotpSecret)).toBe("A".repeat(32));
  });

  it("gives a recovery code the first 50 bits of its bytes, in lower case, dashed in the middle", () => {
    expect(withRandomBytes(Buffer.from("12345678901234567890"), newRecoveryCode)).toBe("gezdg-nbvgy");
    expect(withRandomBytes(Buffer.from([0xff, 0x00, 0xff, 0x00, 0xff, 0x00, 0xff]), newRecoveryCode)).toBe("74ap6-ah7ad");
  });
});

describe("the authenticator set-up", () => {
  it("names the portal and the account, with the settings apps expect", () => {
    const uri = new URL(totpAuthUri("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "amina@gov.example"));
    expect(uri.protocol).toBe("otpauth:");
    expect(decodeURIComponent(uri.pathname)).toContain("amina@gov.example");
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({
      secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
      issuer: "Alliance Partner Portal",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });

  it("draws the QR code as an SVG image inline, no outside service involved", async () => {
    const url = await totpQrCode("otpauth://totp/Alliance%20Partner%20Portal:amina%40gov.example?secret=GEZDGNBVGY3TQOJQ");
    expect(url).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(url.slice(url.indexOf(",") + 1), "base64").toString("utf8");
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});

describe("stored secrets that are not ours", () => {
  it("are refused as unreadable: another version, or a missing part", () => {
    const [, iv, tag, data] = encryptSecret(newTotpSecret()).split(".") as [string, string, string, string];
    for (const stored of [`v2.${iv}.${tag}.${data}`, `v1.${iv}.${tag}`, `v1..${tag}.${data}`, `v1.${iv}..${data}`, `v1.${iv}.${tag}.`]) {
      expect(() => decryptSecret(stored), stored).toThrow("Unreadable TOTP secret");
    }
  });
});
