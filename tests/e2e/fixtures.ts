// Every end-to-end test runs through these fixtures: a page that fails the test on any
// console error or uncaught exception, and an `axe` check for WCAG 2.1 A and AA.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import type { Result } from "axe-core";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ") ?? ""}`);
      return `[${v.impact ?? "?"}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes.join("\n")}`;
    })
    .join("\n\n");
}

export const test = base.extend<{ axe: (page?: Page) => Promise<void> }>({
  page: async ({ page }, use) => {
    // Each test comes from an address of its own, as visitors behind the load balancer do (the
    // server trusts its loopback proxy, TRUST_PROXY=loopback): per-address limits such as ten
    // sign-ups an hour then count one test's requests, not the whole suite's.
    const octet = () => Math.floor(Math.random() * 254) + 1;
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": `10.${octet()}.${octet()}.${octet()}` });
    const problems: string[] = [];
    // A document that answers 404 or 400 makes Chromium log "Failed to load resource": that
    // status is what the test itself asserts, so only the main documents are exempt.
    const documents = new Set<string>();
    page.on("request", (request) => {
      if (request.isNavigationRequest()) documents.add(request.url());
    });
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (message.text().startsWith("Failed to load resource") && documents.has(message.location().url)) return;
      problems.push(`console.error: ${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => problems.push(`uncaught exception: ${error.stack ?? error.message}`));
    await use(page);
    expect(problems, "the page logged errors").toEqual([]);
  },
  axe: async ({ page }, use) => {
    await use(async (target = page) => {
      const { violations } = await new AxeBuilder({ page: target }).withTags(WCAG_TAGS).analyze();
      expect(violations, `accessibility violations on ${target.url()}:\n${describeViolations(violations)}`).toEqual([]);
    });
  },
});

export { expect };
