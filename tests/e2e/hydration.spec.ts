// A person on a slow or busy device types into a form while the page's scripts are starting up.
// React hydrates in the background; a keystroke before its first pass makes it hydrate at once,
// and the first thing it renders, Remix's RemixBrowser, still had to decode the page's data
// (single fetch's stream): it suspended where nothing may suspend, and React threw "Root did not
// complete" (error #345), seen once in CI and reported by others (remix-run/react-router#12763).
// entry.client now decodes that data before it hydrates. Here React's scheduler is slowed down,
// as on a device whose main thread is busy, so the window is wide and certain.
import { expect, test } from "./fixtures";
import { demoUser, submit } from "./auth-steps";

const SCHEDULER_DELAY_MS = 1_000;

test("typing into the sign-in form while the page is still starting up neither breaks it nor loses the keystrokes", async ({ page }) => {
  await page.addInitScript((delay) => {
    // React's scheduler prefers setImmediate when the page has one: each of its tasks now waits.
    (window as unknown as { setImmediate: (run: () => void) => number }).setImmediate = (run) => window.setTimeout(run, delay);
  }, SCHEDULER_DELAY_MS);

  const person = demoUser("ngo");
  await page.goto("/login");
  // hydrateRoot has been called (React marked the document as its container); its work waits.
  await page.waitForFunction(() => Object.keys(document).some((key) => key.startsWith("__reactContainer$")), null, { polling: 10 });
  await page.getByLabel("Email", { exact: true }).pressSequentially(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(person.email);

  await submit(page, "Sign in").click();
  await expect(page).toHaveURL("/dashboard");
});
