import type { LoaderFunctionArgs } from "@remix-run/node";
import { listPublicActors } from "~/domain/actors.server";
import { actorListItemJson } from "~/domain/open-data.server";
import { actorListQuery, pageCount, parseQuery } from "~/domain/public-query";
import { apiInvalidQuery, apiJson, apiPreflight, apiReadOnly, pageUrl } from "~/utils/api-response.server";

// Public, open data: GET /api/v1/actors?kind=&q=&page=
export async function loader({ request, context }: LoaderFunctionArgs) {
  const preflight = apiPreflight(request);
  if (preflight) return preflight;
  const url = new URL(request.url);
  const query = parseQuery(actorListQuery, url.searchParams);
  if (!query.success) return apiInvalidQuery(query.issues);
  // Names in English: the API is language-neutral, and English is the reference data's own language.
  const result = await listPublicActors(context.db, query.data, "en");
  const pages = pageCount(result.total, result.pageSize);
  return apiJson({
    data: result.items.map((item) => actorListItemJson(item, context.publicUrl)),
    page: result.page,
    page_size: result.pageSize,
    total: result.total,
    page_count: pages,
    next: pageUrl(context.publicUrl, request, result.page + 1, pages),
    previous: pageUrl(context.publicUrl, request, Math.min(result.page - 1, pages), pages),
  });
}

export const action = apiReadOnly;
