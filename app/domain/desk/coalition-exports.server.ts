// The secretariat's CSV exports of the coalitions: every initiative (proposals and refusals
// included) and every participation with its history, for analysts who work in a spreadsheet.
// Same rules and helpers as the membership exports (./exports.server.ts): BOM, ISO 8601 dates,
// formula cells neutralised, keyset batches streamed as they arrive. Columns in docs/api.md.
import { asc, eq, gt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "~/db/client.server";
import { actors, initiatives, participationEvents, participations, users } from "~/db/schema";
import { byId, type Cell, type CsvExport } from "./exports.server";

const proposer = alias(users, "proposer");
const reviewer = alias(users, "reviewer");
const lead = alias(actors, "lead");

export function initiativesExport(db: Executor) {
  const proposingActor = alias(actors, "proposing_actor");
  const select = () =>
    db
      .select({
        id: initiatives.id,
        slug: initiatives.slug,
        title: initiatives.title,
        status: initiatives.status,
        axis: initiatives.axis,
        theme: initiatives.theme,
        joinPolicy: initiatives.joinPolicy,
        language: initiatives.language,
        launchedOn: initiatives.launchedOn,
        proposedByActor: proposingActor.name,
        proposedByEmail: proposer.email,
        // Correlated subqueries read the (initiative, status, role) index once per row of the batch.
        leads: sql<string | null>`(
          select string_agg(${lead.name}, '; ' order by ${lead.name}) from ${participations}
          join ${actors} as ${lead} on ${lead.id} = ${participations.actorId}
          where ${participations.initiativeId} = ${initiatives.id} and ${participations.role} = 'lead' and ${participations.status} = 'active')`,
        activeParticipants: sql<number>`(select count(*)::int from ${participations} where ${participations.initiativeId} = ${initiatives.id} and ${participations.status} = 'active')`,
        pendingRequests: sql<number>`(select count(*)::int from ${participations} where ${participations.initiativeId} = ${initiatives.id} and ${participations.status} = 'requested')`,
        createdAt: initiatives.createdAt,
        reviewedAt: initiatives.reviewedAt,
        reviewerEmail: reviewer.email,
        reviewReason: initiatives.reviewReason,
        summary: initiatives.summary,
      })
      .from(initiatives)
      .leftJoin(proposingActor, eq(proposingActor.id, initiatives.proposedByActorId))
      .leftJoin(proposer, eq(proposer.id, initiatives.proposedByUserId))
      .leftJoin(reviewer, eq(reviewer.id, initiatives.reviewedByUserId));
  type Row = Awaited<ReturnType<ReturnType<typeof select>["execute"]>>[number];
  return {
    columns: [
      "id",
      "slug",
      "title",
      "status",
      "axis",
      "theme",
      "join_policy",
      "language",
      "launched_on",
      "proposed_by_actor",
      "proposed_by_email",
      "leads",
      "active_participants",
      "pending_requests",
      "created_at",
      "reviewed_at",
      "reviewed_by",
      "review_reason",
      "summary",
    ],
    toCells: (r: Row): Cell[] => [
      r.id,
      // A proposal's placeholder address is not an address anyone can visit.
      r.status === "active" || r.status === "closed" ? r.slug : null,
      r.title,
      r.status,
      r.axis,
      r.theme,
      r.joinPolicy,
      r.language,
      r.launchedOn,
      r.proposedByActor,
      r.proposedByEmail,
      r.leads,
      r.activeParticipants,
      r.pendingRequests,
      r.createdAt,
      r.reviewedAt,
      r.reviewerEmail,
      r.reviewReason,
      r.summary,
    ],
    batches: (batchSize: number) =>
      byId((after, limit) => select().where(after ? gt(initiatives.id, after) : undefined).orderBy(asc(initiatives.id)).limit(limit), batchSize),
  } satisfies CsvExport<Row>;
}

const signer = alias(users, "signer");
const decider = alias(users, "decider");

/** The participation's own history, oldest first: "2026-01-02T…Z requested; 2026-01-05T…Z joined". */
const history = sql<string | null>`(
  select string_agg(to_char(${participationEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' ' || ${participationEvents.kind}, '; ' order by ${participationEvents.occurredAt}, ${participationEvents.id})
  from ${participationEvents}
  where ${participationEvents.initiativeId} = ${participations.initiativeId} and ${participationEvents.actorId} = ${participations.actorId})`;

/** The latest event of one kind in the participation's history: its date, or the reason given. */
const lastEvent = (kind: "withdrawn" | "declined" | "requested", column: typeof participationEvents.occurredAt | typeof participationEvents.reason) =>
  sql`(select ${column} from ${participationEvents}
    where ${participationEvents.initiativeId} = ${participations.initiativeId} and ${participationEvents.actorId} = ${participations.actorId}
      and ${participationEvents.kind} = ${kind}
    order by ${participationEvents.occurredAt} desc, ${participationEvents.id} desc limit 1)`;

export function participationsExport(db: Executor) {
  const select = () =>
    db
      .select({
        id: participations.id,
        initiativeSlug: initiatives.slug,
        initiativeTitle: initiatives.title,
        initiativeStatus: initiatives.status,
        actorId: actors.id,
        actorName: actors.name,
        actorKind: actors.kind,
        actorCountryCode: actors.countryCode,
        role: participations.role,
        status: participations.status,
        since: participations.signedAt,
        signedByName: signer.name,
        signedByEmail: signer.email,
        requestedAt: sql<Date | null>`${lastEvent("requested", participationEvents.occurredAt)}`.mapWith(participationEvents.occurredAt),
        decidedAt: participations.decidedAt,
        decidedByEmail: decider.email,
        declineReason: sql<string | null>`case when ${participations.status} = 'declined' then ${lastEvent("declined", participationEvents.reason)} end`,
        withdrawnAt: sql<Date | null>`case when ${participations.status} = 'withdrawn' then ${lastEvent("withdrawn", participationEvents.occurredAt)} end`.mapWith(participationEvents.occurredAt),
        history,
      })
      .from(participations)
      .innerJoin(initiatives, eq(initiatives.id, participations.initiativeId))
      .innerJoin(actors, eq(actors.id, participations.actorId))
      .leftJoin(signer, eq(signer.id, participations.signedByUserId))
      .leftJoin(decider, eq(decider.id, participations.decidedByUserId));
  type Row = Awaited<ReturnType<ReturnType<typeof select>["execute"]>>[number];
  return {
    columns: [
      "id",
      "initiative_slug",
      "initiative_title",
      "initiative_status",
      "actor_id",
      "actor_name",
      "actor_kind",
      "actor_country_code",
      "role",
      "status",
      "since",
      "signed_by_name",
      "signed_by_email",
      "requested_at",
      "decided_at",
      "decided_by",
      "decline_reason",
      "withdrawn_at",
      "history",
    ],
    toCells: (r: Row): Cell[] => [
      r.id,
      r.initiativeSlug,
      r.initiativeTitle,
      r.initiativeStatus,
      r.actorId,
      r.actorName,
      r.actorKind,
      r.actorCountryCode,
      r.role,
      r.status,
      r.since,
      r.signedByName,
      r.signedByEmail,
      r.requestedAt,
      r.decidedAt,
      r.decidedByEmail,
      r.declineReason,
      r.withdrawnAt,
      r.history,
    ],
    batches: (batchSize: number) =>
      byId((after, limit) => select().where(after ? gt(participations.id, after) : undefined).orderBy(asc(participations.id)).limit(limit), batchSize),
  } satisfies CsvExport<Row>;
}
