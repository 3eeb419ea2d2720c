// Everything a reviewer needs to decide one item: what was submitted, who asked, possible
// duplicates, whether the applicant's email domain matches the actor's website (a hint, not a
// rule), and the full history of that person and that actor, with reasons and dates.
import { and, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, countries, users, type Locale } from "~/db/schema";
import { actorDisplayName, countryName } from "~/domain/actors.server";
import { safeWebUrl } from "~/domain/web-url";

const reviewer = alias(users, "reviewer");
const person = alias(users, "person");

/** "mail.gouv.fr" matches "www.diplomatie.gouv.fr"? Compared on the registrable tail (last two labels, three for "gov.uk"-like). */
export function emailMatchesWebsite(email: string | null | undefined, website: string | null | undefined): boolean | null {
  const url = safeWebUrl(website);
  const emailDomain = email?.split("@")[1]?.toLowerCase().trim();
  if (!url || !emailDomain) return null;
  const host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  const tail = (domain: string) => {
    const labels = domain.split(".");
    // Second-level public suffixes such as gov.uk, org.br, gc.ca keep three labels.
    const keep = labels.length > 2 && (labels.at(-2)?.length ?? 0) <= 3 ? 3 : 2;
    return labels.slice(-keep).join(".");
  };
  return emailDomain === host || emailDomain.endsWith(`.${host}`) || tail(emailDomain) === tail(host);
}

/** Every application of a person, newest first, with the actor's name and each decision. */
function historyOfUser(db: Executor, userId: string, locale: Locale) {
  return db
    .select({
      id: affiliations.id,
      actorId: actors.id,
      actorName: actorDisplayName(locale),
      role: affiliations.role,
      status: affiliations.status,
      createdAt: affiliations.createdAt,
      reviewedAt: affiliations.reviewedAt,
      reviewReason: affiliations.reviewReason,
      revokedAt: affiliations.revokedAt,
      revokeReason: affiliations.revokeReason,
      reviewerName: reviewer.name,
    })
    .from(affiliations)
    .innerJoin(actors, eq(actors.id, affiliations.actorId))
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .leftJoin(reviewer, eq(reviewer.id, affiliations.reviewedByUserId))
    .where(eq(affiliations.userId, userId))
    .orderBy(desc(affiliations.createdAt));
}

/** Everyone who has applied to represent an actor, newest first. */
function historyOfActor(db: Executor, actorId: string) {
  return db
    .select({
      id: affiliations.id,
      userId: person.id,
      userName: person.name,
      userEmail: person.email,
      role: affiliations.role,
      title: affiliations.title,
      officialEmail: affiliations.officialEmail,
      status: affiliations.status,
      createdAt: affiliations.createdAt,
      reviewedAt: affiliations.reviewedAt,
      reviewReason: affiliations.reviewReason,
      revokedAt: affiliations.revokedAt,
      revokeReason: affiliations.revokeReason,
      revocationRequestedAt: affiliations.revocationRequestedAt,
      revocationRequestReason: affiliations.revocationRequestReason,
      reviewerName: reviewer.name,
    })
    .from(affiliations)
    .innerJoin(person, eq(person.id, affiliations.userId))
    .leftJoin(reviewer, eq(reviewer.id, affiliations.reviewedByUserId))
    .where(eq(affiliations.actorId, actorId))
    .orderBy(desc(affiliations.createdAt));
}

const actorColumns = (locale: Locale) => ({
  id: actors.id,
  kind: actors.kind,
  category: actors.category,
  name: actorDisplayName(locale),
  registeredName: actors.name,
  shortName: actors.shortName,
  countryName: countryName(locale),
  website: actors.website,
  description: actors.description,
  motivation: actors.motivation,
  status: actors.status,
  createdAt: actors.createdAt,
  createdByUserId: actors.createdByUserId,
  reviewedAt: actors.reviewedAt,
  reviewReason: actors.reviewReason,
  infoRequestedAt: actors.infoRequestedAt,
  infoRequest: actors.infoRequest,
  infoResponse: actors.infoResponse,
  infoRespondedAt: actors.infoRespondedAt,
  suspendedAt: actors.suspendedAt,
  suspendedReason: actors.suspendedReason,
});

