// Cross-site request forgery: a state-changing request that does not come from the portal's
// own pages is refused with 403, before any work is done.
import { expect, test } from "./fixtures";
import { ORIGIN, demoUser } from "./auth-steps";

const member = demoUser("member");
const credentials = { email: member.email, password: member.password };

test("a POST whose Origin is another site is refused; the same POST from the site goes through", async ({ request }) => {
  const refused = await request.post("/login", { headers: { Origin: "https://evil.example" }, form: credentials, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["set-cookie"]).toBeUndefined();

  const accepted = await request.post("/login", { headers: { Origin: ORIGIN }, form: credentials, maxRedirects: 0 });
  expect(accepted.status()).toBe(302);
  expect(accepted.headers()["location"]).toBe("/dashboard");
});

test("a form on a page from elsewhere cannot post to the portal", async ({ page }) => {
  // The refusal is a plain-text page, for which the browser also asks for /favicon.ico; the
  // portal's own pages name /favicon.svg and it serves no .ico, so that request is answered here.
  await page.route(`${ORIGIN}/favicon.ico`, (route) => route.fulfill({ status: 204 }));
  // about:blank has an opaque origin: the browser sends "Origin: null" (and Sec-Fetch-Site: cross-site).
  await page.setContent(`
    <form method="post" action="${ORIGIN}/login">
      <input name="email" value="${credentials.email}">
      <input name="password" value="${credentials.password}">
      <button type="submit">Send</button>
    </form>`);
  const [response] = await Promise.all([page.waitForResponse(`${ORIGIN}/login`), page.getByRole("button", { name: "Send" }).click()]);
  expect(response.status()).toBe(403);
  const sent = await response.request().allHeaders();
  expect(sent["origin"]).toBe("null");

  // Nothing was signed in.
  await page.goto(`${ORIGIN}/account`);
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});
