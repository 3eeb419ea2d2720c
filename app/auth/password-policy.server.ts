// Password rules (NIST 800-63B / ASVS 6.2): length, not common, not derived from the email or
// from the names of this site. No composition rules: they push people to predictable patterns.
import { dictionary } from "@zxcvbn-ts/language-common";
import commonLongPasswords from "./data/common-long-passwords.json";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// Two lists, most common first: zxcvbn-ts's top 10,000 (mostly shorter than our minimum, so
// kept for passwords that pad one), and the 10,000 most common of 12 characters or more from
// SecLists, which the length rule alone would let through (ASVS 6.2.4; source in the file).
const COMMON_PASSWORDS = new Set(
  [...dictionary["passwords-common"].slice(0, 10_000), ...commonLongPasswords.passwords].map((p) => p.toLowerCase()),
);

/**
 * Words an attacker guessing passwords for this portal tries first: its names in its three
 * languages, its purpose, its staff (ASVS 6.1.2, documented in docs/security.md). Matched
 * in lower case, also with spaces and punctuation removed ("Partner-Portal" → "partnerportal").
 */
export const CONTEXT_WORDS = ["alliance", "alianza", "multilateralis", "multilatéralis", "partnerportal", "secretariat", "secrétariat", "secretaría", "secretaria"] as const;

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "containsEmail" | "contextWord";

export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "tooLong";
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return "common";
  const localPart = email?.split("@")[0]?.toLowerCase() ?? "";
  if (localPart.length >= 3 && lower.includes(localPart)) return "containsEmail";
  const squeezed = lower.replace(/[^\p{L}\p{N}]/gu, "");
  if (CONTEXT_WORDS.some((word) => lower.includes(word) || squeezed.includes(word))) return "contextWord";
  return null;
}
