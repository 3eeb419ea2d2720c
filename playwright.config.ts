import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/** CHROMIUM_PATH, else the system's chromium, else the browser Playwright installed (if any). */
function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
}

function freePort(): string {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}

// Chosen once by the runner; the workers it forks inherit the environment, so they agree.
process.env.E2E_PORT ??= freePort();
// The server writes its emails here (serve.ts passes it on as MAIL_DIR); the tests read them.
process.env.E2E_MAIL_DIR ??= path.join(os.tmpdir(), `alliance-e2e-mail-${process.pid}-${Date.now()}`);
const port = Number(process.env.E2E_PORT);
// The server runs in local mode (no APP_URL), whose public URL, in emails and the API, is
// http://localhost:PORT: the browser uses the same address, so links lead back to its session.
const baseURL = `http://localhost:${port}`;

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};
// Specs that publish initiatives, and the specs that count the demo data set's initiatives.
const PUBLISHING_JOURNEYS = /coalitions-(journeys|approval)\.spec\.ts$/;
const DEMO_COUNTS = /(public-browsing|api)\.spec\.ts$/;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  // Generous: the suite shares two cores with the server and the browser.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "en-GB",
    trace: "retain-on-failure",
  },
  // The coalition journeys publish initiatives of their own (proposed, then approved by staff),
  // which changes the portal's public figures: they run after the specs that check the demo's
  // counts of public and active initiatives. Everything else runs beside both.
  projects: [
    { name: "chromium", testIgnore: [PUBLISHING_JOURNEYS, DEMO_COUNTS], use: browser },
    { name: "demo-counts", testMatch: DEMO_COUNTS, use: browser },
    { name: "journeys", testMatch: PUBLISHING_JOURNEYS, dependencies: ["demo-counts"], use: browser },
  ],
  webServer: {
    command: "node --import tsx tests/e2e/serve.ts",
    url: `http://127.0.0.1:${port}/readyz`,
    // serve.ts creates, migrates and seeds a fresh database (PostgreSQL or PGlite) first.
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      // The tests' own HTTP client speaks plain http: secure cookies would never come back to it.
      INSECURE_COOKIES: "1",
      // The tests' pages name their own client address (tests/e2e/fixtures.ts), as a balancer would.
      TRUST_PROXY: "loopback",
      SESSION_SECRET: "e2e-session-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    },
  },
});
