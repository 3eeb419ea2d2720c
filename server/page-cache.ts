// The public page cache: anonymous GETs of the public pages and the API (server/public-cache-paths.ts)
// answered from memory, already compressed, with a strong ETag and headers that let a CDN keep
// them too. Most of the portal's traffic is anonymous reading of pages that change only when
// someone joins, withdraws or is approved: rendering each of those again cost 30–90 times a
// health check. Design and trade-offs: docs/decisions/015-public-page-cache.md.
//
// - Who: a request carrying any session cookie never reads nor fills the cache (checking the
//   cookie's validity would cost the SQL the cache exists to save; a stale cookie just renders).
// - What: only 200 answers without Set-Cookie, to GET or HEAD, on a listed path.
// - Key: path and query, the language the request resolves to, and the content encoding.
// - Freshness: cleared in full on every change to public data (PostgreSQL NOTIFY from a trigger,
//   see server/invalidation.ts), at once in the instance that wrote, and after `ttlMs` at the
//   latest for what changes with time alone (upcoming meetings).
// - CSP: a cached page cannot carry a per-request nonce, so its policy names the SHA-256 of each
//   of its inline scripts instead (computed once, when it is stored) and allows scripts from
//   'self': never 'unsafe-inline'.
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { LRUCache } from "lru-cache";
import { SESSION_COOKIE_NAMES } from "~/auth/session.server";
import type { Env } from "~/env.server";
import { i18nServer } from "~/i18n/i18next.server";
import { isCacheablePath } from "./public-cache-paths";

export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";
/** The answer differs by these: a CDN must key on them too (see the README on CDNs). */
const VARY = "Accept-Encoding, Accept-Language, Cookie";

type Encoding = "br" | "gzip" | "identity";

interface Entry {
  status: number;
  headers: [string, string][];
  body: Buffer;
  etag: string;
  encoding: Encoding;
  /**
   * Every header of the answer, as the flat [name, value, …] list `writeHead` takes: the page's
   * own, the security headers the rendering request carried (CSP with the page's hashes,
   * X-Frame-Options, Permissions-Policy, …), Cache-Control, Vary, ETag, Content-Encoding and
   * Content-Length. Built once when stored, so a hit writes them without a middleware.
   */
  head: string[];
  /** The same for a 304: without Content-Type, Content-Encoding and Content-Length. */
  notModifiedHead: string[];
}

/** What the first handler of the server needs to answer a hit before any middleware runs. */
export interface HitContext {
  /** Whether the Host header names this portal (server/origins.ts); false: the chain refuses it. */
  hostAllowed: (host: string | undefined) => boolean;
  /** The X-Request-Id of the answer (made only for a hit: the chain makes its own). */
  requestId: () => string;
}

/** Per-request headers never stored: each request gets its own id, the CSP is rewritten with hashes. */
const PER_REQUEST_HEADERS = new Set(["x-request-id", "content-security-policy", "content-length", "content-encoding", "cache-control", "vary", "etag"]);
/** Remembered languages (key: ?lng, cookie and Accept-Language): cleared rather than left to grow. */
const MAX_REMEMBERED_LANGUAGES = 1_000;

export interface PageCacheOptions {
  /** Upper bound of the bodies held, in bytes. */
  maxBytes: number;
  /** The longest an entry lives without an invalidation (for pages that change with time alone). */
  ttlMs: number;
  /** Base URL of the portal, to resolve the language as the pages do. */
  publicUrl: string;
  /** Honour `X-Bench-Cache: off` (benchmark only: BENCH_ROUTES=1). */
  benchSwitch?: boolean;
}

interface Pending {
  key: string;
  encoding: Encoding;
  generation: number;
  /** Hands the stored page (or null: nothing was stored) to the requests waiting for this render. */
  settle: (entry: Entry | null) => void;
}

/** How long a request waits for another's render of the same page before rendering it itself. */
const COALESCE_WAIT_MS = 3_000;
/** Keys remembered as not storable (see PageCache.unstorable): cleared rather than left to grow. */
const MAX_UNSTORABLE_KEYS = 1_000;

