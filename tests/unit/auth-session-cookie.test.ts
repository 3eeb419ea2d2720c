// The session cookie as production sets it: __Host- prefixed, Secure, HttpOnly, SameSite=Lax,
// signed with the newest of the SESSION_SECRET list while older secrets still verify.
import { createCookie } from "@remix-run/node";
import { afterAll, describe, expect, it, vi } from "vitest";
import { clearSessionCookieHeader, readSessionId, sessionCookieHeader } from "~/auth/session.server";

const NEWEST = "newest-secret-for-signing-session-cookies-000000";
const OLDER = "older-secret-still-accepted-during-rotation-11111";
const RETIRED = "retired-secret-removed-from-the-list-22222222222";

// The environment module reads process.env on first use, after these lines.
const saved = vi.hoisted(() => {
  const keys = ["NODE_ENV", "APP_URL", "SESSION_SECRET", "INSECURE_COOKIES"] as const;
  const before = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  process.env.NODE_ENV = "production";
  process.env.APP_URL = "https://portal.example";
  process.env.SESSION_SECRET = "newest-secret-for-signing-session-cookies-000000,older-secret-still-accepted-during-rotation-11111";
  delete process.env.INSECURE_COOKIES;
  return before;
});

afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const SESSION_ID = "x".repeat(43);
const withCookie = (cookie: string) => new Request("https://portal.example/account", { headers: { Cookie: cookie.split(";")[0] ?? "" } });

describe("the session cookie in production", () => {
  it("is bound to this origin and out of reach of scripts", async () => {
    const header = await sessionCookieHeader(SESSION_ID);
    expect(header).toMatch(/^__Host-session=/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/Domain=/i);
    // Only the id travels, signed; nothing about the user.
    expect(header).not.toMatch(/email|role/i);
  });

  it("is signed with the newest secret", async () => {
    const header = await sessionCookieHeader(SESSION_ID);
    const newestOnly = createCookie("__Host-session", { secrets: [NEWEST] });
    expect(await newestOnly.parse(header.split(";")[0] ?? "")).toBe(SESSION_ID);
  });

  it("still accepts cookies signed with an older secret of the list, so rotation signs nobody out", async () => {
    const signedBefore = await createCookie("__Host-session", { secrets: [OLDER] }).serialize(SESSION_ID);
    expect(await readSessionId(withCookie(signedBefore))).toBe(SESSION_ID);
  });

  it("refuses cookies signed with a secret no longer listed, or not signed at all", async () => {
    const retired = await createCookie("__Host-session", { secrets: [RETIRED] }).serialize(SESSION_ID);
    expect(await readSessionId(withCookie(retired))).toBeNull();
    expect(await readSessionId(withCookie(`__Host-session=${SESSION_ID}`))).toBeNull();
  });
});

describe("reading the session id from a request", () => {
  const signed = (value: unknown) => createCookie("__Host-session", { secrets: [NEWEST] }).serialize(value);

  it("reads the id back from the cookie the portal set", async () => {
    expect(await readSessionId(withCookie(await sessionCookieHeader(SESSION_ID)))).toBe(SESSION_ID);
  });

  it("takes a signed value of 32 to 100 characters as an id, and nothing shorter, longer or not text", async () => {
    expect(await readSessionId(withCookie(await signed("a".repeat(32))))).toBe("a".repeat(32));
    expect(await readSessionId(withCookie(await signed("a".repeat(100))))).toBe("a".repeat(100));
    expect(await readSessionId(withCookie(await signed("a".repeat(31))))).toBeNull();
    expect(await readSessionId(withCookie(await signed("a".repeat(101))))).toBeNull();
    expect(await readSessionId(withCookie(await signed({ id: "a".repeat(40) })))).toBeNull();
  });

  it("finds nothing in a request without a cookie", async () => {
    expect(await readSessionId(new Request("https://portal.example/account"))).toBeNull();
  });
});

describe("signing out in the browser", () => {
  it("replaces the cookie with an empty one that expires at once, with the same name and flags", async () => {
    const header = await clearSessionCookieHeader();
    expect(header).toMatch(/^__Host-session=[^;]*;/);
    expect(header).toMatch(/; Max-Age=0/);
    expect(header).toMatch(/; Path=\//);
    expect(header).toMatch(/; Secure/);
    expect(await readSessionId(withCookie(header))).toBeNull();
  });
});
