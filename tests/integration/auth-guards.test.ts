// The guards every loader and action starts with (app/auth/permissions.server.ts), called as a
// route calls them: where each sends a visitor who may not pass, and that one who may passes.
// STAFF_MFA=required (the production default) so the staff two-factor rule is in force.
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  getSession,
  requireAdmin,
  requireAnonymous,
  requirePendingSecondFactor,
  requireRecentAuthentication,
  requireSession,
  requireStaff,
  requireVerifiedSession,
  requireVerifiedUser,
} from "~/auth/permissions.server";
import { deleteSession } from "~/auth/session.server";
import { encryptSecret, newTotpSecret } from "~/auth/totp.server";
import { users, type UserRole } from "~/db/schema";
import { createUser, startSession } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { routeArgs, thrownOutcome } from "../support/remix";

// Read once by the environment module on first use, which comes after this line.
const saved = vi.hoisted(() => {
  const before = process.env.STAFF_MFA;
  process.env.STAFF_MFA = "required";
  return before;
});
afterAll(() => {
  if (saved === undefined) delete process.env.STAFF_MFA;
  else process.env.STAFF_MFA = saved;
});

const t = useTestDatabase();
const MINUTE = 60_000;

async function signedIn(
  role: UserRole = "member",
  options: { verified?: boolean; twoFactor?: boolean; mfaVerified?: boolean; signedInMinutesAgo?: number } = {},
) {
  const user = await createUser(t.db, { role, verified: options.verified });
  if (options.twoFactor) {
    await t.db.update(users).set({ totpSecret: encryptSecret(newTotpSecret()), totpEnabledAt: new Date() }).where(eq(users.id, user.id));
  }
  const now = options.signedInMinutesAgo === undefined ? undefined : new Date(Date.now() - options.signedInMinutesAgo * MINUTE);
  return { user, ...(await startSession(t.db, user, { mfaVerified: options.mfaVerified, now })) };
}

const args = (cookie: string | undefined, path = "/account/settings?tab=email", method = "GET") =>
  routeArgs(path, { db: t.db, method, headers: cookie ? { Cookie: cookie } : {} });
const location = async (promise: Promise<unknown>) => (await thrownOutcome(promise)).headers.get("Location");

describe("requireSession", () => {
  it("sends a visitor to sign in, and back to the very page and query afterwards", async () => {
    expect(await location(requireSession(args(undefined)))).toBe("/login?redirectTo=%2Faccount%2Fsettings%3Ftab%3Demail");
  });

  it("sends a session still owing its second factor to the code page", async () => {
    const { cookie } = await signedIn("member", { twoFactor: true, mfaVerified: false });
    expect(await location(requireSession(args(cookie)))).toBe("/login/two-factor");
  });

  it("lets a fully signed-in person through with their session", async () => {
    const { user, cookie } = await signedIn();
    expect((await requireSession(args(cookie))).user).toMatchObject({ id: user.id, email: user.email });
  });
});

describe("requirePendingSecondFactor (the code page)", () => {
  it("sends a visitor with no session to sign in, and a fully signed-in one to the account", async () => {
    expect(await location(requirePendingSecondFactor(args(undefined)))).toBe("/login");
    const { cookie } = await signedIn();
    expect(await location(requirePendingSecondFactor(args(cookie)))).toBe("/account");
  });

  it("lets in the session that passed the password step and owes its code", async () => {
    const { user, cookie } = await signedIn("member", { twoFactor: true, mfaVerified: false });
    expect(await requirePendingSecondFactor(args(cookie))).toMatchObject({ mfaVerified: false, user: { id: user.id } });
  });
});

describe("requireAnonymous (the sign-in and sign-up pages)", () => {
  it("sends a signed-in person to their account", async () => {
    const { cookie } = await signedIn();
    expect(await location(requireAnonymous(args(cookie, "/login")))).toBe("/account");
  });

  it("lets a visitor in, and a session still owing its code (it may start over)", async () => {
    await expect(requireAnonymous(args(undefined, "/login"))).resolves.toBeUndefined();
    const { cookie } = await signedIn("member", { twoFactor: true, mfaVerified: false });
    await expect(requireAnonymous(args(cookie, "/login"))).resolves.toBeUndefined();
  });
});

