// The three languages' plural forms, rendered the way pages render them (i18next picks the form
// with Intl.PluralRules; the number is formatted separately): 0, 1, 2 and a million must each
// read correctly. French counts 0 as singular and a million with its own "many" form; Spanish
// too has a "many" form for a million.
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18nOptions } from "~/i18n/config";
import { formatNumber } from "~/i18n/format";
import { resources } from "~/i18n/resources";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ ...i18nOptions, ns: Object.keys(resources.en), resources, lng: "en" });
});

const say = (language: string, key: string, count: number) => i18n.getFixedT(language)(key, { count, n: formatNumber(language, count) });

const EXPECTED: Record<string, Record<string, [number, string][]>> = {
  "initiatives:list.results": {
    en: [[0, "0 initiatives"], [1, "1 initiative"], [2, "2 initiatives"], [1000000, "1,000,000 initiatives"]],
    fr: [[0, "0 initiative"], [1, "1 initiative"], [2, "2 initiatives"], [1000000, "1\u202f000\u202f000 initiatives"]],
    es: [[0, "0 iniciativas"], [1, "1 iniciativa"], [2, "2 iniciativas"], [1000000, "1.000.000 iniciativas"]],
  },
  "actors:list.results": {
    en: [[1, "1 actor"], [2, "2 actors"], [1000000, "1,000,000 actors"]],
    fr: [[1, "1 acteur"], [2, "2 acteurs"], [1000000, "1\u202f000\u202f000 acteurs"]],
    es: [[1, "1 actor"], [2, "2 actores"], [1000000, "1.000.000 actores"]],
  },
  "home:figureTotalActors": {
    en: [[1, "1 actor in the Alliance in all"], [2, "2 actors in the Alliance in all"]],
    fr: [[1, "1 acteur dans l’Alliance au total"], [2, "2 acteurs dans l’Alliance au total"], [1000000, "1\u202f000\u202f000 acteurs dans l’Alliance au total"]],
    es: [[1, "1 actor en la Alianza en total"], [2, "2 actores en la Alianza en total"], [1000000, "1.000.000 actores en la Alianza en total"]],
  },
  "home:figureTotalInitiatives": {
    en: [[1, "1 active initiative in all"], [2, "2 active initiatives in all"]],
    fr: [[0, "0 initiative en cours au total"], [1, "1 initiative en cours au total"], [2, "2 initiatives en cours au total"]],
    es: [[1, "1 iniciativa en curso en total"], [1000000, "1.000.000 iniciativas en curso en total"]],
  },
  "initiatives:card.supporters": {
    en: [[1, "1 supporter"], [2, "2 supporters"]],
    fr: [[1, "1 soutien"], [1000000, "1\u202f000\u202f000 soutiens"]],
    es: [[1, "1 adherente"], [1000000, "1.000.000 adherentes"]],
  },
  "initiatives:detail.supportersSummary": {
    fr: [[1000000, "1\u202f000\u202f000 acteurs soutiennent cette initiative."]],
    es: [[1000000, "1.000.000 actores apoyan esta iniciativa."]],
  },
};

describe("plural forms", () => {
  for (const [key, languages] of Object.entries(EXPECTED))
    for (const [language, cases] of Object.entries(languages))
      it(`${language} ${key}`, () => {
        for (const [count, text] of cases) expect(say(language, key, count), String(count)).toBe(text);
      });

  it("a million takes the 'many' form in French and Spanish, and 'other' in English", () => {
    expect(new Intl.PluralRules("fr").select(1000000)).toBe("many");
    expect(new Intl.PluralRules("es").select(1000000)).toBe("many");
    expect(new Intl.PluralRules("en").select(1000000)).toBe("other");
  });
});
