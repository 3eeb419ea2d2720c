// Leads write an initiative's title, summary, description and goals in the languages other than
// the original's (the page they edit them on and the use case that saves them). Public reads in the
// visitor's language are in translation-reads.server.ts.
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "~/auth/audit.server";
import type { Executor } from "~/db/client.server";
import { initiatives, initiativeTranslations, locales, type Locale } from "~/db/schema";
import { leadsInitiative, type Caller, type Outcome } from "./participation.server";
import { translationTextColumns } from "./translation-reads.server";
import type { TranslationText } from "./schemas";

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
    .select({ ...translationTextColumns, updatedAt: initiativeTranslations.updatedAt })
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
