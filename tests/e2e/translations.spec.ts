// Translated initiatives in the browser: the visitor's language when a translation exists, else
// the original marked with `lang` and a visible note; axe-clean in French and Spanish; a lead
// edits a translation through the form, with and without JavaScript.
import type { Page } from "@playwright/test";
import { demoUser, signIn, switchLanguage } from "./auth-steps";
import { expect, test } from "./fixtures";

const HUMANITARIAN = {
  slug: "humanitarian-call-for-action",
  en: "Humanitarian Call for Action",
  fr: "Appel à l’action humanitaire",
  es: "Llamamiento a la Acción Humanitaria",
};
/** Closed, and in English only: what a French or Spanish reader sees untranslated. */
const COVID = { slug: "joint-declaration-on-covid-19", title: "Joint declaration on COVID-19" };
const INFORMATION = "international-partnership-for-information-and-democracy";

const NOTE = { fr: "Pas encore traduit en français", es: "Aún no se ha traducido al español" } as const;

async function inLanguage(page: Page, lng: "fr" | "es") {
  await page.goto("/");
  await switchLanguage(page, lng);
}

for (const lng of ["fr", "es"] as const) {
  test(`${lng}: a translated initiative reads wholly in ${lng}, with no lang marks and no note`, async ({ page, axe }) => {
    await inLanguage(page, lng);
    await page.goto(`/initiatives/${HUMANITARIAN.slug}`);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1 })).toHaveText(HUMANITARIAN[lng]);
    await expect(main.locator("[lang]")).toHaveCount(0);
    await expect(main.getByText(NOTE[lng])).toHaveCount(0);
    await axe();
  });

  test(`${lng}: an untranslated initiative shows its English original marked lang="en", with a note`, async ({ page, axe }) => {
    await inLanguage(page, lng);
    await page.goto(`/initiatives/${COVID.slug}`);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1 }).locator('[lang="en"]')).toHaveText(COVID.title);
    await expect(main.getByText(NOTE[lng]).first()).toBeVisible();
    // The summary and the description are marked too, so screen readers switch voice.
    await expect(main.locator('div[lang="en"]').first()).toContainText("COVID-19");
    await axe();

    // In the directory, only the untranslated card is marked.
    await page.goto("/initiatives");
    await expect(main.getByRole("link", { name: HUMANITARIAN[lng] })).toBeVisible();
    await expect(main.locator('h2 [lang="en"]')).toHaveText([COVID.title]);
    await axe();
  });
}

test("a lead edits the Spanish translation through the form; the Spanish page shows it", async ({ page, axe }) => {
  const focal = demoUser("focalPoint");
  await signIn(page, focal.email, focal.password);
  await page.goto(`/initiatives/${INFORMATION}/manage`);
  await page.getByRole("link", { name: "Modifier la traduction en espagnol" }).click();
  await expect(page).toHaveURL(`/initiatives/${INFORMATION}/manage/translations/es`);
  await axe();
  // The original sits beside each field, marked as English; the fields are marked as Spanish.
  await expect(page.locator('div[lang="en"]').first()).toContainText("International Partnership for Information and Democracy");
  await expect(page.getByLabel("Titre")).toHaveAttribute("lang", "es");

  await page.getByLabel("Titre").fill("");
  await page.getByRole("button", { name: "Enregistrer la traduction" }).click();
  await expect(page.getByText("Donnez un titre à l’initiative.")).toBeVisible();

  await page.getByLabel("Titre").fill("Asociación Internacional por la Información y la Democracia");
  await page.getByRole("button", { name: "Enregistrer la traduction" }).click();
  await expect(page.getByRole("status")).toContainText("La traduction est enregistrée");

  await switchLanguage(page, "es");
  await page.goto(`/initiatives/${INFORMATION}`);
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("Asociación Internacional por la Información y la Democracia");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a lead saves a translation, and a blank title comes back as a field error", async ({ page }) => {
    const focal = demoUser("focalPoint");
    await signIn(page, focal.email, focal.password);
    await page.goto(`/initiatives/${INFORMATION}/manage/translations/fr`);
    const title = page.getByLabel("Titre");
    await title.fill("   ");
    await page.getByRole("button", { name: "Enregistrer la traduction" }).click();
    await expect(page.getByText("Donnez un titre à l’initiative.")).toBeVisible();
    await expect(title).toHaveAttribute("aria-invalid", "true");

    await title.fill("Partenariat international pour l’information et la démocratie");
    await page.getByRole("button", { name: "Enregistrer la traduction" }).click();
    await expect(page).toHaveURL(`/initiatives/${INFORMATION}/manage/translations/fr?notice=saved`);
    await expect(page.getByRole("status")).toContainText("La traduction est enregistrée");
  });
});
