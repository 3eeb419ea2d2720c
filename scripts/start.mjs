// `npm start`: serve the production build, building it first when it is missing or older
// than the sources, so a fresh clone needs nothing but `npm ci && npm start`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const SOURCES = ["app", "server", "drizzle", "package-lock.json", "remix.config.js", "postcss.config.js"];
const OUTPUTS = ["build/index.js", "build/server.js", "public/build"];

/** Newest modification time of a file or of any file below a folder (0 when absent). */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function buildIsCurrent() {
  if (!OUTPUTS.every((output) => fs.existsSync(output))) return false;
  // `npm run dev` leaves a development build in the same place: never serve it in production.
  if (!/\bvar mode = "production"/.test(fs.readFileSync("build/index.js", "utf8"))) return false;
  const builtAt = Math.min(fs.statSync("build/index.js").mtimeMs, fs.statSync("build/server.js").mtimeMs);
  return SOURCES.every((source) => newestMtime(source) <= builtAt);
}

if (!buildIsCurrent()) {
  process.stdout.write("Building the portal (the build is missing or older than the sources)...\n");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) {
    process.stderr.write("The build failed: see the messages above.\n");
    process.exit(result.status ?? 1);
  }
}

// Set before the server and React load: both read it once, at import.
process.env.NODE_ENV = "production";
await import(pathToFileURL(path.join(root, "build/server.js")).href);
