// The whole domain model in one module: every table, enum, constraint and index.
// Columns are camelCase here and snake_case in SQL (drizzle `casing: "snake_case"`).
import { sql, type SQL } from "drizzle-orm";
import { sortKey } from "./sort-key";
import {
  bigserial,
  boolean,
  check,
  char,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { foldedSql, foldedTextSql } from "../domain/folding";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const locales = ["en", "fr", "es"] as const;
export type Locale = (typeof locales)[number];

export const localeEnum = pgEnum("locale", locales);
export const userRoleEnum = pgEnum("user_role", ["member", "secretariat", "admin"]);
export const actorKindEnum = pgEnum("actor_kind", [
  "state",
  "international_organization",
  "regional_organization",
  "ngo",
  "other",
]);
// Only meaningful for kind = 'other': what sort of actor it is.
export const actorCategoryEnum = pgEnum("actor_category", [
  "academia",
  "private_sector",
  "local_government",
  "foundation",
  "other",
]);
export const actorStatusEnum = pgEnum("actor_status", ["pending", "approved", "rejected", "suspended"]);
export const affiliationRoleEnum = pgEnum("affiliation_role", ["focal_point", "delegate"]);
export const affiliationStatusEnum = pgEnum("affiliation_status", ["pending", "approved", "rejected", "revoked"]);
export const axisEnum = pgEnum("axis", ["international_law", "new_governance", "reform"]);
export const themeEnum = pgEnum("theme", [
  "cyber",
  "climate_security",
  "gender",
  "humanitarian_law",
  "health",
  "information_democracy",
  "disarmament",
  "human_rights",
  "institutions",
  "other",
]);
// changes_requested: back with the proposer, who edits and resubmits it (it becomes submitted again).
export const initiativeStatusEnum = pgEnum("initiative_status", ["submitted", "active", "rejected", "closed", "changes_requested"]);
export const joinPolicyEnum = pgEnum("join_policy", ["open", "approval"]);
export const participationRoleEnum = pgEnum("participation_role", ["lead", "supporter"]);
export const participationStatusEnum = pgEnum("participation_status", ["requested", "active", "declined", "withdrawn"]);
export const tokenPurposeEnum = pgEnum("token_purpose", ["verify_email", "reset_password"]);
export const mailStatusEnum = pgEnum("mail_status", ["pending", "sent", "failed"]);
export const unStatusEnum = pgEnum("un_status", ["member", "observer"]);
export const unRegionalGroupEnum = pgEnum("un_regional_group", [
  "african",
  "asia_pacific",
  "eastern_european",
  "latin_american_caribbean",
  "western_european_others",
]);

/** Reference data: UN member and observer states, loaded idempotently at start-up. */
export const countries = pgTable("countries", {
  iso3: char({ length: 3 }).primaryKey(),
  iso2: char({ length: 2 }).notNull().unique(),
  numericCode: char({ length: 3 }).notNull().unique(),
  nameEn: text().notNull(),
  nameFr: text().notNull(),
  nameEs: text().notNull(),
  unStatus: unStatusEnum().notNull(),
  unRegionalGroup: unRegionalGroupEnum(),
  // Every name of the state folded for search (UN names in three languages, common names,
  // aliases such as "Ivory Coast" or "Turkey"): see reference-data.server.ts and domain/folding.ts.
  searchKey: text().notNull().default(""),
}, (t) => [index("countries_search_key_trgm_idx").using("gin", sql`${t.searchKey} gin_trgm_ops`)]);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    role: userRoleEnum().notNull().default("member"),
    locale: localeEnum().notNull().default("en"),
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    passwordChangedAt: timestamp({ withTimezone: true }),
    disabledAt: timestamp({ withTimezone: true }),
    // When the person accepted the privacy notice at sign-up, and which version they read.
    privacyAcceptedAt: timestamp({ withTimezone: true }),
    privacyNoticeVersion: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Case-insensitive uniqueness: Alice@x.org and alice@x.org are one account.
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    index("users_role_idx").on(t.role),
    check("users_email_shape", sql`position('@' in ${t.email}) > 1 and length(${t.email}) <= 254`),
  ],
);

