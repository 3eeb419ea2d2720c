// Staff must use two-factor: the e2e server runs in production, where STAFF_MFA defaults to
// "required", so a staff member without it is sent to set it up before anything else.
import { expect, test } from "./fixtures";
import { demoUser, fillSignIn, submit } from "./auth-steps";

const SETUP = "/account/two-factor?required=1";

test("secretariat staff without two-factor land on its set-up page and cannot go around it", async ({ page, axe }) => {
  const staff = demoUser("secretariat");
  await fillSignIn(page, staff.email, staff.password);
  await expect(page).toHaveURL(SETUP);
  await expect(page.getByRole("status")).toContainText("Secretariat staff must use two-factor authentication.");
  await expect(submit(page, "Set up two-factor authentication")).toBeVisible();
  await axe();

  await page.goto("/account");
  await expect(page).toHaveURL(SETUP);
});

test("an admin asking for the staff page is sent to set up two-factor first", async ({ page }) => {
  const admin = demoUser("admin");
  await page.goto("/secretariat/users");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsecretariat%2Fusers$/);
  await page.getByLabel("Email", { exact: true }).fill(admin.email);
  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await submit(page, "Sign in").click();
  await expect(page).toHaveURL(SETUP);

  await page.goto("/secretariat/users");
  await expect(page).toHaveURL(SETUP);
});
