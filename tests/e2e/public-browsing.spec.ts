// A visitor finds their way from the home page to an initiative and through the directories.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ACTIVE_INITIATIVES, GERMANY, NEW_GOVERNANCE_INITIATIVES, PARIS_CALL, PUBLIC_INITIATIVES, STATES_IN_ALLIANCE, UN_STATES } from "./demo";

const initiativeCards = (page: Page) => page.getByRole("main").getByRole("article").getByRole("heading", { level: 2 });
const actorCards = initiativeCards;

test("the home page shows live figures and leads to an initiative's page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const figures = page.getByRole("region", { name: "The Alliance today" });
  await expect(figures.getByRole("link", { name: `${STATES_IN_ALLIANCE} States` })).toHaveAttribute("href", "/actors?kind=state");
  await expect(figures.getByRole("link", { name: `${NEW_GOVERNANCE_INITIATIVES} New governance` })).toHaveAttribute(
    "href",
    "/initiatives?axis=new_governance",
  );
  await expect(figures).toContainText(`${ACTIVE_INITIATIVES} active initiatives`);

  await page.getByRole("link", { name: "Browse the initiatives" }).click();
  await expect(page).toHaveURL("/initiatives");
  await expect(initiativeCards(page)).toHaveCount(PUBLIC_INITIATIVES);

  await page.getByRole("link", { name: PARIS_CALL.title }).click();
  await expect(page).toHaveURL(`/initiatives/${PARIS_CALL.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PARIS_CALL.title);
  const leads = page.getByRole("region", { name: "Led by" });
  await expect(leads.getByRole("link")).toHaveText(["France", "Singapore"]);
  const supporters = page.getByRole("region", { name: "Supporters", exact: true });
  await expect(supporters.getByRole("heading", { name: /^States \(\d+\)$/ })).toBeVisible();
  await expect(supporters.getByRole("link", { name: "Microsoft" })).toBeVisible();

  await leads.getByRole("link", { name: "France" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("France");
  await expect(page.getByRole("link", { name: PARIS_CALL.title })).toBeVisible();
});

test("the axis filter keeps only that axis", async ({ page }) => {
  await page.goto("/initiatives");
  await page.getByLabel("Axis").selectOption("new_governance");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]axis=new_governance/);
  await expect(initiativeCards(page)).toHaveCount(NEW_GOVERNANCE_INITIATIVES);
  for (const card of await page.getByRole("main").getByRole("article").all()) {
    await expect(card).toContainText("New governance");
  }
  await expect(page.getByLabel("Axis")).toHaveValue("new_governance");
});

test("the theme filter keeps only that theme, and combines with the axis", async ({ page }) => {
  await page.goto("/initiatives?theme=cyber");
  await expect(initiativeCards(page)).toHaveText([PARIS_CALL.title]);
  await expect(page.getByLabel("Theme")).toHaveValue("cyber");

  await page.goto("/initiatives?axis=reform&theme=cyber");
  await expect(initiativeCards(page)).toHaveCount(0);
  await expect(page.getByRole("main")).toContainText(/no initiative/i);
});

test("full-text search finds initiatives by the words of their title and summary", async ({ page }) => {
  await page.goto("/initiatives");
  await page.getByRole("searchbox", { name: "Words in the title or summary" }).fill("cyberspace");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]q=cyberspace/);
  await expect(initiativeCards(page)).toHaveText([PARIS_CALL.title]);

  // A word only the summary holds.
  await page.goto("/initiatives?q=Nauru");
  await expect(initiativeCards(page)).toHaveText(["Climate and security"]);
});

test("the kind filter lists only actors of that kind", async ({ page }) => {
  await page.goto("/actors");
  await page.getByLabel("Kind").selectOption("ngo");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]kind=ngo/);
  await expect(actorCards(page).getByRole("link", { name: "Reporters Without Borders" })).toBeVisible();
  await expect(actorCards(page).getByRole("link", { name: GERMANY.en })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Pages of results" })).toHaveCount(0);
});

test("pagination walks through all 195 states and keeps the filters in its links", async ({ page }) => {
  await page.goto("/actors?kind=state&scope=all");
  await expect(actorCards(page)).toHaveCount(20);
  const firstPage = await actorCards(page).allTextContents();
  const pages = page.getByRole("navigation", { name: "Pages of results" });
  await expect(pages.getByRole("link", { name: "Page 10" })).toHaveAttribute("href", "/actors?kind=state&scope=all&page=10");

  await pages.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL("/actors?kind=state&scope=all&page=2");
  await expect(pages.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
  const secondPage = await actorCards(page).allTextContents();
  expect(secondPage).toHaveLength(20);
  expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);

  await pages.getByRole("link", { name: "Page 10" }).click();
  await expect(page).toHaveURL("/actors?kind=state&scope=all&page=10");
  await expect(actorCards(page)).toHaveCount(UN_STATES - 9 * 20);
  await expect(pages.getByRole("link", { name: /Next/ })).toHaveCount(0);
});

test("a search within the actors keeps its filters across pages", async ({ page }) => {
  await page.goto("/actors?kind=state&scope=all&q=an");
  const pages = page.getByRole("navigation", { name: "Pages of results" });
  const hrefs = await pages.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^\/actors\?kind=state&scope=all&q=an(&page=\d+)?$/);
});

test("a page past the end says there is nothing there", async ({ page }) => {
  const response = await page.goto("/initiatives?page=99999999");
  expect(response?.status()).toBe(200);
  await expect(initiativeCards(page)).toHaveCount(0);
  await expect(page.getByRole("main")).toContainText(/no initiative|first page/i);
});

test("a long group of supporters names the first ones and links to all of them, page by page", async ({ page }) => {
  await page.goto("/initiatives/humanitarian-call-for-action");
  const states = page.getByRole("region", { name: /^States \(\d+\)$/ });
  const heading = await states.getByRole("heading").textContent();
  const total = Number(/\((\d+)\)/.exec(heading ?? "")?.[1]);
  expect(total).toBeGreaterThan(12);
  await expect(states.getByRole("listitem")).toHaveCount(12);
  await states.getByRole("link", { name: "Full list (States, leads included)" }).click();
  await expect(page).toHaveURL(/\/actors\?initiative=humanitarian-call-for-action&kind=state$/);
  await expect(page.getByText("Actors taking part in")).toBeVisible();
  await expect(page.getByRole("link", { name: "Humanitarian Call for Action" })).toBeVisible();
  // The full list also has the leads of that kind, which the page names apart.
  const summary = await page.getByText(/^\d+ actors$/).textContent();
  expect(Number.parseInt(summary ?? "0", 10)).toBeGreaterThanOrEqual(total);
  await page.getByRole("navigation", { name: "Pages of results" }).getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/initiative=humanitarian-call-for-action/);
});

test("the directory lists the Alliance's States by default, and every UN State on request", async ({ page }) => {
  await page.goto("/actors?kind=state");
  await expect(page.getByText(`${STATES_IN_ALLIANCE} actors`, { exact: true })).toBeVisible();
  await page.getByLabel("Show", { exact: true }).selectOption("all");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/scope=all/);
  await expect(page.getByText(`${UN_STATES} actors`, { exact: true })).toBeVisible();
  await expect(page.getByRole("main").getByText("Not yet in the Alliance", { exact: true }).first()).toBeVisible();
});
