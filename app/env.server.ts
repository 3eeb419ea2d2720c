// The process environment, validated once. Everything else reads configuration from here,
// so a typo in a variable name or value stops the server at start-up instead of at 3 a.m.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "localhost"]);

const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const flag = z.preprocess(emptyAsUndefined, z.enum(["0", "1", "true", "false"]).optional()).transform((v) => v === "1" || v === "true");

const milliseconds = (fallback: number) => z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).max(600_000).default(fallback));

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
    APP_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .url()
        .refine((value) => /^https?:\/\/[^/?#]+\/*$/.test(value), "must be an http:// or https:// origin, without a path (https://portal.example.org)")
        .optional(),
    ),
    LOCAL_ONLY: flag,
    BODY_LIMIT_BYTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(64 * 1024)),
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
    // Faults and floods (docs/security.md): every wait on the database or a client is bounded.
    DATABASE_CONNECT_TIMEOUT_MS: milliseconds(3_000),
    DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(10_000),
    DATABASE_LOCK_TIMEOUT_MS: milliseconds(2_000),
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds(10_000),
    REQUEST_TIMEOUT_MS: milliseconds(20_000),
    SHUTDOWN_TIMEOUT_MS: milliseconds(10_000),
    DIGEST_HOUR_UTC: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(23).default(7)),
    DIGEST_RECIPIENTS: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
        .pipe(z.array(z.string().email("must be a comma-separated list of email addresses")))
        .optional(),
    ),
    // The public page cache (server/page-cache.ts, ADR 015).
    PAGE_CACHE: z.preprocess(emptyAsUndefined, z.enum(["on", "off"], { message: "must be on or off" }).default("on")),
    PAGE_CACHE_MAX_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(4096).default(64)),
    PAGE_CACHE_TTL_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(86_400).default(60)),
    BENCH_ROUTES: flag,
    SECRETARIAT_EMAIL: z.preprocess(emptyAsUndefined, z.string().email().default("secretariat@alliance.example")),
    SECRETARIAT_ADDRESS: z.preprocess(
      emptyAsUndefined,
      z.string().max(500).default("Secretariat of the Alliance for Multilateralism, 1 Example Square, 75007 Paris, France"),
    ),
  })
  .superRefine((env, ctx) => {
    // A portal on PostgreSQL in production serves others: links in emails must not depend on
    // whatever Host a request names, so its public address has to be stated.
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.APP_URL && !env.LOCAL_ONLY) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["APP_URL"],
        message:
          "is required in production with DATABASE_URL: the address people use to reach the portal (https://portal.example.org); links in emails and the API are built from it",
      });
    }
    if (!env.APP_URL && env.PORT === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["PORT"], message: "must be a fixed port in local mode (no APP_URL): links name http://localhost:PORT" });
    }
    if (env.LOCAL_ONLY && env.APP_URL) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["LOCAL_ONLY"], message: "means local mode, which has no APP_URL: unset one of them" });
    }
    if (env.LOCAL_ONLY && !LOOPBACK_HOSTS.has(env.HOST ?? "")) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["LOCAL_ONLY"],
        message: "needs HOST set to a loopback address (127.0.0.1, ::1 or localhost): local mode serves this machine only",
      });
    }
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
  /** APP_URL as configured (an origin, no trailing slash); unset in local mode. */
  appUrl: string | undefined;
  /**
   * Local mode (no APP_URL): the portal serves this machine only. It answers requests naming
   * localhost, 127.0.0.1 or [::1] on its port, and may hold the demo data.
   */
  localMode: boolean;
  /**
   * The one base URL of links in emails and the API: APP_URL, or http://localhost:PORT in local
   * mode. Never derived from a request's Host or X-Forwarded-Host.
   */
  publicUrl: string;
  /** Largest request body accepted; larger ones get 413 before anything parses them. */
  bodyLimitBytes: number;
  smtpUrl: string | undefined;
  mailDir: string;
  staffMfa: "required" | "optional";
  logLevel: (typeof LOG_LEVELS)[number];
  /** Value for Express's "trust proxy" setting; false when the app faces clients directly. */
  trustProxy: boolean | number | string;
  /**
   * Whether cookies carry the Secure flag and the __Host- prefix: always, local mode included
   * (browsers accept secure cookies from http://localhost), unless INSECURE_COOKIES=1.
   */
  secureCookies: boolean;
  /** Key material for TOTP secrets at rest; when unset, auth derives it from the session secrets. */
  totpEncryptionKey: string | undefined;
  /** Bounds on waiting (faults and floods, docs/security.md), all in milliseconds. */
  timeouts: {
    databaseConnect: number;
    statement: number;
    lock: number;
    idleInTransaction: number;
    request: number;
    shutdown: number;
  };
  /** Hour (UTC, 0–23) from which the secretariat's daily digest of waiting items is sent. */
  digestHourUtc: number;
  /** Who receives the digest; empty: every secretariat and admin account. */
  digestRecipients: string[];
  /** How to reach the secretariat, shown on /about, /privacy and /accessibility. */
  secretariat: { email: string; address: string };
  /** The public page cache (ADR 015); null when PAGE_CACHE=off. */
  pageCache: { maxBytes: number; ttlMs: number } | null;
  /** BENCH_ROUTES=1: the benchmark's bare route and its per-request cache switch. */
  benchRoutes: boolean;
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
  const appUrl = e.APP_URL ? new URL(e.APP_URL).origin : undefined;
  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    pgliteDir: e.PGLITE_DIR,
    sessionSecrets: secrets.length > 0 ? secrets : [localSessionSecret(e.NODE_ENV, e.DATABASE_URL, e.PGLITE_DIR)],
    appUrl,
    localMode: !appUrl,
    publicUrl: appUrl ?? `http://localhost:${e.PORT}`,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    smtpUrl: e.SMTP_URL,
    mailDir: e.MAIL_DIR,
    staffMfa: e.STAFF_MFA ?? (isProduction ? "required" : "optional"),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === "test" ? "silent" : "info"),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    secureCookies: !e.INSECURE_COOKIES,
    totpEncryptionKey: e.TOTP_ENCRYPTION_KEY,
    timeouts: {
      databaseConnect: e.DATABASE_CONNECT_TIMEOUT_MS,
      statement: e.DATABASE_STATEMENT_TIMEOUT_MS,
      lock: e.DATABASE_LOCK_TIMEOUT_MS,
      idleInTransaction: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      request: e.REQUEST_TIMEOUT_MS,
      shutdown: e.SHUTDOWN_TIMEOUT_MS,
    },
    digestHourUtc: e.DIGEST_HOUR_UTC,
    digestRecipients: e.DIGEST_RECIPIENTS ?? [],
    secretariat: { email: e.SECRETARIAT_EMAIL, address: e.SECRETARIAT_ADDRESS },
    pageCache: e.PAGE_CACHE === "on" ? { maxBytes: e.PAGE_CACHE_MAX_MB * 1024 * 1024, ttlMs: e.PAGE_CACHE_TTL_SECONDS * 1000 } : null,
    benchRoutes: e.BENCH_ROUTES,
  };
}

let cached: Env | undefined;

/** The process's environment, validated on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
