// Remembers which routes a pathname matches. @remix-run/router's matchRoutes flattens and ranks
// the whole route tree and compiles a regular expression per route on every call, and one
// document request calls it five times (the request handler, the static handler, React Router's
// <Routes>, and Remix's <Scripts> once per parent path for the lazy route discovery manifest):
// about a tenth of the CPU of the bare page route (issue 10). Four of those calls go through the
// package's exports object, so replacing `matchRoutes` there with a memo serves them; the static
// handler's call is internal to the package and stays as it is.
//
// The memo is keyed by the route tree's shape (ids, paths, index and case flags: Remix builds
// a new tree object per request, with the same shape) and the pathname. It stores route ids and
// the match's params and pathnames, and answers with fresh objects pointing at the routes of the
// tree it was given, so no caller shares an object with another request. A tree whose routes
// lack ids, or a location with a query or hash, goes to the original function.
import { createRequire } from "node:module";

interface RouteLike {
  id?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: RouteLike[];
}

interface MatchLike {
  params: Record<string, string | undefined>;
  pathname: string;
  pathnameBase: string;
  route: RouteLike;
}

type MatchRoutes = (routes: RouteLike[], location: string | { pathname?: string }, basename?: string) => MatchLike[] | null;

interface Shape {
  key: string;
  byId: Map<string, RouteLike>;
}

interface Remembered {
  ids: string[];
  /** The router gives every match of one answer the same params object: so does the memo. */
  params: Record<string, string | undefined>;
  pathnames: string[];
  bases: string[];
}

/** Pathnames remembered per tree shape; cleared rather than left to grow (paths come from clients). */
const MAX_PATHNAMES = 2_000;

const shapes = new WeakMap<RouteLike[], Shape | null>();
const memo = new Map<string, Map<string, Remembered | null>>();

function shapeOf(routes: RouteLike[]): Shape | null {
  const known = shapes.get(routes);
  if (known !== undefined) return known;
  const byId = new Map<string, RouteLike>();
  const parts: string[] = [];
  let complete = true;
  const walk = (list: RouteLike[]) => {
    for (const route of list) {
      if (typeof route.id !== "string" || byId.has(route.id)) complete = false;
      else byId.set(route.id, route);
      parts.push(route.id ?? "", route.path ?? "", route.index ? "i" : "", route.caseSensitive ? "c" : "");
      if (route.children?.length) {
        parts.push("[");
        walk(route.children);
        parts.push("]");
      }
    }
  };
  walk(routes);
  const shape = complete ? { key: parts.join("\u0000"), byId } : null;
  shapes.set(routes, shape);
  return shape;
}

/** A matchRoutes answering from memory for a tree shape and pathname it has already matched. */
export function rememberingMatchRoutes(original: MatchRoutes): MatchRoutes {
  return (routes, location, basename = "/") => {
    const pathname = typeof location === "string" ? location : location.pathname;
    if (typeof pathname !== "string" || pathname.includes("?") || pathname.includes("#") || !Array.isArray(routes)) {
      return original(routes, location, basename);
    }
    const shape = shapeOf(routes);
    if (!shape) return original(routes, location, basename);
    let byPath = memo.get(shape.key);
    if (!byPath) {
      byPath = new Map();
      memo.set(shape.key, byPath);
    }
    const key = `${basename}\u0000${pathname}`;
    let remembered = byPath.get(key);
    if (remembered === undefined) {
      const matches = original(routes, location, basename);
      const shared = matches?.every((m) => m.params === matches[0]?.params) ?? false;
      remembered = matches && shared
        ? {
            ids: matches.map((m) => m.route.id as string),
            params: { ...matches[0]?.params },
            pathnames: matches.map((m) => m.pathname),
            bases: matches.map((m) => m.pathnameBase),
          }
        : null;
      // An answer whose matches had params of their own (not this router's way) is not remembered.
      if (matches && !shared) return matches;
      if (byPath.size >= MAX_PATHNAMES) byPath.clear();
      byPath.set(key, remembered);
      return matches;
    }
    if (remembered === null) return null;
    const params = { ...remembered.params };
    const result: MatchLike[] = [];
    for (let i = 0; i < remembered.ids.length; i++) {
      const route = shape.byId.get(remembered.ids[i] as string);
      if (!route) return original(routes, location, basename);
      result.push({ params, pathname: remembered.pathnames[i] as string, pathnameBase: remembered.bases[i] as string, route });
    }
    return result;
  };
}

let installed = false;

/** Replaces @remix-run/router's exported matchRoutes with the remembering one, once per process. */
export function rememberRouteMatches(): void {
  if (installed) return;
  installed = true;
  const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes };
  router.matchRoutes = rememberingMatchRoutes(router.matchRoutes);
}
