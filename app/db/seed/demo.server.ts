// Loads the demo data set (see demo-content.ts) in one transaction. Safe to call twice: a
// second call, even a concurrent one, finds the demo data already there and changes nothing.
// Callers record the load in `data_loads` themselves (start-up and `npm run db:seed`).
import { and, eq, inArray, sql } from "drizzle-orm";
import { hashPassword } from "~/auth/password.server";
import { backfillParticipationEvents } from "~/domain/coalitions/history.server";
import type { Executor } from "../client.server";
import { actors, affiliations, auditEvents, initiatives, initiativeTranslations, meetings, participations, users, type Locale } from "../schema";
import { fixFrenchTypography } from "~/i18n/french-typography";
import { DEMO_TRANSLATIONS, type DemoTranslation } from "./demo-translations";
import { DEMO_INITIATIVES, DEMO_MEETINGS, DEMO_ORGANISATIONS, DEMO_USERS, type ActorRef, type DemoUser } from "./demo-content";

export interface DemoAccount {
  email: string;
  password: string;
  role: "member" | "secretariat" | "admin";
  description: string;
}

// Serialises concurrent seeds (two instances starting at once) inside their transactions.
const SEED_LOCK_KEY = 7262021;
const DAY_MS = 24 * 60 * 60 * 1000;

export function demoAccounts(): DemoAccount[] {
  return DEMO_USERS.map(({ email, password, role, description }) => ({ email, password, role, description }));
}

export async function seedDemoData(db: Executor): Promise<{ accounts: DemoAccount[] }> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (await alreadySeeded(tx)) return;

    const stateIds = await loadStateIds(tx);
    const now = new Date();
    const userIds = await insertUsers(tx, now);
    const staffId = userIds.secretariat;
    const orgIds = await insertOrganisations(tx, userIds, now);

    const actorId = (ref: ActorRef): string => {
      const id = /^[A-Z]{3}$/.test(ref) ? stateIds.get(ref) : orgIds.get(ref);
      if (!id) throw new Error(`Demo data refers to an unknown actor "${ref}": load the reference data first.`);
      return id;
    };
    // Who signs for an actor: the demo representative when there is one.
    const signerFor = new Map<string, string>();
    for (const user of DEMO_USERS) {
      if (user.affiliation?.status === "approved") signerFor.set(actorId(user.affiliation.actor), userIds[user.key]);
    }

    await insertAffiliations(tx, userIds, actorId, staffId, now);
    const initiativeIds = await insertInitiatives(tx, actorId, signerFor, staffId, now);
    await insertTranslations(tx, initiativeIds, now);
    await insertParticipations(tx, initiativeIds, actorId, signerFor, now);
    // The demo coalitions get their history too: joins and withdrawals on their own dates.
    await backfillParticipationEvents(tx);
    await tx.insert(meetings).values(
      DEMO_MEETINGS.map((m) => ({
        initiativeId: required(initiativeIds.get(m.initiative), m.initiative),
        title: m.title,
        startsAt: new Date(m.startsAt),
        endsAt: new Date(m.endsAt),
        timeZone: m.timeZone,
        place: m.place ?? null,
        onlineUrl: m.onlineUrl ?? null,
        agenda: m.agenda,
        createdByUserId: staffId,
      })),
    );
  });
  return { accounts: demoAccounts() };
}

async function alreadySeeded(tx: Executor): Promise<boolean> {
  const slugs = DEMO_INITIATIVES.map((i) => i.slug);
  const emails = DEMO_USERS.map((u) => u.email);
  const [initiative] = await tx.select({ id: initiatives.id }).from(initiatives).where(inArray(initiatives.slug, slugs)).limit(1);
  if (initiative) return true;
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails))
    .limit(1);
  return Boolean(user);
}

async function loadStateIds(tx: Executor): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: actors.id, code: actors.countryCode })
    .from(actors)
    .where(and(eq(actors.kind, "state"), eq(actors.status, "approved")));
  return new Map(rows.flatMap((r) => (r.code ? [[r.code, r.id] as const] : [])));
}

type UserIds = Record<DemoUser["key"], string>;

async function insertUsers(tx: Executor, now: Date): Promise<UserIds> {
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  const rows = await tx
    .insert(users)
    .values(
      DEMO_USERS.map((u, i) => ({
        email: u.email,
        name: u.name,
        passwordHash: hashes[i],
        emailVerifiedAt: now,
        passwordChangedAt: now,
        role: u.role,
        locale: u.locale,
      })),
    )
    .returning({ id: users.id, email: users.email });
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return Object.fromEntries(DEMO_USERS.map((u) => [u.key, required(byEmail.get(u.email), u.email)])) as UserIds;
}

async function insertOrganisations(tx: Executor, userIds: UserIds, now: Date): Promise<Map<string, string>> {
  // The pending organisation was registered by the member who asks to represent it.
  const registrant = DEMO_USERS.find((u) => u.affiliation?.status === "pending");
  const rows = await tx
    .insert(actors)
    .values(
      DEMO_ORGANISATIONS.map((o) => ({
        kind: o.kind,
        category: o.category ?? null,
        name: o.name,
        shortName: o.shortName ?? null,
        countryCode: o.countryCode,
        website: o.website,
        description: o.description,
        status: o.status,
        createdByUserId: o.status === "pending" && registrant ? userIds[registrant.key] : null,
        reviewedByUserId: o.status === "approved" ? userIds.secretariat : null,
        reviewedAt: o.status === "approved" ? now : null,
      })),
    )
    .returning({ id: actors.id, name: actors.name });
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  return new Map(DEMO_ORGANISATIONS.map((o) => [o.key, required(byName.get(o.name), o.name)]));
}

