// Three languages: the visitor's explicit choice (a cookie set by POST /language) wins over
// Accept-Language, and state names come from the reference data in that language.
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
