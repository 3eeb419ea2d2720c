// A Remix server build made of the application's real route modules, for tests that go through
// the whole HTTP stack (server/app.ts) without `npm run build`: the request refusals, links and
// cache headers under test depend on Express and Remix together, not on a route alone.
import type { ServerBuild } from "@remix-run/node";
import * as entryServer from "~/entry.server";
import * as root from "~/root";

type RouteModule = ServerBuild["routes"][string]["module"];

export interface AppRoute {
  /** The file under app/routes, without extension: "forgot-password", "account._index". */
  file: string;
  path: string;
  index?: boolean;
  module: unknown;
}

export function appBuild(routes: AppRoute[]): ServerBuild {
  const all = [
    { id: "root", path: "", index: false, parentId: undefined, module: root as unknown as RouteModule },
    ...routes.map((r) => ({ id: `routes/${r.file}`, path: r.path, index: r.index ?? false, parentId: "root", module: r.module as RouteModule })),
  ];
  return {
    mode: "production",
    entry: { module: entryServer },
    routes: Object.fromEntries(
      all.map((r) => [r.id, { id: r.id, parentId: r.parentId, path: r.path, index: r.index || undefined, module: r.module }]),
    ) as ServerBuild["routes"],
    assets: {
      entry: { module: "/build/entry.client-TEST.js", imports: [] },
      routes: Object.fromEntries(
        all.map((r) => [
          r.id,
          {
            id: r.id,
            parentId: r.parentId,
            path: r.path,
            index: r.index || undefined,
            module: `/build/${r.id}-TEST.js`,
            hasAction: Boolean(r.module.action),
            hasLoader: Boolean(r.module.loader),
            hasClientAction: false,
            hasClientLoader: false,
            hasErrorBoundary: Boolean(r.module.ErrorBoundary),
          },
        ]),
      ),
      url: "/build/manifest-TEST.js",
      version: "test",
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_lazyRouteDiscovery: true,
      v3_singleFetch: true,
    },
    isSpaMode: false,
  };
}
