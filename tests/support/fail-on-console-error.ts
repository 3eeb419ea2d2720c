// A console.error during a test is almost always a bug nobody asserted on (React warnings,
// swallowed exceptions): the test that caused it fails, with the message attached.
import { afterEach, beforeEach, vi } from "vitest";
import { format } from "node:util";

let calls: unknown[][] = [];

beforeEach(() => {
  calls = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    calls.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (calls.length > 0) {
    const messages = calls.map((args) => format(...args)).join("\n---\n");
    throw new Error(`console.error was called during this test:\n${messages}`);
  }
});
