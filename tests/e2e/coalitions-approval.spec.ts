// The approval-policy journey in the browser, in English, French and Spanish (each run with its
// own people and initiative, tests/e2e/cast.ts): a focal point proposes an initiative whose leads
// approve each request and staff approve it; two States ask to join; the lead hears of each by
// email and sees them on the dashboard, declines one with a reason (required) and accepts the
// other; each requesting State is told by email in its representative's language (one reads
// the portal in the run's language but has a profile in another); the page and the API then
// show the accepted State only. Every text is read from the translation files; axe-checked.
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { submit, switchLanguage } from "./auth-steps";
import { approveProposal, browserLocale, fill, propose, signInAs, texts, today } from "./coalition-steps";
import { LANGUAGES, castFor, type CastMember, type Lng } from "./cast";
import { expect, test } from "./fixtures";
import { waitForEmail } from "./mailbox";

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
  en: { title: "Clean water for peace operations", summary: "States share ways to bring safe water to peace operations and the people around them." },
  fr: { title: "De l’eau potable pour les opérations de paix", summary: "Les États partagent leurs moyens d’apporter de l’eau potable aux opérations de paix." },
  es: { title: "Agua potable para las operaciones de paz", summary: "Los Estados comparten formas de llevar agua potable a las operaciones de paz." },
};
const REASONS = {
  en: "The partnership takes no new members until its first report is out.",
  fr: "Le partenariat n’accueille pas de nouveaux membres avant son premier rapport.",
  es: "La asociación no admite nuevos miembros hasta su primer informe.",
};

/** The co-lead the lead invites when proposing: a State none of the journeys' people represents. */
const CO_LEAD = { en: "Finland", fr: "Finlande", es: "Finlandia" };

/** A State's focal point asks to join, reading the portal in `lng`; the page says the request waits. */
async function requestToJoin(page: Page, person: CastMember, lng: Lng, slug: string) {
  const c = texts(lng, "coalitions");
  const state = person.state![lng];
  await signInAs(page, person, lng);
  await page.goto(`/initiatives/${slug}`);
  // Profile in another language: the visitor switches to the one they read.
  if (person.locale !== lng) await switchLanguage(page, lng);
  await expect(page.getByText(c.next.approvalHint)).toBeVisible();
  await submit(page, fill(c.next.requestJoinAs, { actor: state })).click();
  await expect(page.getByRole("status")).toContainText(c.notice.requested);
  await expect(page.getByText(fill(c.next.requested, { actor: state, date: today(lng) }))).toBeVisible();
}

