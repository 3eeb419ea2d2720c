// The session rows behind the cookie (app/auth/session.server.ts), called directly on the real
// database: what a new session records, what loading one tells the guards, the exact edges of the
// idle and re-authentication windows, rotation after the password is typed again, the list on the
// account page, and ending sessions. Sign-in and lifetimes through the forms: auth-sessions.test.ts.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  isRecentlyAuthenticated,
  isStaffRole,
  listActiveSessions,
  loadSession,
  rotateAfterReauthentication,
  type CurrentSession,
} from "~/auth/session.server";
import { sessions, users, type UserRole } from "~/db/schema";
import { sha256 } from "~/utils/crypto.server";
import { createUser } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { at, DAY, HOUR, MINUTE, origin, T0 } from "../support/session-clock";

const t = useTestDatabase();

async function open(role: UserRole = "member", options: { mfaVerified?: boolean; now?: Date; verified?: boolean } = {}) {
  const user = await createUser(t.db, { role, verified: options.verified });
  const id = await createSession(t.db, { userId: user.id, role, mfaVerified: options.mfaVerified ?? true, origin, now: options.now ?? T0 });
  return { user, id };
}
const rowOf = async (id: string) => (await t.db.select().from(sessions).where(eq(sessions.idHash, sha256(id))))[0];

describe("a new session", () => {
  it("records when it started, where from, and ends 30 days later for a member, 12 hours for staff", async () => {
    const member = await open("member");
    expect(await rowOf(member.id)).toMatchObject({
      userId: member.user.id,
      createdAt: T0,
      lastSeenAt: T0,
      expiresAt: at(30 * DAY),
      mfaVerifiedAt: T0,
      reauthenticatedAt: T0,
      ip: origin.ip,
      userAgent: origin.userAgent,
    });
    for (const role of ["secretariat", "admin"] as const) expect((await rowOf((await open(role)).id))?.expiresAt, role).toEqual(at(12 * HOUR));
  });

  it("keeps the first 500 characters of a browser's name, and nothing when there is none", async () => {
    const user = await createUser(t.db);
    const long = await createSession(t.db, { userId: user.id, role: "member", mfaVerified: true, origin: { ip: null, userAgent: "u".repeat(600) }, now: T0 });
    expect(await rowOf(long)).toMatchObject({ ip: null, userAgent: "u".repeat(500) });
    const none = await createSession(t.db, { userId: user.id, role: "member", mfaVerified: true, origin: { ip: null, userAgent: null }, now: T0 });
    expect((await rowOf(none))?.userAgent).toBeNull();
  });

  it("stores only the hash of a fresh 256-bit id", async () => {
    const { id } = await open();
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await t.db.select().from(sessions).where(eq(sessions.idHash, id))).toEqual([]);
    expect(await rowOf(id)).toBeDefined();
  });
});

describe("loading a session", () => {
  it("tells the guards who it is, whether the second factor is done, and when the password was last typed", async () => {
    const { user, id } = await open("member");
    await t.db.update(users).set({ totpEnabledAt: T0, locale: "es" }).where(eq(users.id, user.id));
    const session = await loadSession(t.db, id, at(MINUTE));
    expect(session).toEqual({
      idHash: sha256(id),
      createdAt: T0,
      mfaVerified: true,
      reauthenticatedAt: T0,
      user: { id: user.id, email: user.email, name: user.name, role: "member", locale: "es", emailVerified: true, totpEnabled: true },
    });
  });

  it("says so when the second factor is still owed, the email unverified, and two-factor off", async () => {
    const { id } = await open("member", { mfaVerified: false, verified: false });
    expect(await loadSession(t.db, id, at(MINUTE))).toMatchObject({ mfaVerified: false, user: { emailVerified: false, totpEnabled: false } });
  });

  it("is refused, and its row deleted, once the account is disabled", async () => {
    const { user, id } = await open();
    await t.db.update(users).set({ disabledAt: T0 }).where(eq(users.id, user.id));
    expect(await loadSession(t.db, id, at(MINUTE))).toBeNull();
    expect(await rowOf(id)).toBeUndefined();
  });

  it("keeps a session idle exactly as long as the limit, and ends it a moment later", async () => {
    for (const [role, idle] of [
      ["member", 7 * DAY],
      ["secretariat", 30 * MINUTE],
    ] as const) {
      const kept = await open(role);
      expect(await loadSession(t.db, kept.id, at(idle)), role).not.toBeNull();
      const ended = await open(role);
      expect(await loadSession(t.db, ended.id, at(idle + 1)), role).toBeNull();
    }
  });

  it("keeps the end a session was given at sign-in when the person loses the staff role", async () => {
    const { user, id } = await open("admin");
    await t.db.update(users).set({ role: "member" }).where(eq(users.id, user.id));
    for (let hours = 0.25; hours < 12; hours += 0.25) expect(await loadSession(t.db, id, at(hours * HOUR)), `${hours} h`).not.toBeNull();
    expect(await loadSession(t.db, id, at(12 * HOUR))).toBeNull();
  });

  it("moves the idle clock on when used", async () => {
    const { id } = await open("secretariat");
    expect(await loadSession(t.db, id, at(20 * MINUTE))).not.toBeNull();
    expect((await rowOf(id))?.lastSeenAt).toEqual(at(20 * MINUTE));
  });

  it("knows nothing of an id it never issued", async () => {
    expect(await loadSession(t.db, "an-id-never-issued-by-this-server-000000000", T0)).toBeNull();
  });
});

