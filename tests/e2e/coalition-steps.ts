// Steps the coalition journeys share, done as a person does them, in the language of the run:
// every label, button and notice is read from app/i18n/locales/<lng>/*.json (Playwright's
// loader cannot import JSON), so a missing or wrong translation fails the journey.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { submit, switchLanguage, totpCode } from "./auth-steps";
import { CAST_PASSWORD, type CastMember, type Lng } from "./cast";

// biome-ignore lint/suspicious/noExplicitAny: translation files are free-form JSON trees.
type Texts = any;
const cache = new Map<string, Texts>();
/** One namespace of one language's translations. */
export function texts(lng: Lng, namespace: string): Texts {
  const key = `${lng}/${namespace}`;
  if (!cache.has(key)) cache.set(key, JSON.parse(fs.readFileSync(path.resolve("app/i18n/locales", lng, `${namespace}.json`), "utf8")));
  return cache.get(key);
}

/** i18next's {{placeholders}} filled in. */
export const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? `{{${key}}}`);

/** The browser's language for a run: what Accept-Language says (English as the British write it). */
export const browserLocale = (lng: Lng) => ({ en: "en-GB", fr: "fr-FR", es: "es-ES" })[lng];

/** Today as the pages write a date in `lng`: "1 December 2026", "1 décembre 2026", "1 de diciembre de 2026". */
export const today = (lng: Lng) => new Intl.DateTimeFormat(browserLocale(lng), { dateStyle: "long", timeZone: "UTC" }).format(new Date());

/**
 * Signs in through the form in the page's language (`lng`); staff then give their
 * authenticator's code. Lands on the dashboard, which speaks the profile's language from then on.
 */
export async function signInAs(page: Page, person: CastMember, lng: Lng): Promise<void> {
  const a = texts(lng, "auth");
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", lng);
  await page.getByLabel(a.fields.email, { exact: true }).fill(person.email);
  await page.getByLabel(a.fields.password, { exact: true }).fill(CAST_PASSWORD);
  await submit(page, a.login.submit).click();
  if (person.totpSecret) {
    await page.getByLabel(a.fields.code).fill(await totpCode(person.totpSecret));
    await submit(page, a.twoFactorLogin.submit).click();
  }
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts(person.locale, "membership").dashboard.title);
  await expect(page.locator("html")).toHaveAttribute("lang", person.locale);
}

/**
 * The proposal form filled in and sent; returns once the secretariat has it. With `coLead` (an
 * actor's name in `lng`), its first letters are typed in the co-lead combobox and the actor is
 * picked with the keyboard from the suggestions (`axe` then checks the page with the list open).
 */
export async function propose(
  page: Page,
  lng: Lng,
  proposal: { title: string; summary: string; policy: "open" | "approval"; coLead?: string },
  axe?: () => Promise<void>,
): Promise<void> {
  const c = texts(lng, "coalitions");
  const common = texts(lng, "common");
  await page.goto("/initiatives/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.propose.title);
  await page.getByLabel(c.form.title, { exact: true }).fill(proposal.title);
  await page.getByLabel(c.form.summary, { exact: true }).fill(proposal.summary);
  await page.getByLabel(c.form.description, { exact: true }).fill(`${proposal.summary}\n\n<b>${proposal.title}</b>`);
  await page.getByLabel(common.labels.axis, { exact: true }).selectOption({ label: common.axis.international_law });
  await page.getByLabel(common.labels.theme, { exact: true }).selectOption({ label: common.theme.other });
  await page.getByLabel(c.form.policy[proposal.policy]).check();
  await page.getByLabel(c.form.language, { exact: true }).selectOption({ label: c.form.languages[lng] });
  if (proposal.coLead) {
    const field = page.getByRole("combobox", { name: c.propose.coLeads });
    await field.fill(proposal.coLead.slice(0, 5).toLowerCase());
    const option = page.getByRole("listbox", { name: c.propose.coLeadSuggestions }).getByRole("option", { name: proposal.coLead, exact: true });
    await expect(option).toBeVisible();
    await expect(field).toHaveAttribute("aria-expanded", "true");
    await axe?.();
    for (let i = 0; i < 10 && (await option.getAttribute("aria-selected")) !== "true"; i++) await field.press("ArrowDown");
    await expect(field).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id")) ?? "");
    // Enter picks the actor; it does not send the form.
    await field.press("Enter");
    await expect(page.getByRole("checkbox", { name: proposal.coLead, exact: true })).toBeChecked();
    await expect(field).toHaveValue("");
    await expect(field).toHaveAttribute("aria-expanded", "false");
  }
  await submit(page, c.propose.submit).click();
  await expect(page.getByRole("status")).toContainText(c.propose.submitted);
}

/** A member of staff, signed in (their profile speaks another language), switches to `lng` and approves the proposal. */
export async function approveProposal(staff: Page, lng: Lng, title: string, axe?: (page?: Page) => Promise<void>): Promise<void> {
  const c = texts(lng, "coalitions");
  await staff.goto("/secretariat/initiatives");
  await switchLanguage(staff, lng);
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(c.review.title);
  const proposal = staff.getByRole("main").getByRole("article", { name: title });
  await expect(proposal).toBeVisible();
  await axe?.(staff);
  await proposal.getByRole("button", { name: c.review.approve }).click();
  await expect(staff.getByRole("status")).toContainText(c.review.done.approve);
}
