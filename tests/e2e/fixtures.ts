// Every end-to-end test runs through these fixtures: a page that fails the test on any
// console error or uncaught exception, `otherPage` for another person's browser watched the same
// way, and an `axe` check for WCAG 2.1 A and AA.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
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

/** Fails the test on the page's console errors and uncaught exceptions (collected into `problems`). */
async function watch(page: Page, problems: string[]): Promise<void> {
  // Each test comes from an address of its own, as visitors behind the load balancer do (the
  // server trusts its loopback proxy, TRUST_PROXY=loopback): per-address limits such as ten
  // sign-ups an hour then count one test's requests, not the whole suite's.
  const octet = () => Math.floor(Math.random() * 254) + 1;
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `10.${octet()}.${octet()}.${octet()}` });
  // A document that answers 404 or 400 makes Chromium log "Failed to load resource": that
  // status is what the test itself asserts, so only the main documents are exempt, and a form
  // sent once the page is hydrated, whose answer (400 with the field errors) comes back as
  // Remix's .data request instead of a document.
  const documents = new Set<string>();
  page.on("request", (request) => {
    const formData = request.method() === "POST" && new URL(request.url()).pathname.endsWith(".data");
    if (request.isNavigationRequest() || formData) documents.add(request.url());
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (message.text().startsWith("Failed to load resource") && documents.has(message.location().url)) return;
    problems.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught exception: ${error.stack ?? error.message}`));
}

export const test = base.extend<{ axe: (page?: Page) => Promise<void>; otherPage: (locale: string) => Promise<Page> }>({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    await watch(page, problems);
    await use(page);
    expect(problems, "the page logged errors").toEqual([]);
  },
  // Another person's browser (a context of its own, speaking `locale`), watched the same way.
  otherPage: async ({ browser }, use) => {
    const problems: string[] = [];
    const contexts: BrowserContext[] = [];
    await use(async (locale) => {
      const context = await browser.newContext({ locale });
      contexts.push(context);
      const page = await context.newPage();
      await watch(page, problems);
      return page;
    });
    for (const context of contexts) await context.close();
    expect(problems, "another person's page logged errors").toEqual([]);
  },
  axe: async ({ page }, use) => {
    await use(async (target = page) => {
      const { violations } = await new AxeBuilder({ page: target }).withTags(WCAG_TAGS).analyze();
      expect(violations, `accessibility violations on ${target.url()}:\n${describeViolations(violations)}`).toEqual([]);
    });
  },
});

export { expect };
