// What a public page's first load ships, read from a real production build of the browser bundle
// (the Remix compiler, once, into a temporary directory, with source maps to name each chunk's
// modules): no zod and no server code, and of the translations only the page's language and the
// namespaces the root and the route declare (ADR 017) — which must cover every namespace the
// shipped modules use, or a visitor would read keys instead of text. Nor i18next: pages translate
// with our own function (app/i18n/translate.ts, ADR 021), i18next stays on the server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { supportedLanguages } from "~/i18n/config";
import { firstLoadFiles, PUBLIC_PAGE_ROUTES } from "../../scripts/first-load";

const ROOT = path.resolve(__dirname, "../..");
let outDir: string;
let publicDir: string;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "first-load-"));
  publicDir = path.join(outDir, "public");
  // The compiler's own modules: `remix build` without its CLI, so the output goes elsewhere than
  // the worktree's public/build (which a running server or the browser tests may be using).
  const { readConfig } = await import("@remix-run/dev/dist/config.js");
  const { build } = await import("@remix-run/dev/dist/compiler/build.js");
  const { createFileWatchCache } = await import("@remix-run/dev/dist/compiler/fileWatchCache.js");
  const { logger } = await import("@remix-run/dev/dist/tux/logger.js");
  const config = await readConfig(ROOT);
  await build({
    config: {
      ...config,
      assetsBuildDirectory: path.join(publicDir, "build"),
      relativeAssetsBuildDirectory: "public/build",
      serverBuildPath: path.join(outDir, "build", "index.js"),
    },
    options: { mode: "production", sourcemap: true },
    fileWatchCache: createFileWatchCache(),
    logger,
  });
}, 180_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

/** The modules bundled into a chunk, as its source map names them (paths relative to the repository). */
function modulesOf(url: string): string[] {
  const map = JSON.parse(fs.readFileSync(path.join(publicDir, `${url}.map`), "utf8")) as { sources: string[] };
  return map.sources.map((source) => source.replace(/^(\.\.\/)+/, "").replace(/^.*?(node_modules|app)\//, "$1/"));
}

/** The namespaces an app module uses: useTranslation's arguments, "ns:key" texts and ns props. */
function namespacesUsedBy(file: string, known: readonly string[]): Set<string> {
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  const used = new Set<string>();
  for (const call of source.matchAll(/useTranslation\(\s*(\[[^\]]*\]|"[^"]*")/g)) for (const ns of call[1]!.matchAll(/"(\w+)"/g)) used.add(ns[1]!);
  if (/useTranslation\(\s*\)/.test(source)) used.add("common");
  for (const key of source.matchAll(/["'`](\w+):[\w.$]/g)) if (known.includes(key[1]!)) used.add(key[1]!);
  for (const prop of source.matchAll(/\b(?:ns|namespace)=\{?"(\w+)"/g)) used.add(prop[1]!);
  return used;
}

const ALL_NAMESPACES = fs.readdirSync(path.join(ROOT, "app/i18n/locales/en")).map((f) => f.replace(".json", "").replace(/-(\w)/g, (_, c: string) => c.toUpperCase()));

describe.each(supportedLanguages)("the first load of a public page in %s", (language) => {
  it("ships neither zod, nor i18next, nor server code", () => {
    const pages = firstLoadFiles(publicDir, language);
    expect(pages.map((p) => p.route)).toEqual(PUBLIC_PAGE_ROUTES);
    for (const page of pages) {
      const modules = page.scripts.flatMap(modulesOf);
      expect(modules.filter((m) => m.startsWith("node_modules/zod/")), `${page.route} ships zod`).toEqual([]);
      // About 19 KB gzip of every page (issue 10): import useTranslation from ~/i18n/react instead.
      expect(
        modules.filter((m) => /^node_modules\/(i18next|react-i18next|html-parse-stringify|void-elements)\//.test(m)),
        `${page.route} ships i18next`,
      ).toEqual([]);
      // Remix replaces a .server module by an empty stub in the browser: only the stub may appear.
      expect(modules.filter((m) => /\.server(\.\w+)?$/.test(m) && !m.startsWith("empty-module:")), `${page.route} ships server code`).toEqual([]);
      expect(
        modules.filter((m) => /^node_modules\/(drizzle-orm|postgres|pino|@node-rs|nodemailer|@electric-sql)\//.test(m)),
        `${page.route} ships a server package`,
      ).toEqual([]);
    }
  });

  it("ships only its language's translations, of the namespaces it declares, and those cover what it draws", () => {
    for (const page of firstLoadFiles(publicDir, language)) {
      const modules = page.scripts.flatMap(modulesOf);
      const translations = modules.filter((m) => m.startsWith("app/i18n/locales/") && m.endsWith(".json"));
      const expected = page.namespaces.map((ns) => `app/i18n/locales/${language}/${ns.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.json`);
      expect(translations.sort(), page.route).toEqual(expected.sort());
      const drawn = new Set(modules.filter((m) => m.startsWith("app/") && /\.tsx?$/.test(m)).flatMap((m) => [...namespacesUsedBy(m, ALL_NAMESPACES)]));
      expect([...drawn].filter((ns) => !page.namespaces.includes(ns)), `${page.route} uses namespaces it does not load`).toEqual([]);
    }
  });
});

describe("the browser bundle", () => {
  it("holds i18next in none of its chunks, of any page, public or not", () => {
    const maps = (fs.readdirSync(path.join(publicDir, "build"), { recursive: true }) as string[]).filter((f) => f.endsWith(".js.map"));
    expect(maps.length).toBeGreaterThan(0);
    const withI18next = maps.filter((map) => modulesOf(`/build/${map.replace(/\.map$/, "")}`).some((m) => /^node_modules\/(i18next|react-i18next)\//.test(m)));
    expect(withI18next).toEqual([]);
  });
});