export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export const sessions = pgTable(
  "sessions",
  {
    // SHA-256 of the random id held in the cookie: a leaked table does not leak live sessions.
    idHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    // Set once the second factor is checked (or when the user has none).
    mfaVerifiedAt: timestamp({ withTimezone: true }),
    // Last time the user re-entered a password or code: gates sensitive changes.
    reauthenticatedAt: timestamp({ withTimezone: true }),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: tokenPurposeEnum().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("verification_tokens_user_purpose_idx").on(t.userId, t.purpose)],
);

export const actors = pgTable(
  "actors",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: actorKindEnum().notNull(),
    category: actorCategoryEnum(),
    name: text().notNull(),
    shortName: text(),
    // For a state: the state itself. For any other actor: its headquarters country.
    countryCode: char({ length: 3 }).references(() => countries.iso3, { onDelete: "restrict" }),
    website: text(),
    description: text(),
    // Why an organisation asks to join, written by whoever registered it.
    motivation: text(),
    status: actorStatusEnum().notNull().default("pending"),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    // Approve or reject of the registration.
    reviewedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewReason: text(),
    // The secretariat's request for more information and the applicant's answer; the item stays
    // pending meanwhile. A new request replaces the previous one (each is also in audit_events).
    infoRequestedAt: timestamp({ withTimezone: true }),
    infoRequestedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    infoRequest: text(),
    infoResponse: text(),
    infoRespondedAt: timestamp({ withTimezone: true }),
    // The latest suspension (status 'suspended'); kept after reinstatement, audit_events has each one.
    suspendedAt: timestamp({ withTimezone: true }),
    suspendedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    suspendedReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One actor per state: a focal point claims the state, never creates a second one.
    uniqueIndex("actors_state_country_key").on(t.countryCode).where(sql`${t.kind} = 'state'`),
    // The same organisation cannot wait for review twice: names compared without case or extra spaces.
    uniqueIndex("actors_pending_name_key")
      .on(sql`lower(regexp_replace(trim(${t.name}), '[[:space:]]+', ' ', 'g'))`)
      .where(sql`${t.status} = 'pending' and ${t.kind} <> 'state'`),
    // "Is it one of these?": trigram similarity on names (pg_trgm, loaded in PGlite too).
    index("actors_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
    // The directory's and the search page's "name contains" on organisations (folded as
    // domain/folding.ts foldedSql writes it): read from these, not by folding every name.
    index("actors_name_folded_trgm_idx").using("gin", sql`${foldedSql(t.name)} gin_trgm_ops`),
    index("actors_short_name_folded_trgm_idx").using("gin", sql`${foldedSql(t.shortName)} gin_trgm_ops`),
    index("actors_status_kind_name_idx").on(t.status, t.kind, t.name),
    index("actors_status_name_idx").on(t.status, t.name),
    index("actors_status_created_idx").on(t.status, t.createdAt),
    // The directory's order (sort-key.ts) read from an index, a page at a time: organisations of
    // every kind together, and each kind alone. States are named per language (their country's
    // name), so they are sorted apart: 195 rows at most.
    index("actors_approved_sort_idx")
      .on(sortKey(t.name), t.id)
      .where(sql`${t.status} = 'approved' and ${t.kind} <> 'state'`),
    index("actors_approved_kind_sort_idx")
      .on(t.kind, sortKey(t.name), t.id)
      .where(sql`${t.status} = 'approved'`),
    check("actors_state_has_country", sql`${t.kind} <> 'state' or ${t.countryCode} is not null`),
    check("actors_category_only_for_other", sql`${t.category} is null or ${t.kind} = 'other'`),
    check("actors_name_not_blank", sql`length(trim(${t.name})) > 0`),
  ],
);

export const affiliations = pgTable(
  "affiliations",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    actorId: uuid()
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    role: affiliationRoleEnum().notNull().default("delegate"),
    status: affiliationStatusEnum().notNull().default("pending"),
    // What the applicant says of their position: title, ministry or mission (states), work email.
    title: text(),
    ministryOrMission: text(),
    officialEmail: text(),
    // The applicant's message to the secretariat (why they represent this actor).
    message: text(),
    // Approve or reject of the application.
    reviewedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewReason: text(),
    // Same meaning as on actors: the secretariat asks, the applicant answers, status stays pending.
    infoRequestedAt: timestamp({ withTimezone: true }),
    infoRequestedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    infoRequest: text(),
    infoResponse: text(),
    infoRespondedAt: timestamp({ withTimezone: true }),
    // A focal point of the same actor asks the secretariat to revoke this affiliation.
    revocationRequestedAt: timestamp({ withTimezone: true }),
    revocationRequestedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    revocationRequestReason: text(),
    // The revocation itself (status 'revoked'), kept apart so the approval above stays readable.
    revokedAt: timestamp({ withTimezone: true }),
    revokedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    revokeReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // History is never overwritten: a rejected or revoked application stays beside the next one;
    // only one open (pending or approved) affiliation per user and actor.
    uniqueIndex("affiliations_open_user_actor_key")
      .on(t.userId, t.actorId)
      .where(sql`${t.status} in ('pending', 'approved')`),
    index("affiliations_user_created_idx").on(t.userId, t.createdAt),
    index("affiliations_actor_status_idx").on(t.actorId, t.status),
    index("affiliations_status_created_idx").on(t.status, t.createdAt),
  ],
);

