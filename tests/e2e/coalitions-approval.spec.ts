// The approval-policy journey in the browser: a representative asks to join an initiative whose
// leads approve each request; the lead hears of it by email (in their language) and on their
// dashboard, declines another request with a reason, accepts this one; the representative is
// told by email (in theirs) and the page shows the actor among the supporters. axe-checked.
// Screenshots of the dashboard and the leads' page (with the handover form) at 1366 and 390 wide.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { demoUser, signIn, submit, switchLanguage } from "./auth-steps";
import { expect, test } from "./fixtures";
import { waitForEmail } from "./mailbox";
import { withDemoLock } from "./demo-lock";

const SHOTS = "/tmp/shots/leftovers";
const IPID = { slug: "international-partnership-for-information-and-democracy", title: "International Partnership for Information and Democracy" };
const RSF = "Reporters Without Borders";

type Lng = "en" | "fr" | "es";
// The texts the pages and emails show, read from the translation files.
const texts = (lng: Lng, namespace: string) => JSON.parse(fs.readFileSync(path.resolve("app/i18n/locales", lng, `${namespace}.json`), "utf8"));
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? "");

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("approval policy: a request waits for the leads, who decline one with a reason and accept another; both sides are emailed", async ({ page, browser, axe }) => {
  // Waits for the other test that changes Reporters Without Borders' part in the partnership.
  test.setTimeout(360_000);
  await withDemoLock("rsf-information-partnership", async () => {
  test.setTimeout(300_000);
  const rep = demoUser("ngo");
  const focal = demoUser("focalPoint");
  const today = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date());

  // Reporters Without Borders supports the Partnership: it withdraws, then asks to come back.
  await signIn(page, rep.email, rep.password);
  await page.goto(`/initiatives/${IPID.slug}`);
  await switchLanguage(page, "en");
  await page.getByRole("link", { name: `Withdraw ${RSF}` }).click();
  await submit(page, `Yes, withdraw ${RSF}`).click();
  await expect(page.getByRole("status")).toContainText("no longer takes part");
  await expect(page.getByText("The leads approve each request; you will be told of their decision by email.")).toBeVisible();
  await submit(page, `Request to join on behalf of ${RSF}`).click();
  await expect(page.getByRole("status")).toContainText("Your request was sent to the leads.");
  await expect(page.getByText(`${RSF} asked to join on ${today}. The leads have not decided yet.`)).toBeVisible();
  await axe();

  // France's focal point leads it: the email arrives in French, the dashboard lists the request.
  const fr = texts("fr", "emails").coalitionJoinRequested;
  const asked = await waitForEmail(focal.email, fill(fr.body[0], { actor: RSF, initiative: IPID.title }));
  expect(asked.subject).toBe(fill(fr.subject, { actor: RSF, initiative: IPID.title }));
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, focal.email, focal.password);
  const work = texts("fr", "coalition-work").dashboard;
  const tasks = lead.getByRole("region", { name: work.title });
  const line = tasks.getByRole("listitem").filter({ hasText: `${RSF} demande à rejoindre` });
  await expect(line).toContainText(IPID.title);
  await axe(lead);
  await shoot(lead, "dashboard-coalitions-fr");
  await line.getByRole("link", { name: new RegExp(`^${work.decide}`) }).click();
  await expect(lead).toHaveURL(`/initiatives/${IPID.slug}/manage#requests`);

  // The leads' page, in English: Mongolia's request is declined (a reason is required), RSF's accepted.
  await switchLanguage(lead, "en");
  const requests = lead.getByRole("region", { name: "Requests to join" });
  const mongolia = requests.getByRole("listitem").filter({ hasText: "Mongolia" });
  await mongolia.getByRole("button", { name: "Decline Mongolia" }).click();
  await expect(lead.getByRole("region", { name: "Requests to join" }).getByRole("listitem").filter({ hasText: "Mongolia" })).toContainText(texts("en", "coalitions").errors.reasonRequired);
  await lead.getByRole("region", { name: "Requests to join" }).getByRole("listitem").filter({ hasText: "Mongolia" }).getByLabel("Reason, if you decline (sent to the actor)").fill("The Partnership is taking no new members from outside the Forum for now.");
  await lead.getByRole("region", { name: "Requests to join" }).getByRole("listitem").filter({ hasText: "Mongolia" }).getByRole("button", { name: "Decline Mongolia" }).click();
  await expect(lead.getByRole("status")).toHaveText("The request is declined; the actor is told why.");
  await expect(requests.getByRole("listitem").filter({ hasText: "Mongolia" })).toHaveCount(0);
  await requests.getByRole("listitem").filter({ hasText: RSF }).getByRole("button", { name: `Accept ${RSF}` }).click();
  await expect(lead.getByRole("status")).toHaveText("The request is accepted.");
  await expect(requests).toContainText("No request is waiting.");
  await axe(lead);
  await shoot(lead, "manage-with-handover");

  // The representative hears of it in Spanish, and the page shows the actor back among the supporters.
  const es = texts("es", "emails").coalitionRequestAccepted;
  const accepted = await waitForEmail(rep.email, fill(es.body[0], { actor: RSF, initiative: IPID.title }));
  expect(accepted.subject).toBe(fill(es.subject, { actor: RSF, initiative: IPID.title }));
  await page.goto(`/initiatives/${IPID.slug}`);
  await expect(page.getByText(`${RSF} supports this initiative since ${today}.`)).toBeVisible();
  const api = (await (await page.request.get(`/api/v1/initiatives/${IPID.slug}`)).json()) as { data: { supporters: { name: string }[] } };
  const names = api.data.supporters.map((s) => s.name);
  expect(names).toContain(RSF);
  expect(names).not.toContain("Mongolia");
  });
});
