// The public side works as plain HTML: GET forms filter, links paginate, and the language
// switcher is an ordinary POST form.
import { expect, test } from "./fixtures";
import { GERMANY, NEW_GOVERNANCE_INITIATIVES, PARIS_CALL, actorIdByName } from "./demo";

test.use({ javaScriptEnabled: false });

const cards = (page: import("@playwright/test").Page) => page.getByRole("main").getByRole("article").getByRole("heading", { level: 2 });

test("the initiative filters and search work through the GET form", async ({ page }) => {
  await page.goto("/initiatives");
  await page.getByLabel("Axis").selectOption("new_governance");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/initiatives\?.*axis=new_governance/);
  await expect(cards(page)).toHaveCount(NEW_GOVERNANCE_INITIATIVES);

  await page.getByLabel("Theme").selectOption("cyber");
  await page.getByRole("main").getByRole("searchbox").fill("principles");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/theme=cyber/);
  await expect(page).toHaveURL(/q=principles/);
  await expect(cards(page)).toHaveText([PARIS_CALL.title]);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL("/initiatives");
});

test("an initiative's page shows its leads and supporters", async ({ page }) => {
  await page.goto(`/initiatives/${PARIS_CALL.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PARIS_CALL.title);
  await expect(page.getByRole("region", { name: "Led by" }).getByRole("link")).toHaveText(["France", "Singapore"]);
});

test("the actor filter and the pagination work through links and the GET form", async ({ page }) => {
  await page.goto("/actors");
  await page.getByLabel("Kind").selectOption("state");
  await page.getByRole("button", { name: "Apply filters" }).click();
  // Empty filters are sent as empty fields by a plain GET form.
  await expect(page).toHaveURL(/\/actors\?(q=&)?kind=state(&region=&participating=&scope=)?$/);
  const pages = page.getByRole("navigation", { name: "Pages of results" });
  await pages.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/actors\?kind=state&page=2$/);
  await expect(cards(page)).toHaveCount(20);
});

test("the language switcher is a plain form, one button per language", async ({ page, request }) => {
  const germany = await actorIdByName(request, GERMANY.en);
  await page.goto(`/actors/${germany}`);
  const switcher = page.getByRole("banner").getByRole("form", { name: "Choose a language" });
  await switcher.getByRole("button", { name: "Français" }).click();
  await expect(page).toHaveURL(`/actors/${germany}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(GERMANY.fr);

  await page.getByRole("banner").getByRole("form", { name: "Choisir une langue" }).getByRole("button", { name: "Español" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(GERMANY.es);
});
