// The session cookie as production sets it: __Host- prefixed, Secure, HttpOnly, SameSite=Lax,
// signed with the newest of the SESSION_SECRET list while older secrets still verify.
import { createCookie } from "@remix-run/node";
import { afterAll, describe, expect, it, vi } from "vitest";
import { readSessionId, sessionCookieHeader } from "~/auth/session.server";

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
