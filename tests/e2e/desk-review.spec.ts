// The secretariat's review desk in the browser, with an applicant on the other side: a State's
// focal point is rejected with a reason, reads it on the dashboard and in the email, applies
// again and is approved; an NGO is not public while pending, then listed and exported once
// approved. Screenshots of the desk at desktop and phone widths go to /work/wt/notes/screens.
// The first journey runs again in French and in Spanish, both sides in that language, the
// applicant's emails included (texts read from the translation files).
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { demoUser, fillSignIn, ORIGIN, PASSWORD, signIn, signUp, submit, switchLanguage, totpCode, totpStep, uniqueEmail, verifyFromEmail } from "./auth-steps";
import { waitForEmail, waitForLink } from "./mailbox";

// Beside the test results, git-ignored: E2E_SCREENS=1 npx playwright test … writes them there.
const SCREENS = "test-results/screens";

// Both journeys use the one demo reviewer, who sets up two-factor once: run them in order.
test.describe.configure({ mode: "serial" });
let reviewerSecret: string | undefined;
let lastStep = -1;

/** The second demo reviewer signs in, turning two-factor on the first time, as staff must before the desk. */
async function reviewerPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const reviewer = demoUser("reviewer");
  await fillSignIn(page, reviewer.email, reviewer.password);
  if (!reviewerSecret) {
    await expect(page).toHaveURL(/\/account\/two-factor/);
    await submit(page, "Set up two-factor authentication").click();
    reviewerSecret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
    lastStep = totpStep();
    await page.getByLabel("Authentication code").fill(await totpCode(reviewerSecret));
    await submit(page, "Turn on").click();
    await expect(page.getByRole("status")).toContainText("Two-factor authentication is on.");
  } else {
    // Each code works once: wait for the authenticator's next one.
    while (totpStep() === lastStep) await page.waitForTimeout(500);
    lastStep = totpStep();
    await page.getByLabel("Authentication code").fill(await totpCode(reviewerSecret));
    await submit(page, "Verify").click();
  }
  return page;
}

async function newMember(page: Page, name: string, purpose: string): Promise<string> {
  const email = uniqueEmail(purpose);
  await signUp(page, { name, email, password: PASSWORD });
  await verifyFromEmail(page, email);
  await signIn(page, email, PASSWORD);
  return email;
}

async function claimState(page: Page, state: string) {
  await page.goto("/affiliations/new?path=state");
  await page.getByLabel("State", { exact: true }).selectOption({ label: state });
  await page.getByLabel("Your title").fill("Deputy Director for Multilateral Affairs");
  await page.getByLabel("Ministry or mission").fill("Ministry of Foreign Affairs");
  await page.getByLabel("Official email address").fill("multilateral@mne.gov.example");
  await submit(page, "Send my request").click();
  await expect(page).toHaveURL(/\/dashboard\?notice=applied/);
}

async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENS, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a State's focal point is rejected with a reason, reads it, applies again and is approved", async ({ page, browser, axe }) => {
  test.setTimeout(360_000);
  const staff = await reviewerPage(browser);
  const name = `Inês Carvalho ${Date.now()}`;
  const email = await newMember(page, name, "desk-state");
  await claimState(page, "Portugal");

  // The desk: the request is in the queue, oldest first, filterable by regional group.
  await staff.goto("/secretariat");
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Review desk");
  await axe(staff);
  await screenshot(staff, "desk-home");
  await staff.goto("/secretariat/affiliations?region=western_european_others");
  await axe(staff);
  await screenshot(staff, "desk-queue-affiliations");
  await staff.getByRole("link", { name: `${name} for Portugal` }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(`${name} for Portugal`);
  await axe(staff);
  await screenshot(staff, "desk-review-affiliation");

  // Rejecting needs a reason: without one, a field error and nothing changes.
  const reject = staff.locator("#decide-reject");
  await reject.getByRole("button", { name: "Reject" }).click();
  await expect(reject.getByText("Give a reason: the applicant will read it.")).toBeVisible();
  await reject.getByLabel("Reason for rejecting").fill("Please apply from your ministry address, with your letter of appointment.");
  await reject.getByRole("button", { name: "Reject" }).click();
  await expect(staff.getByRole("status")).toContainText("Rejected. The applicant has been sent the reason.");

  // The applicant reads the reason on the dashboard and in the email.
  const mail = await waitForEmail(email, "letter of appointment");
  expect(mail.subject).toContain("Portugal");
  await page.goto("/dashboard");
  await expect(page.getByRole("main")).toContainText("Please apply from your ministry address, with your letter of appointment.");

  // Applies again; both applications stay in the history the reviewer sees.
  await claimState(page, "Portugal");
  await staff.goto("/secretariat/affiliations?region=western_european_others");
  await staff.getByRole("link", { name: `${name} for Portugal` }).click();
  await expect(staff.getByRole("region", { name: `Other applications by ${name}` })).toContainText("letter of appointment");
  await staff.locator("#decide-approve").getByRole("button", { name: "Approve" }).click();
  await expect(staff.getByRole("status")).toContainText("Approved. The applicant has been told.");

  await page.goto("/dashboard");
  await expect(page.getByRole("main")).toContainText("Portugal");
  await expect(page.getByRole("main")).toContainText("You act for Portugal.");
  await waitForEmail(email, "You can now act for Portugal");

  // The audit log has both decisions, with the reason.
  await staff.goto(`/secretariat/audit?user=${encodeURIComponent(email)}`);
  await expect(staff.getByRole("table")).toContainText("Representative rejected");
  await expect(staff.getByRole("table")).toContainText("Representative approved");
  await axe(staff);
  await screenshot(staff, "desk-audit");
});

