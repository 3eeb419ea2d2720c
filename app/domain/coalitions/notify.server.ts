// Who hears about a coalition change: the representatives of an actor, or the representatives
// of an initiative's leads, each in their own language. Rows go to the outbox inside the
// caller's transaction, so an email goes out exactly when the change commits.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, countries, participations, users, type Locale } from "~/db/schema";
import { enqueueMail, type MailTemplate } from "~/mail/outbox.server";

interface Recipient {
  email: string;
  name: string;
  locale: "en" | "fr" | "es";
}

const recipientColumns = { email: users.email, name: users.name, locale: users.locale };

/** Approved representatives of an actor whose account is in use. */
export async function actorRepresentatives(db: Executor, actorId: string): Promise<Recipient[]> {
  return db
    .selectDistinct(recipientColumns)
    .from(affiliations)
    .innerJoin(users, eq(users.id, affiliations.userId))
    .where(and(eq(affiliations.actorId, actorId), eq(affiliations.status, "approved"), isNull(users.disabledAt)));
}

/** Approved representatives of the approved actors actively leading an initiative. */
export function leadRepresentatives(db: Executor, initiativeId: string): Promise<Recipient[]> {
  return participantRepresentatives(db, initiativeId, "lead");
}

/** A name as each reader writes it: a State's from the reference data ("Irlande" in French), an organisation's own. */
export type NameInEachLanguage = Readonly<Record<Locale, string>>;

/** The actors' names in each language, by id (an unknown id has none). */
export async function actorNames(db: Executor, actorIds: readonly string[]): Promise<Map<string, NameInEachLanguage>> {
  if (actorIds.length === 0) return new Map();
  const rows = await db
    .select({ id: actors.id, name: actors.name, en: countries.nameEn, fr: countries.nameFr, es: countries.nameEs })
    .from(actors)
    .leftJoin(countries, and(eq(actors.kind, "state"), eq(countries.iso3, actors.countryCode)))
    .where(inArray(actors.id, [...actorIds]));
  return new Map(rows.map((r) => [r.id, { en: r.en ?? r.name, fr: r.fr ?? r.name, es: r.es ?? r.name }]));
}

/** One actor's name in each language (empty when the actor is gone). */
export async function actorNameInEachLanguage(db: Executor, actorId: string): Promise<NameInEachLanguage> {
  return (await actorNames(db, [actorId])).get(actorId) ?? { en: "", fr: "", es: "" };
}

/**
 * Queues the template for each recipient in their language; a parameter given in each language
 * (an actor's name) is written in theirs, so a French lead reads "Irlande", not "Ireland".
 */
export async function mailEach(
  db: Executor,
  recipients: readonly Recipient[],
  template: MailTemplate,
  params: Readonly<Record<string, string | NameInEachLanguage>>,
): Promise<void> {
  for (const r of recipients) {
    const own = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === "string" ? value : value[r.locale]]));
    await enqueueMail(db, { to: r.email, locale: r.locale, template, params: { ...own, name: r.name } });
  }
}

/**
 * Approved representatives of the approved actors actively taking part: leads and supporters, or
 * only those of one role.
 */
export async function participantRepresentatives(db: Executor, initiativeId: string, role?: "lead" | "supporter"): Promise<Recipient[]> {
  return db
    .selectDistinct(recipientColumns)
    .from(participations)
    .innerJoin(actors, eq(actors.id, participations.actorId))
    .innerJoin(affiliations, eq(affiliations.actorId, participations.actorId))
    .innerJoin(users, eq(users.id, affiliations.userId))
    .where(
      and(
        eq(participations.initiativeId, initiativeId),
        role ? eq(participations.role, role) : undefined,
        eq(participations.status, "active"),
        eq(actors.status, "approved"),
        eq(affiliations.status, "approved"),
        isNull(users.disabledAt),
      ),
    );
}
