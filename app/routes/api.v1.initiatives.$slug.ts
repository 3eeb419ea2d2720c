import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseAsOf } from "~/domain/coalitions/history";
import { publicTranslations } from "~/domain/coalitions/translation-reads.server";
import { findPublicInitiative } from "~/domain/initiatives.server";
import { initiativeJson } from "~/domain/open-data.server";
import { initiativeSlug } from "~/domain/public-query";
import { apiInvalidQuery, apiJson, apiNotFound, apiPreflight, apiReadOnly } from "~/utils/api-response.server";

// Public, open data: one initiative with its leads, supporters and meetings.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const preflight = apiPreflight(request);
  if (preflight) return preflight;
  const slug = initiativeSlug.safeParse(params.slug);
  const asOfParam = new URL(request.url).searchParams.get("asOf");
  const asOf = parseAsOf(asOfParam);
  if (asOfParam !== null && !asOf) {
    return apiInvalidQuery([{ param: "asOf", message: "must be a date written YYYY-MM-DD" }]);
  }
  // The text as written, in its original language; the other languages beside it.
  const found = slug.success ? await findPublicInitiative(context.db, slug.data, "en", { asOf: asOf ?? undefined, original: true }) : null;
  if (!found) return apiNotFound("No public initiative has this slug.");
  return apiJson({ data: { ...initiativeJson(found.initiative, context.publicUrl), translations: await publicTranslations(context.db, found.id) } });
}

export const action = apiReadOnly;
