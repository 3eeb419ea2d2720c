// The demo's six 2019 initiatives come in all three languages, and the French set by the seed
// keeps the typography rule every French interface string keeps.
import { describe, expect, it } from "vitest";
import { DEMO_INITIATIVES } from "~/db/seed/demo-content";
import { DEMO_TRANSLATIONS } from "~/db/seed/demo-translations";
import { fixFrenchTypography, frenchTypographyProblems } from "~/i18n/french-typography";

const SIX_2019 = DEMO_INITIATIVES.slice(0, 6).map((i) => i.slug);

describe("demo translations", () => {
  it("cover the six initiatives presented in 2019, in French and Spanish, every field", () => {
    expect(Object.keys(DEMO_TRANSLATIONS).sort()).toEqual([...SIX_2019].sort());
    for (const slug of SIX_2019)
      for (const locale of ["fr", "es"] as const) {
        const text = DEMO_TRANSLATIONS[slug]?.[locale];
        for (const field of ["title", "summary", "description", "goals"] as const) expect(text?.[field].trim(), `${slug} ${locale} ${field}`).toBeTruthy();
      }
  });

  it("keep the paragraphs of the original", () => {
    for (const initiative of DEMO_INITIATIVES.filter((i) => SIX_2019.includes(i.slug)))
      for (const locale of ["fr", "es"] as const)
        expect(DEMO_TRANSLATIONS[initiative.slug]?.[locale]?.description.split("\n\n").length, `${initiative.slug} ${locale}`).toBe(initiative.description.split("\n\n").length);
  });

  it("French, as seeded, follows French typography", () => {
    for (const [slug, byLocale] of Object.entries(DEMO_TRANSLATIONS))
      for (const value of Object.values(byLocale.fr ?? {})) expect(frenchTypographyProblems(fixFrenchTypography(value)), slug).toEqual([]);
  });
});
