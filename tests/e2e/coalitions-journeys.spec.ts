// Coalition journeys in the browser, in English, French and Spanish (each run with its own
// people and initiatives, tests/e2e/cast.ts, so the three never wait for each other): a State's
// focal point proposes an initiative; staff approve it; another State's focal point joins it
// (open policy), appears on its page and in the API with the date, withdraws after confirming,
// and the timeline keeps both dates; joining it never shows the State on another initiative.
// Every text is read from the run's translation files; each page of the journey is axe-checked;
// the proposer's email comes in their language.
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { PARIS_CALL, GENDER } from "./demo";
import { submit } from "./auth-steps";
import { approveProposal, browserLocale, fill, propose, signInAs, texts, today } from "./coalition-steps";
import { LANGUAGES, castFor } from "./cast";
import { expect, test } from "./fixtures";
import { linkIn, waitForEmail } from "./mailbox";
import { ORIGIN } from "./auth-steps";

// Beside the test results, git-ignored: E2E_SCREENS=1 npx playwright test … writes them there.
const SCREENS = "test-results/screens";

/** Screenshots for the design notes, at desktop and phone widths: only when asked (E2E_SCREENS=1), they are slow. */
async function shoot(page: Page, name: string) {
  if (!process.env.E2E_SCREENS) return;
  fs.mkdirSync(SCREENS, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

const PROPOSALS = {
  en: { title: "Safe skies for civil aviation", summary: "States commit to protect civil aviation from cyber attacks." },
  fr: { title: "Un ciel sûr pour l’aviation civile", summary: "Les États s’engagent à protéger l’aviation civile des attaques informatiques." },
  es: { title: "Cielos seguros para la aviación civil", summary: "Los Estados se comprometen a proteger la aviación civil de los ataques informáticos." },
};

for (const lng of LANGUAGES) {
  test.describe(`in ${lng}`, () => {
    test.use({ locale: browserLocale(lng) });

    test("a focal point proposes, staff approve, another State joins (open), appears with its date, withdraws after confirming; another initiative never shows it", async ({ page, otherPage, axe }) => {
      // A long journey of three people with six accessibility checks, on a machine shared with the suite.
      test.setTimeout(420_000);
      const cast = castFor(lng);
      const c = texts(lng, "coalitions");
      const detail = texts(lng, "initiatives").detail;
      const { title, summary } = PROPOSALS[lng];
      const date = today(lng);

      // The proposal: bad input first (errors beside the fields, nothing saved), then sent.
      await signInAs(page, cast.proposer, lng);
      await page.goto("/initiatives/new");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.propose.title);
      await axe();
      await submit(page, c.propose.submit).click();
      await expect(page.getByText(c.errors.titleRequired)).toBeVisible();
      await propose(page, lng, { title, summary, policy: "open" });
      await expect(page.getByLabel(c.form.title, { exact: true })).toHaveValue(title);
      if (lng === "en") await shoot(page, "propose-submitted");
      const hidden = await page.request.get(`/api/v1/initiatives?q=${encodeURIComponent(title)}`);
      expect(((await hidden.json()) as { data: unknown[] }).data).toEqual([]);

      // Staff approve it; the proposer is told in their language and the link leads to its page.
      const staff = await otherPage(browserLocale(lng));
      await signInAs(staff, cast.staffOpen, lng);
      await approveProposal(staff, lng, title, axe);
      const approvedMail = texts(lng, "emails").coalitionReviewApproved;
      const approved = await waitForEmail(cast.proposer.email, fill(approvedMail.body[0], { initiative: title }));
      expect(approved.subject).toBe(fill(approvedMail.subject, { initiative: title }));
      const slug = approved.text.match(new RegExp(`${ORIGIN}/initiatives/([a-z0-9-]+)`))?.[1];
      expect(slug, approved.text).toBeTruthy();
      const link = linkIn(approved, ORIGIN, `/initiatives/${slug}`);

      // Another State's focal point, first as a visitor: the page says how to take part.
      const joiner = await otherPage(browserLocale(lng));
      const state = cast.joiner.state![lng];
      await joiner.goto(link);
      await expect(joiner.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(joiner.getByRole("heading", { name: c.next.heading })).toBeVisible();
      await expect(joiner.getByRole("main").getByRole("link", { name: c.next.signIn, exact: true })).toBeVisible();
      await signInAs(joiner, cast.joiner, lng);
      await joiner.goto(`/initiatives/${slug}`);
      await expect(joiner.getByText(c.next.openHint)).toBeVisible();
      const join = submit(joiner, fill(c.next.joinAs, { actor: state }));
      await axe(joiner);
      if (lng === "en") await shoot(joiner, "initiative-join");
      await join.click();
      await expect(joiner.getByRole("status")).toContainText(c.notice.joined);
      await expect(joiner.getByText(fill(c.next.supports, { actor: state, date }))).toBeVisible();
      const supporters = joiner.getByRole("region", { name: detail.supporters, exact: true });
      await expect(supporters.getByRole("link", { name: state })).toBeVisible();
      const history = joiner.getByRole("region", { name: c.timeline.heading }).getByRole("listitem");
      await expect(history.first()).toContainText(`${date} — ${fill(c.timeline.joined_supporter, { actor: state })}`);
      await axe(joiner);

      // The API gives the State among the supporters with today's date, and the join event.
      const api = (await (await joiner.request.get(`/api/v1/initiatives/${slug}`)).json()) as {
        data: { supporters: { name: string; since: string }[]; events: { kind: string; name: string }[] };
      };
      expect(api.data.supporters.find((s) => s.name === cast.joiner.state!.en)?.since.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
      expect(api.data.events.at(-1)).toMatchObject({ kind: "joined", name: cast.joiner.state!.en });

      // Joining this initiative says nothing about another: not listed there, still free to ask.
      const other = (await (await joiner.request.get(`/api/v1/initiatives/${GENDER.slug}`)).json()) as { data: { supporters: { name: string }[]; leads: { name: string }[] } };
      expect([...other.data.supporters, ...other.data.leads].map((s) => s.name)).not.toContain(cast.joiner.state!.en);
      await joiner.goto(`/initiatives/${GENDER.slug}`);
      await expect(submit(joiner, fill(c.next.requestJoinAs, { actor: state }))).toBeVisible();
      await expect(joiner.getByRole("region", { name: detail.supporters, exact: true }).getByRole("link", { name: state })).toHaveCount(0);

      // Withdrawing asks first; the history then keeps both dates, newest first.
      await joiner.goto(`/initiatives/${slug}`);
      await joiner.getByRole("link", { name: fill(c.next.withdraw, { actor: state }) }).click();
      await expect(joiner.getByRole("heading", { level: 1 })).toHaveText(fill(c.withdraw.question, { actor: state, initiative: title }));
      await axe(joiner);
      if (lng === "en") await shoot(joiner, "withdraw-confirm");
      await submit(joiner, fill(c.withdraw.confirm, { actor: state })).click();
      await expect(joiner.getByRole("status")).toContainText(c.notice.withdrawn);
      await expect(history.nth(0)).toContainText(`${date} — ${fill(c.timeline.withdrawn_supporter, { actor: state })}`);
      await expect(history.nth(1)).toContainText(`${date} — ${fill(c.timeline.joined_supporter, { actor: state })}`);
      await expect(joiner.getByRole("region", { name: detail.supporters, exact: true }).getByRole("link", { name: state })).toHaveCount(0);
      if (lng === "en") await shoot(joiner, "initiative-after-withdraw");
    });
  });
}

// The as-of view, in each language chosen with ?lng= in the address, as a shared link would carry it.
for (const lng of LANGUAGES) {
  test(`in ${lng} (?lng=): the coalition as of a past date, and a date that is not one`, async ({ page, axe }) => {
    test.setTimeout(120_000);
    const timeline = texts(lng, "coalitions").timeline;
    const newYear = new Intl.DateTimeFormat(browserLocale(lng), { dateStyle: "long", timeZone: "UTC" }).format(new Date("2019-01-01T12:00:00Z"));
    await page.goto(`/initiatives/${PARIS_CALL.slug}?asOf=2019-01-01&lng=${lng}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    await expect(page.getByText(fill(timeline.asOfNotice, { date: newYear }))).toBeVisible();
    await axe();
    if (lng === "en") await shoot(page, "initiative-as-of");
    await page.goto(`/initiatives/${PARIS_CALL.slug}?asOf=2019-02-30&lng=${lng}`);
    await expect(page.getByText(timeline.asOfInvalid)).toBeVisible();
  });
}

// Without JavaScript the co-lead field is a plain text field, resolved when the form is sent: a
// name no approved actor starts with, and one several do, come back beside the field (the second
// with the candidates to tick), together with the form's other errors; nothing is saved until
// every name is found.
for (const lng of LANGUAGES) {
  test.describe(`in ${lng}, without JavaScript`, () => {
    test.use({ locale: browserLocale(lng), javaScriptEnabled: false });

    test("co-leads typed by name: an unknown and an ambiguous name are field errors with choices; a ticked choice stays chosen", async ({ page }) => {
      test.setTimeout(120_000);
      const cast = castFor(lng);
      const c = texts(lng, "coalitions");
      await signInAs(page, cast.proposer, lng);
      await page.goto("/initiatives/new");
      const field = page.getByLabel(c.propose.coLeads, { exact: true });
      await field.fill("Qqzzx; gu");
      await submit(page, c.propose.submit).click();
      await expect(page.getByText(fill(c.propose.coLeadNone, { name: "Qqzzx" }))).toBeVisible();
      await expect(page.getByText(fill(c.propose.coLeadSeveral, { name: "gu" }))).toBeVisible();
      await expect(page.getByText(c.errors.titleRequired)).toBeVisible();
      await expect(field).toHaveAttribute("aria-invalid", "true");
      // The unknown name stays to be corrected; the ambiguous one became choices.
      await expect(field).toHaveValue("Qqzzx");
      const guatemala = page.getByRole("checkbox", { name: "Guatemala", exact: true });
      await expect(guatemala).not.toBeChecked();
      await guatemala.check();
      await field.fill("");
      await submit(page, c.propose.submit).click();
      await expect(page.getByRole("group", { name: c.propose.coLeadsChosen }).getByRole("checkbox", { name: "Guatemala", exact: true })).toBeChecked();
      await expect(page.getByText(fill(c.propose.coLeadNone, { name: "Qqzzx" }))).toHaveCount(0);
      await expect(field).not.toHaveAttribute("aria-invalid", "true");
      // Still the empty title: nothing was sent to the secretariat.
      await expect(page.getByText(c.errors.titleRequired)).toBeVisible();
      await expect(page.getByText(c.propose.submitted)).toHaveCount(0);
    });
  });
}

// The suggestions speak the page's language, even when a ?lng= link chose it over the person's
// own: a French focal point reading the form in English is offered "Germany", not "Allemagne".
test.describe("in a French browser", () => {
  test.use({ locale: browserLocale("fr") });

  test("the co-lead suggestions follow the page's language, chosen by ?lng= over the profile's", async ({ page }) => {
    const cast = castFor("fr");
    await signInAs(page, cast.proposer, "fr");
    await page.goto("/initiatives/new?lng=en");
    const c = texts("en", "coalitions");
    await page.getByLabel(c.propose.coLeads, { exact: true }).pressSequentially("Germ");
    await expect(page.getByRole("listbox", { name: c.propose.coLeadSuggestions }).getByRole("option")).toHaveText(["Germany"]);
  });
});
