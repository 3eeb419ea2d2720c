// Mutation testing file by file (npm run test:mutation [-- app/auth/x.ts …]): a Stryker run per
// source file, with only the test files written for that code (Stryker's --testFiles). Run over
// all of app/auth at once, every mutant of a module the whole app imports (the session, the
// guards) re-ran a dozen integration files, each re-importing the app and copying a database:
// about 45 s a mutant, hours in all. A file at a time the dry run takes seconds to a few minutes,
// and each file's result is kept (reports/stryker/<file>.json) when a later one is interrupted.
// The score is what these tests kill; the whole suite could only kill more.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const unit = (name) => `tests/unit/${name}.test.ts`;
const integration = (name) => `tests/integration/${name}.test.ts`;

/** Each mutated file and the tests that are about it. */
export const TESTS_FOR = {
  "app/auth/audit.server.ts": [integration("audit-trail"), integration("auth-sessions")],
  // The unit tests load the auth modules under each environment they need (TOTP key, staff two-factor).
  "app/auth/config.server.ts": [unit("auth-config"), unit("auth-session-cookie"), unit("auth-session-cookie-local")],
  "app/auth/csrf.server.ts": [unit("csrf")],
  "app/auth/honeypot.ts": [unit("honeypot")],
  "app/auth/password-policy.server.ts": [unit("auth-password-policy")],
  "app/auth/password.server.ts": [unit("password")],
  // The guards called directly; auth-staff reaches the same guards through the staff pages, at several times the cost a mutant.
  "app/auth/permissions.server.ts": [unit("auth-can"), integration("auth-guards"), integration("auth-permissions")],
  // The counters themselves, on the database; auth-rate-limits tests the limits built on them through sign-in (minutes a mutant).
  "app/auth/rate-limit.server.ts": [integration("rate-limit-counters")],
  "app/auth/schemas.ts": [unit("auth-schemas"), unit("auth-form-errors"), unit("auth-password-policy")],
  "app/auth/session.server.ts": [unit("auth-session-cookie"), unit("auth-session-cookie-local"), integration("session-store"), integration("auth-sessions")],
  // Issued for an email (sign-up, a forgotten password) directly there too; the sign-up and equal-work tests go through the forms.
  "app/auth/tokens.server.ts": [integration("auth-tokens")],
  "app/auth/totp.server.ts": [unit("auth-totp"), unit("auth-config"), integration("totp-codes"), integration("auth-two-factor")],
};

const ACCOUNT_TESTS = ["auth-sessions", "auth-signup", "auth-account", "auth-tokens", "auth-equal-work", "auth-rate-limits", "auth-two-factor", "auth-staff", "bootstrap"].map(integration);
for (const file of fs.readdirSync("app/domain/accounts").filter((f) => f.endsWith(".ts")).sort()) {
  TESTS_FOR[`app/domain/accounts/${file}`] = ACCOUNT_TESTS;
}

const slug = (file) => file.replace(/^app\//, "").replace(/[/.]/g, "_");
const reportOf = (file) => path.join("reports", "stryker", `${slug(file)}.json`);

function run(file, extra) {
  fs.mkdirSync(path.join("reports", "stryker"), { recursive: true });
  const started = Date.now();
  const result = spawnSync(
    "npx",
    [
      "stryker",
      "run",
      "--mutate",
      file,
      "--testFiles",
      TESTS_FOR[file].join(","),
      "--incrementalFile",
      path.join("reports", "stryker", `${slug(file)}.incremental.json`),
      // Under the directory Stryker always leaves out of its sandboxes, one per file: two files can be run at once.
      "--tempDirName",
      path.join(".stryker-tmp", slug(file)),
      ...extra,
    ],
    // Read by stryker.config.mjs: each file's report goes to its own place.
    { stdio: "inherit", env: { ...process.env, STRYKER_REPORT: path.join("reports", "stryker", slug(file)) } },
  );
  if (result.status !== 0) throw new Error(`stryker failed on ${file}`);
  console.log(`${file}: ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Killed and timed-out mutants over all but the ignored ones, as Stryker counts its score. */
function summary(files) {
  const rows = [];
  const total = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, RuntimeError: 0, CompileError: 0 };
  for (const file of files) {
    if (!fs.existsSync(reportOf(file))) continue;
    const report = JSON.parse(fs.readFileSync(reportOf(file), "utf8"));
    const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, RuntimeError: 0, CompileError: 0 };
    for (const mutant of report.files[file]?.mutants ?? []) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
    for (const key of Object.keys(total)) total[key] += counts[key];
    rows.push([file, counts]);
  }
  const score = (c) => {
    const detected = c.Killed + c.Timeout;
    const valid = detected + c.Survived + c.NoCoverage;
    return valid ? `${((100 * detected) / valid).toFixed(1)} %` : "n/a";
  };
  // Under load a mutant that does not hang can time out: the second score counts timeouts as survivors.
  const strict = (c) => score({ ...c, Killed: c.Killed, Timeout: 0, Survived: c.Survived + c.Timeout });
  console.log("| file | killed | timed out | survived | no coverage | ignored (static or marked equivalent) | score | score, timeouts not counted |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const [file, c] of [...rows, ["total", total]]) {
    console.log(`| ${file} | ${c.Killed} | ${c.Timeout} | ${c.Survived} | ${c.NoCoverage} | ${c.Ignored} | ${score(c)} | ${strict(c)} |`);
  }
}

// Files to mutate, --summary for the table alone; anything else goes to Stryker (--concurrency 1).
const args = process.argv.slice(2);
const summaryOnly = args.includes("--summary");
const asked = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--concurrency"));
const extra = args.filter((a, i) => a !== "--summary" && !asked.includes(a) && (a.startsWith("--") || args[i - 1]?.startsWith("--")));
const files = asked.length ? asked : Object.keys(TESTS_FOR).filter((f) => f.startsWith("app/auth/"));
for (const file of files) if (!TESTS_FOR[file]) throw new Error(`no tests listed for ${file} in scripts/mutation.mjs`);
if (!summaryOnly) for (const file of files) run(file, extra);
summary(files);
