import crypto from "node:crypto";

/** A random secret for tokens and session ids: 256 bits, URL-safe. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

/** Tokens and session ids are stored only as this hash, so a read of the table reveals nothing usable. */
export function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}