test("an NGO waits off the directory, then is approved, listed and exported", async ({ page, browser, axe }) => {
  test.setTimeout(360_000);
  const staff = await reviewerPage(browser);
  await newMember(page, "Tomás Ferreira", "desk-ngo");
  const ngo = `Coastal Commons Trust ${Date.now()}`;
  await page.goto("/affiliations/new?path=organisation");
  await page.getByLabel("Kind of organisation").selectOption({ label: "NGO" });
  await page.getByLabel("Name of the organisation").fill(ngo);
  await page.getByLabel("Headquarters country").selectOption({ label: "Chile" });
  await page.getByLabel("Website").fill("https://coastal-commons.example");
  await page.getByLabel("Description").fill("Coastal communities defending fair fisheries.");
  await page.getByLabel("Why it wants to join").fill("To work on ocean governance with states.");
  await page.getByLabel("Your title").fill("Director");
  await page.getByLabel("Official email address").fill("director@coastal-commons.example");
  await submit(page, "Register the organisation").click();
  await expect(page).toHaveURL(/\/dashboard\?notice=registered/);

  await page.goto(`/actors?q=${encodeURIComponent(ngo)}&scope=all`);
  await expect(page.getByRole("main")).not.toContainText(ngo);

  await staff.goto("/secretariat/actors?kind=ngo");
  await axe(staff);
  await screenshot(staff, "desk-queue-actors");
  await staff.getByRole("link", { name: ngo }).click();
  await axe(staff);
  await screenshot(staff, "desk-review-actor");
  await staff.locator("#decide-approve").getByRole("button", { name: "Approve" }).click();
  await expect(staff.getByRole("status")).toContainText("Approved.");

  await page.goto(`/actors?q=${encodeURIComponent(ngo)}&scope=all`);
  await expect(page.getByRole("main").getByRole("link", { name: ngo })).toBeVisible();

  const csv = await staff.request.get(`${ORIGIN}/secretariat/exports/actors.csv`);
  expect(csv.status()).toBe(200);
  const text = (await csv.body()).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain(`${ngo},`);
  // Anyone but staff is refused.
  expect((await page.request.get(`${ORIGIN}/secretariat/exports/actors.csv`)).status()).toBe(403);
});

type Lng = "fr" | "es";
// The texts the pages and emails show, read from the translation files (Playwright cannot import JSON).
const texts = (lng: Lng, namespace: string) => JSON.parse(fs.readFileSync(path.resolve("app/i18n/locales", lng, `${namespace}.json`), "utf8"));
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? "");