const userColumns = {
  id: person.id,
  name: person.name,
  email: person.email,
  locale: person.locale,
  createdAt: person.createdAt,
  emailVerifiedAt: person.emailVerifiedAt,
};

export async function getAffiliationReview(db: Executor, id: string, locale: Locale) {
  const [row] = await db
    .select({
      affiliation: {
        id: affiliations.id,
        role: affiliations.role,
        status: affiliations.status,
        title: affiliations.title,
        ministryOrMission: affiliations.ministryOrMission,
        officialEmail: affiliations.officialEmail,
        message: affiliations.message,
        createdAt: affiliations.createdAt,
        reviewedAt: affiliations.reviewedAt,
        reviewReason: affiliations.reviewReason,
        infoRequestedAt: affiliations.infoRequestedAt,
        infoRequest: affiliations.infoRequest,
        infoResponse: affiliations.infoResponse,
        infoRespondedAt: affiliations.infoRespondedAt,
        revocationRequestedAt: affiliations.revocationRequestedAt,
        revocationRequestReason: affiliations.revocationRequestReason,
        revokedAt: affiliations.revokedAt,
        revokeReason: affiliations.revokeReason,
      },
      user: userColumns,
      actor: actorColumns(locale),
    })
    .from(affiliations)
    .innerJoin(person, eq(person.id, affiliations.userId))
    .innerJoin(actors, eq(actors.id, affiliations.actorId))
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(eq(affiliations.id, id));
  if (!row) return null;
  const [userHistory, actorHistory] = await Promise.all([historyOfUser(db, row.user.id, locale), historyOfActor(db, row.actor.id)]);
  return {
    ...row,
    domainHint: {
      account: emailMatchesWebsite(row.user.email, row.actor.website),
      official: emailMatchesWebsite(row.affiliation.officialEmail, row.actor.website),
    },
    userHistory: userHistory.filter((h) => h.id !== id),
    actorHistory: actorHistory.filter((h) => h.id !== id),
  };
}

/** Actors whose names look like this one (pg_trgm similarity, helped by the trigram index). */
function possibleDuplicates(db: Executor, id: string, name: string, locale: Locale) {
  return db
    .select({
      id: actors.id,
      name: actorDisplayName(locale),
      kind: actors.kind,
      status: actors.status,
      createdAt: actors.createdAt,
      reviewReason: actors.reviewReason,
      similarity: sql<number>`similarity(lower(${actors.name}), lower(${name}))`.mapWith(Number),
    })
    .from(actors)
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(and(ne(actors.id, id), sql`lower(${actors.name}) % lower(${name})`))
    .orderBy(sql`similarity(lower(${actors.name}), lower(${name})) desc`)
    .limit(8);
}

export async function getActorReview(db: Executor, id: string, locale: Locale) {
  const [row] = await db
    .select({ actor: actorColumns(locale), registrant: userColumns })
    .from(actors)
    .leftJoin(person, eq(person.id, actors.createdByUserId))
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(eq(actors.id, id));
  if (!row) return null;
  const [duplicates, actorHistory, registrantHistory] = await Promise.all([
    possibleDuplicates(db, id, row.actor.registeredName, locale),
    historyOfActor(db, id),
    row.registrant ? historyOfUser(db, row.registrant.id, locale) : Promise.resolve([]),
  ]);
  // What the registrant said of their own position, on their focal-point application.
  const registration = actorHistory.find((h) => h.userId === row.registrant?.id) ?? null;
  return {
    ...row,
    registration: registration ? { title: registration.title, officialEmail: registration.officialEmail } : null,
    domainHint: {
      account: emailMatchesWebsite(row.registrant?.email, row.actor.website),
      official: emailMatchesWebsite(registration?.officialEmail, row.actor.website),
    },
    duplicates,
    actorHistory,
    registrantHistory: registrantHistory.filter((h) => h.actorId !== id),
  };
}

export type AffiliationReview = NonNullable<Awaited<ReturnType<typeof getAffiliationReview>>>;
export type ActorReview = NonNullable<Awaited<ReturnType<typeof getActorReview>>>;
