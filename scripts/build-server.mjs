// Bundles the production server (server/index.ts and the app modules it imports) into
// build/server.js. npm packages stay external: they are installed beside the bundle.
// The Remix compiler owns build/index.js and public/build; the server imports them at run time.
import { build } from "esbuild";

await build({
  entryPoints: ["server/index.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
