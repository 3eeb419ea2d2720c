// Password hashing with argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane):
// strong enough against offline guessing, cheap enough (~30 ms) to sign in on a small server.
import { hash, verify, type Algorithm } from "@node-rs/argon2";

// The package declares its enums as ambient `const enum`s with no runtime object, so the
// numeric value is spelled out here (2 = Argon2id).
const ARGON2ID: Algorithm = 2;

const POLICY = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, POLICY);
}

/** False for a wrong password and for a stored value that is not an argon2 hash at all. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
