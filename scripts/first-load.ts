// First-load weight of the public pages, read from the production build: the JavaScript and CSS a
// browser fetches to show one page (entry, root and the page's route module with their shared
// chunks, plus the translation chunks the root and the route fetch in the page's language, see
// app/i18n/client-resources.ts and ADR 017), gzip-compressed as they are served.
// Used by `npm run bench` (scripts/bench.ts), by tests/integration/first-load-bundles.test.ts and
// runnable alone after `npm run build`: `npx tsx scripts/first-load.ts`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { ROOT_NAMESPACES } from "../app/i18n/config";

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

export interface FirstLoadFiles {
  route: string;
  /** Every script the page's first load fetches, as /build/… URLs. */
  scripts: string[];
  /** The translation namespaces among them, in the page's language. */
  namespaces: string[];
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
  "routes/open-data",
  "routes/about",
];

function gzipSize(file: string, cache: Map<string, number>): number {
  let size = cache.get(file);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
    cache.set(file, size);
  }
  return size;
}

function readManifest(buildDir: string): Manifest {
  const manifestFile = fs.readdirSync(buildDir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!manifestFile) throw new Error("No Remix build in public/build: run `npm run build` first.");
  const source = fs.readFileSync(path.join(buildDir, manifestFile), "utf8");
  return JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1)) as Manifest;
}

/** Where each "lng/ns" translation chunk is, from the literal keys of client-resources.ts's table. */
function translationChunks(buildDir: string): Map<string, string> {
  const chunks = new Map<string, string>();
  for (const file of fs.readdirSync(path.join(buildDir, "_shared"))) {
    if (!file.endsWith(".js")) continue;
    const code = fs.readFileSync(path.join(buildDir, "_shared", file), "utf8");
    for (const match of code.matchAll(/"([a-z]{2}\/\w+)":\(\)=>import\("([^"]+)"\)/g)) chunks.set(match[1]!, match[2]!);
  }
  if (chunks.size === 0) throw new Error("No translation chunk table found in the build (app/i18n/client-resources.ts).");
  return chunks;
}

/** The namespaces a built route module declares in `handle.i18n` (a literal array, ADR 017). */
function declaredNamespaces(code: string): string[] {
  const match = /i18n:\[([^\]]*)\]/.exec(code);
  return match ? [...match[1]!.matchAll(/"(\w+)"/g)].map((m) => m[1]!) : [];
}

/**
 * The scripts one page's first load fetches, in one language. With lazy route discovery the
 * manifest file is not among them: the HTML carries the page's part of it inline.
 */
export function firstLoadFiles(publicDir = path.resolve("public"), language = "en"): FirstLoadFiles[] {
  const buildDir = path.join(publicDir, "build");
  const manifest = readManifest(buildDir);
  const chunks = translationChunks(buildDir);
  const root = manifest.routes.root!;
  return PUBLIC_PAGE_ROUTES.filter((id) => manifest.routes[id]).map((id) => {
    const route = manifest.routes[id]!;
    const routeCode = fs.readFileSync(path.join(publicDir, route.module), "utf8");
    const namespaces = [...new Set([...ROOT_NAMESPACES, ...declaredNamespaces(routeCode)])];
    const translations = namespaces.map((ns) => {
      const url = chunks.get(`${language}/${ns}`);
      if (!url) throw new Error(`No translation chunk for ${language}/${ns} (${id})`);
      return url;
    });
    const scripts = new Set([
      manifest.entry.module,
      ...(manifest.entry.imports ?? []),
      root.module,
      ...(root.imports ?? []),
      route.module,
      ...(route.imports ?? []),
      ...translations,
    ]);
    return { route: id, scripts: [...scripts], namespaces };
  });
}

export function firstLoadSizes(publicDir = path.resolve("public")): FirstLoad[] {
  const buildDir = path.join(publicDir, "build");
  const css = fs.readdirSync(path.join(buildDir, "_assets")).filter((f) => f.endsWith(".css"));
  const cache = new Map<string, number>();
  return firstLoadFiles(publicDir).map(({ route, scripts }) => {
    const js = scripts.reduce((sum, url) => sum + gzipSize(path.join(publicDir, url), cache), 0);
    const cssBytes = css.reduce((sum, f) => sum + gzipSize(path.join(buildDir, "_assets", f), cache), 0);
    return { route, jsGzipBytes: js, cssGzipBytes: cssBytes };
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const row of firstLoadSizes()) {
    console.log(`${row.route.padEnd(28)} JS ${(row.jsGzipBytes / 1024).toFixed(1)} KB gzip, CSS ${(row.cssGzipBytes / 1024).toFixed(1)} KB gzip`);
  }
}