for (const lng of LANGUAGES) {
  test.describe(`in ${lng}`, () => {
    test.use({ locale: browserLocale(lng) });

    test("approval policy: two requests wait for the lead, who declines one with a reason and accepts the other; each side is emailed in its language", async ({ page, otherPage, axe }) => {
      // Four people, five accessibility checks, on a machine shared with the suite.
      test.setTimeout(480_000);
      const cast = castFor(lng);
      const c = texts(lng, "coalitions");
      const { title, summary } = PROPOSALS[lng];
      const declinedState = cast.declined.state!;
      const acceptedState = cast.accepted.state!;

      // The lead proposes; staff approve; the lead's email carries the initiative's address.
      await signInAs(page, cast.lead, lng);
      // With a co-lead chosen from the suggestions: invited, not a lead until it accepts.
      await propose(page, lng, { title, summary, policy: "approval", coLead: CO_LEAD[lng] }, axe);
      const staff = await otherPage(browserLocale(lng));
      await signInAs(staff, cast.staffApproval, lng);
      // The queue page was axe-checked in the open journey of this language.
      await approveProposal(staff, lng, title);
      const approvedMail = texts(lng, "emails").coalitionReviewApproved;
      const approved = await waitForEmail(cast.lead.email, fill(approvedMail.body[0], { initiative: title }));
      const slug = approved.text.match(/\/initiatives\/([a-z0-9-]+)/)?.[1];
      expect(slug).toBeTruthy();

      // Two States ask to join; the first reads the portal in the run's language, its profile in another.
      const declinedPage = await otherPage(browserLocale(lng));
      await requestToJoin(declinedPage, cast.declined, lng, slug!);
      await axe(declinedPage);
      const acceptedPage = await otherPage(browserLocale(lng));
      await requestToJoin(acceptedPage, cast.accepted, lng, slug!);

      // The lead hears of each request by email, in the lead's language, and sees both on the dashboard.
      const askedMail = texts(lng, "emails").coalitionJoinRequested;
      for (const state of [declinedState, acceptedState]) {
        const asked = await waitForEmail(cast.lead.email, fill(askedMail.body[0], { actor: state[lng], initiative: title }));
        expect(asked.subject).toBe(fill(askedMail.subject, { actor: state[lng], initiative: title }));
      }
      const work = texts(lng, "coalition-work").dashboard;
      await page.goto("/dashboard");
      const tasks = page.getByRole("region", { name: work.title });
      const line = tasks.getByRole("listitem").filter({ hasText: fill(work.toDecideLine, { actor: acceptedState[lng], initiative: title, date: today(lng) }) });
      await expect(line).toBeVisible();
      await expect(tasks.getByRole("listitem").filter({ hasText: fill(work.toDecideLine, { actor: declinedState[lng], initiative: title, date: today(lng) }) })).toBeVisible();
      await axe();
      if (lng === "en") await shoot(page, "dashboard-coalitions");
      await line.getByRole("link", { name: new RegExp(`^${work.decide}`) }).click();
      await expect(page).toHaveURL(`/initiatives/${slug}/manage#requests`);

      // Declining needs a reason; then one request is declined and the other accepted.
      const requests = page.getByRole("region", { name: c.manage.requests });
      const declineRequest = () => requests.getByRole("listitem").filter({ hasText: declinedState[lng] });
      await declineRequest().getByRole("button", { name: fill(c.manage.decline, { actor: declinedState[lng] }) }).click();
      await expect(declineRequest()).toContainText(c.errors.reasonRequired);
      await declineRequest().getByLabel(c.manage.declineReason).fill(REASONS[lng]);
      await declineRequest().getByRole("button", { name: fill(c.manage.decline, { actor: declinedState[lng] }) }).click();
      await expect(page.getByRole("status")).toHaveText(c.manage.notice.declined);
      await expect(declineRequest()).toHaveCount(0);
      await requests.getByRole("listitem").filter({ hasText: acceptedState[lng] }).getByRole("button", { name: fill(c.manage.accept, { actor: acceptedState[lng] }) }).click();
      await expect(page.getByRole("status")).toHaveText(c.manage.notice.accepted);
      await expect(requests).toContainText(c.manage.noRequests);
      await expect(page.getByRole("region", { name: c.manage.leadership })).toContainText(fill(c.manage.invitationsOut, { names: CO_LEAD[lng] }));
      await axe();
      if (lng === "en") await shoot(page, "manage-with-handover");

      // Each State's representative is told in the language of their own profile.
      const other = cast.declined.locale;
      const declinedMail = texts(other, "emails").coalitionRequestDeclined;
      const declined = await waitForEmail(cast.declined.email, REASONS[lng]);
      expect(declined.subject).toBe(fill(declinedMail.subject, { initiative: title }));
      expect(declined.text).toContain(fill(declinedMail.body[0], { actor: declinedState[other], initiative: title }));
      expect(declined.text).toContain(fill(declinedMail.body[1], { reason: REASONS[lng] }));
      const acceptedMail = texts(lng, "emails").coalitionRequestAccepted;
      const accepted = await waitForEmail(cast.accepted.email, fill(acceptedMail.body[0], { actor: acceptedState[lng], initiative: title }));
      expect(accepted.subject).toBe(fill(acceptedMail.subject, { actor: acceptedState[lng], initiative: title }));

      // The accepted State appears with today's date; the declined one may ask again.
      await acceptedPage.goto(`/initiatives/${slug}`);
      await expect(acceptedPage.getByText(fill(c.next.supports, { actor: acceptedState[lng], date: today(lng) }))).toBeVisible();
      await declinedPage.goto(`/initiatives/${slug}`);
      await expect(declinedPage.getByText(fill(c.next.declined, { actor: declinedState[lng] }))).toBeVisible();
      await axe(declinedPage);
      const api = (await (await page.request.get(`/api/v1/initiatives/${slug}`)).json()) as { data: { supporters: { name: string }[] } };
      const names = api.data.supporters.map((s) => s.name);
      expect(names).toContain(acceptedState.en);
      expect(names).not.toContain(declinedState.en);
    });
  });
}
