// Visitors find a State by the name they know, in any of the three languages, without minding
// accents or case; and they read its UN name in their own language.
import { describe, expect, it } from "vitest";
import { listPublicActors } from "~/domain/actors.server";
import { actorListQuery } from "~/domain/public-query";
import type { Locale } from "~/db/schema";
import { createActor, createInitiative, participate, stateActor } from "../support/directory";
import { useTestDatabase } from "../support/db";

const t = useTestDatabase();

async function search(q: string, locale: Locale = "en", scope = "all") {
  const result = await listPublicActors(t.db, actorListQuery.parse({ q, scope }), locale);
  return result.items.map((item) => item.name);
}

describe("searching the directory for a State", () => {
  it.each([
    ["cote d'ivoire", "Côte d'Ivoire"],
    ["Côte d’Ivoire", "Côte d'Ivoire"],
    ["Ivory Coast", "Côte d'Ivoire"],
    ["turquie", "Türkiye"],
    ["Turkey", "Türkiye"],
    ["TURKIYE", "Türkiye"],
    ["South Korea", "Republic of Korea"],
    ["North Korea", "Democratic People's Republic of Korea"],
    ["Vatican", "Holy See"],
    ["Russia", "Russian Federation"],
    ["españa", "Spain"],
    ["espana", "Spain"],
  ])("%s finds %s", async (q, expected) => {
    expect(await search(q)).toContain(expected);
  });

  it("finds both Koreas by the French « corée », named in French", async () => {
    const found = await search("corée", "fr");
    expect(found).toEqual(expect.arrayContaining(["République de Corée", "République populaire démocratique de Corée"]));
  });

  it("names the States it finds in the visitor's language", async () => {
    expect(await search("ivory coast", "es")).toEqual(["Côte d'Ivoire"]);
    expect(await search("holy see", "fr")).toEqual(["Saint-Siège"]);
    expect(await search("Turkey", "es")).toEqual(["Türkiye"]);
  });

  it("treats % and _ as letters, and finds nothing for a name no State has", async () => {
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
    expect(await search("Atlantis")).toEqual([]);
  });

  it("searches only the Alliance's actors by default", async () => {
    const initiative = await createInitiative(t.db);
    await participate(t.db, await stateActor(t.db, "CIV"), initiative);
    expect(await search("ivory coast", "en", "")).toEqual(["Côte d'Ivoire"]);
    expect(await search("turkey", "en", "")).toEqual([]);
  });
});

describe("searching the directory for an organisation", () => {
  it("ignores accents and case in its name and short name", async () => {
    await createActor(t.db, { name: "Médecins du Monde Genève", shortName: "MdM-Genève" });
    expect(await search("medecins du monde")).toContain("Médecins du Monde Genève");
    expect(await search("MÉDECINS")).toContain("Médecins du Monde Genève");
    expect(await search("mdm geneve")).toContain("Médecins du Monde Genève");
  });
});
