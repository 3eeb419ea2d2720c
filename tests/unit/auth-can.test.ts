// What the pages show to whom (can(), for buttons and links only: the guards protect the server),
// and the development mailbox, which exists in development alone and only while mail goes to files.
import { afterEach, describe, expect, it, vi } from "vitest";
import { can } from "~/auth/permissions.server";

const member = { role: "member" as const, emailVerified: true };
const secretariat = { role: "secretariat" as const, emailVerified: true };
const admin = { role: "admin" as const, emailVerified: true };

describe("can", () => {
  it("shows the audit trail and review to the secretariat and admins only", () => {
    for (const action of ["review", "read:audit"] as const) {
      expect(can(secretariat, action), action).toBe(true);
      expect(can(admin, action), action).toBe(true);
      expect(can(member, action), action).toBe(false);
    }
  });

  it("shows staff management to admins only", () => {
    expect(can(admin, "manage:staff")).toBe(true);
    expect(can(secretariat, "manage:staff")).toBe(false);
    expect(can(member, "manage:staff")).toBe(false);
  });

  it("shows acting and proposing for an actor to its representatives only", () => {
    for (const action of ["represent", "propose:initiative"] as const) {
      expect(can(member, action, { actorId: "a", representedActorIds: ["b", "a"] }), action).toBe(true);
      expect(can(member, action, { actorId: "c", representedActorIds: ["b", "a"] }), action).toBe(false);
      expect(can(member, action, { actorId: "a" }), action).toBe(false);
      expect(can(member, action, { representedActorIds: ["a"] }), action).toBe(false);
      expect(can(member, action), action).toBe(false);
    }
  });

  it("shows nothing to a person whose email is unverified, or to a visitor", () => {
    expect(can({ role: "admin", emailVerified: false }, "manage:staff")).toBe(false);
    expect(can({ role: "member", emailVerified: false }, "represent", { actorId: "a", representedActorIds: ["a"] })).toBe(false);
    expect(can(null, "represent", { actorId: "a", representedActorIds: ["a"] })).toBe(false);
  });
});

describe("the development mailbox", () => {
  const KEYS = ["NODE_ENV", "SMTP_URL", "MAIL_DIR", "SESSION_SECRET", "DATABASE_URL", "APP_URL", "PGLITE_DIR"] as const;
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    vi.resetModules();
  });

  /** requireDevelopmentMailbox as a process started with these variables runs it. */
  async function mailboxUnder(env: Partial<Record<(typeof KEYS)[number], string>>) {
    vi.resetModules();
    for (const key of KEYS) delete process.env[key];
    Object.assign(process.env, { SESSION_SECRET: "a-secret-long-enough-for-the-environment-check", PGLITE_DIR: "memory://", ...env });
    const { requireDevelopmentMailbox } = await import("~/auth/permissions.server");
    try {
      return requireDevelopmentMailbox();
    } catch (error) {
      if (error instanceof Response) return error.status;
      throw error;
    }
  }

  it("opens in development when mail is written to files, and gives their folder", async () => {
    expect(await mailboxUnder({ NODE_ENV: "development", MAIL_DIR: "/tmp/portal-mail" })).toBe("/tmp/portal-mail");
  });

  it("does not exist (404) once mail goes out by SMTP, in tests, or in production", async () => {
    expect(await mailboxUnder({ NODE_ENV: "development", SMTP_URL: "smtp://mail.example:587" })).toBe(404);
    expect(await mailboxUnder({ NODE_ENV: "test", MAIL_DIR: "/tmp/portal-mail" })).toBe(404);
    expect(await mailboxUnder({ NODE_ENV: "production", MAIL_DIR: "/tmp/portal-mail" })).toBe(404);
  });
});