export const initiatives = pgTable(
  "initiatives",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    title: text().notNull(),
    summary: text().notNull(),
    description: text().notNull().default(""),
    goals: text().notNull().default(""),
    axis: axisEnum().notNull(),
    theme: themeEnum().notNull(),
    status: initiativeStatusEnum().notNull().default("submitted"),
    joinPolicy: joinPolicyEnum().notNull().default("open"),
    launchedOn: date({ mode: "string" }),
    // The language the proposer wrote the text in.
    language: localeEnum().notNull().default("en"),
    proposedByActorId: uuid().references(() => actors.id, { onDelete: "set null" }),
    proposedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // 'simple' configuration: titles come in several languages, so no language-specific stemming.
    // Folded (case, accents) as search-query.ts folds the visitor's words: "securite" finds "sécurité".
    search: tsvector().generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('simple', ${foldedTextSql(sql`coalesce(${initiatives.title}, '')`)}), 'A') || setweight(to_tsvector('simple', ${foldedTextSql(sql`coalesce(${initiatives.summary}, '')`)}), 'B')`,
    ),
  },
  (t) => [
    index("initiatives_search_idx").using("gin", t.search),
    index("initiatives_status_axis_created_idx").on(t.status, t.axis, t.createdAt),
    index("initiatives_status_theme_created_idx").on(t.status, t.theme, t.createdAt),
    index("initiatives_status_created_idx").on(t.status, t.createdAt),
    // The directory's order, word for word (initiatives.server.ts listPublicInitiatives): active
    // before closed, newest first. A page is read from here and stops after its rows, instead of
    // sorting every public initiative. Not partial: the statuses are bound parameters, which a
    // generic plan cannot match against an index predicate. NULLS FIRST is what ORDER BY … DESC means.
    index("initiatives_directory_order_idx").on(sql`(${t.status} = 'closed')`, t.createdAt.desc().nullsFirst(), t.id),
    index("initiatives_proposed_by_actor_idx").on(t.proposedByActorId),
    check("initiatives_slug_shape", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("initiatives_title_not_blank", sql`length(trim(${t.title})) > 0`),
  ],
);

// An initiative's text in another of the three languages, written by its leads. The original's
// language is `initiatives.language`; a page shows the visitor's language when a row exists here,
// else the original marked with its language. Searched like the original, so an initiative is
// found in any of its languages.
export const initiativeTranslations = pgTable(
  "initiative_translations",
  {
    id: uuid().primaryKey().defaultRandom(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    locale: localeEnum().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    description: text().notNull().default(""),
    goals: text().notNull().default(""),
    updatedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector().generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('simple', ${foldedTextSql(sql`coalesce(${initiativeTranslations.title}, '')`)}), 'A') || setweight(to_tsvector('simple', ${foldedTextSql(sql`coalesce(${initiativeTranslations.summary}, '')`)}), 'B')`,
    ),
  },
  (t) => [
    unique("initiative_translations_initiative_locale_key").on(t.initiativeId, t.locale),
    index("initiative_translations_search_idx").using("gin", t.search),
    check("initiative_translations_title_not_blank", sql`length(trim(${t.title})) > 0`),
  ],
);

