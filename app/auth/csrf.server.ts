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
  /**
   * Origins this site answers on, from configuration only (APP_URL, or the loopback origins in
   * local mode): never the request's own Host, which the sender chooses.
   */
  allowedOrigins: readonly string[];
}

export type CsrfVerdict = { allowed: true } | { allowed: false; reason: string };

export function checkCsrf(facts: RequestFacts): CsrfVerdict {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return { allowed: true };
  // "null" comes from sandboxed frames and cross-site redirect chains: no page of ours sends it,
  // whatever Sec-Fetch-Site claims beside it.
  if (facts.origin === "null") return { allowed: false, reason: "Origin: null" };
  if (facts.origin) {
    return facts.allowedOrigins.includes(facts.origin)
      ? { allowed: true }
      : { allowed: false, reason: `cross-origin request from ${facts.origin}` };
  }
  if (facts.secFetchSite) {
    return facts.secFetchSite === "same-origin" || facts.secFetchSite === "none"
      ? { allowed: true }
      : { allowed: false, reason: `Sec-Fetch-Site: ${facts.secFetchSite}` };
  }
  // No browser sends a state-changing request with neither header any more: refuse.
  return { allowed: false, reason: "no Origin or Sec-Fetch-Site header" };
}
