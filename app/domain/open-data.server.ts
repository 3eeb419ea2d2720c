// The open data contract: public records in stable snake_case JSON (documented in docs/api.md).
// Only fields listed here leave the server; nothing about users or reviews ever does.
// Websites arrive already reduced to plain http(s) addresses by the domain queries.
import type { PublicActor, PublicActorListItem } from "./actors.server";
import type { PublicInitiative, PublicInitiativeListItem, PublicParticipant } from "./initiatives.server";

export function initiativeListItemJson(item: PublicInitiativeListItem, origin: string) {
  return {
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    axis: item.axis,
    theme: item.theme,
    status: item.status,
    launched_on: item.launchedOn,
    lead_count: item.leadCount ?? 0,
    supporter_count: item.supporterCount ?? 0,
    url: `${origin}/initiatives/${item.slug}`,
    api_url: `${origin}/api/v1/initiatives/${item.slug}`,
  };
}

function participantJson(participant: PublicParticipant, origin: string) {
  return {
    actor_id: participant.actorId,
    name: participant.name,
    short_name: participant.shortName,
    kind: participant.kind,
    country_code: participant.countryCode,
    role: participant.role,
    since: participant.since.toISOString(),
    url: `${origin}/actors/${participant.actorId}`,
  };
}

export function initiativeJson(initiative: PublicInitiative, origin: string) {
  return {
    slug: initiative.slug,
    title: initiative.title,
    summary: initiative.summary,
    description: initiative.description,
    goals: initiative.goals,
    language: initiative.textLanguage,
    axis: initiative.axis,
    theme: initiative.theme,
    status: initiative.status,
    join_policy: initiative.joinPolicy,
    launched_on: initiative.launchedOn,
    url: `${origin}/initiatives/${initiative.slug}`,
    lead_count: initiative.leads.length,
    supporter_count: initiative.supporters.length,
    leads: initiative.leads.map((p) => participantJson(p, origin)),
    supporters: initiative.supporters.map((p) => participantJson(p, origin)),
    // The coalition's public history, oldest first: who joined, withdrew or took the lead, and when.
    events: initiative.timeline.map((e) => ({
      kind: e.kind,
      actor_id: e.actorId,
      name: e.name,
      role: e.role,
      occurred_at: e.occurredAt.toISOString(),
    })),
    ...(initiative.asOf ? { as_of: initiative.asOf.toISOString() } : {}),
    meetings: initiative.meetings.map((m) => ({
      title: m.title,
      starts_at: m.startsAt.toISOString(),
      ends_at: m.endsAt.toISOString(),
      place: m.place,
      online: m.online,
      agenda: m.agenda,
      time_zone: m.timeZone,
      cancelled: m.cancelled,
    })),
  };
}

export function actorListItemJson(item: PublicActorListItem, origin: string) {
  return {
    id: item.id,
    name: item.name,
    short_name: item.shortName,
    kind: item.kind,
    category: item.category,
    country_code: item.countryCode,
    website: item.website,
    initiative_count: item.initiativeCount ?? 0,
    in_alliance: item.inAlliance,
    url: `${origin}/actors/${item.id}`,
    api_url: `${origin}/api/v1/actors/${item.id}`,
  };
}

export function actorJson(actor: PublicActor, origin: string) {
  return {
    id: actor.id,
    name: actor.name,
    short_name: actor.shortName,
    kind: actor.kind,
    category: actor.category,
    country_code: actor.countryCode,
    website: actor.website,
    description: actor.description,
    in_alliance: actor.inAlliance,
    url: `${origin}/actors/${actor.id}`,
    initiatives: actor.initiatives.map((i) => ({
      slug: i.slug,
      title: i.title,
      axis: i.axis,
      theme: i.theme,
      status: i.status,
      role: i.role,
      since: i.since.toISOString(),
      api_url: `${origin}/api/v1/initiatives/${i.slug}`,
    })),
  };
}
