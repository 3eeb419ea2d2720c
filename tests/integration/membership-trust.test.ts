// Trust: the about, privacy and accessibility pages name the secretariat's configured contact,
// and sign-up records the acceptance of the privacy notice with its date and version.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "~/db/schema";
import { PRIVACY_NOTICE_VERSION } from "~/domain/privacy";
import { getEnv } from "~/env.server";
import * as aboutPage from "~/routes/about";
import * as accessibilityPage from "~/routes/accessibility";
import * as privacyPage from "~/routes/privacy";
import * as signupPage from "~/routes/signup";
import { useTestDatabase } from "../support/db";
import { callAction, callLoader, outcome } from "../support/remix";

const t = useTestDatabase();

describe("trust pages", () => {
  it("are public, titled in the visitor's language, with the secretariat's contact from configuration", async () => {
    for (const [page, title] of [
      [aboutPage, "À propos de l’Alliance et de ce portail"],
      [privacyPage, "Politique de confidentialité"],
      [accessibilityPage, "Déclaration d’accessibilité"],
    ] as const) {
      const data = await callLoader(page.loader, "/", { db: t.db, headers: { "Accept-Language": "fr" } });
      expect(data.title.startsWith(title)).toBe(true);
      expect(data.contact).toEqual(getEnv().secretariat);
    }
  });
});

describe("sign-up and the privacy notice", () => {
  const form = { name: "Nadia", email: "nadia@example.org", password: "a long and sound passphrase" };

  it("refuses an account without accepting the notice, and stores nothing", async () => {
    const reply = await outcome(await callAction(signupPage.action, "/signup", { db: t.db, form }));
    expect((reply.data as { result: { error: Record<string, string[]> } }).result.error.acceptPrivacy).toEqual(["errors.privacyRequired"]);
    expect(await t.db.select().from(users).where(eq(users.email, form.email))).toHaveLength(0);
  });

  it("records when the notice was accepted and which version", async () => {
    const before = Date.now();
    await callAction(signupPage.action, "/signup", { db: t.db, form: { ...form, acceptPrivacy: "on" } });
    const [user] = await t.db.select().from(users).where(eq(users.email, form.email));
    expect(user?.privacyNoticeVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(user?.privacyAcceptedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});
