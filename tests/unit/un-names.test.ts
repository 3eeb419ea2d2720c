// States are named as the UN names them, in English, French and Spanish: the names a diplomat
// checks first are pinned here, so a package update or an edit of the table cannot undo them.
import { describe, expect, it } from "vitest";
import { searchKey, unStates } from "~/db/reference-data.server";
import { UN_SHORT_NAMES } from "~/db/un-names";
import { foldForSearch } from "~/domain/folding";

const byIso3 = new Map(unStates().map((row) => [row.iso3, row]));
const names = (iso3: string) => {
  const row = byIso3.get(iso3);
  if (!row) throw new Error(`no state ${iso3}`);
  return [row.nameEn, row.nameFr, row.nameEs];
};

describe("UN short names", () => {
  it.each([
    ["CIV", "Côte d'Ivoire", "Côte d'Ivoire", "Côte d'Ivoire"],
    ["TUR", "Türkiye", "Türkiye", "Türkiye"],
    ["KOR", "Republic of Korea", "République de Corée", "República de Corea"],
    ["PRK", "Democratic People's Republic of Korea", "République populaire démocratique de Corée", "República Popular Democrática de Corea"],
    ["VAT", "Holy See", "Saint-Siège", "Santa Sede"],
    ["GBR", "United Kingdom", "Royaume-Uni", "Reino Unido"],
    ["LAO", "Lao People's Democratic Republic", "République démocratique populaire lao", "República Democrática Popular Lao"],
    ["RUS", "Russian Federation", "Fédération de Russie", "Federación de Rusia"],
    ["SYR", "Syrian Arab Republic", "République arabe syrienne", "República Árabe Siria"],
    ["IRN", "Iran (Islamic Republic of)", "Iran (République islamique d')", "Irán (República Islámica del)"],
    ["BOL", "Bolivia (Plurinational State of)", "Bolivie (État plurinational de)", "Bolivia (Estado Plurinacional de)"],
    ["VEN", "Venezuela (Bolivarian Republic of)", "Venezuela (République bolivarienne du)", "Venezuela (República Bolivariana de)"],
    ["TZA", "United Republic of Tanzania", "République-Unie de Tanzanie", "República Unida de Tanzanía"],
    ["MDA", "Republic of Moldova", "République de Moldova", "República de Moldova"],
    ["VNM", "Viet Nam", "Viet Nam", "Viet Nam"],
    ["CZE", "Czechia", "Tchéquie", "Chequia"],
    ["NLD", "Netherlands (Kingdom of the)", "Pays-Bas (Royaume des)", "Países Bajos (Reino de los)"],
    ["PSE", "State of Palestine", "État de Palestine", "Estado de Palestina"],
    ["COD", "Democratic Republic of the Congo", "République démocratique du Congo", "República Democrática del Congo"],
    ["USA", "United States of America", "États-Unis d'Amérique", "Estados Unidos de América"],
    ["SWZ", "Eswatini", "Eswatini", "Eswatini"],
    ["DEU", "Germany", "Allemagne", "Alemania"],
    ["ESP", "Spain", "Espagne", "España"],
  ])("%s is %s / %s / %s", (iso3, en, fr, es) => {
    expect(names(iso3)).toEqual([en, fr, es]);
  });

  it("only overrides states that exist, each in all three languages", () => {
    for (const [iso3, un] of Object.entries(UN_SHORT_NAMES)) {
      expect(byIso3.has(iso3), iso3).toBe(true);
      for (const name of [un.en, un.fr, un.es]) expect(name.trim(), iso3).not.toBe("");
    }
  });
});

describe("search keys", () => {
  it("fold case, accents, apostrophes and hyphens the same way for keys and queries", () => {
    expect(foldForSearch("  CÔTE D’IVOIRE ")).toBe("cote d'ivoire");
    expect(foldForSearch("Guinée-Bissau")).toBe("guinee bissau");
    expect(foldForSearch("España")).toBe("espana");
    expect(searchKey(["Türkiye", "Turquie", "türkiye", undefined])).toBe("|turkiye|turquie|");
  });

  it.each([
    ["CIV", ["ivory coast", "cote d'ivoire", "costa de marfil"]],
    ["TUR", ["turkey", "turquie", "turquia", "turkiye"]],
    ["KOR", ["south korea", "coree du sud", "republica de corea"]],
    ["PRK", ["north korea", "coree du nord"]],
    ["VAT", ["vatican", "saint siege"]],
    ["GBR", ["uk", "great britain", "royaume uni"]],
    ["RUS", ["russia", "russie"]],
  ])("%s is found by its common names", (iso3, typed) => {
    const key = byIso3.get(iso3)?.searchKey ?? "";
    for (const text of typed) expect(key, text).toContain(foldForSearch(text));
  });
});
