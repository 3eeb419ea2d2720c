// A key missing from one language shows the raw key (or English) to that reader, and a missing
// plural form shows the wrong grammar: every language must have every key of every namespace,
// the plural forms its own grammar needs, and the same {{placeholders}}.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LOCALES_DIR = path.join(import.meta.dirname, "../../app/i18n/locales");
const LANGUAGES = ["en", "fr", "es"] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Leaves = Map<string, string>;

/** Flattens a namespace to "a.b.c" -> text; arrays (paragraphs of an email) are joined. */
function leaves(value: unknown, prefix = "", out: Leaves = new Map()): Leaves {
  if (typeof value === "string") out.set(prefix, value);
  else if (Array.isArray(value)) out.set(prefix, value.join("\n"));
  else if (value && typeof value === "object")
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

function namespaces(language: string): string[] {
  return fs
    .readdirSync(path.join(LOCALES_DIR, language))
    .filter((f) => f.endsWith(".json"))
    .sort();
}

function load(language: string, namespace: string): Leaves {
  return leaves(JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, language, namespace), "utf8")));
}

/** Keys without their plural suffix, each with the plural forms present. */
function byBaseKey(keys: Iterable<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of keys) {
    const match = key.match(PLURAL);
    const base = match ? key.slice(0, -match[0].length) : key;
    const forms = out.get(base) ?? new Set<string>();
    if (match?.[1]) forms.add(match[1]);
    out.set(base, forms);
  }
  return out;
}

const placeholders = (text: string) => [...new Set(text.match(/\{\{\s*\w+/g)?.map((p) => p.replace(/[{\s]/g, "")) ?? [])].sort();

describe("translation files", () => {
  it("exist for the same namespaces in every language", () => {
    expect(namespaces("en").length).toBeGreaterThan(0);
    for (const language of LANGUAGES) expect(namespaces(language), language).toEqual(namespaces("en"));
  });

  for (const namespace of namespaces("en")) {
    it(`${namespace}: every language has the same keys, non-empty`, () => {
      const english = byBaseKey(load("en", namespace).keys());
      expect(english.size).toBeGreaterThan(0);
      for (const language of LANGUAGES) {
        const texts = load(language, namespace);
        expect([...byBaseKey(texts.keys()).keys()].sort(), `${language}/${namespace}`).toEqual([...english.keys()].sort());
        for (const [key, text] of texts) expect(text.trim(), `${language}/${namespace}: ${key}`).not.toBe("");
      }
    });

    it(`${namespace}: plural keys have exactly the forms each language's grammar uses`, () => {
      for (const language of LANGUAGES) {
        const needed = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
        for (const [key, forms] of byBaseKey(load(language, namespace).keys()))
          if (forms.size > 0) expect([...forms].sort(), `${language}/${namespace}: ${key}`).toEqual(needed);
      }
    });

    it(`${namespace}: every language fills in the same placeholders`, () => {
      const english = load("en", namespace);
      for (const language of ["fr", "es"]) {
        for (const [key, text] of load(language, namespace)) {
          const base = key.replace(PLURAL, "");
          const source = english.get(key) ?? english.get(`${base}_other`) ?? english.get(base);
          if (source === undefined) continue; // a plural form English does not have; its keys are checked above
          expect(placeholders(text).filter((p) => p !== "count"), `${language}/${namespace}: ${key}`).toEqual(
            placeholders(source).filter((p) => p !== "count"),
          );
        }
      }
    });
  }
});
