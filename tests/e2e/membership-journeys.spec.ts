// The applicant halves of the membership journeys, in a browser, as a newcomer does them: a
// State's focal point confirms their email, is led on to apply and sees "waiting since" on the
// dashboard (in English, French and Spanish); an NGO registers and stays off the public
// directory while pending; a representative who edits an actor id in the URL gets 403.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import type enActors from "~/i18n/locales/en/actors.json";
import type enMembership from "~/i18n/locales/en/membership.json";
import { expect, test } from "./fixtures";
import { PASSWORD, demoUser, fillSignIn, signUp, submit, switchLanguage, uniqueEmail } from "./auth-steps";
import { actorIdByName, GERMANY } from "./demo";
import { waitForLink } from "./mailbox";
import { ORIGIN } from "./auth-steps";

type Lng = "en" | "fr" | "es";
// The texts the pages show, read from the translation files (Playwright's loader cannot import JSON).
const texts = <T>(lng: Lng, namespace: string): T =>
  JSON.parse(fs.readFileSync(path.resolve("app/i18n/locales", lng, `${namespace}.json`), "utf8")) as T;
const m = (lng: Lng) => texts<typeof enMembership>(lng, "membership");

/** A new verified member, signed in, on the page the verification led them to. */
async function newMemberLedToApply(page: Page, purpose: string): Promise<string> {
  const email = uniqueEmail(purpose);
  await signUp(page, { name: "Ana Ferreira", email, password: PASSWORD });
  // Confirming the address, signed out, leads on: sign in, then straight to "whom you represent".
  await page.goto(await waitForLink(email, ORIGIN, "/verify-email"));
  await submit(page, "Confirm my email address").click();
  await page.getByRole("link", { name: "Sign in to continue" }).click();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await submit(page, "Sign in").click();
  await expect(page).toHaveURL("/affiliations/new");
  return email;
}

async function claimGermany(page: Page, lng: Lng) {
  const t = m(lng);
  await page.getByRole("link", { name: t.apply.paths.state.label }).click();
  await page.getByLabel(t.fields.state, { exact: true }).selectOption({ label: GERMANY[lng] });
  await page.getByLabel(t.role.focal_point).check();
  await page.getByLabel(t.fields.title, { exact: true }).fill("Director for Multilateral Affairs");
  await page.getByLabel(t.fields.ministryOrMission, { exact: true }).fill("Federal Foreign Office");
  await page.getByLabel(t.fields.officialEmail, { exact: true }).fill("focal@diplo.example");
  await submit(page, t.apply.state.submit).click();
}

for (const lng of ["en", "fr", "es"] as const) {
  test(`in ${lng}: a State's focal point applies and the dashboard says since when the request waits`, async ({ page, axe }) => {
    const t = m(lng);
    await newMemberLedToApply(page, `state-${lng}`);
    if (lng !== "en") await switchLanguage(page, lng);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.apply.title);
    await axe();
    await claimGermany(page, lng);
    await expect(page).toHaveURL("/dashboard?notice=applied");
    await expect(page.getByRole("status")).toHaveText(t.dashboard.notices.applied);
    const next = page.getByRole("region", { name: t.next.waiting.title });
    await expect(next).toContainText(t.next.waiting.body.split("{{date}}")[0]!.trim());
    await expect(page.getByRole("heading", { name: `${GERMANY[lng]} · ${t.role.focal_point}` })).toBeVisible();
    await axe();
    // The account page shows the same next step.
    await page.goto("/account");
    await expect(page.getByRole("region", { name: t.next.waiting.title })).toBeVisible();
  });
}

