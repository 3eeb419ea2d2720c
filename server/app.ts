// The HTTP layer around the Remix application: security headers, static files, health
// endpoints, request logs, and the refusals that must happen before any route runs (methods,
// Host, cross-site requests, bodies). Kept apart from server/index.ts (which owns the process:
// environment, database, signals) so tests can mount it on an ephemeral port.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type ErrorRequestHandler, type Response } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { checkCsrf } from "~/auth/csrf.server";
import type { DbHandle } from "~/db/client.server";
import { describeError, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "~/db/faults.server";
import type { Env } from "~/env.server";
import { allowedOrigins, checkHost } from "./origins";
import { remixHandler } from "./remix-handler";
import { rememberRouteMatches } from "./route-matching";
import { refuse } from "./refusals";
import { boundedBody } from "./request-body";
import { serveFlags } from "./flags";
import { answerDatabaseFaults, requestTimeout } from "./faults";
import type { PageCache } from "./page-cache";
import { precompressedStatic } from "./static-files";

export interface CreateAppOptions {
  database: DbHandle;
  /** The Remix server build, or a function returning it (development reloads it on every change). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  env: Pick<Env, "nodeEnv" | "trustProxy" | "appUrl" | "localMode" | "publicUrl" | "bodyLimitBytes">;
  logger: Logger;
  /** Folder holding favicon, robots.txt and the Remix client build (public/build). */
  publicDir?: string;
  /** How long /readyz waits for the database before answering 503. */
  readinessTimeoutMs?: number;
  /** A request unanswered after this long gets a 503 (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** The public page cache (server/page-cache.ts); none: every page is rendered. */
  pageCache?: PageCache;
}

// Query parameters that may carry one-time credentials (verification and reset links).
const SECRET_PARAMS = /token|code|secret|password|key|signature/i;
const REQUEST_ID = /^[\w.:-]{1,128}$/;
// What the portal's pages and API use; TRACE, CONNECT and the like are refused before routing.
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
// No feature of the browser is used by the portal: deny them all to any page or frame.
const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "sync-xhr",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** The request target as logged: single-use tokens in query strings must not reach the logs. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf("?");
  if (queryStart === -1) return url;
  const params = new URLSearchParams(url.slice(queryStart + 1));
  for (const name of new Set(params.keys())) {
    if (SECRET_PARAMS.test(name)) params.set(name, "[redacted]");
  }
  return `${url.slice(0, queryStart)}?${params.toString()}`;
}

