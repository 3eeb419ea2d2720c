import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "~": fileURLToPath(new URL("./app", import.meta.url)) };

// Two projects so that unit tests never pay for a database template.
export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    // Its ESM entry imports JSON without an import attribute, which Node refuses; Vite does not.
    server: { deps: { inline: ["world-countries"] } },
    // The machine has two cores; each integration file holds its own database.
    maxWorkers: 2,
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          globalSetup: ["tests/support/database-template.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
