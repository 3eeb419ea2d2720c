// The public face on the map: the network on the home page and each initiative's States, drawn
// without client-side JavaScript, listed in words beside the map, in the three languages and on
// a phone; flags beside States' names; UN names; an actor's past initiatives.
import fs from "node:fs";
import { expect, test } from "./fixtures";
import { PARIS_CALL, actorIdByName } from "./demo";

const SHOTS = "/tmp/shots/map";
fs.mkdirSync(SHOTS, { recursive: true });

const NAMES = {
  en: { france: "France", singapore: "Singapore", usa: "United States of America", korea: "Republic of Korea", lead: "Lead", supporter: "Supporter" },
  fr: { france: "France", singapore: "Singapour", usa: "États-Unis d'Amérique", korea: "République de Corée", lead: "Chef de file", supporter: "Soutien" },
  es: { france: "Francia", singapore: "Singapur", usa: "Estados Unidos de América", korea: "República de Corea", lead: "Impulsor", supporter: "Adherente" },
} as const;

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the home page maps the network: each State a named, focusable link to its page", async ({ page }) => {
    const shapes: number[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/map/world.svg")) shapes.push(r.status());
    });
    await page.goto("/");
    const map = page.getByRole("group", { name: "World map of the States taking part in at least one active initiative" });
    await expect(map).toBeVisible();
    const france = map.getByRole("link", { name: "France", exact: true });
    await expect(france).toHaveAttribute("href", /^\/actors\/[0-9a-f-]{36}$/);
    await france.focus();
    await expect(france).toBeFocused();
    // Nauru (a lead) and Tuvalu are too small for the atlas: drawn as dots, on the map all the same.
    await expect(map.getByRole("link", { name: "Nauru" })).toHaveCount(1);
    await expect(map.getByRole("link", { name: "Tuvalu" })).toHaveCount(1);
    // A State only in a closed initiative or not in any is not on the map.
    await expect(map.getByRole("link", { name: "China" })).toHaveCount(0);
    await page.getByText(/List of the \d+ States on the map/).click();
    await expect(page.getByRole("heading", { name: "Leads at least one initiative (8)" })).toBeVisible();
    expect(shapes).toEqual([200]);
    await france.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "France" })).toBeVisible();
  });

  test("the shapes come once, cached for a year, as SVG", async ({ request }) => {
    const response = await request.get("/map/world.svg?v=1");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("image/svg+xml");
    expect(response.headers()["cache-control"]).toContain("immutable");
    expect(await response.text()).toContain('id="c-FRA"');
  });

  test("flags are served by the portal, by ISO alpha-3 code, and nothing else is", async ({ request }) => {
    const flag = await request.get("/flags/civ.svg");
    expect(flag.status()).toBe(200);
    expect(flag.headers()["content-type"]).toContain("image/svg+xml");
    expect(flag.headers()["cache-control"]).toMatch(/max-age=\d{6,}/);
    for (const path of ["/flags/xyz.svg", "/flags/ci.svg", "/flags/..%2Fpackage.json", "/flags/"]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });
});

for (const locale of ["en", "fr", "es"] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test("an initiative's map lists its States by role and passes axe", async ({ page, axe }) => {
      const names = NAMES[locale];
      await page.goto(`/initiatives/${PARIS_CALL.slug}`);
      const map = page.locator("#map-initiative-heading").locator("xpath=..");
      await expect(map.getByRole("img")).toBeVisible();
      const leads = map.getByRole("heading", { name: `${names.lead} (2)` }).locator("xpath=following-sibling::ul");
      await expect(leads.getByRole("link")).toHaveText([names.france, names.singapore]);
      const supporters = map.getByRole("heading", { name: `${names.supporter} (24)` }).locator("xpath=following-sibling::ul");
      await expect(supporters.getByRole("link", { name: names.usa })).toBeVisible();
      await expect(supporters.getByRole("link", { name: names.korea })).toBeVisible();
      // Flags beside the names are decorative and served by the portal itself.
      const flag = supporters.locator('img[src="/flags/usa.svg"]');
      await expect(flag).toHaveAttribute("alt", "");
      // Flags load lazily: as a reader would, come to it first.
      await flag.scrollIntoViewIfNeeded();
      await expect.poll(() => flag.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await axe();
    });

    test("the home page's map passes axe", async ({ page, axe }) => {
      await page.goto("/");
      await expect(page.locator("#map-network-title")).toHaveCount(1);
      await axe();
    });
  });
}

// The map's markup is one string built from the loader's States (ADR 019): after a client-side
// navigation the browser builds it itself, and it must be the very markup the server sent.
test("the map built in the browser after a client-side navigation is the one the server sent", async ({ page }) => {
  const section = page.locator("section[aria-labelledby='map-network-heading']");
  await page.goto("/");
  await page.waitForFunction(() => "__remixRouter" in window);
  const served = await section.evaluate((element) => element.innerHTML);
  expect(served).toContain('aria-label="France"');
  await page.goto(`/initiatives/${PARIS_CALL.slug}`);
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.evaluate(() => (window as unknown as { __remixRouter: { navigate: (to: string) => Promise<void> } }).__remixRouter.navigate("/"));
  await expect(section.locator('a[aria-label="France"]')).toHaveCount(1);
  expect(await section.evaluate((element) => element.innerHTML)).toBe(served);
});

test("an actor's page lists the initiatives it left, with dates, and its flag", async ({ page, request, axe }) => {
  const argentina = await actorIdByName(request, "Argentina");
  await page.goto(`/actors/${argentina}`);
  await expect(page.getByRole("heading", { level: 1 }).locator('img[src="/flags/arg.svg"]')).toHaveCount(1);
  const past = page.getByRole("region", { name: "Earlier participation" });
  await expect(past.getByRole("link", { name: PARIS_CALL.title })).toBeVisible();
  await expect(past).toContainText(/Took part from .*2019 to .*2020 \(withdrawn\)/);
  await axe();
});

test("the directory finds a State by a common name and shows its UN name", async ({ page }) => {
  await page.goto("/actors?scope=all&q=ivory+coast");
  await expect(page.getByRole("link", { name: "Côte d'Ivoire" })).toBeVisible();
  await page.goto("/actors?scope=all&q=turquie");
  await expect(page.getByRole("main").getByRole("link", { name: "Türkiye" })).toBeVisible();
});

for (const width of [1366, 390]) {
  test(`screenshots at ${width} px: nothing wider than the screen`, async ({ page, request }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const germany = await actorIdByName(request, "Germany");
    for (const [name, path] of [
      ["home", "/"],
      ["initiative", `/initiatives/${PARIS_CALL.slug}`],
      ["actor", `/actors/${germany}`],
    ] as const) {
      await page.goto(path);
      await page.locator("#map-network-heading, #map-initiative-heading, h1").first().scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
      const map = page.locator("svg[aria-labelledby^='map-']");
      if ((await map.count()) > 0) await map.screenshot({ path: `${SHOTS}/${name}-map-${width}.png` });
    }
  });
}