function nonceOf(res: Response): string {
  return res.locals.cspNonce as string;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** URL paths of the files under public/ other than the Remix build (served by its own handlers). */
function publicFilesOutsideBuild(publicDir: string): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (prefix === "" && entry.name === "build") continue;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}/${entry.name}`);
      else found.add(`${prefix}/${entry.name}`);
    }
  };
  walk(publicDir, "");
  return found;
}

/** Hosts already found to name this portal (the verdict depends on the Host alone). */
const MAX_REMEMBERED_HOSTS = 64;

/**
 * Puts the page cache in front of Express: a hit (anonymous GET or HEAD of a stored page, Host
 * accepted, language known) is written at once with the headers stored with it, which include
 * the security headers and the page's hashed CSP, plus its own X-Request-Id and the same
 * request log line pino-http writes; everything else goes through the whole chain unchanged.
 * Express's own first steps (query parsing, request decoration) and the middleware cost a hit
 * more than the answer itself (issue 10: hits answered at 0.7–1.2× the rate of /healthz).
 */
function answerHitsFirst(app: express.Express, cache: PageCache, policy: { publicUrl: string; localMode: boolean }, logger: Logger): void {
  const hostsAllowed = new Set<string>();
  const hostAllowed = (host: string | undefined) => {
    if (host === undefined) return false;
    if (hostsAllowed.has(host)) return true;
    if (!checkHost(host, policy).ok) return false;
    if (hostsAllowed.size >= MAX_REMEMBERED_HOSTS) hostsAllowed.clear();
    hostsAllowed.add(host);
    return true;
  };
  // Express's app is a function calling app.handle(req, res, next) at each request (a method
  // its types do not declare).
  const handled = app as unknown as { handle: (req: express.Request, res: Response, next?: express.NextFunction) => void };
  const chain = handled.handle.bind(app);
  handled.handle = (req, res, next) => {
    const start = Date.now();
    let requestId = "";
    const newRequestId = () => {
      const incoming = req.headers["x-request-id"];
      requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
      return requestId;
    };
    if (!cache.answerHit(req, res, { hostAllowed, requestId: newRequestId })) return chain(req, res, next);
    // req.ip as Express computes it (the trust proxy setting), for the log line.
    Object.setPrototypeOf(req, app.request);
    logger.info(
      { req: { id: requestId, method: req.method, url: redactUrl(req.url), ip: req.ip }, res: { statusCode: res.statusCode }, responseTime: Date.now() - start },
      `${req.method} ${res.statusCode}`,
    );
  };
}

export function createApp(options: CreateAppOptions): express.Express {
  const { database, env, logger } = options;
  const publicDir = options.publicDir ?? path.resolve("public");
  const readinessTimeoutMs = options.readinessTimeoutMs ?? 2_000;
  const app = express();
  // Route matching once per pathname instead of five times per request (server/route-matching.ts).
  rememberRouteMatches();

  app.disable("x-powered-by");
  app.set("trust proxy", env.trustProxy);
  const policy = { publicUrl: env.publicUrl, localMode: env.localMode };

  // A hit of the public page cache is answered before Express and its middleware run (see
  // answerHitsFirst below): it costs about what /healthz does, with the same headers.
  if (options.pageCache) answerHitsFirst(app, options.pageCache, policy, logger);

  app.use(
    pinoHttp({
      logger,
      genReqId(req, res) {
        const incoming = req.headers["x-request-id"];
        const id = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      // Load balancers probe the health endpoints every few seconds: log them only when they fail.
      customLogLevel(req, res, error) {
        if (error || res.statusCode >= 500) return "error";
        const url = req.url ?? "";
        if (url === "/healthz" || url === "/readyz") return "silent";
        return "info";
      },
      customSuccessMessage: (req, res) => `${req.method} ${res.statusCode}`,
      serializers: {
        req: (req: { id: string; method: string; url: string; raw: express.Request }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
          ip: req.raw.ip,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  app.use((_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  });

  const httpsOnly = env.appUrl?.startsWith("https://") ?? false;
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: [(_req, res) => `'nonce-${nonceOf(res as Response)}'`, "'strict-dynamic'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'"],
          // The Remix dev server pushes rebuilds over a websocket on its own port.
          connectSrc: env.nodeEnv === "development" ? ["'self'", "ws://localhost:*", "http://localhost:*"] : ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          ...(httpsOnly ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      // Only a portal reached over https may tell browsers to insist on it (a local run on
      // http://localhost would otherwise break every other local site on that name).
      strictTransportSecurity: httpsOnly ? { maxAge: 63_072_000, includeSubDomains: true } : false,
      // frame-ancestors 'none' already forbids framing; DENY says the same to older browsers.
      xFrameOptions: { action: "deny" },
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      xContentTypeOptions: true,
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    next();
  });

  app.use((req, res, next) => {
    if (METHODS.includes(req.method)) return next();
    req.log.warn("method refused");
    refuse(req, res, 405, "methodNotAllowed", { headers: { Allow: METHODS.join(", ") } });
  });

  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });

  app.get("/readyz", async (_req, res) => {
    res.set("Cache-Control", "no-store");
    try {
      // ping() has a connection of its own (see client.server.ts): a busy pool does not delay it.
      await withTimeout(database.ping(), readinessTimeoutMs);
      res.json({ status: "ok", database: "ok" });
    } catch (error) {
      logger.warn({ error: describeError(error) }, "readiness check failed: the database does not answer");
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  });

  // Past this point the Host must name this portal (local mode) or at least be a host; it
  // never names the site links point to (see server/origins.ts).
  app.use((req, res, next) => {
    const verdict = checkHost(req.get("host"), policy);
    if (!verdict.ok) {
      req.log.warn({ reason: verdict.reason }, "request refused: Host");
      refuse(req, res, verdict.status, verdict.status === 421 ? "misdirected" : "badHost");
      return;
    }
    // An absolute-form target ("GET http://other.example/ HTTP/1.1") names a host of its own.
    if (!req.originalUrl.startsWith("/")) {
      req.log.warn("request refused: request target");
      refuse(req, res, 400, "badRequest");
      return;
    }
    next();
  });

  // Anonymous GETs of public pages not answered first (a language not yet resolved for these
  // headers, say): from memory when already rendered, else marked to be stored once rendered.
  if (options.pageCache) app.use(options.pageCache.serve);

  // Deny state-changing requests that do not come from our own pages (see app/auth/csrf.server.ts).
  const origins = allowedOrigins(policy);
  app.use((req, res, next) => {
    const verdict = checkCsrf({
      method: req.method,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      allowedOrigins: origins,
    });
    if (verdict.allowed) return next();
    req.log.warn({ reason: verdict.reason }, "cross-site request refused");
    refuse(req, res, 403, "crossSite");
  });

  // The API answers other methods itself (405, in JSON); every other route takes forms.
  app.use(boundedBody({ limitBytes: env.bodyLimitBytes, formsOnly: (req) => !req.path.startsWith("/api/") }));

  // Pages rendered per request (signed in, or not in the cache): brotli with an 256 KB window
  // (LGWIN 18) instead of 4 MB, and quality 4. Measured on /initiatives (issue 10): the same
  // bytes as the default window, 37 % less CPU, and no full garbage collections from the large
  // window's buffers. Static files come precompressed from the build (below).
  app.use(
    compression({
      brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } },
    }),
  );

  // Fingerprinted by the Remix compiler: a changed file gets a new name, so caching forever is safe.
  app.use("/build", precompressedStatic(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }));
  app.use("/build", (_req, res) => {
    res.status(404).type("text/plain").send("Not found");
  });
  // The few files at the top of public/ (favicon, …): only their paths reach express.static, which
  // otherwise looked every page up on disk first and built a 404 error (with its stack) for it.
  const topLevelFiles = publicFilesOutsideBuild(publicDir);
  const servePublic = express.static(publicDir, { maxAge: "1h", index: false });
  app.use((req, res, next) => (env.nodeEnv === "development" || topLevelFiles.has(req.path) ? servePublic(req, res, next) : next()));
  app.use("/flags", serveFlags());

  const build = options.build;
  app.all(
    "*",
    requestTimeout(options.requestTimeoutMs ?? 20_000),
    remixHandler({
      build: typeof build === "function" ? async () => answerDatabaseFaults(await build(), logger) : answerDatabaseFaults(build, logger),
      mode: env.nodeEnv,
      publicUrl: env.publicUrl,
      getLoadContext: (req, res) => ({ db: database.db, cspNonce: nonceOf(res), clientIp: req.ip ?? null, publicUrl: env.publicUrl, log: req.log }),
      pageCache: options.pageCache,
    }),
  );

  const handleError: ErrorRequestHandler = (error: { status?: unknown }, req, res, next) => {
    // The request-timeout guard already answered; Remix's late attempt to answer is expected.
    if (res.headersSent && res.locals.timedOut === true) return;
    if (res.headersSent) return next(error);
    // Express marks what the client got wrong (a path it cannot decode, say) with a 4xx status.
    const status = typeof error.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status >= 400 && status < 500) {
      req.log.warn({ error: describeError(error) }, "bad request");
      refuse(req, res, status, "badRequest");
    } else if (isDatabaseUnavailable(error)) {
      req.log.warn({ error: describeError(error) }, "database unavailable: answered 503");
      refuse(req, res, 503, "unavailable", { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
    } else {
      // describeError leaves out the SQL parameters and values a database error carries.
      req.log.error({ error: describeError(error) }, "unhandled error");
      refuse(req, res, 500, "internal");
    }
  };
  app.use(handleError);

  return app;
}
