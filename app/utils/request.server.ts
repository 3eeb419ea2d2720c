import type { AppLoadContext } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { RequestOrigin } from "~/auth/audit.server";
import { RateLimitedError } from "~/auth/rate-limit.server";

/** Who is asking: for the audit log, rate limits and the session list. */
export function requestOrigin(request: Request, context: AppLoadContext): RequestOrigin {
  return { ip: context.clientIp ?? null, userAgent: request.headers.get("user-agent") };
}

/** Runs a use case; a rate limit becomes a 429 with Retry-After that the page explains. */
export async function withRateLimit<T>(work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RateLimitedError) {
      throw data(
        { rateLimited: true as const, retryAfterSeconds: error.retryAfterSeconds },
        { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
      );
    }
    throw error;
  }
}
