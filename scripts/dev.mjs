// `npm run dev`: the Remix compiler watches app/ and rewrites build/index.js; our Express
// server (run from TypeScript by tsx) reloads that build in place and keeps its database
// open ("manual" mode), and restarts only when server/ or the modules it imports change.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const server = [
  "tsx watch --clear-screen=false",
  "--ignore 'build/**' --ignore 'public/**' --ignore 'data/**' --ignore '.cache/**' --ignore 'tests/**'",
  "server/index.ts",
].join(" ");

const child = spawn("npx", ["remix", "dev", "--manual", "-c", server], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "development" },
});

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
