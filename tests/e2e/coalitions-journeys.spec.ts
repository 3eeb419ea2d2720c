// Coalition journeys in the browser: a focal point proposes an initiative; an organisation's
// representative joins an open initiative, appears on its page and in the API with the date,
// withdraws after confirming, and the timeline keeps both dates; joining one initiative never
// shows the actor on another. axe-checked, in English, French and Spanish.
import { PARIS_CALL } from "./demo";
import { demoUser, signIn, submit, switchLanguage } from "./auth-steps";
import { expect, test } from "./fixtures";

const SCREENS = "/work/wt/notes/screens";
const A = { slug: "lethal-autonomous-weapons-systems" };
const B = { slug: "humanitarian-call-for-action" };

async function shoot(page: import("@playwright/test").Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a focal point proposes an initiative; it waits for the secretariat and is not public", async ({ page, axe }) => {
  test.setTimeout(180_000);
  const focal = demoUser("focalPoint");
  await signIn(page, focal.email, focal.password);
  await page.goto("/initiatives/new");
  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Propose an initiative");
  await axe();
  // Bad input first: the errors are shown beside the fields and nothing is saved.
  await submit(page, "Submit the proposal").click();
  await expect(page.getByText("Give the initiative a title.")).toBeVisible();
  await page.getByLabel("Title").fill("Safe skies for civil aviation");
  await page.getByLabel("Summary").fill("States commit to protect civil aviation from cyber attacks.");
  await page.getByLabel("Description").fill("Why it matters.\n\n<b>Not bold</b>: plain text.");
  await page.getByLabel("Axis").selectOption("international_law");
  await page.getByLabel("Theme").selectOption("cyber");
  await submit(page, "Submit the proposal").click();
  await expect(page.getByRole("status")).toContainText("Your proposal was sent to the secretariat.");
  await expect(page.getByLabel("Title")).toHaveValue("Safe skies for civil aviation");
  await axe();
  await shoot(page, "propose-submitted");
  const api = await page.request.get("/api/v1/initiatives?q=Safe%20skies");
  expect(((await api.json()) as { data: unknown[] }).data).toEqual([]);
});

test("an organisation joins an open initiative, appears with its date, withdraws after confirming; B never shows it", async ({ page, axe }) => {
  // A long journey with eight accessibility checks on a shared, slow machine.
  test.setTimeout(240_000);
  const ngo = demoUser("ngo");
  await page.goto(`/initiatives/${A.slug}`);
  await expect(page.getByRole("heading", { name: "Your part in this initiative" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, ngo.email, ngo.password);
  await page.goto(`/initiatives/${A.slug}`);
  await switchLanguage(page, "en");
  const join = page.getByRole("button", { name: /Join on behalf of Reporters Without Borders/ });
  await expect(join).toBeVisible();
  await axe();
  await shoot(page, "initiative-join");
  await join.click();
  await expect(page.getByRole("status")).toContainText("your actor now supports this initiative");
  const today = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date());
  await expect(page.getByText(`Reporters Without Borders supports this initiative since ${today}.`)).toBeVisible();
  await expect(page.getByRole("region", { name: "History of the coalition" }).getByRole("listitem").first()).toContainText(`${today} — Reporters Without Borders joined`);
  await axe();

  const api = (await (await page.request.get(`/api/v1/initiatives/${A.slug}`)).json()) as {
    data: { supporters: { name: string; since: string }[]; events: { kind: string; name: string; occurred_at: string }[] };
  };
  expect(api.data.supporters.find((s) => s.name === "Reporters Without Borders")?.since.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
  expect(api.data.events.at(-1)).toMatchObject({ kind: "joined", name: "Reporters Without Borders" });
  // Joining A says nothing about B.
  const other = (await (await page.request.get(`/api/v1/initiatives/${B.slug}`)).json()) as { data: { supporters: { name: string }[]; leads: { name: string }[] } };
  expect([...other.data.supporters, ...other.data.leads].map((s) => s.name)).not.toContain("Reporters Without Borders");
  await page.goto(`/initiatives/${B.slug}`);
  await expect(page.getByRole("button", { name: /Join on behalf of Reporters Without Borders/ })).toBeVisible();

  // The same page in French and Spanish.
  await page.goto(`/initiatives/${A.slug}`);
  await switchLanguage(page, "fr");
  await expect(page.getByRole("heading", { name: "Votre rôle dans cette initiative" })).toBeVisible();
  await axe();
  await switchLanguage(page, "es");
  await expect(page.getByRole("heading", { name: "Su participación en esta iniciativa" })).toBeVisible();
  await axe();
  await switchLanguage(page, "en");

  await page.getByRole("link", { name: "Withdraw Reporters Without Borders" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Withdraw Reporters Without Borders from");
  await axe();
  await shoot(page, "withdraw-confirm");
  await submit(page, "Yes, withdraw Reporters Without Borders").click();
  await expect(page.getByRole("status")).toContainText("no longer takes part");
  const history = page.getByRole("region", { name: "History of the coalition" }).getByRole("listitem");
  await expect(history.nth(0)).toContainText(`${today} — Reporters Without Borders withdrew`);
  await expect(history.nth(1)).toContainText(`${today} — Reporters Without Borders joined`);
  await axe();
  await shoot(page, "initiative-after-withdraw");
});

test("the coalition as of a past date, and a date that is not one", async ({ page, axe }) => {
  await page.goto(`/initiatives/${PARIS_CALL.slug}?asOf=2019-01-01`);
  await expect(page.getByText("You are looking at this coalition as it stood at the end of 1 January 2019.")).toBeVisible();
  await axe();
  await shoot(page, "initiative-as-of");
  await page.goto(`/initiatives/${PARIS_CALL.slug}?asOf=2019-02-30`);
  await expect(page.getByText("Enter a date such as 2020-01-01.")).toBeVisible();
});
