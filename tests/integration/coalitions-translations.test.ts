// Translated initiatives through the real routes: a lead writes a Spanish translation; pages in
// Spanish show it, pages in French (untranslated) show the original with its language; search
// finds the initiative by its Spanish title; non-leads are refused; bad input gets field errors.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { initiativeTranslations } from "~/db/schema";
import { listPublicInitiatives } from "~/domain/initiatives.server";
import { initiativeListQuery } from "~/domain/public-query";
import * as apiInitiative from "~/routes/api.v1.initiatives.$slug";
import * as actorPage from "~/routes/actors.$id";
import * as initiativePage from "~/routes/initiatives.$slug";
import * as directory from "~/routes/initiatives._index";
import * as translateRoute from "~/routes/initiatives.$slug_.manage_.translations.$locale";
import { auditActions, createTranslation, ledInitiative } from "../support/coalitions";
import { useTestDatabase } from "../support/db";
import { createActor, createRepresentative } from "../support/directory";
import { callAction, callLoader, outcome, thrownOutcome } from "../support/remix";

const t = useTestDatabase();

const ORIGINAL = {
  title: "Partnership for Information and Democracy",
  summary: "Guarantees for reliable information in the digital space.",
  description: "States commit to principles for the global information space.",
  goals: "Sign the Partnership.",
  language: "en" as const,
};

const SPANISH = {
  title: "Alianza por la Información y la Democracia",
  summary: "Garantías para una información fiable en el espacio digital.",
  description: "",
  goals: "Firmar la Alianza.",
};

function translate(slug: string, locale: string, cookie: string, form: Record<string, string>) {
  return callAction(translateRoute.action, `/initiatives/${slug}/manage/translations/${locale}`, { db: t.db, params: { slug, locale }, headers: { Cookie: cookie }, form });
}

function translationForm(slug: string, locale: string, cookie: string) {
  return callLoader(translateRoute.loader, `/initiatives/${slug}/manage/translations/${locale}`, { db: t.db, params: { slug, locale }, headers: { Cookie: cookie } });
}

function page(slug: string, language: string) {
  return callLoader(initiativePage.loader, `/initiatives/${slug}`, { db: t.db, params: { slug }, headers: { "Accept-Language": language } });
}

const rows = (initiativeId: string) => t.db.select().from(initiativeTranslations).where(eq(initiativeTranslations.initiativeId, initiativeId));

