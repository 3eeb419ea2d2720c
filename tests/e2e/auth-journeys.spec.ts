// The account journeys in the browser, end to end: emails are read from the server's mailbox
// and two-factor codes computed here, as an authenticator app would.
import { expect, test } from "./fixtures";
import {
  ORIGIN,
  PASSWORD,
  fillSignIn,
  signIn,
  signOut,
  signUp,
  submit,
  totpCode,
  totpStep,
  uniqueEmail,
  verifyFromEmail,
} from "./auth-steps";
import { waitForEmail, waitForLink } from "./mailbox";

const WRONG_CREDENTIALS = "The email or the password is not right.";

test("sign up, confirm the address from the email, sign in, sign out", async ({ page, axe }) => {
  const email = uniqueEmail("journey-signup");
  await page.goto("/signup");
  await axe();
  await signUp(page, { name: "Ana Ferreira", email, password: PASSWORD });

  const link = await waitForLink(email, ORIGIN, "/verify-email");
  expect(link).toMatch(/\/verify-email\?token=[^&\s]{20,}$/);
  // Opening the link spends nothing (mail scanners open links): the page's button does.
  await page.goto(link);
  await submit(page, "Confirm my email address").click();
  await expect(page.getByRole("status")).toContainText("Your email address is confirmed.");

  // The token works once.
  await page.goto(link);
  await submit(page, "Confirm my email address").click();
  await expect(page.getByRole("alert")).toContainText("This link is not valid any more");

  await page.goto("/login");
  await axe();
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("main")).toContainText(email);
  await axe();

  await signOut(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});

test("forgot password: the emailed link sets a new password, the old one stops working", async ({ page, axe }) => {
  const email = uniqueEmail("journey-reset");
  const newPassword = "Silver-Harbour-Kite-2093";
  await signUp(page, { name: "Kwame Mensah", email, password: PASSWORD });

  await page.goto("/forgot-password");
  await axe();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await submit(page, "Send the link").click();
  await expect(page.getByRole("status")).toContainText("If an account uses this address");

  const link = await waitForLink(email, ORIGIN, "/reset-password");
  await page.goto(link);
  await axe();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password", { exact: true }).fill(newPassword);
  await submit(page, "Save the new password").click();
  await expect(page.getByRole("status")).toContainText("Your password is changed");
  await waitForEmail(email, "has just been changed");

  // The link works once.
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("Another-Fresh-Phrase-5150");
  await page.getByLabel("Confirm new password", { exact: true }).fill("Another-Fresh-Phrase-5150");
  await submit(page, "Save the new password").click();
  await expect(page.getByRole("alert")).toContainText("This link is not valid any more");

  // The old password fails with the same words as an unknown account.
  await fillSignIn(page, email, PASSWORD);
  await expect(page.getByRole("alert")).toHaveText(WRONG_CREDENTIALS);
  await expect(page).toHaveURL("/login");
  await fillSignIn(page, uniqueEmail("nobody"), PASSWORD);
  await expect(page.getByRole("alert")).toHaveText(WRONG_CREDENTIALS);

  // The reset proved the address too: the account is fully usable.
  await signIn(page, email, newPassword);
});

test("two-factor: set up with a computed code, then sign in with a recovery code once and with a code", async ({ page, axe }) => {
  // Each code works once: the last sign-in may have to wait for the authenticator's next code.
  test.setTimeout(120_000);
  const email = uniqueEmail("journey-2fa");
  await signUp(page, { name: "Mei Tanaka", email, password: PASSWORD });
  await verifyFromEmail(page, email);
  await signIn(page, email, PASSWORD);

  // Security changes ask for the password again first.
  await page.goto("/account/confirm?redirectTo=%2Faccount%2Ftwo-factor");
  await axe();
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await submit(page, "Confirm").click();
  await expect(page).toHaveURL("/account/two-factor");

  await submit(page, "Set up two-factor authentication").click();
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await axe();
  const setupStep = totpStep();
  await page.getByLabel("Authentication code").fill(await totpCode(secret));
  await submit(page, "Turn on").click();
  await expect(page.getByRole("status")).toContainText("Two-factor authentication is on.");
  const recoveryCodes = await page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  expect(new Set(recoveryCodes).size).toBe(10);
  await signOut(page);

  // The password alone is not enough any more.
  await fillSignIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/login\/two-factor/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-factor authentication");
  await axe();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\/two-factor/);

  // A recovery code signs in once.
  const recoveryCode = recoveryCodes[0]!.trim();
  await page.getByLabel("Authentication code").fill(recoveryCode);
  await submit(page, "Verify").click();
  await expect(page).toHaveURL("/dashboard");
  await signOut(page);
  await fillSignIn(page, email, PASSWORD);
  await page.getByLabel("Authentication code").fill(recoveryCode);
  await submit(page, "Verify").click();
  await expect(page.getByRole("alert")).toContainText("This code is not right.");
  await expect(page).toHaveURL(/\/login\/two-factor/);

  // The code used to turn two-factor on is spent; the authenticator's next one signs in.
  while (totpStep() === setupStep) await page.waitForTimeout(500);
  await page.getByLabel("Authentication code").fill(await totpCode(secret));
  await submit(page, "Verify").click();
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your dashboard");
});