/** Signs up with the site in `lng` (so the profile, and every email, is in that language), confirms and signs in. */
async function newMemberIn(page: Page, lng: Lng, name: string, purpose: string): Promise<string> {
  const a = texts(lng, "auth");
  const email = uniqueEmail(purpose);
  await page.goto("/signup");
  await switchLanguage(page, lng);
  await page.getByLabel(a.fields.name, { exact: true }).fill(name);
  await page.getByLabel(a.fields.email, { exact: true }).fill(email);
  await page.getByLabel(a.fields.password, { exact: true }).fill(PASSWORD);
  await page.getByLabel(a.signup.acceptPrivacy).check();
  await submit(page, a.signup.submit).click();
  await page.goto(await waitForLink(email, ORIGIN, "/verify-email"));
  await submit(page, a.verify.confirm).click();
  await expect(page.getByRole("status")).toContainText(a.verify.done);
  await page.goto("/login");
  await page.getByLabel(a.fields.email, { exact: true }).fill(email);
  await page.getByLabel(a.fields.password, { exact: true }).fill(PASSWORD);
  await submit(page, a.login.submit).click();
  await expect(page).toHaveURL("/dashboard");
  return email;
}

async function claimPortugalIn(page: Page, lng: Lng) {
  const m = texts(lng, "membership");
  await page.goto("/affiliations/new?path=state");
  await page.getByLabel(m.fields.state, { exact: true }).selectOption({ label: "Portugal" });
  await page.getByLabel(m.role.focal_point).check();
  await page.getByLabel(m.fields.title, { exact: true }).fill("Directora de Asuntos Multilaterales");
  await page.getByLabel(m.fields.ministryOrMission, { exact: true }).fill("Ministério dos Negócios Estrangeiros");
  await page.getByLabel(m.fields.officialEmail, { exact: true }).fill("multilateral@mne.gov.example");
  await submit(page, m.apply.state.submit).click();
  await expect(page).toHaveURL(/\/dashboard\?notice=applied/);
  await expect(page.getByRole("status")).toHaveText(m.dashboard.notices.applied);
}

for (const lng of ["fr", "es"] as const) {
  test(`in ${lng}: rejected with a reason (dashboard and email), applies again, approved (dashboard and email)`, async ({ page, browser, axe }) => {
    test.setTimeout(360_000);
    const d = texts(lng, "desk");
    const m = texts(lng, "membership");
    const mail = texts(lng, "emails");
    const staff = await reviewerPage(browser);
    const name = `${lng === "fr" ? "Hélène Martin" : "Lucía Gómez"} ${Date.now()}`;
    const email = await newMemberIn(page, lng, name, `desk-${lng}`);
    await claimPortugalIn(page, lng);

    await staff.goto("/secretariat");
    await switchLanguage(staff, lng);
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText(d.home.title);
    await staff.goto("/secretariat/affiliations?region=western_european_others");
    const item = fill(d.affiliations.itemTitle, { name, actor: "Portugal" });
    await staff.getByRole("link", { name: item }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText(item);
    await axe(staff);
    const reason = lng === "fr" ? "Merci d’écrire depuis l’adresse du ministère, avec votre lettre de nomination." : "Escriba desde la dirección del ministerio, con su carta de nombramiento.";
    const reject = staff.locator("#decide-reject");
    await reject.getByRole("button", { name: d.decision.reject.submit }).click();
    await expect(reject.getByText(d.errors.reasonRequired)).toBeVisible();
    await reject.getByLabel(d.decision.reject.reasonLabel).fill(reason);
    await reject.getByRole("button", { name: d.decision.reject.submit }).click();
    await expect(staff.getByRole("status")).toContainText(d.decision.reject.done);

    // The rejection reaches the applicant in their language, with the reason, by email and on the dashboard.
    const rejected = await waitForEmail(email, reason);
    expect(rejected.subject).toBe(fill(mail.deskAffiliationRejected.subject, { actor: "Portugal" }));
    expect(rejected.text).toContain(fill(mail.deskAffiliationRejected.body[0], { actor: "Portugal" }));
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.dashboard.title);
    await expect(page.getByRole("main")).toContainText(reason);
    await axe();

    await claimPortugalIn(page, lng);
    await staff.goto("/secretariat/affiliations?region=western_european_others");
    await staff.getByRole("link", { name: item }).click();
    await staff.locator("#decide-approve").getByRole("button", { name: d.decision.approve.submit }).click();
    await expect(staff.getByRole("status")).toContainText(d.decision.approve.done);

    const approved = await waitForEmail(email, fill(mail.deskAffiliationApproved.body[0], { actor: "Portugal" }));
    expect(approved.subject).toBe(fill(mail.deskAffiliationApproved.subject, { actor: "Portugal" }));
    await page.goto("/dashboard");
    await expect(page.getByRole("main")).toContainText(fill(m.next.approved.body, { names: "Portugal" }));
    await axe();
  });
}
