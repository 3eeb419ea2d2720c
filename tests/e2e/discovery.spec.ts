// The public face's discovery in a real browser: the header's search box (wide and phone
// screens) and what the search finds (prefixes, languages, too short a text), the phone header's height and its one-step language switch, /open-data in three
// languages, and what a shared link or a search engine reads in the <head>.
import { expect, test } from "./fixtures";
import { PARIS_CALL } from "./demo";

const PHONE = { width: 390, height: 844 };

test("the header's search box finds an initiative from the home page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("banner").getByRole("searchbox", { name: "Search the portal" }).fill("cyberspace");
  await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL("/search?q=cyberspace");
  const initiatives = page.getByRole("region", { name: /Initiatives/ });
  await expect(initiatives.getByRole("link", { name: PARIS_CALL.title })).toBeVisible();
  await expect(initiatives.getByRole("link", { name: "See all matching initiatives" })).toHaveAttribute("href", "/initiatives?q=cyberspace");
});

test("the search finds words by their beginning, in the visitor's language, and asks for more than one letter", async ({ page }) => {
  await page.goto("/search?q=ciber&lng=es");
  const initiatives = page.getByRole("region", { name: /Iniciativas/ });
  await expect(initiatives.getByRole("link", { name: /^Llamamiento de París/ })).toBeVisible();
  await page.goto("/search?q=SECURITE%20cyberesp&lng=fr");
  await expect(page.getByRole("region", { name: /Initiatives/ }).getByRole("link", { name: "Appel de Paris pour la confiance et la sécurité dans le cyberespace" })).toBeVisible();
  await page.goto("/search?q=c");
  await expect(page.getByRole("status")).toHaveText("“c” is too short to search for: type at least 2 letters or digits.");
  await expect(page.getByRole("region", { name: /Initiatives/ })).toHaveCount(0);
});

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  for (const locale of ["en", "fr", "es"]) {
    test(`the header is one line of at most 80 px (${locale})`, async ({ page }) => {
      await page.goto(`/initiatives/${PARIS_CALL.slug}?lng=${locale}`);
      const box = await page.getByRole("banner").boundingBox();
      expect(box?.height).toBeLessThanOrEqual(80);
    });
  }

  test("the menu opens without JavaScript, and holds the search box and the languages", async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto("/");
    const banner = page.getByRole("banner");
    await expect(banner.getByRole("searchbox")).toBeHidden();
    await banner.getByText("Menu").click();
    await banner.getByRole("searchbox", { name: "Search the portal" }).fill("Paris Call");
    await banner.getByRole("searchbox", { name: "Search the portal" }).press("Enter");
    await expect(page).toHaveURL("/search?q=Paris+Call");
    await expect(page.getByRole("link", { name: PARIS_CALL.title }).first()).toBeVisible();

    // One step: open the menu, press the language.
    await banner.getByText("Menu").click();
    await banner.getByRole("button", { name: "Français" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page).toHaveURL("/search?q=Paris+Call");
    await context.close();
  });
});

test("the language switch is one click on a wide screen, and remembered", async ({ page }) => {
  await page.goto("/initiatives");
  await page.getByRole("banner").getByRole("button", { name: "Español", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page).toHaveURL("/initiatives");
  await page.goto("/actors");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
});

test("?lng= shows a page in that language without changing the visitor's choice", async ({ page }) => {
  await page.goto("/about?lng=fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.goto("/about");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

for (const locale of ["en", "fr", "es"]) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    for (const path of ["/open-data", "/search?q=cyber", "/search", "/search?q=c"]) {
      test(`${path} has no accessibility violations`, async ({ page, axe }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await axe();
      });
    }
  });
}

test("the open data page links to working downloads and feeds", async ({ page, request }) => {
  await page.goto("/open-data");
  await expect(page.getByRole("link", { name: "Read the CC BY 4.0 licence" })).toHaveAttribute("href", "https://creativecommons.org/licenses/by/4.0/");
  for (const name of ["new initiatives", /^Example: the participants of/, "GET /api/v1/initiatives"]) {
    const href = await page.getByRole("main").getByRole("link", { name }).first().getAttribute("href");
    expect((await request.get(href!)).status(), String(name)).toBe(200);
  }
  await page.getByRole("contentinfo").getByRole("link", { name: "Open data" }).click();
  await expect(page).toHaveURL("/open-data");
});

test.describe("what a shared link shows", () => {
  for (const [name, path, title] of [
    ["home", "/", null],
    ["an initiative", `/initiatives/${PARIS_CALL.slug}?utm_source=newsletter`, PARIS_CALL.title],
  ] as const) {
    test(`${name} has a description, Open Graph tags, a canonical URL and language alternates`, async ({ page, baseURL }) => {
      await page.goto(path);
      const head = page.locator("head");
      const content = (selector: string) => head.locator(selector).getAttribute("content");
      expect((await content('meta[name="description"]'))?.length).toBeGreaterThan(50);
      const canonical = `${baseURL}${path.split("?")[0]}`;
      await expect(head.locator('link[rel="canonical"]')).toHaveAttribute("href", canonical);
      expect(await content('meta[property="og:url"]')).toBe(canonical);
      if (title) expect(await content('meta[property="og:title"]')).toContain(title);
      expect(await content('meta[property="og:site_name"]')).toBe("Alliance Partner Portal");
      expect(await content('meta[property="og:locale"]')).toBe("en_GB");
      await expect(head.locator('meta[property="og:locale:alternate"]')).toHaveCount(2);
      for (const lng of ["en", "fr", "es"]) {
        await expect(head.locator(`link[rel="alternate"][hreflang="${lng}"]`)).toHaveAttribute("href", `${canonical}?lng=${lng}`);
      }
      await expect(head.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute("href", canonical);
      const feed = await head.locator('link[type="application/atom+xml"]').first().getAttribute("href");
      expect(feed).toMatch(new RegExp(`^${baseURL}/initiatives/`));
    });
  }
});
