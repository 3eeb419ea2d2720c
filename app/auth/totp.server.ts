// Time-based one-time passwords (RFC 6238) with @epic-web/totp, recovery codes, and the
// encryption of TOTP secrets at rest (AES-256-GCM).
import crypto from "node:crypto";
import { generateTOTP, getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";
import { and, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import type { Executor } from "~/db/client.server";
import { rateLimits, recoveryCodes } from "~/db/schema";
import { authConfig } from "./config.server";
import { hashPassword, verifyPassword } from "./password.server";

// What authenticator apps expect by default.
export const TOTP_SETTINGS = { algorithm: "SHA-1", digits: 6, period: 30 } as const;
export const RECOVERY_CODE_COUNT = 10;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  // Stryker disable next-line ArithmeticOperator: equivalent here, the last partial group never reaches a secret (160 bits) or a recovery code (sliced to 10)
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A new 160-bit secret (RFC 4226 recommends 160), base32 as authenticator apps read it. */
export function newTotpSecret(): string {
  return base32(crypto.randomBytes(20));
}

export function encryptSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", authConfig().totpKey, iv);
  const encrypted = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), encrypted.toString("base64url")].join(".");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("Unreadable TOTP secret");
  const decipher = crypto.createDecipheriv("aes-256-gcm", authConfig().totpKey, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export function totpAuthUri(secret: string, accountName: string): string {
  return getTOTPAuthUri({ ...TOTP_SETTINGS, secret, accountName, issuer: "Alliance Partner Portal" });
}

/** The QR code as an SVG data URL, rendered on the server: no third-party service sees the secret. */
export async function totpQrCode(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/**
 * Accepts the current code and one step either side (clock drift), each only once (ASVS 6.5.1):
 * a code read over a shoulder or phished in real time is worthless once its owner has used it.
 * The spent time steps are kept in rate_limits (key, window start = the step), whose primary key
 * makes "first use wins" atomic across app instances; rows expire after the step stops being accepted.
 */
export async function spendTotpCode(db: Executor, userId: string, secret: string, code: string): Promise<boolean> {
  const otp = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(otp)) return false;
  const periodMs = TOTP_SETTINGS.period * 1000;
  // Read in the same synchronous run as verifyTOTP reads the clock, so both see the same step.
  const counter = Math.floor(Date.now() / periodMs);
  const match = await verifyTOTP({ ...TOTP_SETTINGS, otp, secret, window: 1 });
  if (!match) return false;
  const step = new Date((counter + match.delta) * periodMs);
  const spent = await db
    .insert(rateLimits)
    .values({ key: `totp-spent:${userId}`, windowStart: step, hits: 1, expiresAt: new Date(step.getTime() + 3 * periodMs) })
    .onConflictDoNothing()
    .returning({ hits: rateLimits.hits });
  return spent.length === 1;
}

/** Today's code for a secret: for tests and the demo only. */
export async function currentTotpCode(secret: string): Promise<string> {
  return (await generateTOTP({ ...TOTP_SETTINGS, secret })).otp;
}

function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]+/g, "").toLowerCase();
}

/** One recovery code: 50 random bits, in an alphabet without look-alike case, easy to copy from paper. */
export function newRecoveryCode(): string {
  const raw = base32(crypto.randomBytes(7)).slice(0, 10).toLowerCase();
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** Replaces the user's recovery codes; returns the new ones, to be shown once. */
export async function replaceRecoveryCodes(db: Executor, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  // Under 112 bits of entropy, so a plain SHA-256 could be reversed by brute force from a copy
  // of the table: salted argon2id, like passwords (ASVS 6.5.2).
  const hashes = await Promise.all(codes.map((code) => hashPassword(normaliseRecoveryCode(code))));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  return codes;
}

/** Spends a recovery code: true once, false afterwards. */
export async function consumeRecoveryCode(db: Executor, userId: string, code: string, now = new Date()): Promise<boolean> {
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 10) return false;
  // Salted hashes cannot be looked up: try the user's unused codes (ten at most) one by one.
  const unused = await db
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  for (const candidate of unused) {
    if (!(await verifyPassword(candidate.codeHash, normalised))) continue;
    const rows = await db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.id, candidate.id), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return rows.length === 1;
  }
  return false;
}