describe("a lead translates an initiative", () => {
  it("adds a Spanish translation: one row, an audit row, shown to Spanish readers; editing it keeps one row", async () => {
    const { initiative, lead } = await ledInitiative(t.db, ORIGINAL);
    const form = await translationForm(initiative.slug, "es", lead.cookie);
    expect(form).toMatchObject({ locale: "es", original: { title: ORIGINAL.title, language: "en" }, translation: null });

    const saved = await outcome(await translate(initiative.slug, "es", lead.cookie, SPANISH));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/initiatives/${initiative.slug}/manage/translations/es?notice=saved`);
    expect(await rows(initiative.id)).toMatchObject([{ locale: "es", title: SPANISH.title, goals: SPANISH.goals, updatedByUserId: lead.user.id }]);
    expect(await auditActions(t.db, initiative.id)).toContain("initiative.translation_added");

    const spanish = await page(initiative.slug, "es");
    expect(spanish.initiative).toMatchObject({ title: SPANISH.title, summary: SPANISH.summary, textLanguage: "es", goals: SPANISH.goals, goalsLanguage: "es" });
    // A field the lead left empty falls back to the original, marked with its language.
    expect(spanish.initiative).toMatchObject({ description: ORIGINAL.description, descriptionLanguage: "en" });

    await outcome(await translate(initiative.slug, "es", lead.cookie, { ...SPANISH, title: "Alianza para la Información y la Democracia" }));
    expect((await rows(initiative.id)).map((r) => r.title)).toEqual(["Alianza para la Información y la Democracia"]);
    expect(await auditActions(t.db, initiative.id)).toContain("initiative.translation_edited");
    expect(await translationForm(initiative.slug, "es", lead.cookie)).toMatchObject({ translation: { title: "Alianza para la Información y la Democracia" } });
  });

  it("without a French translation, French readers get the original, with its language to mark it", async () => {
    const { initiative } = await ledInitiative(t.db, ORIGINAL);
    await createTranslation(t.db, initiative.id, { locale: "es", ...SPANISH });
    const french = await page(initiative.slug, "fr");
    expect(french.initiative).toMatchObject({ title: ORIGINAL.title, textLanguage: "en", descriptionLanguage: "en", goalsLanguage: "en" });
    const english = await page(initiative.slug, "en");
    expect(english.initiative).toMatchObject({ title: ORIGINAL.title, textLanguage: "en" });
  });

  it("the directory cards and the actor page show each initiative in the visitor's language when it exists", async () => {
    const { initiative, leadActor } = await ledInitiative(t.db, ORIGINAL);
    const other = await ledInitiative(t.db, { title: "Untranslated Initiative", language: "en" });
    await createTranslation(t.db, initiative.id, { locale: "es", ...SPANISH });
    const list = await callLoader(directory.loader, "/initiatives", { db: t.db, params: {}, headers: { "Accept-Language": "es" } });
    const cards = new Map(list.items.map((i) => [i.slug, i]));
    expect(cards.get(initiative.slug)).toMatchObject({ title: SPANISH.title, summary: SPANISH.summary, textLanguage: "es" });
    expect(cards.get(other.initiative.slug)).toMatchObject({ title: "Untranslated Initiative", textLanguage: "en" });

    const actor = await callLoader(actorPage.loader, `/actors/${leadActor.id}`, { db: t.db, params: { id: leadActor.id }, headers: { "Accept-Language": "es" } });
    expect(actor.actor.initiatives).toMatchObject([{ slug: initiative.slug, title: SPANISH.title, textLanguage: "es" }]);
  });

  it("full-text search finds the initiative by its Spanish title, whatever the visitor's language", async () => {
    const { initiative } = await ledInitiative(t.db, { ...ORIGINAL, title: "Lighthouse Compact for Archives", summary: "Keeping records safe." });
    await createTranslation(t.db, initiative.id, { locale: "es", title: "Pacto Faro para los Archivos", summary: "Conservar los registros con seguridad." });
    const query = initiativeListQuery.parse({});
    for (const locale of ["en", "fr", "es"] as const) {
      const found = await listPublicInitiatives(t.db, { ...query, q: "Pacto Faro" }, locale);
      expect(found.items.map((i) => i.slug), locale).toEqual([initiative.slug]);
    }
    expect((await listPublicInitiatives(t.db, { ...query, q: "registros" }, "fr")).items).toMatchObject([{ slug: initiative.slug, title: "Lighthouse Compact for Archives", textLanguage: "en" }]);
    // And still by its original words, shown in Spanish to a Spanish reader.
    expect((await listPublicInitiatives(t.db, { ...query, q: "Lighthouse Archives" }, "es")).items).toMatchObject([{ slug: initiative.slug, title: "Pacto Faro para los Archivos" }]);
    expect((await listPublicInitiatives(t.db, { ...query, q: "Faro Clima" }, "es")).total).toBe(0);
  });

  it("the open data keeps the original text and lists the translations beside it", async () => {
    const { initiative } = await ledInitiative(t.db, ORIGINAL);
    await createTranslation(t.db, initiative.id, { locale: "es", ...SPANISH });
    const api = await outcome(await callLoader(apiInitiative.loader, `/api/v1/initiatives/${initiative.slug}`, { db: t.db, params: { slug: initiative.slug } }));
    expect(api.data).toMatchObject({ data: { title: ORIGINAL.title, language: "en", translations: { es: { title: SPANISH.title, summary: SPANISH.summary } } } });
  });
});

describe("refusals", () => {
  it("a representative who does not lead the initiative is refused, and nothing is written", async () => {
    const { initiative } = await ledInitiative(t.db, ORIGINAL);
    const outsider = await createRepresentative(t.db, await createActor(t.db));
    expect((await thrownOutcome(translationForm(initiative.slug, "es", outsider.cookie))).status).toBe(403);
    expect((await thrownOutcome(translate(initiative.slug, "es", outsider.cookie, SPANISH))).status).toBe(403);
    expect(await rows(initiative.id)).toEqual([]);
  });

  it("bad input comes back as field errors in the form, and nothing is written", async () => {
    const { initiative, lead } = await ledInitiative(t.db, ORIGINAL);
    const reply = await outcome(await translate(initiative.slug, "es", lead.cookie, { title: "   ", summary: "x".repeat(501), goals: "\u0000" }));
    expect(reply.status).toBe(400);
    const error = (reply.data as { error: Record<string, string[]> }).error;
    expect(error.title).toEqual(["errors.titleRequired"]);
    expect(error.summary).toEqual(["errors.tooLong"]);
    expect(await rows(initiative.id)).toEqual([]);
    // A long description typed before a mistake elsewhere comes back, so nothing is lost.
    const long = "Una descripción extensa. ".repeat(40);
    const again = await outcome(await translate(initiative.slug, "es", lead.cookie, { title: "", summary: "Resumen.", description: long }));
    expect((again.data as { initialValue: Record<string, string> }).initialValue.description).toBe(long);
  });

  it("the original's own language and unknown languages have no translation page", async () => {
    const { initiative, lead } = await ledInitiative(t.db, ORIGINAL);
    expect((await thrownOutcome(translationForm(initiative.slug, "en", lead.cookie))).status).toBe(404);
    expect((await thrownOutcome(translate(initiative.slug, "en", lead.cookie, SPANISH))).status).toBe(404);
    expect((await thrownOutcome(translationForm(initiative.slug, "de", lead.cookie))).status).toBe(404);
    expect(await rows(initiative.id)).toEqual([]);
  });
});
