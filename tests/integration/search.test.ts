// The one search through its real loader, on PostgreSQL and PGlite: words match as prefixes
// ("cyber" finds "cyberspace") in any of an initiative's languages, without regard to case or
// accents, in meetings as in initiatives; the initiative directory agrees with the page's counts;
// a text too short to mean anything is refused with a note, and no text is ever an error.
import { beforeAll, describe, expect, it } from "vitest";
import { meetings, type Initiative } from "~/db/schema";
import * as apiInitiatives from "~/routes/api.v1.initiatives._index";
import * as initiativesPage from "~/routes/initiatives._index";
import * as search from "~/routes/search";
import { createTranslation } from "../support/coalitions";
import { useTestDatabase } from "../support/db";
import { createActor, createInitiative } from "../support/directory";
import { callLoader, outcome, routeArgs } from "../support/remix";

const t = useTestDatabase();
let cyber: Initiative;
let grid: Initiative;

const find = (q: string, lng = "en") => callLoader(search.loader, `/search?${new URLSearchParams({ q, lng })}`, { db: t.db });
const slugs = (data: Awaited<ReturnType<typeof find>>) => data.results?.initiatives.items.map((i) => i.slug) ?? [];

beforeAll(async () => {
  cyber = await createInitiative(t.db, { title: "Cyberspace stability compact", summary: "Norms of responsible behaviour in cyberspace.", language: "en" });
  await createTranslation(t.db, cyber.id, { locale: "fr", title: "Pacte pour la stabilité du cyberespace", summary: "Normes de comportement responsable dans le cyberespace." });
  await createTranslation(t.db, cyber.id, { locale: "es", title: "Pacto por la estabilidad del ciberespacio", summary: "Normas de comportamiento responsable en el ciberespacio." });
  // Written in French, not translated: found by its French words, accents or not.
  grid = await createInitiative(t.db, { title: "Sécurité des réseaux électriques", summary: "Protéger l’énergie des États.", language: "fr" });
  await createActor(t.db, { name: "CyberPeace Institute", shortName: "CPI" });
  const soon = new Date(Date.now() + 7 * 86_400_000);
  await t.db.insert(meetings).values({ initiativeId: cyber.id, title: "Cybernorms working group", agenda: "Révision du règlement intérieur", startsAt: soon, endsAt: new Date(soon.getTime() + 3_600_000) });
});

