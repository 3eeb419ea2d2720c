// A page from the public page cache keeps a strict Content-Security-Policy: it cannot carry a
// per-request nonce, so its policy names the hashes of its own inline scripts (ADR 013). Those
// run (the page hydrates); a script injected into the page does not.
// Playwright's own test, not ./fixtures: that one fails any test whose page logs a console error,
// and the CSP violation reported here is the point of the test (it is asserted instead).
import { expect, test } from "@playwright/test";

test("a cached page runs its own scripts and blocks an injected inline one", async ({ page, request }) => {
  // Filled by a first request: the second is a hit, with the stored policy.
  await request.get("/initiatives");
  const hit = await request.get("/initiatives");
  expect(hit.headers()["cache-control"]).toContain("public");
  expect(hit.headers()["etag"]).toBeTruthy();

  // What an HTML injection would do: the cached answer, its headers untouched, with one more script.
  await page.route("**/initiatives", async (route) => {
    const response = await route.fetch();
    expect(response.headers()["etag"]).toBeTruthy();
    const body = (await response.text()).replace("</body>", "<script>window.injected = true;</script></body>");
    // The body is handed over decoded: drop the encoding and length, keep every other header.
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !/^content-(encoding|length)$/i.test(name)));
    await route.fulfill({ status: response.status(), headers, body });
  });
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { blocked: string[] }).blocked ??= [];
      (window as unknown as { blocked: string[] }).blocked.push(event.violatedDirective);
    });
  });
  await page.goto("/initiatives");
  // The page's own inline scripts ran: Remix hydrated it.
  await page.waitForFunction(() => "__remixRouter" in window);
  expect(await page.evaluate(() => "injected" in window)).toBe(false);
  expect(await page.evaluate(() => (window as unknown as { blocked?: string[] }).blocked ?? [])).toEqual(["script-src-elem"]);
  expect(violations).toHaveLength(1);
});
