// Bundles the production server (server/index.ts and the app modules it imports) into
// build/server.js. npm packages stay external: they are installed beside the bundle.
// The Remix compiler owns build/index.js and public/build; the server imports them at run time.
import { build, stop } from "esbuild";

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
// Done with esbuild: stop its service before the long synchronous compression below.
stop();

// Static assets compressed once, at build time, at the highest settings (the server sends the
// .br or .gz file as it is, see server/static-files.ts): no CPU per request for them.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const COMPRESSIBLE = /\.(js|css|svg|json|map|txt)$/;
function* filesUnder(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (COMPRESSIBLE.test(entry.name) && !entry.name.endsWith(".map")) yield full;
  }
}
for (const file of filesUnder("public/build")) {
  const content = fs.readFileSync(file);
  // Below about one TCP packet, compression saves nothing worth a header.
  if (content.length < 1024) continue;
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
  fs.writeFileSync(
    `${file}.br`,
    zlib.brotliCompressSync(content, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    }),
  );
}