describe("prefix search", () => {
  it("finds the cyberspace initiative, an organisation and a meeting from the beginning of a word", async () => {
    const data = await find("cyber");
    expect(slugs(data)).toEqual([cyber.slug]);
    expect(data.results?.initiatives.items[0]?.title).toBe("Cyberspace stability compact");
    expect(data.results?.actors.items.map((a) => a.name)).toEqual(["CyberPeace Institute"]);
    expect(data.results?.meetings.items.map((m) => m.title)).toEqual(["Cybernorms working group"]);
    // Every word is a prefix and all are needed.
    expect(slugs(await find("cyber stab"))).toEqual([cyber.slug]);
    expect(slugs(await find("cyber grid"))).toEqual([]);
  });

  it("finds it in French and Spanish, by words only its translations have, and shows the visitor's language", async () => {
    const fr = await find("cyberesp", "fr");
    expect(slugs(fr)).toEqual([cyber.slug]);
    expect(fr.results?.initiatives.items[0]).toMatchObject({ title: "Pacte pour la stabilité du cyberespace", textLanguage: "fr" });
    const es = await find("ciber", "es");
    expect(slugs(es)).toEqual([cyber.slug]);
    expect(es.results?.initiatives.items[0]).toMatchObject({ title: "Pacto por la estabilidad del ciberespacio", textLanguage: "es" });
    // The Spanish words find it from an English page too, shown in English.
    expect((await find("ciberespacio")).results?.initiatives.items[0]?.title).toBe("Cyberspace stability compact");
    // The meeting's initiative is named in the visitor's language as well.
    expect(fr.results?.meetings.total).toBe(0);
    expect((await find("cybernorm", "es")).results?.meetings.items[0]?.initiativeTitle).toBe("Pacto por la estabilidad del ciberespacio");
  });

  it("ignores case and accents, on both sides", async () => {
    for (const q of ["securite electr", "SÉCURITÉ", "Securité Réseau", "etats"]) expect(slugs(await find(q)), q).toEqual([grid.slug]);
    expect(slugs(await find("stabilite"))).toEqual([cyber.slug]);
    expect(slugs(await find("COMPORTAMIENTO"))).toEqual([cyber.slug]);
    expect((await find("reglement interieur")).results?.meetings.items.map((m) => m.title)).toEqual(["Cybernorms working group"]);
    expect((await find("energie")).results?.initiatives.total).toBe(1); // "l’énergie": the apostrophe splits the word
  });

  it("reads phrases, words to leave out and \"or\" as a web search box does", async () => {
    expect(slugs(await find('"stability compact"'))).toEqual([cyber.slug]);
    expect(slugs(await find('"compact stability"'))).toEqual([]);
    expect(slugs(await find("securite -electriques"))).toEqual([]);
    expect(slugs(await find("securite -gaz"))).toEqual([grid.slug]);
    // Each language version is matched on its own: the English one lacks "estabilidad".
    expect(slugs(await find("cyber -estabilidad"))).toEqual([cyber.slug]);
    expect((await find("securite or cyberspace")).results?.initiatives.total).toBe(2);
    expect((await find("-cyberspace")).results?.initiatives.total).toBe(0); // nothing to look for
  });

  it("matches what the initiative directory and the API find for the same text", async () => {
    for (const q of ["cyber", "securite", "ciber espacio"]) {
      const page = await find(q);
      const directory = await callLoader(initiativesPage.loader, `/initiatives?${new URLSearchParams({ q })}`, { db: t.db });
      expect(directory.total, q).toBe(page.results?.initiatives.total);
      const api = await outcome(await callLoader(apiInitiatives.loader, `/api/v1/initiatives?${new URLSearchParams({ q })}`, { db: t.db }));
      expect((api.data as { data: { slug: string }[] }).data.map((i) => i.slug), q).toEqual(slugs(page));
    }
  });
});

describe("short and hostile texts", () => {
  it("refuses a text of fewer than two letters or digits, saying so, and searches from two", async () => {
    for (const q of ["c", " é ", "%", "🌍", "-"]) {
      const data = await find(q);
      expect(data.tooShort, q).toBe(true);
      expect(data.results, q).toBeNull();
    }
    const two = await find("cy");
    expect(two.tooShort).toBe(false);
    expect(slugs(two)).toEqual([cyber.slug]);
  });

  it("answers any text on the search page, the directory and the API without an error", async () => {
    const texts = [
      "a:* & !|()'\\",
      "ab:* & !|()'\\",
      "x' | 'y",
      "'':* & cyber",
      "cyber <-> <2> !space",
      "\\'; drop table initiatives; --",
      "cyber\u0000space",
      "🌍 cyber 🌍",
      "‮ecapsrebyc‬ שלום עולם مرحبا",
      "x".repeat(10_240),
      "ab ".repeat(3_000),
      "法律 cyber",
    ];
    for (const q of texts) {
      const data = await find(q);
      expect(data.q.length, q.slice(0, 20)).toBeLessThanOrEqual(200);
      // Searched, unless it has fewer than two letters or digits (the first one, whose single
      // letter the directory below does search for).
      expect(data.results === null, q.slice(0, 20)).toBe(data.tooShort);
      expect(data.tooShort, q.slice(0, 20)).toBe(q.startsWith("a:*"));
      for (const loader of [initiativesPage.loader, apiInitiatives.loader]) {
        // Longer than the directory's limit is a 400 naming the parameter; anything else a list.
        const answer = await outcome(await loader(routeArgs(`/initiatives?${new URLSearchParams({ q })}`, { db: t.db })).catch((e: unknown) => e));
        expect([200, 400], q.slice(0, 20)).toContain(answer.status);
      }
    }
    // Operators typed are words or nothing: "cyber" alone still finds the initiative.
    expect(slugs(await find("'':* & cyber"))).toEqual([cyber.slug]);
    expect(slugs(await find("🌍 cyber 🌍"))).toEqual([cyber.slug]);
    // "% and _ are letters, not wildcards" for names.
    expect((await find("cyb%r")).results?.actors.total).toBe(0);
    expect((await find("cyb_r")).results?.actors.total).toBe(0);
  });
});
