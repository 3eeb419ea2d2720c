// Responses of the open data API: JSON anyone may read from any origin.
import type { QueryIssue } from "~/domain/public-query";

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Type",
  "Access-Control-Max-Age": "86400",
};

export function apiJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...CORS_HEADERS,
      "Content-Type": "application/json; charset=utf-8",
      // Public data that changes rarely: a short cache spares the database without hiding updates long.
      "Cache-Control": status === 200 ? "public, max-age=60" : "no-store",
    },
  });
}

export function apiInvalidQuery(issues: QueryIssue[]): Response {
  return apiJson({ error: { code: "invalid_query", message: "Some query parameters are not valid.", issues } }, 400);
}

export function apiNotFound(message = "No such resource."): Response {
  return apiJson({ error: { code: "not_found", message, issues: [] } }, 404);
}

/**
 * Remix hands OPTIONS requests to a route's loader: answered here as a CORS preflight,
 * before any database work.
 */
export function apiPreflight(request: Request): Response | null {
  return request.method === "OPTIONS" ? new Response(null, { status: 204, headers: CORS_HEADERS }) : null;
}

/** Remix hands every other method but GET and HEAD to a route's action: the API is read-only. */
export function apiReadOnly(): Response {
  const refused = apiJson(
    { error: { code: "method_not_allowed", message: "The open data API is read-only.", issues: [] } },
    405,
  );
  refused.headers.set("Allow", "GET, HEAD, OPTIONS");
  return refused;
}

/**
 * The absolute address of the same list with another page number, or null past the end. Built
 * on the public URL, never on the request's Host: these answers are cached as public.
 */
export function pageUrl(publicUrl: string, request: Request, page: number, pageCount: number): string | null {
  if (page < 1 || page > pageCount) return null;
  const { pathname, searchParams } = new URL(request.url);
  searchParams.set("page", String(page));
  return `${publicUrl}${pathname}?${searchParams.toString()}`;
}
