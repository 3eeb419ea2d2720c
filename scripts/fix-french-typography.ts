// Mends French typography in every French translation file (no-break spaces before ": ; ! ?"
// and inside « »), so strings added on any branch follow the rule the unit test enforces.
// Run after merging: `npx tsx scripts/fix-french-typography.ts` (add `--check` to only list).
import fs from "node:fs";
import path from "node:path";
import { fixFrenchTypography } from "../app/i18n/french-typography";

const dir = path.join(import.meta.dirname, "../app/i18n/locales/fr");
const check = process.argv.includes("--check");

function mend(value: unknown, where: string, changes: string[]): unknown {
  if (typeof value === "string") {
    const fixed = fixFrenchTypography(value);
    if (fixed !== value) changes.push(`${where}: ${JSON.stringify(value)} -> ${JSON.stringify(fixed)}`);
    return fixed;
  }
  if (Array.isArray(value)) return value.map((child, i) => mend(child, `${where}.${i}`, changes));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, mend(child, `${where}.${key}`, changes)]));
  return value;
}

let total = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  const full = path.join(dir, file);
  const changes: string[] = [];
  const fixed = mend(JSON.parse(fs.readFileSync(full, "utf8")), file, changes);
  for (const change of changes) console.log(change);
  total += changes.length;
  if (!check && changes.length > 0) fs.writeFileSync(full, `${JSON.stringify(fixed, null, 2)}\n`);
}
console.log(`${total} string(s) ${check ? "to mend" : "mended"}.`);
process.exitCode = check && total > 0 ? 1 : 0;
