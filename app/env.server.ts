// The process environment, validated once. Everything else reads configuration from here,
// so a typo in a variable name or value stops the server at start-up instead of at 3 a.m.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const flag = z.preprocess(emptyAsUndefined, z.enum(["0", "1", "true", "false"]).optional()).transform((v) => v === "1" || v === "true");

const schema = z
  .object({
    NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(["development", "production", "test"]).default("development")),
    PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
    HOST: optionalString,
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
        .optional(),
    ),
    DATABASE_POOL_SIZE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(500).default(10)),
    PGLITE_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data/pglite")),
    SESSION_SECRET: optionalString,
    APP_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    SMTP_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
        .optional(),
    ),
    MAIL_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data/mail")),
    STAFF_MFA: z.preprocess(emptyAsUndefined, z.enum(["required", "optional"]).optional()),
    LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(LOG_LEVELS).optional()),
    TRUST_PROXY: optionalString,
    INSECURE_COOKIES: flag,
    TOTP_ENCRYPTION_KEY: optionalString,
    DIGEST_HOUR_UTC: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(23).default(7)),
    DIGEST_RECIPIENTS: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
        .pipe(z.array(z.string().email("must be a comma-separated list of email addresses")))
        .optional(),
    ),
    SECRETARIAT_EMAIL: z.preprocess(emptyAsUndefined, z.string().email().default("secretariat@alliance.example")),
    SECRETARIAT_ADDRESS: z.preprocess(
      emptyAsUndefined,
      z.string().max(500).default("Secretariat of the Alliance for Multilateralism, 1 Example Square, 75007 Paris, France"),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_SECRET"],
        message: "is required in production with DATABASE_URL (comma-separated, newest first, at least 32 characters each)",
      });
    }
    for (const secret of splitSecrets(env.SESSION_SECRET)) {
      if (secret.length < 32) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["SESSION_SECRET"],
          message: "each comma-separated secret must be at least 32 characters long",
        });
        break;
      }
    }
  });

export interface Env {
  nodeEnv: "development" | "production" | "test";
  isProduction: boolean;
  port: number;
  host: string | undefined;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  pgliteDir: string;
  /** Newest first: the first signs new cookies, all of them verify (rotation without logging everyone out). */
  sessionSecrets: string[];
  appUrl: string | undefined;
  smtpUrl: string | undefined;
  mailDir: string;
  staffMfa: "required" | "optional";
  logLevel: (typeof LOG_LEVELS)[number];
  /** Value for Express's "trust proxy" setting; false when the app faces clients directly. */
  trustProxy: boolean | number | string;
  /**
   * Whether cookies carry the Secure flag (and may use the __Host- prefix). Off outside
   * production, and in production unless APP_URL is https, so `npm start` works on http://localhost.
   */
  secureCookies: boolean;
  /** Key material for TOTP secrets at rest; when unset, auth derives it from the session secrets. */
  totpEncryptionKey: string | undefined;
  /** Hour (UTC, 0–23) from which the secretariat's daily digest of waiting items is sent. */
  digestHourUtc: number;
  /** Who receives the digest; empty: every secretariat and admin account. */
  digestRecipients: string[];
  /** How to reach the secretariat, shown on /about, /privacy and /accessibility. */
  secretariat: { email: string; address: string };
}

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "InvalidEnvironmentError";
  }
}

function splitSecrets(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "false" || value === "0") return false;
  if (value === "true") return true;
  // A hop count ("1": one load balancer in front) or addresses/subnets Express understands.
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * Without SESSION_SECRET (allowed everywhere but production on PostgreSQL) a random secret is
 * kept next to the embedded database, so sessions survive restarts of a local run.
 */
function localSessionSecret(nodeEnv: Env["nodeEnv"], databaseUrl: string | undefined, pgliteDir: string): string {
  const inMemory = !databaseUrl && pgliteDir.startsWith("memory://");
  if (nodeEnv === "test" || inMemory) return crypto.randomBytes(32).toString("base64url");
  const file = path.resolve(databaseUrl ? "./data" : path.dirname(path.resolve(pgliteDir)), "session-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** Validates a set of variables; throws InvalidEnvironmentError listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new InvalidEnvironmentError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "(environment)"}: ${issue.message}`),
    );
  }
  const e = result.data;
  const isProduction = e.NODE_ENV === "production";
  const secrets = splitSecrets(e.SESSION_SECRET);
  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    pgliteDir: e.PGLITE_DIR,
    sessionSecrets: secrets.length > 0 ? secrets : [localSessionSecret(e.NODE_ENV, e.DATABASE_URL, e.PGLITE_DIR)],
    appUrl: e.APP_URL?.replace(/\/+$/, ""),
    smtpUrl: e.SMTP_URL,
    mailDir: e.MAIL_DIR,
    staffMfa: e.STAFF_MFA ?? (isProduction ? "required" : "optional"),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === "test" ? "silent" : "info"),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    secureCookies: isProduction && !e.INSECURE_COOKIES && (e.APP_URL?.startsWith("https://") ?? false),
    totpEncryptionKey: e.TOTP_ENCRYPTION_KEY,
    digestHourUtc: e.DIGEST_HOUR_UTC,
    digestRecipients: e.DIGEST_RECIPIENTS ?? [],
    secretariat: { email: e.SECRETARIAT_EMAIL, address: e.SECRETARIAT_ADDRESS },
  };
}

let cached: Env | undefined;

/** The process's environment, validated on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
