// Password rules (NIST 800-63B / ASVS 6.2): length, not common, not derived from the email, the
// person's name or the names of this site, and not guessable by the patterns attackers try first
// (repeats, sequences, keyboard rows). No composition rules: they push people to predictable
// patterns. The pattern part is zxcvbn-ts's estimate, not hand-written rules of our own.
import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import commonLongPasswords from "./data/common-long-passwords.json";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * zxcvbn's score 3 means about 10^8 guesses or more ("safely unguessable" for an online attack,
 * and with argon2id days of work offline per account); below it a password falls to the first
 * guesses of a targeted attack.
 */
export const PASSWORD_MIN_SCORE = 3;

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

export type PasswordProblem =
  | "tooShort"
  | "tooLong"
  | "tooFewCharacters"
  | "common"
  | "containsEmail"
  | "contextWord"
  | "personal"
  | "repetitive"
  | "pattern"
  | "weak";

/** What the estimator also treats as easy guesses for this one person. */
export interface PasswordOwner {
  email?: string;
  name?: string;
}

// Building the ranked dictionaries takes a few tens of milliseconds: once per process.
let estimator: ZxcvbnFactory | undefined;
function strength(password: string, owner: PasswordOwner): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  // Ranked: the earlier an input, the sooner a guesser tries it. The person's own name comes first.
  const userInputs: string[] = [];
  if (owner.name) userInputs.push(owner.name, ...owner.name.split(/\s+/).filter((part) => part.length >= 3));
  if (owner.email) userInputs.push(owner.email, ...owner.email.split(/[@.+_-]/).filter((part) => part.length >= 3));
  return estimator.check(password, [...userInputs, ...CONTEXT_WORDS, "partner", "portal"]);
}

/** Names the kind of guess that breaks a weak password, from the estimator's own warning. */
function weakness(result: ZxcvbnResult): PasswordProblem {
  switch (result.feedback.warning) {
    // Stryker disable next-line StringLiteral: equivalent, these warnings come from a repeat match, which the default branch also names "repetitive"
    case "simpleRepeat":
    // Stryker disable next-line StringLiteral: equivalent, as above
    case "extendedRepeat":
      return "repetitive";
    case "sequences":
    case "straightRow":
    case "keyPattern":
    case "recentYears":
    case "dates":
      return "pattern";
    case "userInputs":
      return "personal";
    // Stryker disable next-line StringLiteral: unreachable, a password that is one of the 100 most common is refused by the list in passwordProblem first
    case "topTen":
    // Stryker disable next-line StringLiteral: unreachable, as above
    case "topHundred":
    case "common":
    case "similarToCommon":
      return "common";
    default:
      return result.sequence.some((match) => match.pattern === "repeat") ? "repetitive" : "weak";
  }
}

export function passwordProblem(password: string, owner: PasswordOwner = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "tooLong";
  // Spaces at the ends and runs of spaces add nearly nothing for a guesser: twelve tabs are one character class repeated.
  if ([...password.trim().replace(/\s+/gu, " ")].length < PASSWORD_MIN_LENGTH) return "tooFewCharacters";
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return "common";
  // Stryker disable next-line OptionalChaining: equivalent, split always returns at least one part
  const localPart = owner.email?.split("@")[0]?.toLowerCase() ?? "";
  if (localPart.length >= 3 && lower.includes(localPart)) return "containsEmail";
  const squeezed = lower.replace(/[^\p{L}\p{N}]/gu, "");
  if (CONTEXT_WORDS.some((word) => lower.includes(word) || squeezed.includes(word))) return "contextWord";
  const result = strength(password, owner);
  return result.score >= PASSWORD_MIN_SCORE ? null : weakness(result);
}
