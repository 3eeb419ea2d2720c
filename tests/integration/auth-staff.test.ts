// Staff (secretariat and admin): two-factor is compulsory with STAFF_MFA=required, the
// production default, and only admins grant or revoke the secretariat role.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { authConfig } from "~/auth/config.server";
import { requireAdmin, requireStaff } from "~/auth/permissions.server";
import { loadSession } from "~/auth/session.server";
import { encryptSecret, newTotpSecret } from "~/auth/totp.server";
import { auditEvents, users, type User, type UserRole } from "~/db/schema";
import { createStaffUser, setUserRole } from "~/domain/accounts/staff.server";
import * as accountPage from "~/routes/account._index";
import * as twoFactorPage from "~/routes/account.two-factor";
import * as staffUsersPage from "~/routes/secretariat.users";
import { authenticatorCode, createUser, passwordHash, startSession } from "../support/accounts";
import { createTestDatabase, useTestDatabase } from "../support/db";
import { callAction, callLoader, outcome, routeArgs, thrownOutcome } from "../support/remix";

// Read once by the environment module on first use, which comes after this line.
vi.hoisted(() => {
  process.env.STAFF_MFA = "required";
});

const t = useTestDatabase();
const origin = { ip: "203.0.113.30", userAgent: "vitest" };

beforeAll(async () => {
  await passwordHash();
});

/** A user of this role, with two-factor on when asked, and a cookie for a fully signed-in session. */
async function signedIn(role: UserRole, options: { twoFactor?: boolean } = {}) {
  const user = await createUser(t.db, { role });
  if (options.twoFactor) {
    await t.db.update(users).set({ totpSecret: encryptSecret(newTotpSecret()), totpEnabledAt: new Date() }).where(eq(users.id, user.id));
  }
  return { user, ...(await startSession(t.db, user)) };
}

const guardArgs = (cookie: string, path = "/secretariat") => routeArgs(path, { db: t.db, headers: { Cookie: cookie } });

describe("staff accounts", () => {
  it("do not exist in a new database: the first one is made from the command line", async () => {
    // A database of its own: this file's is shared with tests that create staff, in any order.
    const fresh = await createTestDatabase();
    try {
      const staff = await fresh.db.select().from(users).where(inArray(users.role, ["secretariat", "admin"]));
      expect(staff).toEqual([]);
      await createStaffUser(fresh.db, { email: "first@secretariat.example", name: "First", role: "admin", password: "a long admin passphrase" });
      expect(await fresh.db.select({ role: users.role }).from(users).where(inArray(users.role, ["secretariat", "admin"]))).toEqual([{ role: "admin" }]);
    } finally {
      await fresh.destroy();
    }
  });

  it("made from the command line are verified, audited, and need a strong unused email", async () => {
    const created = await createStaffUser(t.db, { email: "Chief@Secretariat.example", name: "Chief", role: "admin", password: "a long admin passphrase" });
    if (!created.ok) throw new Error(`refused: ${created.reason}`);
    const admin = created.user;
    expect(admin).toMatchObject({ email: "chief@secretariat.example", role: "admin" });
    expect(admin.emailVerifiedAt).toBeInstanceOf(Date);
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.role_changed"), eq(auditEvents.subjectId, admin.id)));
    expect(audit?.data).toEqual({ before: null, after: "admin", via: "command line" });
    expect(await createStaffUser(t.db, { email: "chief@secretariat.example", name: "Twin", role: "secretariat", password: "another long passphrase" })).toEqual({
      ok: false,
      reason: "emailTaken",
    });
    expect(await createStaffUser(t.db, { email: "weak@secretariat.example", name: "Weak", role: "secretariat", password: "qwerty123456" })).toEqual({
      ok: false,
      reason: "weakPassword",
      problem: "common",
    });
    expect(await t.db.select().from(users).where(eq(users.email, "weak@secretariat.example"))).toEqual([]);
  });
});

describe("with STAFF_MFA=required", () => {
  it("is in force for this file", () => {
    expect(authConfig().staffMfaRequired).toBe(true);
  });

  it("sends a staff member without two-factor to set it up before anything else", async () => {
    for (const role of ["secretariat", "admin"] as const) {
      const { cookie } = await signedIn(role);
      const fromGuard = await thrownOutcome(requireStaff(guardArgs(cookie)));
      expect(fromGuard.status).toBe(302);
      expect(fromGuard.headers.get("Location")).toBe("/account/two-factor?required=1");
      const fromAccount = await thrownOutcome(callLoader(accountPage.loader, "/account", { db: t.db, headers: { Cookie: cookie } }));
      expect(fromAccount.headers.get("Location")).toBe("/account/two-factor?required=1");
    }
  });

  it("lets that staff member set up two-factor on the account page, and then in", async () => {
    const { user, cookie } = await signedIn("secretariat");
    const headers = { Cookie: cookie };
    const page = await callLoader(twoFactorPage.loader, "/account/two-factor?required=1", { db: t.db, headers });
    expect(page).toMatchObject({ required: true, enabled: false, setup: null });

    const started = await outcome(await callAction(twoFactorPage.action, "/account/two-factor", { db: t.db, headers, form: { intent: "start" } }));
    expect(started.headers.get("Location")).toBe("/account/two-factor");
    const pending = await callLoader(twoFactorPage.loader, "/account/two-factor", { db: t.db, headers });
    const secret = pending.setup?.secret;
    if (!secret) throw new Error("no secret shown");

    const confirmed = await callAction(twoFactorPage.action, "/account/two-factor", { db: t.db, headers, form: { intent: "confirm", code: authenticatorCode(secret) } });
    expect(confirmed).toMatchObject({ intent: "confirm" });
    expect((confirmed as { recoveryCodes: string[] | null }).recoveryCodes).toHaveLength(10);
    expect(await requireStaff(guardArgs(cookie))).toMatchObject({ id: user.id, totpEnabled: true });
  });

  it("lets a staff member with two-factor in", async () => {
    const { user, cookie } = await signedIn("secretariat", { twoFactor: true });
    expect(await requireStaff(guardArgs(cookie))).toMatchObject({ id: user.id, role: "secretariat" });
  });

  it("asks nothing more of members", async () => {
    const { cookie } = await signedIn("member");
    const page = await callLoader(accountPage.loader, "/account", { db: t.db, headers: { Cookie: cookie } });
    expect(page.user.role).toBe("member");
  });
});

