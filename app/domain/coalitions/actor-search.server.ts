// Finding an approved actor by the first letters of its name, for the co-lead field of the
// propose form: it listed every approved actor (3,000 on the bench data, 30,000 at 10×) in a
// <select>, which cost the page 12× the bare route's CPU. Now the browser asks for the first few
// matches of what is typed (suggestActors, behind /initiatives/co-leads.json), and without
// JavaScript the typed names are resolved when the form is sent (resolveCoLeads).
//
// A name matches by prefix, ignoring case and accents, with the directory's sort key
// (db/sort-key.ts): organisations are read in order from actors_approved_sort_idx and stop after
// the limit; States (195 at most) are named in the reader's language, so they are filtered apart.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, countries, type Locale } from "~/db/schema";
import { sortKey } from "~/db/sort-key";
import { actorDisplayName } from "../actors.server";

/** Suggestions shown under the field, and choices offered when a typed name is ambiguous. */
export const SUGGESTION_LIMIT = 10;
/** Names typed in one field (separated by semicolons or lines); the proposal takes 20 co-leads at most. */
export const MAX_TYPED_NAMES = 20;

export interface ActorMatch {
  id: string;
  name: string;
}

/** The greatest code point: a key that starts with the prefix sorts before prefix || this. */
const AFTER_PREFIX = sql.raw("chr(1114111)");

/** What a person typed, as a name to look for: spaces collapsed; empty when nothing is left. */
export function typedName(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 200);
}

/** The names of a co-lead field: separated by semicolons or line breaks, each trimmed, no repeats. */
export function typedNames(text: string): string[] {
  const names = text.split(/[;\n]/).map(typedName).filter((n) => n.length > 0);
  return [...new Set(names)].slice(0, MAX_TYPED_NAMES);
}

/**
 * The approved actors whose name starts with `prefix` (an SQL text: a parameter, or a column of
 * an outer query), as (id, name, exact), by name, at most `limit`. A range on the sort key rather
 * than LIKE: it reads the index with a bound parameter too, and needs no escaping of % and _.
 */
function matchesOf(prefix: SQL, locale: Locale, limit: number): SQL {
  const key = sortKey(prefix);
  const organisationKey = sortKey(actors.name);
  const stateName = actorDisplayName(locale);
  const stateKey = sortKey(stateName);
  return sql`(
    (select ${actors.id} as id, ${actors.name} as name, ${organisationKey} as sort_key
     from ${actors}
     where ${actors.status} = 'approved' and ${actors.kind} <> 'state'
       and ${organisationKey} >= ${key} and ${organisationKey} < ${key} || ${AFTER_PREFIX}
     order by ${organisationKey}, ${actors.id}
     limit ${limit})
    union all
    (select ${actors.id}, ${stateName}, ${stateKey}
     from ${actors} left join ${countries} on ${countries.iso3} = ${actors.countryCode}
     where ${actors.status} = 'approved' and ${actors.kind} = 'state'
       and ${stateKey} >= ${key} and ${stateKey} < ${key} || ${AFTER_PREFIX}
     order by 3, 1
     limit ${limit})
    order by sort_key, id
    limit ${limit}
  )`;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** The first approved actors whose name (a State's in the reader's language) starts with the text. */
export async function suggestActors(db: Executor, text: string, locale: Locale, limit = SUGGESTION_LIMIT): Promise<ActorMatch[]> {
  const prefix = typedName(text);
  if (prefix.length === 0) return [];
  const rows = rowsOf<ActorMatch>(await db.execute(sql`select m.id, m.name from ${matchesOf(sql`${prefix}::text`, locale, limit)} as m`));
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

export type CoLeadProblem =
  /** No approved actor's name starts with it (an actor waiting for review or suspended is not offered). */
  | { text: string; reason: "none"; matches: [] }
  /** Several do, none by that exact name: the person chooses among `matches`. */
  | { text: string; reason: "several"; matches: ActorMatch[] }
  /** It names the proposing actor, which leads already. */
  | { text: string; reason: "proposer"; matches: [] };

export interface CoLeadResolution {
  /** The co-leads chosen (ids sent by the form, approved ones only) and found (typed names), named. */
  chosen: ActorMatch[];
  problems: CoLeadProblem[];
}

/**
 * The co-leads of a proposal: the actors already chosen (by id) and the names typed, each
 * resolved to the one approved actor of that exact name (case and accents aside), or else the
 * only one whose name starts with it. A name that finds none, several, or the proposing actor
 * is a problem to show beside the field, with the candidates to choose from. One statement
 * for the typed names, one for the chosen ids, whatever their number.
 */
export async function resolveCoLeads(
  db: Executor,
  input: { proposerActorId: string | undefined; chosenIds: string[]; typed: string[] },
  locale: Locale,
): Promise<CoLeadResolution> {
  const ids = [...new Set(input.chosenIds)];
  const [named, found] = await Promise.all([
    ids.length === 0
      ? Promise.resolve([] as ActorMatch[])
      : db
          .select({ id: actors.id, name: actorDisplayName(locale) })
          .from(actors)
          .leftJoin(countries, eq(countries.iso3, actors.countryCode))
          .where(and(inArray(actors.id, ids), eq(actors.status, "approved"))),
    input.typed.length === 0
      ? Promise.resolve([] as { n: number; id: string; name: string; exact: boolean }[])
      : db
          .execute(
            sql`select q.n::int as n, m.id, m.name, m.sort_key = ${sortKey(sql`q.text`)} as exact
                from unnest(array[${sql.join(
                  input.typed.map((t) => sql`${t}::text`),
                  sql`, `,
                )}]) with ordinality as q(text, n)
                cross join lateral ${matchesOf(sql`q.text`, locale, SUGGESTION_LIMIT + 1)} as m
                order by q.n, m.sort_key, m.id`,
          )
          .then((r) => rowsOf<{ n: number; id: string; name: string; exact: boolean }>(r)),
  ]);
  // The form's order, not the database's.
  const chosen = ids.flatMap((id) => named.filter((a) => a.id === id).map((a) => ({ id: a.id, name: a.name })));
  const problems: CoLeadProblem[] = [];
  input.typed.forEach((text, i) => {
    const matches = found.filter((m) => Number(m.n) === i + 1).map((m) => ({ id: m.id, name: m.name, exact: m.exact }));
    const exact = matches.filter((m) => m.exact);
    const pick = exact.length === 1 ? exact[0] : matches.length === 1 ? matches[0] : undefined;
    if (pick && pick.id === input.proposerActorId) problems.push({ text, reason: "proposer", matches: [] });
    else if (pick) {
      if (!chosen.some((c) => c.id === pick.id)) chosen.push({ id: pick.id, name: pick.name });
    } else if (matches.length === 0) problems.push({ text, reason: "none", matches: [] });
    else
      problems.push({
        text,
        reason: "several",
        matches: matches
          .filter((m) => m.id !== input.proposerActorId)
          .slice(0, SUGGESTION_LIMIT)
          .map((m) => ({ id: m.id, name: m.name })),
      });
  });
  return { chosen, problems };
}
