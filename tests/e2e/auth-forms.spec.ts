// The account forms: accessible (axe), usable without JavaScript, and with field errors in
// the visitor's language, tied to their field by aria-describedby.
import { expect, test } from "./fixtures";
import { ORIGIN, PASSWORD, demoUser, signIn, signUp, submit, switchLanguage, uniqueEmail } from "./auth-steps";
import { waitForLink } from "./mailbox";

const FRENCH_TOO_SHORT = "Utilisez au moins 12 caractères.";

for (const path of ["/signup", "/login", "/forgot-password", "/reset-password?token=x"]) {
  test(`${path} has no accessibility violations`, async ({ page, axe }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await axe();
  });
}

async function submitShortFrenchPassword(page: import("@playwright/test").Page) {
  await page.goto("/signup");
  await switchLanguage(page, "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Créer un compte");
  await page.getByLabel("Nom", { exact: true }).fill("Claire Martin");
  await page.getByLabel("Adresse électronique", { exact: true }).fill(uniqueEmail("french"));
  await page.getByLabel("Mot de passe", { exact: true }).fill("court");
  await submit(page, "Créer le compte").click();
  const password = page.getByLabel("Mot de passe", { exact: true });
  await expect(password).toHaveAttribute("aria-invalid", "true");
  // The description is the hint and the error, read from the elements aria-describedby names.
  await expect(password).toHaveAccessibleDescription(new RegExp(FRENCH_TOO_SHORT.replace(".", "\\.")));
  const errorId = (await password.getAttribute("aria-describedby"))?.split(" ").find((id) => id.endsWith("-error"));
  expect(errorId).toBeTruthy();
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText(FRENCH_TOO_SHORT);
}

test("in French, a too short password on the sign-up form gets a French error tied to the field", async ({ page }) => {
  await submitShortFrenchPassword(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-up and the email confirmation work as plain forms", async ({ page }) => {
    const email = uniqueEmail("nojs-signup");
    await signUp(page, { name: "Omar Haddad", email, password: PASSWORD });
    await page.goto(await waitForLink(email, ORIGIN, "/verify-email"));
    await submit(page, "Confirm my email address").click();
    await expect(page.getByRole("status")).toContainText("Your email address is confirmed.");
    await signIn(page, email, PASSWORD);
  });

  test("sign-in works as a plain form, and a wrong password gets the generic error", async ({ page }) => {
    const member = demoUser("member");
    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill(member.email);
    await page.getByLabel("Password", { exact: true }).fill(`${member.password}-wrong`);
    await submit(page, "Sign in").click();
    await expect(page.getByRole("alert")).toHaveText("The email or the password is not right.");
    await signIn(page, member.email, member.password);
  });

  test("the server answers a too short password with the French error, tied to the field", async ({ page }) => {
    await submitShortFrenchPassword(page);
  });
});
