// `npm run dev`: the Remix compiler watches app/ and rewrites build/index.js; our Express
// server (run from TypeScript by tsx) reloads that build in place and keeps its database
// open ("manual" mode), and restarts only when server/ or the app modules it imports change.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const remixCli = createRequire(import.meta.url).resolve("@remix-run/dev/dist/cli.js");

// `remix dev` splits this command on spaces without a shell: no quotes around the globs.
const appServer = [
  "tsx watch --clear-screen=false",
  ...["build", "public", "data", ".cache", "tests"].map((folder) => `--ignore ${folder}/**`),
  "server/index.ts",
].join(" ");

// In a process group of its own, so one signal reaches the compiler, tsx and the server at once,
// as a terminal's Ctrl-C would: the server then closes the embedded database and its lock cleanly.
const child = spawn(process.execPath, [remixCli, "dev", "--manual", "-c", appServer], {
  cwd: root,
  stdio: "inherit",
  detached: true,
  env: { ...process.env, NODE_ENV: "development" },
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group has already exited
    }
  });
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
