// Cross-site request forgery: SameSite=Lax cookies already stay home on cross-site POSTs,
// and every state-changing request must also prove it comes from one of our pages.
// Browsers send Origin on every POST; Sec-Fetch-Site is the fallback when a proxy strips it.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RequestFacts {
  method: string;
  /** The Origin header, if any. */
  origin: string | undefined;
  /** The Sec-Fetch-Site header, if any. */
  secFetchSite: string | undefined;
  /** Origins this site answers on: APP_URL and the origin the request itself was made to. */
  allowedOrigins: readonly string[];
}

export type CsrfVerdict = { allowed: true } | { allowed: false; reason: string };

export function checkCsrf(facts: RequestFacts): CsrfVerdict {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return { allowed: true };
  if (facts.origin && facts.origin !== "null") {
    return facts.allowedOrigins.includes(facts.origin)
      ? { allowed: true }
      : { allowed: false, reason: `cross-origin request from ${facts.origin}` };
  }
  if (facts.secFetchSite) {
    return facts.secFetchSite === "same-origin" || facts.secFetchSite === "none"
      ? { allowed: true }
      : { allowed: false, reason: `Sec-Fetch-Site: ${facts.secFetchSite}` };
  }
  // No browser sends a state-changing request with neither header any more ("null" origins
  // come from sandboxed frames and privacy-sensitive redirects): refuse.
  return { allowed: false, reason: "no Origin or Sec-Fetch-Site header" };
}
