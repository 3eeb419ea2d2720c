// A small Remix build for running the real server process (server/index.ts) in a test, without
// `npm run build`: the real entry.server, a plain document, and a page that takes its time.
// tests/integration/server-faults.test.ts re-exports it as the child's build/index.js.
import type { ServerBuild } from "@remix-run/node";
import { Scripts } from "@remix-run/react";
import { createElement } from "react";
import * as entryServer from "~/entry.server";
import { useNonce } from "~/utils/nonce";

type RouteModule = ServerBuild["routes"][string]["module"];

function Document() {
  const nonce = useNonce();
  return createElement("html", { lang: "en" }, createElement("head", null), createElement("body", null, createElement(Scripts, { nonce })));
}

/** Stands for a request in flight when the signal arrives. */
async function slowLoader() {
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return new Response("finished", { headers: { "Content-Type": "text/plain" } });
}

export const mode: ServerBuild["mode"] = "production";
export const entry: ServerBuild["entry"] = { module: entryServer };
export const routes: ServerBuild["routes"] = {
  root: { id: "root", path: "", module: { default: Document } },
  "routes/slow": { id: "routes/slow", parentId: "root", path: "slow", module: { loader: slowLoader } as unknown as RouteModule },
};
export const assets: ServerBuild["assets"] = {
  entry: { module: "/build/entry.client-TEST.js", imports: [] },
  routes: {
    root: {
      id: "root",
      path: "",
      module: "/build/root-TEST.js",
      hasAction: false,
      hasLoader: false,
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: false,
    },
  },
  url: "/build/manifest-TEST.js",
  version: "test",
};
export const publicPath = "/build/";
export const assetsBuildDirectory = "public/build";
export const future: ServerBuild["future"] = {
  v3_fetcherPersist: true,
  v3_relativeSplatPath: true,
  v3_throwAbortReason: true,
  v3_lazyRouteDiscovery: true,
  v3_singleFetch: true,
};
export const isSpaMode = false;
