// The vitest configuration of mutation runs (stryker.config.mjs) only: the same projects, with
// time limits for a machine that runs the tests of two mutants at once, instrumented, beside
// other work. A unit test that took 2 s failed its dry run at vitest's 5 s default; the time a
// test takes is never what it asserts, and Stryker's own timeout still ends a mutant that hangs.
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

const projects = (base.test?.projects ?? []).map((project) =>
  typeof project === "object" && "test" in project ? { ...project, test: { ...project.test, testTimeout: 60_000, hookTimeout: 120_000 } } : project,
);

export default defineConfig({ ...base, test: { ...base.test, projects } });