describe("requireVerifiedUser", () => {
  it("sends a person whose email is not verified to verify it", async () => {
    const { cookie } = await signedIn("member", { verified: false });
    expect(await location(requireVerifiedUser(args(cookie)))).toBe("/verify-email");
  });

  it("sends staff without two-factor to set it up, secretariat and admins alike", async () => {
    for (const role of ["secretariat", "admin"] as const) {
      const { cookie } = await signedIn(role);
      expect(await location(requireVerifiedUser(args(cookie))), role).toBe("/account/two-factor?required=1");
    }
  });

  it("opens the two-factor setup pages to staff who have not set it up yet", async () => {
    const { user, cookie } = await signedIn("secretariat");
    expect(await requireVerifiedUser(args(cookie), { duringTwoFactorSetup: true })).toMatchObject({ id: user.id });
    expect((await requireVerifiedSession(args(cookie), { duringTwoFactorSetup: true })).user).toMatchObject({ id: user.id });
  });

  it("lets in staff with two-factor, and members without it", async () => {
    const staff = await signedIn("admin", { twoFactor: true });
    expect(await requireVerifiedUser(args(staff.cookie))).toMatchObject({ id: staff.user.id, role: "admin" });
    const member = await signedIn("member");
    expect(await requireVerifiedUser(args(member.cookie))).toMatchObject({ id: member.user.id, role: "member" });
  });

  it("returns the session itself for pages that need it, and refuses where the user guard refuses", async () => {
    const { user, cookie } = await signedIn();
    expect((await requireVerifiedSession(args(cookie))).user.id).toBe(user.id);
    const unverified = await signedIn("member", { verified: false });
    expect(await location(requireVerifiedSession(args(unverified.cookie)))).toBe("/verify-email");
  });
});

describe("requireRecentAuthentication (password and two-factor changes)", () => {
  it("lets through a person who typed their password in the last ten minutes", async () => {
    const { user, cookie } = await signedIn("member", { signedInMinutesAgo: 9 });
    expect((await requireRecentAuthentication(args(cookie, "/account/password"))).user.id).toBe(user.id);
  });

  it("asks for the password again after ten minutes, then returns to the very page", async () => {
    const { cookie } = await signedIn("member", { signedInMinutesAgo: 11 });
    expect(await location(requireRecentAuthentication(args(cookie, "/account/two-factor?step=2")))).toBe(
      "/account/confirm?redirectTo=%2Faccount%2Ftwo-factor%3Fstep%3D2",
    );
  });

  it("keeps the staff two-factor rule, except on the setup pages", async () => {
    const { cookie } = await signedIn("secretariat");
    expect(await location(requireRecentAuthentication(args(cookie, "/account/password")))).toBe("/account/two-factor?required=1");
    await expect(requireRecentAuthentication(args(cookie, "/account/two-factor"), { duringTwoFactorSetup: true })).resolves.toBeTruthy();
  });
});

describe("requireStaff and requireAdmin", () => {
  it("refuse a member with 403", async () => {
    const { cookie } = await signedIn("member");
    expect((await thrownOutcome(requireStaff(args(cookie, "/secretariat")))).status).toBe(403);
    expect((await thrownOutcome(requireAdmin(args(cookie, "/secretariat/users")))).status).toBe(403);
  });

  it("let the secretariat in as staff only, and an admin as both", async () => {
    const secretariat = await signedIn("secretariat", { twoFactor: true });
    expect(await requireStaff(args(secretariat.cookie, "/secretariat"))).toMatchObject({ id: secretariat.user.id });
    expect((await thrownOutcome(requireAdmin(args(secretariat.cookie, "/secretariat/users")))).status).toBe(403);
    const admin = await signedIn("admin", { twoFactor: true });
    expect(await requireStaff(args(admin.cookie, "/secretariat"))).toMatchObject({ id: admin.user.id });
    expect(await requireAdmin(args(admin.cookie, "/secretariat/users"))).toMatchObject({ id: admin.user.id });
  });

  it("send staff without two-factor to set it up before anything else", async () => {
    const { cookie } = await signedIn("admin");
    expect(await location(requireAdmin(args(cookie, "/secretariat/users")))).toBe("/account/two-factor?required=1");
  });
});

describe("the session seen by one request's loaders and actions", () => {
  it("after an action signs the person out, the page's loaders of that same request see a visitor", async () => {
    const { cookie } = await signedIn();
    const post = args(cookie, "/logout", "POST");
    const session = await getSession(post);
    expect(session).not.toBeNull();
    await deleteSession(t.db, session?.idHash ?? "");
    // Remix gives each loader its own copy of the Request, with the same load context.
    const loader = { ...args(cookie, "/"), context: post.context };
    expect(await getSession(loader)).toBeNull();
  });

  it("costs one session lookup for all the loaders of one page load (GET or HEAD)", async () => {
    const { user, cookie } = await signedIn();
    for (const method of ["GET", "HEAD"]) {
      let lookups = 0;
      const db = new Proxy(t.db, {
        get(target, property) {
          if (property === "select") lookups++;
          const value = Reflect.get(target, property, target);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      const context = { ...args(cookie).context, db };
      // Remix gives the root's and the page's loaders each a copy of the Request, and one context.
      expect((await getSession({ ...args(cookie, "/", method), context }))?.user.id).toBe(user.id);
      expect((await requireSession({ ...args(cookie, "/account", method), context })).user.id).toBe(user.id);
      expect(lookups, method).toBe(1);
    }
  });

  it("looks again when the cookie differs", async () => {
    const first = await signedIn();
    const second = await signedIn();
    const one = args(first.cookie, "/");
    expect((await getSession(one))?.user.id).toBe(first.user.id);
    expect((await getSession({ ...args(second.cookie, "/"), context: one.context }))?.user.id).toBe(second.user.id);
  });
});