test("an NGO checks near-duplicates, registers, and is not public while pending", async ({ page, request, axe }) => {
  const t = m("en");
  await newMemberLedToApply(page, "ngo");
  await page.getByRole("link", { name: t.apply.paths.organisation.label }).click();
  await page.getByLabel(t.fields.kind).selectOption("ngo");
  await page.getByLabel(t.fields.organisationName).fill("Reporters Without Border");
  await page.getByLabel(t.fields.description).fill("Defends journalists.");
  await page.getByLabel(t.fields.motivation).fill("To support information and democracy.");
  await page.getByLabel(t.fields.yourTitle).fill("Programme director");
  await page.getByLabel(t.fields.officialEmail).fill("director@ngo.example");
  await submit(page, t.apply.organisation.submit).click();

  const candidates = page.getByRole("alert").filter({ hasText: t.apply.duplicates.title });
  await expect(candidates).toContainText("Reporters Without Borders");
  await axe();
  // Not theirs after all: a different name, which has no near-duplicate.
  const name = `Lantern Legal Aid ${Date.now().toString(36)}`;
  await page.getByLabel(t.fields.organisationName).fill(name);
  await page.getByRole("main").getByRole("button", { name: /^None of these/ }).click();
  await expect(page).toHaveURL("/dashboard?notice=registered");
  await expect(page.getByText(t.dashboard.actorPending)).toBeVisible();

  const api = await request.get(`/api/v1/actors?scope=all&q=${encodeURIComponent(name)}`);
  expect(((await api.json()) as { total: number }).total).toBe(0);
  await page.goto(`/actors?scope=all&q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("main")).toContainText(texts<typeof enActors>("en", "actors").list.empty);
});

test("a representative who puts another actor's id in the URL gets 403", async ({ page, request }) => {
  const rsfDelegate = demoUser("ngo");
  const france = await actorIdByName(request, "France");
  const rsf = await actorIdByName(request, "Reporters Without Borders");
  await fillSignIn(page, rsfDelegate.email, rsfDelegate.password);
  await expect(page).toHaveURL("/dashboard");
  const own = await page.goto(`/dashboard/actors/${rsf}`);
  expect(own?.status()).toBe(200);
  const tampered = await page.goto(`/dashboard/actors/${france}`);
  expect(tampered?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the State form shows field errors, then sends the request", async ({ page }) => {
    const t = m("en");
    const member = demoUser("member");
    await fillSignIn(page, member.email, member.password);
    await page.goto("/affiliations/new?path=state");
    await submit(page, t.apply.state.submit).click();
    await expect(page.getByLabel(t.fields.state, { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(t.fields.title, { exact: true })).toHaveAccessibleDescription(new RegExp(t.errors.required.replace(".", "\\.")));
    await page.getByLabel(t.fields.state, { exact: true }).selectOption({ label: "Ghana" });
    await page.getByLabel(t.fields.title, { exact: true }).fill("Ambassador");
    await page.getByLabel(t.fields.ministryOrMission, { exact: true }).fill("Permanent Mission of Ghana in Geneva");
    await page.getByLabel(t.fields.officialEmail, { exact: true }).fill("mission@ghana.example");
    await submit(page, t.apply.state.submit).click();
    await expect(page).toHaveURL("/dashboard?notice=applied");
    await expect(page.getByRole("heading", { name: `Ghana · ${t.role.focal_point}` })).toBeVisible();
  });

  test("the organisation form asks \"Is it one of these?\" before registering", async ({ page }) => {
    const t = m("en");
    const member = demoUser("member");
    await fillSignIn(page, member.email, member.password);
    await page.goto("/affiliations/new?path=organisation");
    await page.getByLabel(t.fields.kind).selectOption("international_organization");
    await page.getByLabel(t.fields.organisationName).fill("World Health Organisation");
    await page.getByLabel(t.fields.description).fill("Health.");
    await page.getByLabel(t.fields.motivation).fill("Global health.");
    await page.getByLabel(t.fields.yourTitle).fill("Officer");
    await page.getByLabel(t.fields.officialEmail).fill("officer@who.example");
    await submit(page, t.apply.organisation.submit).click();
    await expect(page.getByRole("alert")).toContainText("World Health Organization");
    await expect(page.getByRole("link", { name: t.apply.duplicates.join })).toBeVisible();
  });
});