describe("who counts as staff", () => {
  it("the secretariat and admins, not members", () => {
    expect(isStaffRole("secretariat")).toBe(true);
    expect(isStaffRole("admin")).toBe(true);
    expect(isStaffRole("member")).toBe(false);
  });
});

describe("re-authentication", () => {
  const session = (reauthenticatedAt: Date | null) => ({ reauthenticatedAt }) as CurrentSession;

  it("counts as recent for ten minutes, to the millisecond, and never when the password was not typed in this session", () => {
    expect(isRecentlyAuthenticated(session(T0), at(10 * MINUTE))).toBe(true);
    expect(isRecentlyAuthenticated(session(T0), at(10 * MINUTE + 1))).toBe(false);
    expect(isRecentlyAuthenticated(session(null), T0)).toBe(false);
  });

  it("gives the session a new id: the old one stops working, the session keeps its start and expiry", async () => {
    const { user, id } = await open("member");
    const rotated = await rotateAfterReauthentication(t.db, sha256(id), at(HOUR));
    expect(rotated).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated).not.toBe(id);
    expect(await loadSession(t.db, id, at(HOUR))).toBeNull();
    expect(await rowOf(rotated ?? "")).toMatchObject({
      userId: user.id,
      createdAt: T0,
      expiresAt: at(30 * DAY),
      lastSeenAt: at(HOUR),
      reauthenticatedAt: at(HOUR),
      ip: origin.ip,
    });
  });

  it("gives nothing for a session that has ended", async () => {
    const { id } = await open();
    await deleteSession(t.db, sha256(id));
    expect(await rotateAfterReauthentication(t.db, sha256(id), at(HOUR))).toBeNull();
  });
});

describe("the account page's list of sessions", () => {
  it("shows the sessions still able to sign in, most recently used first, with when and where", async () => {
    const user = await createUser(t.db);
    const start = (now: Date) => createSession(t.db, { userId: user.id, role: "member", mfaVerified: true, origin, now });
    const older = await start(at(-2 * DAY));
    const newer = await start(at(-1 * DAY));
    const idle = await start(at(-8 * DAY));
    await t.db.update(sessions).set({ expiresAt: at(-1) }).where(eq(sessions.idHash, sha256(await start(at(-DAY / 2)))));
    const other = await open();
    const listed = await listActiveSessions(t.db, user.id, T0);
    expect(listed).toEqual([
      { idHash: sha256(newer), createdAt: at(-DAY), lastSeenAt: at(-DAY), ip: origin.ip, userAgent: origin.userAgent },
      { idHash: sha256(older), createdAt: at(-2 * DAY), lastSeenAt: at(-2 * DAY), ip: origin.ip, userAgent: origin.userAgent },
    ]);
    expect(listed.map((s) => s.idHash)).not.toContain(sha256(idle));
    expect(listed.map((s) => s.idHash)).not.toContain(sha256(other.id));
  });

  it("leaves out a staff session idle for more than 30 minutes", async () => {
    const { user } = await open("admin", { now: at(-31 * MINUTE) });
    expect(await listActiveSessions(t.db, user.id, T0)).toEqual([]);
  });
});

describe("ending sessions", () => {
  it("deleteSession ends that one session only", async () => {
    const { user, id } = await open();
    const other = await createSession(t.db, { userId: user.id, role: "member", mfaVerified: true, origin, now: T0 });
    await deleteSession(t.db, sha256(id));
    expect(await loadSession(t.db, id, T0)).toBeNull();
    expect(await loadSession(t.db, other, T0)).not.toBeNull();
  });

  it("deleteUserSessions ends all of a person's sessions, or all but the current, and says how many", async () => {
    const { user, id } = await open();
    const second = await createSession(t.db, { userId: user.id, role: "member", mfaVerified: true, origin, now: T0 });
    const third = await createSession(t.db, { userId: user.id, role: "member", mfaVerified: true, origin, now: T0 });
    const bystander = await open();
    expect(await deleteUserSessions(t.db, user.id, sha256(id))).toBe(2);
    expect(await loadSession(t.db, id, T0)).not.toBeNull();
    expect(await loadSession(t.db, second, T0)).toBeNull();
    expect(await loadSession(t.db, third, T0)).toBeNull();
    expect(await deleteUserSessions(t.db, user.id)).toBe(1);
    expect(await loadSession(t.db, id, T0)).toBeNull();
    expect(await loadSession(t.db, bystander.id, T0)).not.toBeNull();
  });
});
