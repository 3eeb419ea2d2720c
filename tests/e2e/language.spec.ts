// Three languages: the visitor's explicit choice (a cookie set by POST /language) wins over
// Accept-Language, and state names come from the reference data in that language.
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { GERMANY, PARIS_CALL, actorIdByName } from "./demo";

test("the header switcher moves the page from English to French to Spanish and stays on it", async ({ page, request }) => {
  const germany = await actorIdByName(request, GERMANY.en);
  await page.goto(`/actors/${germany}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(GERMANY.en);

  const switchTo = (name: string) => page.getByRole("banner").getByRole("button", { name, exact: true }).click();
  await switchTo("Français");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveURL(`/actors/${germany}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(GERMANY.fr);
  await expect(page.getByRole("navigation").first()).toContainText("Initiatives");

  await switchTo("Español");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(GERMANY.es);
  await expect(page.getByRole("navigation").first()).toContainText("Iniciativas");

  // The choice is remembered on every page that follows.
  await page.goto(`/initiatives/${PARIS_CALL.slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("region", { name: "Impulsada por" }).getByRole("link").first()).toHaveText("Francia");
});

test("the switcher keeps the filters of the page it was used on", async ({ page }) => {
  await page.goto("/initiatives?axis=new_governance&q=cyberspace");
  await page.getByRole("banner").getByRole("button", { name: "Français", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveURL("/initiatives?axis=new_governance&q=cyberspace");
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(1);
});

test.describe("without a choice", () => {
  test.use({ locale: "es-ES" });

  test("Accept-Language decides", async ({ page }) => {
    await page.goto("/actors?kind=state&q=Alemania");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("main").getByRole("article").getByRole("heading")).toHaveText([GERMANY.es]);
  });
});

test.describe("an unsupported Accept-Language", () => {
  test.use({ locale: "ja-JP" });

  test("falls back to English", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test("POST /language sets the lng cookie and sends the visitor back", async ({ request, baseURL }) => {
  const response = await request.post("/language", {
    form: { lng: "fr", redirectTo: "/actors" },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers()["location"]).toBe("/actors");
  expect(response.headers()["set-cookie"]).toMatch(/^lng=[^;]+;.*HttpOnly/i);
});

test("POST /language refuses an unknown language and an outside redirect", async ({ request, baseURL }) => {
  const headers = { Origin: baseURL! };
  const unknown = await request.post("/language", { form: { lng: "xx" }, headers, maxRedirects: 0 });
  expect(unknown.status()).toBe(400);
  const outside = await request.post("/language", { form: { lng: "es", redirectTo: "//evil.example/" }, headers, maxRedirects: 0 });
  expect(outside.status()).toBe(303);
  expect(outside.headers()["location"]).toBe("/");
});

// Each page fetches its own translations in the visitor's language as its module loads (ADR 017):
// moving between pages in the browser must show the next page's text, never its keys (a missing
// key is a console error, which fails the test through the fixtures).
const pageText = (lng: string) => {
  const read = (ns: string) => JSON.parse(readFileSync(`app/i18n/locales/${lng}/${ns}.json`, "utf8"));
  const [common, initiatives, actors, pages] = ["common", "initiatives", "actors", "pages"].map(read);
  return { common, initiatives, actors, pages };
};

for (const [lng, locale] of [["en", "en-GB"], ["fr", "fr-FR"], ["es", "es-ES"]] as const) {
  test.describe(`client-side navigation in ${lng}`, () => {
    test.use({ locale });

    test("each next page arrives with its own translations", async ({ page }) => {
      const text = pageText(lng);
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", lng);
      // Hydrated: React has attached itself to the page, so links navigate in the browser.
      await page.waitForFunction(() => Object.keys(document.getElementById("main") ?? {}).some((k) => k.startsWith("__reactFiber")));
      await page.evaluate(() => Object.assign(window, { sameDocument: true }));

      const nav = page.getByRole("banner").getByRole("navigation").first();
      await nav.getByRole("link", { name: text.common.nav.initiatives, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.initiatives.list.heading);
      await nav.getByRole("link", { name: text.common.nav.actors, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.actors.list.heading);
      await page.getByRole("contentinfo").getByRole("link", { name: text.common.footer.about, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.pages.about.title);
      // The same document all along: these were client-side navigations, not page loads.
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    });
  });
}
