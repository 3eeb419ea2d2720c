// First-load weight of the public pages, read from the production build: the JavaScript and CSS a
// browser fetches to show one page (entry, root and the page's route module with their shared
// chunks, plus the active language's translations), gzip-compressed as they are served.
// Used by `npm run bench` (scripts/bench.ts) and runnable alone: `npx tsx scripts/first-load.ts`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

interface ManifestEntry {
  module: string;
  imports?: string[];
}
interface Manifest {
  entry: ManifestEntry;
  routes: Record<string, ManifestEntry & { id: string }>;
}

export interface FirstLoad {
  route: string;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

/** The public pages whose first load the issue bounds (≤ 100 KB of JS, ≤ 20 KB of CSS, gzip). */
export const PUBLIC_PAGE_ROUTES = [
  "routes/_index",
  "routes/initiatives._index",
  "routes/initiatives.$slug",
  "routes/actors._index",
  "routes/actors.$id",
  "routes/meetings._index",
  "routes/search",
];

function gzipSize(file: string, cache: Map<string, number>): number {
  let size = cache.get(file);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
    cache.set(file, size);
  }
  return size;
}

export function firstLoadSizes(publicDir = path.resolve("public")): FirstLoad[] {
  const buildDir = path.join(publicDir, "build");
  const manifestFile = fs.readdirSync(buildDir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!manifestFile) throw new Error("No Remix build in public/build: run `npm run build` first.");
  const source = fs.readFileSync(path.join(buildDir, manifestFile), "utf8");
  const manifest = JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1)) as Manifest;
  const css = fs.readdirSync(path.join(buildDir, "_assets")).filter((f) => f.endsWith(".css"));
  // The translations of one language, loaded by entry.client before hydration (app/i18n/client-resources.ts).
  const language = fs.readdirSync(path.join(buildDir, "_shared")).find((f) => /^en-[A-Z0-9]+\.js$/.test(f));
  const cache = new Map<string, number>();
  const file = (url: string) => path.join(publicDir, url);
  return PUBLIC_PAGE_ROUTES.filter((id) => manifest.routes[id]).map((id) => {
    const route = manifest.routes[id]!;
    const root = manifest.routes.root!;
    const urls = new Set([
      manifest.entry.module,
      ...(manifest.entry.imports ?? []),
      root.module,
      ...(root.imports ?? []),
      route.module,
      ...(route.imports ?? []),
      ...(language ? [`/build/_shared/${language}`] : []),
    ]);
    // The manifest itself is a script every first load fetches.
    let js = gzipSize(path.join(buildDir, manifestFile), cache);
    for (const url of urls) js += gzipSize(file(url), cache);
    const cssBytes = css.reduce((sum, f) => sum + gzipSize(path.join(buildDir, "_assets", f), cache), 0);
    return { route: id, jsGzipBytes: js, cssGzipBytes: cssBytes };
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const row of firstLoadSizes()) {
    console.log(`${row.route.padEnd(28)} JS ${(row.jsGzipBytes / 1024).toFixed(1)} KB gzip, CSS ${(row.cssGzipBytes / 1024).toFixed(1)} KB gzip`);
  }
}
