// Steps the account journeys share, done the way a person does them: through the forms.
import crypto from "node:crypto";
import { generateTOTP } from "@epic-web/totp";
import type { Page } from "@playwright/test";
import { DEMO_USERS, type DemoUser } from "~/db/seed/demo-content";
import { expect } from "./fixtures";
import { waitForLink } from "./mailbox";

/** The app's own origin, as local mode gives it in the emails' links. */
export const ORIGIN = `http://localhost:${process.env.E2E_PORT}`;

/** Passes the policy: long, not a common password, not containing the email. */
export const PASSWORD = "Quiet-Orchard-Lamp-4711";

/** A new address for every test, so tests running side by side never share an account. */
export function uniqueEmail(purpose: string): string {
  return `${purpose}-${Date.now()}-${crypto.randomBytes(4).toString("hex")}@example.org`;
}

export function demoUser(key: DemoUser["key"]): DemoUser {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new Error(`no demo user ${key}`);
  return user;
}

/** The form's own submit button: the header has links and buttons with the same names. */
export const submit = (page: Page, name: string) => page.getByRole("main").getByRole("button", { name, exact: true });

export async function signUp(page: Page, account: { name: string; email: string; password: string }): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Name", { exact: true }).fill(account.name);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("I have read the privacy notice and accept it").check();
  await submit(page, "Create account").click();
  await expect(page.getByRole("status")).toContainText("we have sent it an email");
}

/** Follows the link of the verification email and presses the button that spends its token. */
export async function verifyFromEmail(page: Page, email: string): Promise<string> {
  const link = await waitForLink(email, ORIGIN, "/verify-email");
  await page.goto(link);
  await submit(page, "Confirm my email address").click();
  await expect(page.getByRole("status")).toContainText("Your email address is confirmed.");
  return link;
}

export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await submit(page, "Sign in").click();
}

/** Signs in and waits for the dashboard, where sign-in lands (accounts without two-factor). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await fillSignIn(page, email, password);
  await expect(page).toHaveURL("/dashboard");
  // The dashboard speaks the person's profile language from sign-in on (a demo focal point's is French).
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^(Your dashboard|Votre tableau de bord|Su panel)$/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** Through the header's language form, as a visitor would (it sets the lng cookie). */
export async function switchLanguage(page: Page, lng: "en" | "fr" | "es"): Promise<void> {
  // One button per language, each named in its own language; the current one is not a button.
  await page.locator(`header button[name="lng"][value="${lng}"]:visible`).click();
  await expect(page.locator("html")).toHaveAttribute("lang", lng);
}

export const TOTP_PERIOD_MS = 30_000;

/** What an authenticator app shows now for this secret. */
export async function totpCode(secret: string): Promise<string> {
  return (await generateTOTP({ secret, algorithm: "SHA-1", digits: 6, period: TOTP_PERIOD_MS / 1000 })).otp;
}

export const totpStep = () => Math.floor(Date.now() / TOTP_PERIOD_MS);
