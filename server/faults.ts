// What the HTTP layer does when the database is away or a request takes too long: answer 503
// with Retry-After at once, log one line without personal data, and never leave a client hanging.
import type { ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { describeError, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "~/db/faults.server";
import { apiJson } from "~/utils/api-response.server";
import { refuse } from "./refusals";

type RouteModule = ServerBuild["routes"][string]["module"];
type Handler = NonNullable<RouteModule["loader"]>;

const UNAVAILABLE = {
  error: { code: "unavailable", message: "The service is briefly unavailable. Please try again in a few seconds.", issues: [] },
};

/** The 503 a loader or action throws instead of the database's error; the error boundary renders it. */
export function unavailableResponse(api: boolean): Response {
  const response = api
    ? apiJson(UNAVAILABLE, 503)
    : new Response(JSON.stringify(UNAVAILABLE), { status: 503, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
  response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  return response;
}

function guard(handler: Handler, routeId: string, logger: Logger): Handler {
  const api = routeId.startsWith("routes/api.");
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      (args.context.log ?? logger).warn({ error: describeError(error), route: routeId }, "database unavailable: answered 503");
      throw unavailableResponse(api);
    }
  };
}

const guarded = new WeakMap<ServerBuild, ServerBuild>();

/**
 * The same build with every loader and action turning "database unavailable" into a thrown 503
 * Response: Remix then renders the error boundary with that status (HTML and data requests
 * alike) instead of a 500, and does not log the error with its SQL parameters.
 */
export function answerDatabaseFaults(build: ServerBuild, logger: Logger): ServerBuild {
  const known = guarded.get(build);
  if (known) return known;
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const module: RouteModule = { ...route.module };
    if (module.loader) module.loader = guard(module.loader, id, logger);
    if (module.action) module.action = guard(module.action, id, logger);
    routes[id] = { ...route, module };
  }
  const wrapped = { ...build, routes };
  guarded.set(build, wrapped);
  return wrapped;
}

/**
 * A request still unanswered after `ms` gets a 503 and its connection closed: a page stuck on
 * something statement_timeout does not cover (a dead TCP connection, a slow mail server) must
 * not hold the client, or a proxy's connection, for minutes.
 */
export function requestTimeout(ms: number): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.locals.timedOut = true;
      req.log.warn({ timeoutMs: ms }, "request timed out: answered 503");
      refuse(req, res, 503, "unavailable", { headers: { "Retry-After": String(RETRY_AFTER_SECONDS), Connection: "close" } });
    }, ms);
    res.once("close", () => clearTimeout(timer));
    next();
  };
}
