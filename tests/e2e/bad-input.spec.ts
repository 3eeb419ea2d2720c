// Whatever a visitor types into the address bar gets a clear page, never a 500, and nothing
// they typed reaches the page unescaped.
import { expect, test } from "./fixtures";

const SCRIPT = "<script>alert(1)</script>";
const SQL = "'; drop table initiatives--";

/** A refused address and how the 400 page names the parameter at fault. */
const refused: [string, string][] = [
  ["/initiatives?axis=planets", "Axis"],
  ["/initiatives?theme=planets", "Theme"],
  ["/initiatives?page=-1", "Page number"],
  ["/initiatives?page=abc", "Page number"],
  [`/initiatives?q=${"a".repeat(10_240)}`, "Search"],
  ["/actors?kind=planet", "Kind of actor"],
  ["/actors?page=0", "Page number"],
];

const missing = [
  "/no-such-page",
  "/initiatives/no-such-initiative",
  "/initiatives/UPPER-CASE",
  "/initiatives/%E2%80%AEevil",
  "/actors/00000000-0000-4000-8000-000000000000",
  "/actors/not-a-uuid",
  "/actors/1%27%20or%201=1",
];

/** The text of the page's only <h1>; the browser-level checks below cover rendering itself. */
function heading(html: string): string | undefined {
  return /<h1\b[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
}

for (const [path, param] of refused) {
  test(`${path.slice(0, 40)} is refused with a 400 page naming "${param}"`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(400);
    const html = await response.text();
    expect(heading(html)).toBe("We could not understand that request");
    expect(html).toContain(`<li>${param}</li>`);
    expect(html).toMatch(/href="\/(initiatives|actors)"[^>]*>Start again without filters</);
  });
}

for (const path of missing) {
  test(`${path} is a 404 page`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(404);
    const html = await response.text();
    expect(heading(html)).toBe("Page not found");
    expect(html).toContain(">Back to the home page<");
  });
}

test("the error pages render in the browser with a way out", async ({ page }) => {
  expect((await page.goto("/initiatives?axis=planets"))?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not understand that request");
  await expect(page.getByRole("link", { name: "Start again without filters" })).toHaveAttribute("href", "/initiatives");
  expect((await page.goto("/actors/not-a-uuid"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("link", { name: "Back to the home page" })).toBeVisible();
});

test("a page number far past the end is an empty page, not an error", async ({ page }) => {
  const response = await page.goto("/actors?page=99999999");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(0);
});

test("SQL in the search box is only words to look for", async ({ page }) => {
  const response = await page.goto(`/initiatives?q=${encodeURIComponent(SQL)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("main").getByRole("searchbox")).toHaveValue(SQL);
  await page.goto("/initiatives");
  await expect(page.getByRole("main").getByRole("article")).not.toHaveCount(0);
});

test("HTML in the search box is shown as text and never runs", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  for (const path of ["/initiatives", "/actors"]) {
    const response = await page.goto(`${path}?q=${encodeURIComponent(SCRIPT)}`);
    expect(response?.status()).toBe(200);
    expect(await response?.text()).not.toContain(SCRIPT);
    await expect(page.getByRole("main").getByRole("searchbox")).toHaveValue(SCRIPT);
    await expect(page.locator("main script")).toHaveCount(0);
  }
  expect(dialogs).toBe(0);
});

test("an HTML attribute breakout in a parameter stays inside the attribute", async ({ page }) => {
  const attack = `"><img src=x onerror=alert(1)>`;
  const response = await page.goto(`/initiatives?q=${encodeURIComponent(attack)}`);
  expect(response?.status()).toBe(200);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("searchbox")).toHaveValue(attack);
});

test("POST to a read-only page is not a server error", async ({ request, baseURL }) => {
  const response = await request.post("/initiatives", { form: { q: "x" }, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(response.status()).toBeLessThan(500);
});
