// The public CSV of an initiative's participants (open data, see /open-data and docs/api.md),
// written by the secretariat exports' helpers: csv-stringify, a UTF-8 byte order mark, and
// cells a spreadsheet would run as formulas neutralised (an organisation's name is typed by
// whoever registered it).
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, countries, initiatives, participations } from "~/db/schema";
import { csvResponse, type CsvExport } from "./desk/exports.server";
import { actorDisplayName, PUBLIC_INITIATIVE_STATUSES, sortableName } from "./actors.server";

export const SUPPORTERS_CSV_COLUMNS = ["actor_id", "name", "short_name", "kind", "country_code", "role", "since", "url"];

/** The leads then the supporters of a public initiative, by name; null when there is none. */
export async function initiativeParticipantRows(db: Executor, slug: string) {
  const [initiative] = await db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(and(eq(initiatives.slug, slug), inArray(initiatives.status, PUBLIC_INITIATIVE_STATUSES)))
    .limit(1);
  if (!initiative) return null;
  // Names as the API gives them: States by their English reference name.
  const name = actorDisplayName("en");
  return db
    .select({
      actorId: actors.id,
      name,
      shortName: actors.shortName,
      kind: actors.kind,
      countryCode: actors.countryCode,
      role: participations.role,
      since: participations.signedAt,
    })
    .from(participations)
    .innerJoin(actors, eq(actors.id, participations.actorId))
    .leftJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(and(eq(participations.initiativeId, initiative.id), eq(participations.status, "active"), eq(actors.status, "approved")))
    .orderBy(asc(participations.role), asc(sortableName(name)), asc(actors.id));
}

type Row = NonNullable<Awaited<ReturnType<typeof initiativeParticipantRows>>>[number];

export function supportersCsvResponse(slug: string, rows: Row[], publicUrl: string): Response {
  const source: CsvExport<Row> = {
    columns: SUPPORTERS_CSV_COLUMNS,
    toCells: (r) => [r.actorId, r.name, r.shortName, r.kind, r.countryCode, r.role, r.since, `${publicUrl}/actors/${r.actorId}`],
    // Already read: one initiative's participants are a bounded list.
    async *batches() {
      if (rows.length) yield rows;
    },
  };
  const response = csvResponse(`${slug}-participants.csv`, source);
  // Unlike the secretariat's exports, this is public data anyone may cache briefly.
  response.headers.set("Cache-Control", "public, max-age=300");
  return response;
}
