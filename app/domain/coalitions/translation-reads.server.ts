// Reading initiatives in the visitor's language: the one LEFT JOIN every public list and page
// uses, full-text matching in any of an initiative's languages, and the open data's texts. Kept
// apart from the leads' writes (translations.server.ts) so that the directories, which every
// domain module may use, depend on nothing that depends on them back.
import { and, eq, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "~/db/client.server";
import { initiatives, initiativeTranslations, type Locale } from "~/db/schema";

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

/** A translation's language and text, as the open data and the leads' translation page read it. */
export const translationTextColumns = {
  locale: initiativeTranslations.locale,
  title: initiativeTranslations.title,
  summary: initiativeTranslations.summary,
  description: initiativeTranslations.description,
  goals: initiativeTranslations.goals,
};

/** An initiative's translations for the open data, keyed by language. */
export async function publicTranslations(db: Executor, initiativeId: string) {
  const rows = await db
    .select(translationTextColumns)
    .from(initiativeTranslations)
    .where(eq(initiativeTranslations.initiativeId, initiativeId))
    .orderBy(initiativeTranslations.locale);
  return Object.fromEntries(rows.map(({ locale, ...text }) => [locale, text]));
}
