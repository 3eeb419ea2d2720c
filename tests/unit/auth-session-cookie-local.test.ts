// The session cookie in local mode (no APP_URL, `npm start` on http://localhost): still
// __Host- prefixed and Secure, which browsers accept from localhost; only INSECURE_COOKIES=1
// drops them, and that is a separate file because the environment is read once per process.
import { afterAll, describe, expect, it, vi } from "vitest";
import { sessionCookieHeader } from "~/auth/session.server";

const saved = vi.hoisted(() => {
  const keys = ["NODE_ENV", "APP_URL", "SESSION_SECRET", "INSECURE_COOKIES", "DATABASE_URL", "PGLITE_DIR"] as const;
  const before = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  process.env.NODE_ENV = "production";
  process.env.SESSION_SECRET = "a-local-secret-long-enough-to-sign-session-cookies";
  process.env.PGLITE_DIR = "memory://";
  delete process.env.APP_URL;
  delete process.env.INSECURE_COOKIES;
  delete process.env.DATABASE_URL;
  return before;
});

afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("the session cookie in local mode", () => {
  it("is __Host- prefixed and Secure although the portal runs on http://localhost", async () => {
    const header = await sessionCookieHeader("x".repeat(43));
    expect(header).toMatch(/^__Host-session=/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; HttpOnly/);
  });
});
