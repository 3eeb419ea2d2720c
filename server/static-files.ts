// Serves the build's precompressed copies (`.br`, `.gz`, written by scripts/build-server.mjs)
// to browsers that accept them, so no static file is compressed per request. Anything else
// falls through to express.static (and the compression middleware) unchanged.
import fs from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";

const VARIANTS = [
  { encoding: "br", suffix: ".br", accepted: /\bbr\b/ },
  { encoding: "gzip", suffix: ".gz", accepted: /\bgzip\b/ },
] as const;
/** Lookups remembered (paths come from clients: the map is cleared rather than left to grow). */
const MAX_REMEMBERED = 2_000;

export function precompressedStatic(root: string, options: { maxAge: string; immutable: boolean }): RequestHandler {
  const base = path.resolve(root);
  const remembered = new Map<string, { encoding: string; file: string }[]>();
  const variantsOf = (file: string) => {
    let found = remembered.get(file);
    if (found) return found;
    found = [];
    const original = fs.statSync(file, { throwIfNoEntry: false });
    if (original?.isFile()) {
      for (const variant of VARIANTS) {
        const copy = fs.statSync(file + variant.suffix, { throwIfNoEntry: false });
        // A copy older than its file is left over from another build: never serve it.
        if (copy?.isFile() && copy.mtimeMs >= original.mtimeMs) found.push({ encoding: variant.encoding, file: file + variant.suffix });
      }
    }
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(file, found);
    return found;
  };
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.join(base, relative);
    if (!file.startsWith(base + path.sep)) return next();
    const variants = variantsOf(file);
    if (variants.length === 0) return next();
    res.setHeader("Vary", "Accept-Encoding");
    const accepted = req.get("accept-encoding") ?? "";
    const chosen = variants.find((v) => VARIANTS.find((w) => w.encoding === v.encoding)?.accepted.test(accepted));
    if (!chosen) return next();
    res.type(path.extname(file));
    res.setHeader("Content-Encoding", chosen.encoding);
    res.sendFile(chosen.file, { maxAge: options.maxAge, immutable: options.immutable }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };
}
