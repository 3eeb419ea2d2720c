// Flags of States, served by us from the maintained `flag-icons` set (4:3 SVGs), addressed by
// ISO alpha-3 like everything else in the portal: /flags/fra.svg. Served straight from
// node_modules rather than copied into public/ at build time: nothing to keep in sync, no build
// step, and the package is a production dependency present in every image. The alpha-3 to
// alpha-2 table is built once at start-up; an unknown code is a plain 404, never a file path.
import { createRequire } from "node:module";
import path from "node:path";
import type { RequestHandler } from "express";
import worldCountries from "world-countries";

const require = createRequire(import.meta.url);
const FLAGS_DIR = path.join(path.dirname(require.resolve("flag-icons/package.json")), "flags", "4x3");
// Flags change rarely and their addresses never: a month in every cache, revalidated after.
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export function serveFlags(): RequestHandler {
  const files = new Map(worldCountries.map((c) => [`${c.cca3.toLowerCase()}.svg`, `${c.cca2.toLowerCase()}.svg`]));
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = files.get(req.path.slice(1));
    if (!file) {
      res.status(404).type("text/plain").send("Not found");
      return;
    }
    res.sendFile(file, { root: FLAGS_DIR, maxAge: MAX_AGE_MS, headers: { "Content-Type": "image/svg+xml" } }, (error) => {
      if (error && !res.headersSent) res.status(404).type("text/plain").send("Not found");
    });
  };
}
