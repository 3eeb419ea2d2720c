// French typography and the vocabulary a UN translator expects, kept for every string in every
// namespace, including the ones other branches add (run scripts/fix-french-typography.ts to mend).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixFrenchTypography, frenchTypographyProblems, NBSP, NNBSP } from "~/i18n/french-typography";

const LOCALES_DIR = path.join(import.meta.dirname, "../../app/i18n/locales");

/** Every string of a language as [namespace:key, text]. */
function strings(language: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (value: unknown, where: string) => {
    if (typeof value === "string") out.push([where, value]);
    else if (Array.isArray(value)) for (const [i, child] of value.entries()) walk(child, `${where}.${i}`);
    else if (value && typeof value === "object") for (const [key, child] of Object.entries(value)) walk(child, `${where}.${key}`);
  };
  for (const file of fs.readdirSync(path.join(LOCALES_DIR, language)).filter((f) => f.endsWith(".json")))
    walk(JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, language, file), "utf8")), file.replace(/\.json$/, ":"));
  return out;
}

describe("French typography rule", () => {
  it("puts U+00A0 before a colon and inside guillemets, U+202F before ; ! ?", () => {
    expect(fixFrenchTypography("Motif : {{reason}}")).toBe(`Motif${NBSP}: {{reason}}`);
    expect(fixFrenchTypography("Prêt ?")).toBe(`Prêt${NNBSP}?`);
    expect(fixFrenchTypography("Oui; non!")).toBe(`Oui${NNBSP}; non${NNBSP}!`);
    expect(fixFrenchTypography("« {{initiative}} »")).toBe(`«${NBSP}{{initiative}}${NBSP}»`);
    expect(fixFrenchTypography("«titre»")).toBe(`«${NBSP}titre${NBSP}»`);
    expect(fixFrenchTypography("{{label}}:")).toBe(`{{label}}${NBSP}:`);
  });

  it("leaves URLs, placeholders, times and query strings alone", () => {
    for (const text of ["Commençant par https://", "Voir https://example.org/a?b=c", "à 14:05", "/search?q={{q}}", "{{a}}:{{b}}", "{{count, number}}"])
      expect(fixFrenchTypography(text), text).toBe(text);
    expect(frenchTypographyProblems("Saisissez une adresse commençant par https://")).toEqual([]);
    expect(frenchTypographyProblems("Réunion à 14:05")).toEqual([]);
  });

  it("finds each kind of mistake", () => {
    expect(frenchTypographyProblems("Motif : x")).toHaveLength(2); // a breaking space, and not U+00A0
    expect(frenchTypographyProblems("Motif: x")).toHaveLength(1);
    expect(frenchTypographyProblems(`Prêt${NBSP}?`)).toHaveLength(1); // U+202F, not U+00A0
    expect(frenchTypographyProblems("« titre »")).toHaveLength(2);
    expect(frenchTypographyProblems(`Prêt${NNBSP}? Oui${NBSP}: «${NBSP}x${NBSP}»`)).toEqual([]);
  });

  it("is kept by every French string in every namespace", () => {
    const all = strings("fr");
    expect(all.length).toBeGreaterThan(300);
    const wrong = all.flatMap(([key, text]) => frenchTypographyProblems(text).map((problem) => `${key}: ${problem} in ${JSON.stringify(text)}`));
    expect(wrong, "run: npx tsx scripts/fix-french-typography.ts").toEqual([]);
  });
});

describe("vocabulary", () => {
  const es = strings("es");
  const fr = strings("fr");
  const matching = (list: [string, string][], pattern: RegExp) =>
    list.filter(([, text]) => pattern.test(text.replace(/\{\{[^}]*\}\}/g, ""))).map(([key]) => key);

  it("Spanish calls leads impulsores and partners asociados, and says authentication of two factors", () => {
    expect(matching(es, /\bl[ií]der(es)?\b|\bcol[ií]der|\bliderazgo\b/i)).toEqual([]);
    expect(matching(es, /\bsoci[oa]s?\b/i)).toEqual([]);
    expect(matching(es, /verificación en dos pasos/i)).toEqual([]);
  });

  it("Spanish is formal: no casual phrasings", () => {
    expect(matching(es, /algo salió mal|no puede hacer esto|va en camino|\bbienvenido\/a\b/i)).toEqual([]);
  });

  it("Spanish keeps 'Estado' for a State: a status is a 'situación'", () => {
    const labels = es.filter(([key]) => /(^|[.:])status$/.test(key));
    expect(labels.length).toBeGreaterThan(0);
    for (const [key, text] of labels) expect(text, key).not.toMatch(/^estado$/i);
  });

  it("French says courriel or adresse électronique, and Nations Unies", () => {
    expect(matching(fr, /e-?mail/i)).toEqual([]);
    expect(matching(fr, /Nations unies/)).toEqual([]);
  });

  it("one page never offers two sign-out buttons with the same name", () => {
    for (const language of ["en", "fr", "es"]) {
      const texts = strings(language);
      const signOut = texts.find(([key]) => key === "common:.nav.signOut")?.[1];
      expect(signOut, language).toBeTruthy();
      expect(texts.filter(([key, text]) => key.startsWith("account:") && text === signOut).map(([key]) => key), language).toEqual([]);
    }
  });

  it("plural forms used after digits carry no partitive (1 000 000 acteurs, not d’acteurs)", () => {
    const many = [...fr, ...es].filter(([key]) => key.endsWith("_many"));
    expect(many.length).toBeGreaterThan(5);
    for (const [key, text] of many) expect(text, key).not.toMatch(/\{\{\s*(n|count)\s*\}\}\s+(de\s|d’|d')/);
  });
});
