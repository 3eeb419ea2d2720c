// A rate-limited action throws a 429 carrying Retry-After (withRateLimit). Remix builds the
// headers of a document or `.data` answer from the route's `headers` export only, so without
// this the seconds would reach the page data but not the response (RFC 6585 asks for the header).
import type { HeadersFunction } from "@remix-run/node";

/** For the `headers` export of every route whose action or loader may answer 429. */
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
