// Mutation testing (npm run test:mutation, by hand: it takes a long while): Stryker changes the
// code of the sign-in, session, permission and account rules one small bug at a time and runs
// the tests that cover each change; a mutant that survives is a bug the suite would let through.
// Run it on PostgreSQL (DATABASE_URL) as the suite is meant to be run; docs/security.md records
// the score. Narrow it with `npx stryker run --mutate app/auth/totp.server.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.stryker.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "app/auth/**/*.ts",
    "app/domain/accounts.server.ts",
    "app/domain/accounts/**/*.ts",
    // Constants and schemas only: their mutants are caught by the typecheck or mean nothing.
    "!app/auth/data/**",
  ],
  coverageAnalysis: "perTest",
  // A static mutant (a constant read at import) needs the whole suite per mutant: hours on this
  // machine. They are reported as ignored, not counted in the score.
  ignoreStatic: true,
  // Later runs re-test only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  // The machine has two cores shared with other work.
  concurrency: 2,
  // A mutant that makes a test hang is killed (as a timeout) after its tests' own time × 1.5, the
  // dry run's start-up time, and this; 30 s with × 2 made every such mutant cost more than a
  // minute. At 10 s, load from other work made mutants that do not hang time out (and count as
  // killed): 20 s. docs/security.md lists timeouts apart.
  timeoutMS: 20_000,
  // The first run of the whole suite, under load on a shared machine, takes minutes.
  dryRunTimeoutMinutes: 30,
  timeoutFactor: 1.5,
  reporters: ["clear-text", "progress", "html", "json"],
  // scripts/mutation.mjs (npm run test:mutation) sets STRYKER_REPORT to keep one report per file.
  htmlReporter: { fileName: `${process.env.STRYKER_REPORT ?? "reports/mutation/index"}.html` },
  jsonReporter: { fileName: `${process.env.STRYKER_REPORT ?? "reports/mutation/mutation"}.json` },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  // Anchored: a bare "data" would also drop app/auth/data, and the tests that need it would vanish silently.
  // /.stryker-tmp: scripts/mutation.mjs keeps one sandbox per file there, which the next would copy.
  ignorePatterns: ["/.stryker-tmp", "/build", "/public/build", "/data", "/test-results", "/playwright-report", "/reports", "/tests/e2e"],
  thresholds: { high: 90, low: 80, break: null },
};