/** The promise's value, or null when it takes longer than `ms`. */
function withDeadline<T>(promise: Promise<T | null>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref();
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** A render under way for a key: requests for the same page wait for it instead of rendering it again. */
interface InFlight {
  generation: number;
  entry: Promise<Entry | null>;
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  /** Misses answered by another request's render of the same page. */
  coalesced: number;
  stores: number;
  clears: number;
  entries: number;
  bytes: number;
}

/** Whether a request carries a session cookie (valid or not): its answer may show who asks. */
export function carriesSession(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => SESSION_COOKIE_NAMES.includes(pair.split("=")[0]?.trim() ?? ""));
}

function chooseEncoding(accept: string | undefined): Encoding {
  if (!accept) return "identity";
  if (/\bbr\b/.test(accept)) return "br";
  if (/\bgzip\b/.test(accept)) return "gzip";
  return "identity";
}

/** Stored once and sent many times: worth a higher setting than the per-request compression. */
function compress(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === "br") {
    return zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 18,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
  }
  if (encoding === "gzip") return zlib.gzipSync(body, { level: 9 });
  return body;
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** 'sha256-…' sources for every inline script of an HTML page (scripts with src= need none). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(match[1] ?? "")) continue;
    hashes.add(`'sha256-${crypto.createHash("sha256").update(match[2] ?? "", "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** The request's policy with script-src naming the page's own inline scripts instead of a nonce. */
export function hashedPolicy(policy: string, hashes: string[]): string {
  return policy
    .split(";")
    .map((directive) => (directive.trim().startsWith("script-src") ? `script-src 'self' ${hashes.join(" ")}`.trim() : directive.trim()))
    .join("; ");
}

/** What the language of a request depends on: a ?lng= in the URL, the cookies, Accept-Language. */
function languageKey(url: string, headers: IncomingMessage["headers"]): string {
  const query = url.indexOf("?");
  const lng = query !== -1 && url.includes("lng=", query) ? url.slice(query) : "";
  return `${lng}\u0000${headers.cookie ?? ""}\u0000${headers["accept-language"] ?? ""}`;
}

/** Completes an entry with the header lists a hit writes as they are. */
function prepare(entry: Omit<Entry, "head" | "notModifiedHead">): Entry {
  const common: string[] = [];
  for (const [name, value] of entry.headers) {
    if (name === "content-type") continue;
    common.push(name, value);
  }
  common.push("Cache-Control", PUBLIC_CACHE_CONTROL, "Vary", VARY, "ETag", entry.etag);
  const head = [...common];
  const type = entry.headers.find(([name]) => name === "content-type");
  if (type) head.push("Content-Type", type[1]);
  if (entry.encoding !== "identity") head.push("Content-Encoding", entry.encoding);
  head.push("Content-Length", String(entry.body.length));
  return { ...entry, head, notModifiedHead: common };
}

function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  // If-None-Match compares weakly: W/"x" matches "x".
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

export class PageCache {
  private readonly entries: LRUCache<string, Entry>;
  /** Bumped by every invalidation: a render that began before one is not stored after it. */
  private generation = 0;
  /** Resolved languages by languageKey(): the same headers always resolve to the same language. */
  private readonly languages = new Map<string, string>();
  readonly stats = { hits: 0, misses: 0, coalesced: 0, stores: 0, clears: 0 };
  /**
   * Renders under way, by key. After a change every page is missing at once: without this, each
   * visitor arriving before the first render was stored rendered the page again (eight renders
   * of the home page for eight concurrent visitors, 15 ms of CPU each).
   */
  private readonly inFlight = new Map<string, InFlight>();
  /** Keys whose render could not be stored since the last change: nobody waits for those. */
  private readonly unstorable = new Set<string>();

  constructor(private readonly options: PageCacheOptions) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: options.maxBytes,
      sizeCalculation: (entry) => entry.body.length + 512,
      ttl: options.ttlMs,
    });
  }

  /** Forget every page (any change to public data). */
  clear(): void {
    this.generation++;
    this.stats.clears++;
    this.entries.clear();
    // Renders under way began before the change: nobody waits for them any more.
    this.inFlight.clear();
    this.unstorable.clear();
  }

  snapshot(): PageCacheStats {
    return { ...this.stats, entries: this.entries.size, bytes: this.entries.calculatedSize };
  }

  /**
   * Express middleware, mounted early (next to /healthz): answers a hit at once, 304 when the
   * client already holds it; on a miss, marks the request so the Remix handler stores the answer.
   */
  readonly serve = async (req: ExpressRequest, res: ExpressResponse, next: NextFunction): Promise<void> => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (!isCacheablePath(req.path) || carriesSession(req.headers.cookie)) return next();
    if (this.options.benchSwitch && req.headers["x-bench-cache"] === "off") return next();
    try {
      const encoding = chooseEncoding(req.headers["accept-encoding"]);
      const language = await this.languageOf(req);
      const key = `${req.originalUrl}\u0000${language}\u0000${encoding}`;
      const entry = this.entries.get(key);
      if (entry) {
        this.stats.hits++;
        this.send(req, res, entry);
        return;
      }
      // Another request is rendering this page since the last change: its page is this one's,
      // unless it takes longer than COALESCE_WAIT_MS (a database in trouble): then render too.
      const rendering = this.inFlight.get(key);
      if (rendering && rendering.generation === this.generation) {
        const rendered = await withDeadline(rendering.entry, COALESCE_WAIT_MS);
        if (rendered) {
          this.stats.coalesced++;
          this.send(req, res, rendered);
          return;
        }
      }
      this.stats.misses++;
      // Remix answers HEAD without a body: a HEAD renders for itself, and what it gets is neither
      // stored nor handed to anyone (before, a HEAD that missed stored an empty page for GETs).
      // Nor does anyone wait for a page that could not be stored since the last change (a 404,
      // a page that sets a cookie): each of its requests renders at once, as before.
      if (req.method === "HEAD" || this.unstorable.has(key)) return next();
      let settle: (entry: Entry | null) => void = () => {};
      const inFlight: InFlight = { generation: this.generation, entry: new Promise((resolve) => (settle = resolve)) };
      this.inFlight.set(key, inFlight);
      const pending: Pending = {
        key,
        encoding,
        generation: this.generation,
        settle: (stored) => {
          if (this.inFlight.get(key) === inFlight) this.inFlight.delete(key);
          settle(stored);
        },
      };
      res.locals.pageCache = pending;
      // Whatever becomes of this render (not storable, an error, the client gone), its waiters
      // are released when its answer ends: with nothing, they render for themselves.
      res.once("close", () => pending.settle(null));
      return next();
    } catch (error) {
      next(error);
    }
  };

  /**
   * Called by the Remix handler with the rendered answer of a request `serve` let through:
   * stores it when it may be shared and answers from what was stored. Returns false when the
   * response is not for the cache (the caller streams it as usual).
   */
  async storeAndSend(req: ExpressRequest, res: ExpressResponse, response: Response): Promise<boolean> {
    const pending = res.locals.pageCache as Pending | undefined;
    if (!pending) return false;
    const cacheControl = response.headers.get("cache-control");
    if (response.status !== 200 || response.headers.has("set-cookie") || (cacheControl && /no-store|private/i.test(cacheControl))) {
      if (pending.generation === this.generation) {
        if (this.unstorable.size >= MAX_UNSTORABLE_KEYS) this.unstorable.clear();
        this.unstorable.add(pending.key);
      }
      pending.settle(null);
      return false;
    }
    const raw = Buffer.from(await response.arrayBuffer());
    const headers: [string, string][] = [];
    for (const [name, value] of response.headers.entries()) {
      if (PER_REQUEST_HEADERS.has(name)) continue;
      headers.push([name, value]);
    }
    const policy = res.getHeader("Content-Security-Policy");
    if (typeof policy === "string" && (response.headers.get("content-type") ?? "").includes("text/html")) {
      headers.push(["content-security-policy", hashedPolicy(policy, inlineScriptHashes(raw.toString("utf8")))]);
    }
    // The security headers this request got from the chain (helmet, Permissions-Policy): the
    // same for every request, so a hit answered before the chain carries them too.
    const own = new Set(headers.map(([name]) => name));
    const chain: [string, string][] = [];
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (PER_REQUEST_HEADERS.has(name) || own.has(name) || value === undefined) continue;
      chain.push([name, Array.isArray(value) ? value.join(", ") : String(value)]);
    }
    const body = compress(raw, pending.encoding);
    const etag = `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
    const entry = prepare({ status: response.status, headers: [...chain, ...headers], body, etag, encoding: pending.encoding });
    // A change committed while this page rendered may not be in it: send it, but do not keep it
    // (nor give it to requests that waited: they render after the change).
    const current = pending.generation === this.generation;
    if (current) {
      this.entries.set(pending.key, entry);
      this.stats.stores++;
    }
    pending.settle(current ? entry : null);
    this.send(req, res, entry);
    return true;
  }

  /**
   * The first handler of the server (server/app.ts), before any middleware: answers a hit of an
   * anonymous GET or HEAD in one write of ready headers and body, and returns true; returns
   * false for anything else (a miss, a session cookie, a Host to refuse, a language not yet
   * resolved for these headers), which then goes through the whole chain as before.
   */
  answerHit(req: IncomingMessage, res: ServerResponse, context: HitContext): boolean {
    const method = req.method;
    if (method !== "GET" && method !== "HEAD") return false;
    const url = req.url ?? "";
    if (url.charCodeAt(0) !== 47 /* "/" */) return false;
    const headers = req.headers;
    if (this.options.benchSwitch && headers["x-bench-cache"] === "off") return false;
    const queryStart = url.indexOf("?");
    if (!isCacheablePath(queryStart === -1 ? url : url.slice(0, queryStart))) return false;
    if (carriesSession(headers.cookie) || !context.hostAllowed(headers.host)) return false;
    const language = this.languages.get(languageKey(url, headers));
    if (language === undefined) return false;
    const encoding = chooseEncoding(headers["accept-encoding"]);
    const entry = this.entries.get(`${url}\u0000${language}\u0000${encoding}`);
    if (!entry) return false;
    this.stats.hits++;
    const notModified = etagMatches(headers["if-none-match"], entry.etag);
    const head = notModified ? entry.notModifiedHead : entry.head;
    res.writeHead(notModified ? 304 : entry.status, [...head, "X-Request-Id", context.requestId()]);
    if (notModified || method === "HEAD") res.end();
    else res.end(entry.body);
    return true;
  }

  private send(req: ExpressRequest, res: ExpressResponse, entry: Entry): void {
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
    res.setHeader("Vary", VARY);
    res.setHeader("ETag", entry.etag);
    const encoding = (res.locals.pageCache as Pending | undefined)?.encoding ?? chooseEncoding(req.headers["accept-encoding"]);
    if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
    if (etagMatches(req.headers["if-none-match"], entry.etag)) {
      res.removeHeader("Content-Type");
      res.removeHeader("Content-Encoding");
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = entry.status;
    res.setHeader("Content-Length", entry.body.length);
    if (req.method === "HEAD") res.end();
    else res.end(entry.body);
  }

  /**
   * The language the pages would resolve for this request (?lng=, then the cookie, then
   * Accept-Language), remembered for these inputs so that a hit need not resolve it again.
   */
  private async languageOf(req: ExpressRequest): Promise<string> {
    const key = languageKey(req.originalUrl, req.headers);
    const known = this.languages.get(key);
    if (known !== undefined) return known;
    const headers = new Headers();
    if (req.headers.cookie) headers.set("cookie", req.headers.cookie);
    if (req.headers["accept-language"]) headers.set("accept-language", req.headers["accept-language"]);
    const language = await i18nServer.getLocale(new Request(`${this.options.publicUrl}${req.originalUrl}`, { headers }));
    if (this.languages.size >= MAX_REMEMBERED_LANGUAGES) this.languages.clear();
    this.languages.set(key, language);
    return language;
  }
}

/**
 * The cache as configured (validated in app/env.server.ts): PAGE_CACHE=off disables it,
 * PAGE_CACHE_MAX_MB bounds its memory, PAGE_CACHE_TTL_SECONDS the life of an entry without
 * invalidation. BENCH_ROUTES=1 lets the benchmark bypass it per request (X-Bench-Cache: off).
 */
export function pageCacheFromEnv(env: Pick<Env, "pageCache" | "benchRoutes" | "publicUrl">): PageCache | undefined {
  if (!env.pageCache) return undefined;
  return new PageCache({ ...env.pageCache, publicUrl: env.publicUrl, benchSwitch: env.benchRoutes });
}
