// What the pages show to whom (can(), for buttons and links only: the guards protect the server),
// and the development mailbox, which exists in development alone and only while mail goes to files.
import { describe, expect, it, vi } from "vitest";
import { can, requireDevelopmentMailbox } from "~/auth/permissions.server";
import { type Env, parseEnv } from "~/env.server";

// The environment is read once per process: the mailbox cases stand in their own for getEnv.
const environment = vi.hoisted(() => ({ current: undefined as Env | undefined }));
vi.mock("~/env.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/env.server")>();
  return { ...real, getEnv: () => environment.current ?? real.getEnv() };
});

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
  const SECRET = "a-secret-long-enough-for-the-environment-check";
  const under = (vars: Record<string, string>) => {
    environment.current = parseEnv({ SESSION_SECRET: SECRET, PGLITE_DIR: "memory://", ...vars });
    try {
      return requireDevelopmentMailbox();
    } catch (error) {
      if (error instanceof Response) return error.status;
      throw error;
    } finally {
      environment.current = undefined;
    }
  };

  it("opens in development when mail is written to files, and gives their folder", () => {
    expect(under({ NODE_ENV: "development", MAIL_DIR: "/tmp/portal-mail" })).toBe("/tmp/portal-mail");
  });

  it("does not exist (404) once mail goes out by SMTP, in tests, or in production", () => {
    expect(under({ NODE_ENV: "development", SMTP_URL: "smtp://mail.example:587" })).toBe(404);
    expect(under({ NODE_ENV: "test", MAIL_DIR: "/tmp/portal-mail" })).toBe(404);
    expect(under({ NODE_ENV: "production", MAIL_DIR: "/tmp/portal-mail" })).toBe(404);
  });
});
