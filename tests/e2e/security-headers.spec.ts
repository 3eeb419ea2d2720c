// Every HTML page carries an enforced Content-Security-Policy (nonce-based when rendered for the
// request, hash-based from the public page cache) and the usual hardening headers; the nonce is
// new on every response and really reaches Remix's scripts.
import crypto from "node:crypto";
import { expect, test } from "./fixtures";
import { demoUser, signIn } from "./auth-steps";
import { PARIS_CALL } from "./demo";

const HTML_PAGES = ["/", "/initiatives?axis=reform", `/initiatives/${PARIS_CALL.slug}`, "/actors?kind=state&page=2", "/no-such-page", "/initiatives?page=abc"];

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

for (const path of HTML_PAGES) {
  test(`${path} has the security headers`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBeLessThan(500);
    const headers = response.headers();
    expect(headers["content-type"]).toMatch(/^text\/html/);
    expect(headers["content-security-policy-report-only"]).toBeUndefined();
    const csp = directives(headers["content-security-policy"] ?? "");
    const scriptSrc = csp.get("script-src") ?? [];
    const nonce = scriptSrc.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
    expect(scriptSrc.filter((v) => v === "'unsafe-inline'" || v === "'unsafe-eval'")).toEqual([]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Local mode on http://localhost: HSTS would pin every local site on that name to https.
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-powered-by"]).toBeUndefined();

    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    if (headers["cache-control"]?.startsWith("public")) {
      // A page from the public cache (ADR 013): no nonce, each inline script named by its hash.
      expect(nonce).toBeUndefined();
      expect(scriptSrc).toContain("'self'");
      for (const [, attributes, body] of scripts) {
        if (/\bsrc=/.test(attributes ?? "")) continue;
        expect(scriptSrc).toContain(`'sha256-${crypto.createHash("sha256").update(body ?? "").digest("base64")}'`);
      }
    } else {
      // A rendered page: every script element carries this response's nonce.
      expect(scriptSrc).toContain("'strict-dynamic'");
      expect(nonce, "script-src has a nonce").toMatch(/^[A-Za-z0-9+/=_-]{16,}$/);
      for (const [tag] of scripts) expect(tag.slice(0, tag.indexOf(">") + 1)).toContain(`nonce="${nonce}"`);
    }
  });
}

test("a signed-in page and its data are never stored by a cache", async ({ page, request }) => {
  // Anonymous, the same page is shared (server/page-cache.ts); signed in, never.
  const anonymous = await request.get("/initiatives");
  expect(anonymous.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=300");
  const member = demoUser("member");
  await signIn(page, member.email, member.password);
  for (const path of ["/account", "/account.data", "/initiatives"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"], path).toBe("private, no-store");
  }
});

test("a request naming another host is refused, and never reaches a page", async ({ request }) => {
  const response = await request.get("/", { headers: { Host: "attacker.example" } });
  expect(response.status()).toBe(421);
});

test("the nonce changes on every response", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    // A page that is never cached: rendered for each request, with a nonce of its own.
    const csp = (await request.get("/login")).headers()["content-security-policy"] ?? "";
    nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? "");
  }
  expect(nonces.size).toBe(3);
});

test("the page hydrates under the policy without a violation", async ({ page }) => {
  // The fixture fails the test on the console error a CSP violation would produce.
  await page.goto("/initiatives");
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.getByLabel("Axis").selectOption("reform");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/axis=reform/);
  // Still the same document: Remix's scripts ran and navigated on the client.
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
});

test("fingerprinted assets are cached for good", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const asset = /(\/build\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  const response = await request.get(asset!);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toMatch(/immutable/);
});

test("/healthz and /readyz answer 200", async ({ request }) => {
  for (const path of ["/healthz", "/readyz"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
  }
});
