// Initiatives in the three languages. Leads write the title, summary, description and goals in
// the languages other than the original's; every public read picks the visitor's language with
// one LEFT JOIN (never a query per card) and says, field by field, which language it returns, so
// pages can mark the original with its `lang` attribute when no translation exists yet.
import { and, eq, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAudit } from "~/auth/audit.server";
import type { Executor } from "~/db/client.server";
import { initiatives, initiativeTranslations, locales, type Locale } from "~/db/schema";
import { leadsInitiative, type Caller, type Outcome } from "./participation.server";
import type { TranslationText } from "./schemas";

/**
 * The visitor's translation, to join as `.leftJoin(v.tr, v.on)` and select `v.fields`. With no
 * locale (the JSON API) nothing matches and the originals come back, each with its language.
 */
export function visitorTranslation(locale: Locale | null) {
  const tr = alias(initiativeTranslations, "visitor_translation");
  const on = locale ? (and(eq(tr.initiativeId, initiatives.id), eq(tr.locale, locale)) as SQL) : sql`false`;
  // A translated field that was left empty falls back to the original, in the original's language.
  const pick = (translated: AnyColumn, original: AnyColumn) =>
    sql<string>`coalesce(nullif(${translated}, ''), ${original})`;
  const langOf = (translated: AnyColumn) =>
    sql<Locale>`case when nullif(${translated}, '') is not null then ${tr.locale} else ${initiatives.language} end`;
  return {
    tr,
    on,
    fields: {
      title: pick(tr.title, initiatives.title),
      summary: pick(tr.summary, initiatives.summary),
      /** The language of the title and summary shown. */
      textLanguage: langOf(tr.title),
    },
    longFields: {
      description: pick(tr.description, initiatives.description),
      goals: pick(tr.goals, initiatives.goals),
      descriptionLanguage: langOf(tr.description),
      goalsLanguage: langOf(tr.goals),
    },
  };
}

/**
 * Full-text match in any of an initiative's languages. Each side uses its own GIN index: the
 * original's tsvector, and a semi-join on the translations' tsvector.
 */
export function matchesInAnyLanguage(tsquery: SQL): SQL {
  return or(
    sql`${initiatives.search} @@ ${tsquery}`,
    sql`${initiatives.id} in (select ${initiativeTranslations.initiativeId} from ${initiativeTranslations} where ${initiativeTranslations.search} @@ ${tsquery})`,
  ) as SQL;
}

/** Rank for ordering search results: the best of the original and its translations. */
export function rankInAnyLanguage(tsquery: SQL): SQL<number> {
  return sql<number>`greatest(ts_rank(${initiatives.search}, ${tsquery}), coalesce((select max(ts_rank(${initiativeTranslations.search}, ${tsquery})) from ${initiativeTranslations} where ${initiativeTranslations.initiativeId} = ${initiatives.id}), 0))`;
}

/** An initiative's translations for the open data, keyed by language. */
export async function publicTranslations(db: Executor, initiativeId: string) {
  const rows = await db
    .select({
      locale: initiativeTranslations.locale,
      title: initiativeTranslations.title,
      summary: initiativeTranslations.summary,
      description: initiativeTranslations.description,
      goals: initiativeTranslations.goals,
    })
    .from(initiativeTranslations)
    .where(eq(initiativeTranslations.initiativeId, initiativeId))
    .orderBy(initiativeTranslations.locale);
  return Object.fromEntries(rows.map(({ locale, ...text }) => [locale, text]));
}

/** What a lead sees on the translations page: the original and each other language's text. */
export async function translationsView(db: Executor, initiativeId: string) {
  const [original] = await db
    .select({
      slug: initiatives.slug,
      language: initiatives.language,
      title: initiatives.title,
      summary: initiatives.summary,
      description: initiatives.description,
      goals: initiatives.goals,
    })
    .from(initiatives)
    .where(eq(initiatives.id, initiativeId));
  if (!original) return null;
  const rows = await db
    .select({
      locale: initiativeTranslations.locale,
      title: initiativeTranslations.title,
      summary: initiativeTranslations.summary,
      description: initiativeTranslations.description,
      goals: initiativeTranslations.goals,
      updatedAt: initiativeTranslations.updatedAt,
    })
    .from(initiativeTranslations)
    .where(eq(initiativeTranslations.initiativeId, initiativeId));
  const targets = locales.filter((l) => l !== original.language);
  return { original, translations: targets.map((locale) => ({ locale, text: rows.find((r) => r.locale === locale) ?? null })) };
}

export type TranslationResult = Outcome<{ created: boolean }, "notFound" | "notLead" | "originalLanguage">;

/**
 * A lead writes (or rewrites) the initiative's text in one language. One statement upserts on
 * the (initiative, locale) key, so two leads saving at once leave one row, the later text; the
 * audit row records what was written, in the same transaction.
 */
export async function saveTranslation(db: Executor, by: Caller, input: { initiativeId: string; locale: Locale; text: TranslationText }): Promise<TranslationResult> {
  return db.transaction(async (tx) => {
    const [initiative] = await tx
      .select({ status: initiatives.status, language: initiatives.language })
      .from(initiatives)
      .where(eq(initiatives.id, input.initiativeId));
    if (initiative?.status !== "active") return { ok: false, reason: "notFound" };
    if (!(await leadsInitiative(tx, by.userId, input.initiativeId))) return { ok: false, reason: "notLead" };
    if (initiative.language === input.locale) return { ok: false, reason: "originalLanguage" };
    const now = new Date();
    const [row] = await tx
      .insert(initiativeTranslations)
      .values({ initiativeId: input.initiativeId, locale: input.locale, ...input.text, updatedByUserId: by.userId, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [initiativeTranslations.initiativeId, initiativeTranslations.locale],
        set: { ...input.text, updatedByUserId: by.userId, updatedAt: now },
      })
      // A fresh row keeps its creation time equal to its update time: that tells the two apart.
      .returning({ created: sql<boolean>`${initiativeTranslations.createdAt} = ${initiativeTranslations.updatedAt}`.mapWith(Boolean) });
    const created = row?.created ?? false;
    await recordAudit(tx, {
      userId: by.userId,
      action: created ? "initiative.translation_added" : "initiative.translation_edited",
      subjectType: "initiative",
      subjectId: input.initiativeId,
      origin: by.origin,
      data: { locale: input.locale, after: input.text },
    });
    return { ok: true, created };
  });
}
