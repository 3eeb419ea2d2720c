// The remembered route matching (server/route-matching.ts) must answer exactly as
// @remix-run/router's matchRoutes does, for every kind of route the portal has (index, dynamic
// segments, optional and splat segments, escaped dots, nested layouts), on a first call and on
// every later one, and for each new tree of the same shape it must point at that tree's routes:
// a page rendered from the memo shows the same route, params and pathnames as one matched afresh.
import { matchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { rememberingMatchRoutes } from "../../server/route-matching";

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };

/** A tree like the portal's: a root layout holding every route, built anew as Remix does per request. */
function tree(): Route[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "routes/_index", index: true },
        { id: "routes/initiatives._index", path: "initiatives", index: true },
        { id: "routes/initiatives.new", path: "initiatives/new" },
        { id: "routes/initiatives.$slug", path: "initiatives/:slug" },
        { id: "routes/initiatives.$slug_.manage", path: "initiatives/:slug/manage" },
        { id: "routes/initiatives.feed[.]atom", path: "initiatives/feed.atom" },
        { id: "routes/meetings.$id[.ics]", path: "meetings/:id.ics" },
        { id: "routes/actors.$id", path: "actors/:id" },
        { id: "routes/secretariat", path: "secretariat", children: [{ id: "routes/secretariat._index", index: true }, { id: "routes/secretariat.audit", path: "audit" }] },
        { id: "routes/language", path: "language/:lng?" },
        { id: "routes/Case", path: "Case", caseSensitive: true },
        { id: "routes/$", path: "*" },
      ],
    },
  ];
}

const PATHS = [
  "/",
  "/initiatives",
  "/initiatives/",
  "/initiatives/new",
  "/initiatives/paris-call",
  "/initiatives/caf%C3%A9",
  "/initiatives/paris-call/manage",
  "/initiatives/feed.atom",
  "/meetings/42.ics",
  "/actors/0c0e93bb-f528-4ddf-bce2-da6f4d8f6f89",
  "/secretariat",
  "/secretariat/audit",
  "/language",
  "/language/fr",
  "/Case",
  "/case",
  "/no/such/page",
  "//double//slashes",
];

/** The parts of a match a caller reads, with the route named by its id. */
const plain = (matches: ReturnType<typeof matchRoutes>) =>
  matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;

describe("remembered route matching", () => {
  const remembering = rememberingMatchRoutes(matchRoutes as never);

  it("answers as matchRoutes does, the first time and every time after, for a new tree of the same shape", () => {
    for (let round = 0; round < 3; round++) {
      for (const path of PATHS) {
        const routes = tree();
        const expected = plain(matchRoutes(routes as never, path));
        const got = remembering(routes, path) as ReturnType<typeof matchRoutes>;
        expect(plain(got), `${path} (round ${round})`).toEqual(expected);
        // The routes are those of the tree given, not of the tree first matched.
        for (const match of got ?? []) expect(containsRoute(routes, match.route)).toBe(true);
      }
    }
  });

  it("answers with objects of the call's own, never shared with another request", () => {
    const first = remembering(tree(), "/initiatives/paris-call") as ReturnType<typeof matchRoutes>;
    const second = remembering(tree(), "/initiatives/paris-call") as ReturnType<typeof matchRoutes>;
    expect(first?.[1]?.params).toEqual({ slug: "paris-call" });
    expect(second?.[1]?.params).not.toBe(first?.[1]?.params);
    if (second?.[1]) (second[1].params as Record<string, string>).slug = "changed";
    const third = remembering(tree(), "/initiatives/paris-call") as ReturnType<typeof matchRoutes>;
    expect(third?.[1]?.params).toEqual({ slug: "paris-call" });
  });

  it("leaves a tree whose routes have no ids, and a location with a query, to matchRoutes", () => {
    const anonymous = [{ path: "a" }, { path: "b/:x" }];
    expect(plain(remembering(anonymous as never, "/b/1") as ReturnType<typeof matchRoutes>)).toEqual(plain(matchRoutes(anonymous, "/b/1")));
    expect(plain(remembering(tree(), "/initiatives?page=2") as ReturnType<typeof matchRoutes>)).toEqual(plain(matchRoutes(tree() as never, "/initiatives?page=2")));
  });
});

function containsRoute(routes: Route[], route: unknown): boolean {
  return routes.some((r) => r === route || containsRoute(r.children ?? [], route));
}