describe("staff guards", () => {
  it("refuse a member with 403", async () => {
    const { cookie } = await signedIn("member");
    expect((await thrownOutcome(requireStaff(guardArgs(cookie)))).status).toBe(403);
    expect((await thrownOutcome(requireAdmin(guardArgs(cookie)))).status).toBe(403);
  });

  it("let the secretariat in as staff but not as admin", async () => {
    const { cookie } = await signedIn("secretariat", { twoFactor: true });
    expect(await requireStaff(guardArgs(cookie))).toMatchObject({ role: "secretariat" });
    expect((await thrownOutcome(requireAdmin(guardArgs(cookie)))).status).toBe(403);
  });

  it("send a signed-out visitor to sign in, and back afterwards", async () => {
    const refused = await thrownOutcome(requireStaff(routeArgs("/secretariat/users?q=amina", { db: t.db })));
    expect(refused.headers.get("Location")).toBe("/login?redirectTo=%2Fsecretariat%2Fusers%3Fq%3Damina");
  });

  it("refuse a staff session still waiting for its second factor", async () => {
    const user = await createUser(t.db, { role: "admin" });
    await t.db.update(users).set({ totpSecret: encryptSecret(newTotpSecret()), totpEnabledAt: new Date() }).where(eq(users.id, user.id));
    const { cookie } = await startSession(t.db, user, { mfaVerified: false });
    expect((await thrownOutcome(requireAdmin(guardArgs(cookie)))).headers.get("Location")).toBe("/login/two-factor");
  });
});

describe("role changes", () => {
  let admin: { user: User; cookie: string };
  beforeAll(async () => {
    admin = await signedIn("admin", { twoFactor: true });
  });

  const changeRole = (cookie: string, userId: string, role: string) =>
    callAction(staffUsersPage.action, "/secretariat/users", { db: t.db, headers: { Cookie: cookie }, form: { userId, role } });

  it("are audited with before and after, and end the person's sessions (new privileges, new session)", async () => {
    const target = await signedIn("member");
    const reply = await outcome(await changeRole(admin.cookie, target.user.id, "secretariat"));
    expect(reply.status).toBe(302);
    const [row] = await t.db.select().from(users).where(eq(users.id, target.user.id));
    expect(row?.role).toBe("secretariat");
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.role_changed"), eq(auditEvents.subjectId, target.user.id)));
    expect(audit).toMatchObject({ userId: admin.user.id, subjectType: "user", data: { before: "member", after: "secretariat" } });
    expect(await loadSession(t.db, target.sessionId)).toBeNull();

    await setUserRole(t.db, admin.user, target.user.id, "member", origin);
    const [back] = await t.db.select().from(users).where(eq(users.id, target.user.id));
    expect(back?.role).toBe("member");
  });

  it("cannot be made by admins to their own role", async () => {
    expect(await setUserRole(t.db, admin.user, admin.user.id, "member", origin)).toEqual({ ok: false, reason: "self" });
    const refused = await thrownOutcome(changeRole(admin.cookie, admin.user.id, "member"));
    expect(refused.status).toBe(400);
    const [row] = await t.db.select().from(users).where(eq(users.id, admin.user.id));
    expect(row?.role).toBe("admin");
  });

  it("cannot demote another admin from the page, and answer 404 for an unknown user", async () => {
    const other = await signedIn("admin", { twoFactor: true });
    expect((await thrownOutcome(changeRole(admin.cookie, other.user.id, "member"))).status).toBe(400);
    const [row] = await t.db.select().from(users).where(eq(users.id, other.user.id));
    expect(row?.role).toBe("admin");
    expect((await thrownOutcome(changeRole(admin.cookie, "00000000-0000-4000-8000-000000000000", "secretariat"))).status).toBe(404);
  });

  it("cannot grant the admin role from the page", async () => {
    const target = await createUser(t.db);
    expect((await thrownOutcome(changeRole(admin.cookie, target.id, "admin"))).status).toBe(400);
  });

  it("are refused to the secretariat and to members with 403, and change nothing", async () => {
    const target = await createUser(t.db);
    for (const role of ["secretariat", "member"] as const) {
      const { cookie } = await signedIn(role, { twoFactor: role === "secretariat" });
      expect((await thrownOutcome(changeRole(cookie, target.id, "secretariat"))).status).toBe(403);
      expect((await thrownOutcome(callLoader(staffUsersPage.loader, "/secretariat/users", { db: t.db, headers: { Cookie: cookie } }))).status).toBe(403);
    }
    const [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(row?.role).toBe("member");
  });

  it("show the admin the list of users", async () => {
    const listed = await createUser(t.db, { name: "Findable Person" });
    const page = await callLoader(staffUsersPage.loader, "/secretariat/users?q=Findable", { db: t.db, headers: { Cookie: admin.cookie } });
    expect(page.users.map((u: { id: string }) => u.id)).toContain(listed.id);
  });
});