async function insertAffiliations(
  tx: Executor,
  userIds: UserIds,
  actorId: (ref: ActorRef) => string,
  staffId: string,
  now: Date,
): Promise<void> {
  const wanted = DEMO_USERS.flatMap((u) => (u.affiliation ? [{ user: u, affiliation: u.affiliation }] : []));
  const rows = await tx
    .insert(affiliations)
    .values(
      wanted.map(({ user, affiliation }) => ({
        userId: userIds[user.key],
        actorId: actorId(affiliation.actor),
        role: affiliation.role,
        status: affiliation.status,
        message: affiliation.message ?? null,
        reviewedByUserId: affiliation.status === "approved" ? staffId : null,
        reviewedAt: affiliation.status === "approved" ? now : null,
      })),
    )
    .returning({ id: affiliations.id, status: affiliations.status, actorId: affiliations.actorId, userId: affiliations.userId });
  const approved = rows.filter((r) => r.status === "approved");
  await tx.insert(auditEvents).values(
    approved.map((r) => ({
      userId: staffId,
      action: "affiliation.approved",
      subjectType: "affiliation",
      subjectId: r.id,
      data: { before: { status: "pending" }, after: { status: "approved" }, actorId: r.actorId, userId: r.userId, source: "demo data" },
    })),
  );
}

/** The 2019 initiatives in French and Spanish; French set with its no-break spaces. */
async function insertTranslations(tx: Executor, initiativeIds: Map<string, string>, now: Date): Promise<void> {
  const rows = Object.entries(DEMO_TRANSLATIONS).flatMap(([slug, byLocale]) =>
    (Object.entries(byLocale) as [Locale, DemoTranslation][]).map(([locale, text]) => {
      const typeset = (value: string) => (locale === "fr" ? fixFrenchTypography(value) : value);
      return {
        initiativeId: required(initiativeIds.get(slug), slug),
        locale,
        title: typeset(text.title),
        summary: typeset(text.summary),
        description: typeset(text.description),
        goals: typeset(text.goals),
        createdAt: now,
        updatedAt: now,
      };
    }),
  );
  await tx.insert(initiativeTranslations).values(rows);
}

async function insertInitiatives(
  tx: Executor,
  actorId: (ref: ActorRef) => string,
  signerFor: Map<string, string>,
  staffId: string,
  now: Date,
): Promise<Map<string, string>> {
  const rows = await tx
    .insert(initiatives)
    .values(
      DEMO_INITIATIVES.map((i) => {
        const proposer = actorId(i.proposedBy);
        const reviewed = i.status !== "submitted";
        return {
          slug: i.slug,
          title: i.title,
          summary: i.summary,
          description: i.description,
          goals: i.goals,
          axis: i.axis,
          theme: i.theme,
          status: i.status,
          joinPolicy: i.joinPolicy,
          launchedOn: i.launchedOn,
          proposedByActorId: proposer,
          proposedByUserId: signerFor.get(proposer) ?? null,
          reviewedByUserId: reviewed ? staffId : null,
          reviewedAt: reviewed ? now : null,
          // Listings sort by creation: the historic initiatives keep their historic order.
          createdAt: i.launchedOn ? new Date(`${i.launchedOn}T12:00:00Z`) : now,
        };
      }),
    )
    .returning({ id: initiatives.id, slug: initiatives.slug });
  return new Map(rows.map((r) => [r.slug, r.id]));
}

async function insertParticipations(
  tx: Executor,
  initiativeIds: Map<string, string>,
  actorId: (ref: ActorRef) => string,
  signerFor: Map<string, string>,
  now: Date,
): Promise<void> {
  const rows = DEMO_INITIATIVES.flatMap((initiative) => {
    const initiativeId = required(initiativeIds.get(initiative.slug), initiative.slug);
    const start = initiative.launchedOn ? Date.parse(`${initiative.launchedOn}T12:00:00Z`) : now.getTime();
    const entries = [
      ...initiative.leads.map((ref) => ({ ref, role: "lead" as const, status: "active" as const })),
      ...initiative.supporters.map((ref) => ({ ref, role: "supporter" as const, status: "active" as const })),
      ...(initiative.requested ?? []).map((ref) => ({ ref, role: "supporter" as const, status: "requested" as const })),
      ...(initiative.withdrawn ?? []).map((ref) => ({ ref, role: "supporter" as const, status: "withdrawn" as const })),
    ];
    return entries.map((entry, index) => {
      const id = actorId(entry.ref);
      // Leads sign on launch day; supporters join over the following months.
      const signedAt = new Date(Math.min(start + (entry.role === "lead" ? 0 : (index * 11 + 3) * DAY_MS), now.getTime()));
      const changedAt = entry.status === "withdrawn" ? new Date(Math.min(signedAt.getTime() + 400 * DAY_MS, now.getTime())) : signedAt;
      return {
        actorId: id,
        initiativeId,
        role: entry.role,
        status: entry.status,
        signedByUserId: signerFor.get(id) ?? null,
        signedAt,
        createdAt: signedAt,
        updatedAt: changedAt,
      };
    });
  });
  await tx.insert(participations).values(rows);
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo data is inconsistent: nothing found for "${what}".`);
  return value;
}
