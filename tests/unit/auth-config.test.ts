// The auth settings as the environment sets them, above all the key that encrypts TOTP secrets at
// rest: a person's authenticator must keep working when SESSION_SECRET rotates and when the portal
// is upgraded, and a secret must stay unreadable under any other key. The environment is read once
// per process, so each case loads the modules afresh under its own variables.
import { afterEach, describe, expect, it, vi } from "vitest";

const KEYS = ["NODE_ENV", "SESSION_SECRET", "TOTP_ENCRYPTION_KEY", "STAFF_MFA", "INSECURE_COOKIES"] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  vi.resetModules();
});

const OLDEST = "oldest-session-secret-still-in-the-list-000000";
const NEWER = "newer-session-secret-signing-cookies-now-11111";
const UNRELATED = "a-session-secret-of-another-installation-22222";
const TOTP_KEY = "totp-encryption-key-kept-across-rotations-0000";
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** The auth modules as a process started with these variables sees them. */
async function startedWith(env: Partial<Record<(typeof KEYS)[number], string>>) {
  vi.resetModules();
  for (const key of KEYS) delete process.env[key];
  Object.assign(process.env, { NODE_ENV: "test", ...env });
  return { ...(await import("~/auth/config.server")), ...(await import("~/auth/totp.server")) };
}

describe("TOTP secrets at rest, without TOTP_ENCRYPTION_KEY", () => {
  it("stay readable when a newer SESSION_SECRET is put in front of the list", async () => {
    const before = await startedWith({ SESSION_SECRET: OLDEST });
    const stored = before.encryptSecret(SECRET);
    const after = await startedWith({ SESSION_SECRET: `${NEWER},${OLDEST}` });
    expect(after.decryptSecret(stored)).toBe(SECRET);
  });

  it("are unreadable under another installation's secrets", async () => {
    const stored = (await startedWith({ SESSION_SECRET: OLDEST })).encryptSecret(SECRET);
    const other = await startedWith({ SESSION_SECRET: UNRELATED });
    expect(() => other.decryptSecret(stored)).toThrow();
  });

  it("still decrypt as stored by earlier releases, keyed on the oldest session secret", async () => {
    // Encrypted by the release that introduced encryption at rest: an upgrade must not lock anyone out.
    const stored = "v1.rxDLj1X7M9iipBx3.mrjL1lpY6JJ0_XjL9y0F1g.hu8V60Ixq4YIPVRXLFcbIjnAoMlOY2rbEO4GPMkll_A";
    expect((await startedWith({ SESSION_SECRET: `${NEWER},${OLDEST}` })).decryptSecret(stored)).toBe(SECRET);
  });
});

describe("TOTP secrets at rest, with TOTP_ENCRYPTION_KEY", () => {
  it("stay readable when every session secret has been replaced", async () => {
    const stored = (await startedWith({ SESSION_SECRET: OLDEST, TOTP_ENCRYPTION_KEY: TOTP_KEY })).encryptSecret(SECRET);
    const after = await startedWith({ SESSION_SECRET: UNRELATED, TOTP_ENCRYPTION_KEY: TOTP_KEY });
    expect(after.decryptSecret(stored)).toBe(SECRET);
  });

  it("are unreadable under another TOTP_ENCRYPTION_KEY, even with the same session secret", async () => {
    const stored = (await startedWith({ SESSION_SECRET: OLDEST, TOTP_ENCRYPTION_KEY: TOTP_KEY })).encryptSecret(SECRET);
    const other = await startedWith({ SESSION_SECRET: OLDEST, TOTP_ENCRYPTION_KEY: `${TOTP_KEY}-other` });
    expect(() => other.decryptSecret(stored)).toThrow();
  });

  it("still decrypt as stored by earlier releases", async () => {
    const stored = "v1.bWaSjwg1E2P99rgL.S0Ihh1Ol2RlZJ0mKR_-nZA.v2ZKz57PGObjwsy4EYB8HfYmrnUMWJNXAK4lff3n1zE";
    expect((await startedWith({ SESSION_SECRET: UNRELATED, TOTP_ENCRYPTION_KEY: TOTP_KEY })).decryptSecret(stored)).toBe(SECRET);
  });
});

describe("the staff two-factor switch", () => {
  it("asks staff for two-factor with STAFF_MFA=required only", async () => {
    expect((await startedWith({ SESSION_SECRET: OLDEST, STAFF_MFA: "required" })).authConfig().staffMfaRequired).toBe(true);
    expect((await startedWith({ SESSION_SECRET: OLDEST, STAFF_MFA: "optional" })).authConfig().staffMfaRequired).toBe(false);
  });
});

describe("the cookie settings", () => {
  it("passes the session secrets, newest first, and the Secure switch through", async () => {
    const config = (await startedWith({ SESSION_SECRET: `${NEWER},${OLDEST}` })).authConfig();
    expect(config.sessionSecrets).toEqual([NEWER, OLDEST]);
    expect(config.secureCookies).toBe(true);
    expect((await startedWith({ SESSION_SECRET: OLDEST, INSECURE_COOKIES: "1" })).authConfig().secureCookies).toBe(false);
  });
});
