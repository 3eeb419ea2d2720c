// Meetings in the browser: France's focal point, a lead of the International Partnership for
// Information and Democracy, posts a meeting, finds it on the initiative's page and on /meetings,
// changes it and cancels it; Reporters Without Borders' representative (a participant, who reads
// Spanish) gets each notice by email. axe on /meetings and the meeting form in three languages;
// the form also works with JavaScript off.
import type { Page } from "@playwright/test";
import { demoUser, signIn, submit, switchLanguage } from "./auth-steps";
import { expect, test } from "./fixtures";
import { waitForEmail } from "./mailbox";

const INFO = { slug: "international-partnership-for-information-and-democracy", title: "International Partnership for Information and Democracy" };
const SHOTS = "/tmp/shots/meetings";
const YEAR = new Date().getUTCFullYear() + 1;
const ONLINE = "https://meet.example.org/ipid-working-group";

async function shoot(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function fillMeeting(page: Page, values: { title: string; start: string; end: string; place?: string; online?: string }) {
  await page.getByLabel("Title").fill(values.title);
  await page.getByLabel("Time zone").selectOption("Europe/Paris");
  await page.getByLabel("Starts").fill(values.start);
  await page.getByLabel("Ends").fill(values.end);
  if (values.place !== undefined) await page.getByLabel("Place").fill(values.place);
  if (values.online !== undefined) await page.getByLabel("Online link").fill(values.online);
  await page.getByLabel("Agenda").fill("Progress of the working groups; next steps.");
}

test("a lead posts, changes and cancels a meeting; participants are told, the public never sees the link", async ({ page, axe }) => {
  test.setTimeout(240_000);
  const lead = demoUser("focalPoint");
  const ngo = demoUser("ngo");
  const title = `Working group on information integrity ${Date.now()}`;
  await signIn(page, lead.email, lead.password);
  await page.goto(`/initiatives/${INFO.slug}/manage`);
  await switchLanguage(page, "en");
  await page.getByRole("link", { name: "Manage the meetings" }).click();
  await page.getByRole("link", { name: "Post a meeting" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Post a meeting");

  // Bad input first: errors beside the fields, nothing posted.
  await fillMeeting(page, { title, start: `${YEAR}-05-12T15:00`, end: `${YEAR}-05-12T14:00`, place: "Paris", online: ONLINE });
  await submit(page, "Post the meeting and notify participants").click();
  await expect(page.getByText("The meeting must end after it starts.")).toBeVisible();
  await page.getByLabel("Ends").fill(`${YEAR}-05-12T17:00`);
  await submit(page, "Post the meeting and notify participants").click();
  await expect(page.getByRole("status")).toContainText("The meeting is posted");
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  // The participant's representative reads the notice in Spanish, with the time in Paris.
  const posted = await waitForEmail(ngo.email, title);
  expect(posted.subject).toContain("Nueva reunión");
  expect(posted.text).toContain("15:00–17:00 (Europe/Paris");

  // The initiative's page: the meeting in its zone, and the link for this participant.
  await page.goto(`/initiatives/${INFO.slug}`);
  const item = page.locator("li", { has: page.getByRole("heading", { name: title }) });
  await expect(item).toContainText("(Europe/Paris");
  await expect(item.getByRole("link", { name: ONLINE })).toBeVisible();
  await shoot(page, "initiative-meetings");

  // /meetings: listed without the link.
  await page.goto(`/meetings?initiative=${INFO.slug}`);
  const listed = page.locator("li", { has: page.getByRole("heading", { name: title }) });
  await expect(listed).toContainText("Online meeting (the link is sent to participants)");
  await expect(page.getByRole("link", { name: ONLINE })).toHaveCount(0);
  await expect(page.getByText(`Meetings of one initiative: “${INFO.title}”.`)).toBeVisible();
  await axe();
  await shoot(page, "meetings");
  // The same initiative found by words of its name, typed in the filter (works without JavaScript too: a GET form).
  await page.getByRole("link", { name: "Show the meetings of every initiative" }).click();
  // The filter form is drawn again for the new address: type once it is there.
  await expect(page).toHaveURL(/\/meetings$/);
  await page.getByRole("searchbox", { name: "Initiative" }).fill("information democ");
  await page.getByRole("search", { name: "Filter meetings" }).getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=information\+democ/);

  // Change: the place moves to Geneva.
  await page.goto(`/initiatives/${INFO.slug}/manage/meetings`);
  await page.getByRole("link", { name: `Change or cancel “${title}”` }).click();
  await page.getByLabel("Place").fill("Geneva, Palais des Nations");
  await submit(page, "Save the changes and notify participants").click();
  await expect(page.getByRole("status")).toContainText("The meeting is changed");
  const changed = await waitForEmail(ngo.email, "Geneva, Palais des Nations");
  expect(changed.subject).toContain("Reunión modificada");

  // Cancel, after confirming.
  await page.getByRole("link", { name: `Change or cancel “${title}”` }).click();
  await shoot(page, "meeting-change");
  await submit(page, "Cancel the meeting").click();
  await expect(page.getByText("Tick the box to confirm the cancellation.")).toBeVisible();
  await page.getByLabel("Yes, cancel this meeting and notify participants").check();
  await submit(page, "Cancel the meeting").click();
  await expect(page.getByRole("status")).toContainText("The meeting is cancelled");
  const cancelled = await waitForEmail(ngo.email, "ha cancelado");
  expect(cancelled.subject).toContain(title);

  await page.goto(`/initiatives/${INFO.slug}`);
  await expect(page.locator("li", { has: page.getByRole("heading", { name: title }) })).toContainText("Cancelled");
  // The public calendar keeps it, cancelled, without the link.
  const feed = await (await page.request.get(`/initiatives/${INFO.slug}/meetings.ics`)).text();
  expect(feed).toContain("STATUS:CANCELLED");
  expect(feed).not.toContain(ONLINE);
});

test("/meetings and the meeting form have no accessibility violations in English, French and Spanish", async ({ page, axe }) => {
  test.setTimeout(180_000);
  const lead = demoUser("focalPoint");
  await signIn(page, lead.email, lead.password);
  for (const lng of ["en", "fr", "es"] as const) {
    await page.goto("/meetings");
    await switchLanguage(page, lng);
    await axe();
    await page.goto(`/initiatives/${INFO.slug}/manage/meetings/new`);
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    // With the errors showing, too.
    await page.getByRole("main").getByRole("button").last().click();
    await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
    await axe();
    if (lng === "fr") await shoot(page, "meeting-form-fr");
  }
  // A representative's dashboard lists the meetings of their actor's initiatives.
  await page.goto("/dashboard");
  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { name: "Your upcoming meetings" })).toBeVisible();
  await axe();
  await shoot(page, "dashboard");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a lead posts a meeting through the plain form; the server says what is wrong", async ({ page }) => {
    test.setTimeout(120_000);
    const lead = demoUser("focalPoint");
    const title = `Plain form meeting ${Date.now()}`;
    await signIn(page, lead.email, lead.password);
    await page.goto(`/initiatives/${INFO.slug}/manage/meetings/new`);
    await switchLanguage(page, "en");
    await fillMeeting(page, { title, start: "2090-05-12T15:00", end: "2090-05-12T17:00", place: "Paris" });
    await submit(page, "Post the meeting and notify participants").click();
    await expect(page.getByText("A meeting can be posted at most five years ahead.")).toBeVisible();
    await page.getByLabel("Starts").fill(`${YEAR}-06-02T10:00`);
    await page.getByLabel("Ends").fill(`${YEAR}-06-02T12:00`);
    await submit(page, "Post the meeting and notify participants").click();
    await expect(page.getByRole("status")).toContainText("The meeting is posted");
    await page.goto(`/meetings?initiative=${INFO.slug}`);
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
  });
});
