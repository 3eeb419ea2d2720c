import type { LoaderFunctionArgs } from "@remix-run/node";
import { listPublicInitiatives } from "~/domain/initiatives.server";
import { initiativeListItemJson } from "~/domain/open-data.server";
import { initiativeListQuery, pageCount, parseQuery } from "~/domain/public-query";
import { apiInvalidQuery, apiJson, apiPreflight, apiReadOnly, pageUrl } from "~/utils/api-response.server";

// Public, open data: GET /api/v1/initiatives?axis=&theme=&q=&page=
export async function loader({ request, context }: LoaderFunctionArgs) {
  const preflight = apiPreflight(request);
  if (preflight) return preflight;
  const url = new URL(request.url);
  const query = parseQuery(initiativeListQuery, url.searchParams);
  if (!query.success) return apiInvalidQuery(query.issues);
  const result = await listPublicInitiatives(context.db, query.data);
  const pages = pageCount(result.total, result.pageSize);
  return apiJson({
    data: result.items.map((item) => initiativeListItemJson(item, context.publicUrl)),
    page: result.page,
    page_size: result.pageSize,
    total: result.total,
    page_count: pages,
    next: pageUrl(context.publicUrl, request, result.page + 1, pages),
    previous: pageUrl(context.publicUrl, request, Math.min(result.page - 1, pages), pages),
  });
}

export const action = apiReadOnly;
