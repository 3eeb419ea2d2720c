// A console.error during a test is almost always a bug nobody asserted on (React warnings,
// swallowed exceptions): the test that caused it fails, with the message attached. One in a
// beforeAll or afterAll hook fails the file the same way (the first test after it, or the file's
// last hook), instead of scrolling by unnoticed.
import { format } from "node:util";
import { afterAll, afterEach, beforeEach, vi } from "vitest";

let calls: unknown[][] = [];

function recordConsoleErrors() {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    calls.push(args);
  });
}

function failOn(recorded: unknown[][], when: string) {
  if (recorded.length === 0) return;
  const messages = recorded.map((args) => format(...args)).join("\n---\n");
  throw new Error(`console.error was called ${when}:\n${messages}`);
}

function takeCalls(): unknown[][] {
  const taken = calls;
  calls = [];
  return taken;
}

// From the moment the file loads, so that the file's own beforeAll hooks are watched too.
recordConsoleErrors();

beforeEach(() => {
  failOn(takeCalls(), "before this test (in a beforeAll hook or between tests)");
  // A test may have restored every mock; watch again.
  if (!vi.isMockFunction(console.error)) recordConsoleErrors();
});

afterEach(() => {
  failOn(takeCalls(), "during this test");
});

// Registered first, so it runs after the file's own afterAll hooks.
afterAll(() => {
  const left = takeCalls();
  if (vi.isMockFunction(console.error)) vi.mocked(console.error).mockRestore();
  failOn(left, "in a beforeAll or afterAll hook");
});