export const participations = pgTable(
  "participations",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Actors are suspended, never deleted, while they have a record of participation.
    actorId: uuid()
      .notNull()
      .references(() => actors.id, { onDelete: "restrict" }),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    role: participationRoleEnum().notNull().default("supporter"),
    status: participationStatusEnum().notNull().default("active"),
    signedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    signedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Copies of the actor's kind and sort key (sort-key.ts), written by triggers (drizzle/0009),
    // never by the app: an initiative's first supporters of each kind come from one index range.
    actorKind: actorKindEnum(),
    actorSortKey: text(),
    decidedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The Alliance's rule in the schema: one row per actor and initiative, nothing shared.
    unique("participations_actor_initiative_key").on(t.actorId, t.initiativeId),
    index("participations_initiative_status_role_idx").on(t.initiativeId, t.status, t.role),
    // By role too: "does this State lead anything?" (the home map) probes only its lead rows.
    index("participations_actor_status_role_idx").on(t.actorId, t.status, t.role),
    index("participations_initiative_kind_sort_idx")
      .on(t.initiativeId, t.role, t.actorKind, t.actorSortKey, t.actorId)
      .where(sql`${t.status} = 'active'`),
  ],
);

/**
 * How many approved… actors there are of each kind and status, kept exact by a trigger on actors
 * in the writing transaction (drizzle/0009): the directory's and the home page's totals without
 * counting thousands of rows per request.
 */
export const actorCounts = pgTable(
  "actor_counts",
  {
    kind: actorKindEnum().notNull(),
    status: actorStatusEnum().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.status] })],
);

/**
 * Active participants of approved actors per initiative, role and kind, kept exact by triggers
 * on participations and actors (drizzle/0009): the cards' and the detail page's counts without
 * counting a coalition of ten thousand per request. No foreign key: a deleted initiative's rows
 * fall to zero with its participations.
 */
export const participantCounts = pgTable(
  "participant_counts",
  {
    initiativeId: uuid().notNull(),
    role: participationRoleEnum().notNull(),
    kind: actorKindEnum().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.role, t.kind] })],
);

