// A rate-limited action throws a 429 carrying Retry-After (withRateLimit). Remix builds the
// headers of a document or `.data` answer from the route's `headers` export only, so without
// this the seconds would reach the page data but not the response (RFC 6585 asks for the header).
import type { HeadersFunction } from "@remix-run/node";

/**
 * The `headers` export of the root and of every route that may answer 429. A document answer
 * takes a thrown response's headers from the error boundary's `headers` (the root's); a
 * single-fetch `.data` answer from the route that threw it.
 */
export const rateLimitHeaders: HeadersFunction = ({ parentHeaders, loaderHeaders, actionHeaders, errorHeaders }) => {
  const headers = new Headers(parentHeaders);
  for (const source of [loaderHeaders, actionHeaders]) {
    source.forEach((value, name) => {
      if (name.toLowerCase() !== "set-cookie") headers.set(name, value);
    });
  }
  const retryAfter = errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
