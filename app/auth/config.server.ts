// The auth settings, derived once from the validated environment.
import crypto from "node:crypto";
import { getEnv } from "~/env.server";

export interface AuthConfig {
  sessionSecrets: string[];
  secureCookies: boolean;
  staffMfaRequired: boolean;
  /** AES-256 key that encrypts TOTP secrets at rest. */
  totpKey: Buffer;
}

let cached: AuthConfig | undefined;

export function authConfig(): AuthConfig {
  // Stryker disable next-line ConditionalExpression: equivalent, recomputing gives the same values (getEnv is read once per process)
  if (cached) return cached;
  const env = getEnv();
  cached = {
    sessionSecrets: env.sessionSecrets,
    secureCookies: env.secureCookies,
    staffMfaRequired: env.staffMfa === "required",
    // TOTP_ENCRYPTION_KEY keeps TOTP secrets readable when SESSION_SECRET rotates; without it the
    // key is derived from the oldest session secret, which rotation keeps longest.
    totpKey: Buffer.from(
      crypto.hkdfSync(
        "sha256",
        // Stryker disable next-line StringLiteral: unreachable fallback, parseEnv always gives at least one session secret
        env.totpEncryptionKey ?? env.sessionSecrets[env.sessionSecrets.length - 1] ?? "",
        "alliance-portal",
        "totp-secret",
        32,
      ),
    ),
  };
  return cached;
}
