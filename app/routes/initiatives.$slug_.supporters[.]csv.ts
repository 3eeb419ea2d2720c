import type { LoaderFunctionArgs } from "@remix-run/node";
import { initiativeSlug } from "~/domain/public-query";
import { initiativeParticipantRows, supportersCsvResponse } from "~/domain/supporters-csv.server";

// Public, open data: the leads and supporters of one initiative as CSV.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const slug = initiativeSlug.safeParse(params.slug);
  const rows = slug.success ? await initiativeParticipantRows(context.db, slug.data) : null;
  if (!slug.success || rows === null) throw new Response("Not Found", { status: 404 });
  return supportersCsvResponse(slug.data, rows, context.publicUrl);
}
