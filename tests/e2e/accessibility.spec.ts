// axe (WCAG 2.1 A and AA) finds nothing on any public page, in each of the three languages.
import { expect, test } from "./fixtures";
import { GERMANY, PARIS_CALL, actorIdByName } from "./demo";

const PAGES: { name: string; path: (germany: string) => string; status: number }[] = [
  { name: "home", path: () => "/", status: 200 },
  { name: "initiatives", path: () => "/initiatives", status: 200 },
  { name: "initiatives filtered", path: () => "/initiatives?axis=new_governance&q=cyberspace", status: 200 },
  { name: "initiatives, nothing found", path: () => "/initiatives?axis=reform&theme=cyber", status: 200 },
  { name: "initiative", path: () => `/initiatives/${PARIS_CALL.slug}`, status: 200 },
  { name: "actors", path: () => "/actors?kind=state&page=2", status: 200 },
  { name: "all states, filtered", path: () => "/actors?kind=state&scope=all&region=african", status: 200 },
  { name: "about", path: () => "/about", status: 200 },
  { name: "privacy", path: () => "/privacy", status: 200 },
  { name: "accessibility statement", path: () => "/accessibility", status: 200 },
  { name: "actor", path: (germany) => `/actors/${germany}`, status: 200 },
  { name: "not found", path: () => "/no-such-page", status: 404 },
  { name: "bad request", path: () => "/initiatives?axis=planets", status: 400 },
];

for (const locale of ["en", "fr", "es"]) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    for (const { name, path, status } of PAGES) {
      test(`${name} has no accessibility violations`, async ({ page, request, axe }) => {
        const germany = name === "actor" ? await actorIdByName(request, GERMANY.en) : "";
        const response = await page.goto(path(germany));
        expect(response?.status()).toBe(status);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await axe();
      });
    }
  });
}
