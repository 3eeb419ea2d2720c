import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv } from "~/env.server";

const SECRET = "a-long-enough-secret-for-signing-cookies-0123456789";

describe("parseEnv", () => {
  it("gives the zero-configuration defaults", () => {
    const env = parseEnv({ NODE_ENV: "test" });
    expect(env).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      databasePoolSize: 10,
      pgliteDir: "./data/pglite",
      mailDir: "./data/mail",
      staffMfa: "optional",
      logLevel: "silent",
      trustProxy: false,
      secureCookies: true,
      localMode: true,
      appUrl: undefined,
      publicUrl: "http://localhost:3000",
      bodyLimitBytes: 65536,
    });
    expect(env.sessionSecrets).toHaveLength(1);
  });

  it("lists every invalid variable in one message", () => {
    let failure: unknown;
    try {
      parseEnv({ NODE_ENV: "staging", PORT: "http", DATABASE_URL: "mysql://db", LOG_LEVEL: "loud", APP_URL: "portal" });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(InvalidEnvironmentError);
    const message = (failure as Error).message;
    for (const name of ["NODE_ENV", "PORT", "DATABASE_URL", "LOG_LEVEL", "APP_URL"]) expect(message).toContain(name);
  });

  it("sizes the public page cache from PAGE_CACHE_MAX_MB and PAGE_CACHE_TTL_SECONDS, turns it off with PAGE_CACHE=off, and refuses nonsense", () => {
    expect(parseEnv({ NODE_ENV: "test" }).pageCache).toEqual({ maxBytes: 64 * 1024 * 1024, ttlMs: 60_000 });
    expect(parseEnv({ NODE_ENV: "test", PAGE_CACHE_MAX_MB: "8", PAGE_CACHE_TTL_SECONDS: "5" }).pageCache).toEqual({ maxBytes: 8 * 1024 * 1024, ttlMs: 5_000 });
    expect(parseEnv({ NODE_ENV: "test", PAGE_CACHE: "off" }).pageCache).toBeNull();
    for (const bad of [{ PAGE_CACHE: "maybe" }, { PAGE_CACHE_MAX_MB: "lots" }, { PAGE_CACHE_MAX_MB: "0" }, { PAGE_CACHE_TTL_SECONDS: "-1" }]) {
      expect(() => parseEnv({ NODE_ENV: "test", ...bad }), JSON.stringify(bad)).toThrow(Object.keys(bad)[0]);
    }
  });

  it("requires SESSION_SECRET in production on PostgreSQL, and long secrets everywhere", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/portal", APP_URL: "https://portal.example.org" })).toThrow(
      /SESSION_SECRET/,
    );
    expect(() => parseEnv({ NODE_ENV: "test", SESSION_SECRET: "short" })).toThrow(/at least 32/);
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://db/portal",
      APP_URL: "https://portal.example.org",
      SESSION_SECRET: ` ${SECRET}-new, ${SECRET}-old `,
    });
    expect(env.sessionSecrets).toEqual([`${SECRET}-new`, `${SECRET}-old`]);
    expect(env.staffMfa).toBe("required");
  });

  it("keeps a generated secret beside the embedded database so sessions survive restarts", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "srv-env-"));
    try {
      const source = { NODE_ENV: "production", PGLITE_DIR: path.join(folder, "pglite") };
      const first = parseEnv(source).sessionSecrets;
      expect(parseEnv(source).sessionSecrets).toEqual(first);
      expect(fs.readFileSync(path.join(folder, "session-secret"), "utf8")).toBe(first[0]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("marks cookies Secure (__Host- prefixed) everywhere, local mode included, unless INSECURE_COOKIES=1", () => {
    const base = { SESSION_SECRET: SECRET };
    expect(parseEnv({ ...base, NODE_ENV: "production", APP_URL: "https://portal.example.org" }).secureCookies).toBe(true);
    expect(parseEnv({ ...base, NODE_ENV: "production", APP_URL: "http://portal.example.org" }).secureCookies).toBe(true);
    expect(parseEnv({ ...base, NODE_ENV: "production" }).secureCookies).toBe(true);
    expect(parseEnv({ ...base, NODE_ENV: "development" }).secureCookies).toBe(true);
    expect(parseEnv({ ...base, NODE_ENV: "production", APP_URL: "https://portal.example.org", INSECURE_COOKIES: "1" }).secureCookies).toBe(false);
    expect(parseEnv({ ...base, NODE_ENV: "development", INSECURE_COOKIES: "1" }).secureCookies).toBe(false);
  });

  it("requires APP_URL in production on PostgreSQL, with a message saying what it is for", () => {
    const served = { NODE_ENV: "production", DATABASE_URL: "postgres://db/portal", SESSION_SECRET: SECRET };
    expect(() => parseEnv(served)).toThrow(/APP_URL: is required in production with DATABASE_URL.*links in emails/);
    const env = parseEnv({ ...served, APP_URL: "https://portal.example.org/" });
    expect(env).toMatchObject({ appUrl: "https://portal.example.org", publicUrl: "https://portal.example.org", localMode: false });
    // An address with a path would put every link and the CSRF origin in the wrong place.
    expect(() => parseEnv({ ...served, APP_URL: "https://portal.example.org/portal" })).toThrow(/APP_URL: must be an http/);
    expect(() => parseEnv({ ...served, APP_URL: "ftp://portal.example.org" })).toThrow(/APP_URL/);
  });

  it("runs in local mode on http://localhost:PORT without APP_URL, and on PostgreSQL only with LOCAL_ONLY=1 on a loopback HOST", () => {
    expect(parseEnv({ NODE_ENV: "production", PORT: "4100" })).toMatchObject({ localMode: true, publicUrl: "http://localhost:4100" });
    const served = { NODE_ENV: "production", DATABASE_URL: "postgres://db/portal", SESSION_SECRET: SECRET };
    expect(parseEnv({ ...served, LOCAL_ONLY: "1", HOST: "127.0.0.1" })).toMatchObject({ localMode: true, appUrl: undefined });
    expect(() => parseEnv({ ...served, LOCAL_ONLY: "1" })).toThrow(/LOCAL_ONLY: needs HOST set to a loopback address/);
    expect(() => parseEnv({ ...served, LOCAL_ONLY: "1", HOST: "0.0.0.0" })).toThrow(/LOCAL_ONLY/);
    expect(() => parseEnv({ ...served, LOCAL_ONLY: "1", HOST: "127.0.0.1", APP_URL: "https://portal.example.org" })).toThrow(/LOCAL_ONLY/);
    expect(() => parseEnv({ NODE_ENV: "test", PORT: "0" })).toThrow(/PORT: must be a fixed port in local mode/);
  });

  it("bounds request bodies at 64 KiB unless BODY_LIMIT_BYTES says otherwise", () => {
    expect(parseEnv({ NODE_ENV: "test", BODY_LIMIT_BYTES: "1048576" }).bodyLimitBytes).toBe(1_048_576);
    expect(() => parseEnv({ NODE_ENV: "test", BODY_LIMIT_BYTES: "10" })).toThrow(/BODY_LIMIT_BYTES/);
  });

  it("reads TRUST_PROXY as a hop count, a flag or a list of addresses", () => {
    expect(parseEnv({ NODE_ENV: "test", TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(parseEnv({ NODE_ENV: "test", TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(parseEnv({ NODE_ENV: "test", TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toBe("loopback, 10.0.0.0/8");
  });
});
