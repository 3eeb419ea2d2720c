// The cross-site request forgery check that runs before any state-changing request reaches
// a route (ASVS 5.0 3.5.1): only our own pages may POST.
import { describe, expect, it } from "vitest";
import { checkCsrf, type RequestFacts } from "~/auth/csrf.server";
import { allowedOrigins, checkHost } from "../../server/origins";

const SITE = "https://portal.example";

function facts(overrides: Partial<RequestFacts>): RequestFacts {
  return { method: "POST", origin: undefined, secFetchSite: undefined, allowedOrigins: [SITE, "http://localhost:3000"], ...overrides };
}

describe("checkCsrf", () => {
  it("lets a form on our own pages post", () => {
    expect(checkCsrf(facts({ origin: SITE }))).toEqual({ allowed: true });
    expect(checkCsrf(facts({ origin: "http://localhost:3000" }))).toEqual({ allowed: true });
  });

  it("refuses a post whose Origin is another site", () => {
    const verdict = checkCsrf(facts({ origin: "https://evil.example" }));
    expect(verdict.allowed).toBe(false);
  });

  it("refuses look-alike origins: another port, scheme or subdomain is another site", () => {
    for (const origin of ["https://portal.example:8443", "http://portal.example", "https://evil.portal.example", "https://portal.example.evil"]) {
      expect(checkCsrf(facts({ origin })).allowed, origin).toBe(false);
    }
  });

  // The reason goes to the log line of the refusal (server/app.ts): what an operator reads to
  // tell an attack from a misconfigured proxy.
  it("says in its refusal which origin, which Sec-Fetch-Site, or that both headers were missing", () => {
    expect(checkCsrf(facts({ origin: "https://evil.example" }))).toEqual({ allowed: false, reason: "cross-origin request from https://evil.example" });
    expect(checkCsrf(facts({ origin: "null" }))).toEqual({ allowed: false, reason: "Origin: null" });
    expect(checkCsrf(facts({ secFetchSite: "cross-site" }))).toEqual({ allowed: false, reason: "Sec-Fetch-Site: cross-site" });
    expect(checkCsrf(facts({}))).toEqual({ allowed: false, reason: "no Origin or Sec-Fetch-Site header" });
  });

  it("believes Origin over Sec-Fetch-Site when both are sent", () => {
    expect(checkCsrf(facts({ origin: "https://evil.example", secFetchSite: "same-origin" })).allowed).toBe(false);
  });

  it("falls back on Sec-Fetch-Site when a proxy stripped Origin", () => {
    expect(checkCsrf(facts({ secFetchSite: "same-origin" })).allowed).toBe(true);
    // Typed in the address bar or opened from a bookmark: the user did it, no other site did.
    expect(checkCsrf(facts({ secFetchSite: "none" })).allowed).toBe(true);
  });

  it("refuses Sec-Fetch-Site cross-site and same-site (a sibling subdomain is not us)", () => {
    expect(checkCsrf(facts({ secFetchSite: "cross-site" })).allowed).toBe(false);
    expect(checkCsrf(facts({ secFetchSite: "same-site" })).allowed).toBe(false);
  });

  it('refuses Origin "null" (sandboxed frames, cross-site redirects), even beside Sec-Fetch-Site: same-origin', () => {
    expect(checkCsrf(facts({ origin: "null" })).allowed).toBe(false);
    expect(checkCsrf(facts({ origin: "null", secFetchSite: "cross-site" })).allowed).toBe(false);
    expect(checkCsrf(facts({ origin: "null", secFetchSite: "same-origin" })).allowed).toBe(false);
  });

  it("refuses a post with neither header", () => {
    expect(checkCsrf(facts({}))).toMatchObject({ allowed: false });
  });

  it("refuses every state-changing method, not only POST", () => {
    for (const method of ["PUT", "PATCH", "DELETE", "post"]) {
      expect(checkCsrf(facts({ method, origin: "https://evil.example" })).allowed, method).toBe(false);
    }
  });

  it("always lets GET, HEAD and OPTIONS through: they change nothing", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(checkCsrf(facts({ method, origin: "https://evil.example", secFetchSite: "cross-site" })).allowed, method).toBe(true);
      expect(checkCsrf(facts({ method })).allowed, method).toBe(true);
    }
  });
});

describe("the origins and hosts the portal answers as", () => {
  const local = { publicUrl: "http://localhost:3000", localMode: true };
  const served = { publicUrl: "https://portal.example", localMode: false };

  it("takes the allowed origins from configuration: APP_URL, or the loopback names on the local port", () => {
    expect(allowedOrigins(served)).toEqual(["https://portal.example"]);
    expect(allowedOrigins(local)).toEqual(["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]);
  });

  it("in local mode, accepts only loopback Hosts on the port (421 otherwise)", () => {
    for (const host of ["localhost:3000", "LOCALHOST:3000", "127.0.0.1:3000", "[::1]:3000"]) expect(checkHost(host, local), host).toEqual({ ok: true });
    for (const host of ["attacker.example", "attacker.example:3000", "localhost", "localhost:3001", "127.0.0.2:3000", "localhost.attacker.example:3000"]) {
      expect(checkHost(host, local), host).toMatchObject({ ok: false, status: 421 });
    }
  });

  it("with APP_URL, lets any well-formed Host through (it is never used) and answers 400 to malformed ones", () => {
    expect(checkHost("10.0.0.5:3000", served)).toEqual({ ok: true });
    for (const host of [undefined, "", "[bad", "a b", "host:port", "a/b"]) expect(checkHost(host, served), String(host)).toMatchObject({ ok: false, status: 400 });
  });
});