export const meetings = pgTable(
  "meetings",
  {
    id: uuid().primaryKey().defaultRandom(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    title: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    place: text(),
    onlineUrl: text(),
    agenda: text().notNull().default(""),
    // The IANA zone the meeting is held in: instants are stored above, the zone says how to show them.
    timeZone: text().notNull().default("UTC"),
    // iCalendar SEQUENCE: rises on every change and cancellation, so calendar apps replace the event.
    sequence: integer().notNull().default(0),
    // Cancelled meetings stay (and stay in the feeds, as STATUS:CANCELLED) so calendars remove them.
    cancelledAt: timestamp({ withTimezone: true }),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // The search page finds meetings by title and agenda the way it finds initiatives (folded
    // words, prefixes), through a GIN index: a long text costs index lookups, not a scan.
    search: tsvector().generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('simple', ${foldedTextSql(sql`coalesce(${meetings.title}, '')`)}), 'A') || setweight(to_tsvector('simple', ${foldedTextSql(sql`coalesce(${meetings.agenda}, '')`)}), 'B')`,
    ),
  },
  (t) => [
    index("meetings_search_idx").using("gin", t.search),
    index("meetings_initiative_starts_idx").on(t.initiativeId, t.startsAt),
    // Upcoming meetings across initiatives: a range on starts_at (a meeting lasts at most
    // MEETING_MAX_DAYS, so "not yet ended" is also "started less than that long ago").
    index("meetings_starts_idx").on(t.startsAt, t.id),
    check("meetings_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("meetings_at_most_14_days", sql`${t.endsAt} - ${t.startsAt} <= interval '14 days'`),
    check("meetings_sequence_not_negative", sql`${t.sequence} >= 0`),
  ],
);

// What happened to one actor's participation in one initiative, with the state it left behind.
export const participationEventKindEnum = pgEnum("participation_event_kind", [
  "requested",
  "joined",
  "declined",
  "withdrawn",
  "rejoined",
  "lead_added",
  "lead_removed",
]);

/**
 * The history of every participation, never overwritten: `participations` holds the current
 * state, this table how it came to be. Append-only like audit_events (trigger in drizzle/).
 * Each row repeats the status and role it left, so the coalition as of any date is the last
 * event of each actor up to that date.
 */
export const participationEvents = pgTable(
  "participation_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    // No cascade: a history that could vanish with its initiative or actor would not be one.
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id, { onDelete: "restrict" }),
    actorId: uuid()
      .notNull()
      .references(() => actors.id, { onDelete: "restrict" }),
    kind: participationEventKindEnum().notNull(),
    status: participationStatusEnum().notNull(),
    role: participationRoleEnum().notNull(),
    byUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    // A lead's reason for declining a request; shown to the actor, never public.
    reason: text(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("participation_events_initiative_occurred_idx").on(t.initiativeId, t.occurredAt, t.id),
    index("participation_events_actor_idx").on(t.actorId),
  ],
);

export const leadInvitationStatusEnum = pgEnum("lead_invitation_status", ["pending", "accepted", "declined", "withdrawn"]);

/** An actor invited to co-lead: it becomes a lead only when one of its representatives accepts. */
export const leadInvitations = pgTable(
  "lead_invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    actorId: uuid()
      .notNull()
      .references(() => actors.id, { onDelete: "restrict" }),
    status: leadInvitationStatusEnum().notNull().default("pending"),
    invitedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    answeredByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    answeredAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // One open invitation per actor and initiative: inviting twice changes nothing.
    uniqueIndex("lead_invitations_pending_key").on(t.initiativeId, t.actorId).where(sql`${t.status} = 'pending'`),
    index("lead_invitations_actor_status_idx").on(t.actorId, t.status),
  ],
);

/** Append-only: a trigger (see drizzle/0001_*.sql) refuses UPDATE, DELETE and TRUNCATE. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // No cascade: users are disabled, never deleted, so history keeps its authors.
    userId: uuid().references(() => users.id, { onDelete: "restrict" }),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text(),
    ip: text(),
    userAgent: text(),
    data: jsonb().$type<{ before?: unknown; after?: unknown; [key: string]: unknown }>(),
  },
  (t) => [
    index("audit_events_occurred_idx").on(t.occurredAt.desc()),
    index("audit_events_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_events_user_idx").on(t.userId),
    // The secretariat's audit log filtered by actor: decisions carry the actor in data.actorId.
    index("audit_events_actor_idx").on(sql`(${t.data}->>'actorId')`, t.id),
  ],
);

export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    toAddress: text().notNull(),
    locale: localeEnum().notNull().default("en"),
    template: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    status: mailStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("mail_outbox_status_next_idx").on(t.status, t.nextAttemptAt)],
);

/** Fixed-window counters shared by every app instance (sign-in, sign-up, resets). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    hits: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limits_expires_idx").on(t.expiresAt)],
);

/** Which demo or reference data loads have run, so start-up work stays idempotent. */
export const dataLoads = pgTable("data_loads", {
  name: text().primaryKey(),
  loadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  demo: boolean().notNull().default(false),
});

export type User = typeof users.$inferSelect;
export type Actor = typeof actors.$inferSelect;
export type Affiliation = typeof affiliations.$inferSelect;
export type AffiliationRole = (typeof affiliationRoleEnum.enumValues)[number];
export type AffiliationStatus = (typeof affiliationStatusEnum.enumValues)[number];
export type ActorStatus = (typeof actorStatusEnum.enumValues)[number];
export type ActorCategory = (typeof actorCategoryEnum.enumValues)[number];
export type Initiative = typeof initiatives.$inferSelect;
export type Participation = typeof participations.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type ParticipationEvent = typeof participationEvents.$inferSelect;
export type ParticipationEventKind = (typeof participationEventKindEnum.enumValues)[number];
export type ParticipationStatus = (typeof participationStatusEnum.enumValues)[number];
export type ParticipationRole = (typeof participationRoleEnum.enumValues)[number];
export type InitiativeStatus = (typeof initiativeStatusEnum.enumValues)[number];
export type JoinPolicy = (typeof joinPolicyEnum.enumValues)[number];
export type Country = typeof countries.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type ActorKind = (typeof actorKindEnum.enumValues)[number];
export type Axis = (typeof axisEnum.enumValues)[number];
export type Theme = (typeof themeEnum.enumValues)[number];
export type UserRole = (typeof userRoleEnum.enumValues)[number];

/**
 * One row per run of a scheduled job and period ("digest", "2026-12-01"). The primary key is
 * what keeps several app instances from running the same job twice: the first INSERT wins,
 * the others find the row (see app/jobs/scheduler.server.ts, docs/decisions/011).
 */
export const scheduledJobRuns = pgTable(
  "scheduled_job_runs",
  {
    job: text().notNull(),
    period: text().notNull(),
    ranAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    result: jsonb().$type<Record<string, number>>(),
  },
  (t) => [primaryKey({ columns: [t.job, t.period] })],
);
