// Meetings through the real routes on a real database: a lead posts, changes and cancels; the
// participants' representatives (and no one else) are told, in their language; the online link
// stays out of everything public; the calendars, parsed back with ical.js, keep one UID, raise
// SEQUENCE and say CANCELLED; bad input is refused field by field and changes nothing.
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { auditEvents, meetings } from "~/db/schema";
import * as apiInitiative from "~/routes/api.v1.initiatives.$slug";
import * as initiativePage from "~/routes/initiatives.$slug";
import * as initiativeFeed from "~/routes/initiatives.$slug_.meetings[.ics]";
import * as changeRoute from "~/routes/initiatives.$slug_.manage_.meetings.$id";
import * as leadList from "~/routes/initiatives.$slug_.manage_.meetings._index";
import * as newRoute from "~/routes/initiatives.$slug_.manage_.meetings.new";
import * as meetingFile from "~/routes/meetings.$id[.ics]";
import * as meetingsPage from "~/routes/meetings._index";
import * as allFeed from "~/routes/meetings[.ics]";
import * as dashboard from "~/routes/dashboard._index";
import { createTranslation, ledInitiative, mailsTo, participateWithHistory } from "../support/coalitions";
import { useTestDatabase } from "../support/db";
import { createActor, createMember, createRepresentative } from "../support/directory";
import { callAction, callLoader, outcome, thrownOutcome, TEST_ORIGIN } from "../support/remix";

const t = useTestDatabase();
const YEAR = new Date().getUTCFullYear() + 1;
const ONLINE = "https://meet.example.org/secret-room-42";
// The last Sunday of March next year: Paris clocks jump from 02:00 to 03:00.
const SPRING_FORWARD = (() => {
  const day = new Date(Date.UTC(YEAR, 2, 31));
  day.setUTCDate(31 - day.getUTCDay());
  return day.toISOString().slice(0, 10);
})();

const form = (overrides: Record<string, string> = {}) => ({
  title: "Working group on connected products",
  timeZone: "Europe/Paris",
  startsAt: `${YEAR}-01-19T15:00`,
  endsAt: `${YEAR}-01-19T17:00`,
  place: "Paris, Quai d'Orsay",
  onlineUrl: ONLINE,
  agenda: "Draft good practices.",
  ...overrides,
});

/** A led initiative with a French-speaking participant, and an actor of another initiative. */
async function cast() {
  const led = await ledInitiative(t.db);
  const supporter = await createActor(t.db);
  const participant = await createRepresentative(t.db, supporter, {}, { locale: "fr" });
  await participateWithHistory(t.db, supporter, led.initiative);
  const elsewhere = await ledInitiative(t.db);
  const stranger = await createMember(t.db);
  return { ...led, participant, outsider: elsewhere.lead, outsiderInitiative: elsewhere.initiative, stranger };
}

function post(slug: string, cookie: string, fields: Record<string, string>) {
  return callAction(newRoute.action, `/initiatives/${slug}/manage/meetings/new`, { db: t.db, params: { slug }, headers: { Cookie: cookie }, form: fields });
}

function change(slug: string, id: string, cookie: string, fields: Record<string, string>) {
  return callAction(changeRoute.action, `/initiatives/${slug}/manage/meetings/${id}`, { db: t.db, params: { slug, id }, headers: { Cookie: cookie }, form: fields });
}

async function onlyMeeting(initiativeId: string) {
  const rows = await t.db.select().from(meetings).where(eq(meetings.initiativeId, initiativeId));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

async function ics(loader: (args: never) => unknown, path: string, params: Record<string, string>) {
  const res = await outcome(await callLoader(loader as never, path, { db: t.db, params }));
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
  return res.data as string;
}

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents("vevent") };
}

const templates = async (address: string) => (await mailsTo(t.db, address)).map((m) => m.template);

describe("a lead posts, changes and cancels a meeting", () => {
  it("each step is one change with its audit row, a rising sequence, and emails to participants only", async () => {
    const { initiative, lead, participant, outsider, stranger } = await cast();

    const posted = await outcome(await post(initiative.slug, lead.cookie, form()));
    expect(posted.status).toBe(302);
    expect(posted.headers.get("Location")).toBe(`/initiatives/${initiative.slug}/manage/meetings?notice=posted`);
    let row = await onlyMeeting(initiative.id);
    // 15:00 in Paris in January is 14:00 UTC; the zone is kept beside the instant.
    expect(row).toMatchObject({ timeZone: "Europe/Paris", sequence: 0, cancelledAt: null, onlineUrl: ONLINE });
    expect(row.startsAt.toISOString()).toBe(`${YEAR}-01-19T14:00:00.000Z`);

    const [mail] = await mailsTo(t.db, participant.user.email);
    expect(mail?.template).toBe("meetings:mail.posted");
    // In the participant's language, with the time in the meeting's zone and the link they may use.
    expect(mail?.subject).toContain("Nouvelle réunion");
    expect(mail?.textBody).toContain("15:00–17:00 (Europe/Paris");
    expect(mail?.textBody).toContain(ONLINE);
    expect(await templates(lead.user.email)).toEqual(["meetings:mail.posted"]);
    expect(await templates(outsider.user.email)).toEqual([]);
    expect(await templates(stranger.user.email)).toEqual([]);

    const changed = await outcome(await change(initiative.slug, row.id, lead.cookie, { ...form({ startsAt: `${YEAR}-01-19T16:00`, endsAt: `${YEAR}-01-19T18:00` }), intent: "change", sequence: "0" }));
    expect(changed.headers.get("Location")).toBe(`/initiatives/${initiative.slug}/manage/meetings?notice=changed`);
    row = await onlyMeeting(initiative.id);
    expect(row.sequence).toBe(1);
    expect(row.startsAt.toISOString()).toBe(`${YEAR}-01-19T15:00:00.000Z`);

    const cancelled = await outcome(await change(initiative.slug, row.id, lead.cookie, { intent: "cancel", confirm: "yes" }));
    expect(cancelled.headers.get("Location")).toBe(`/initiatives/${initiative.slug}/manage/meetings?notice=cancelled`);
    row = await onlyMeeting(initiative.id);
    expect(row.sequence).toBe(2);
    expect(row.cancelledAt).not.toBeNull();
    // Cancelling twice (a double click) changes and sends nothing more.
    await change(initiative.slug, row.id, lead.cookie, { intent: "cancel", confirm: "yes" });
    expect((await onlyMeeting(initiative.id)).sequence).toBe(2);

    expect(await templates(participant.user.email)).toEqual(["meetings:mail.posted", "meetings:mail.changed", "meetings:mail.cancelled"]);
    expect(await templates(outsider.user.email)).toEqual([]);
    const audit = await t.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectId, row.id));
    expect(audit.map((a) => a.action)).toEqual(["meeting.post", "meeting.change", "meeting.cancel"]);

    // The public page still lists it, as cancelled.
    const page = await callLoader(initiativePage.loader, `/initiatives/${initiative.slug}`, { db: t.db, params: { slug: initiative.slug } });
    expect(page.upcoming).toEqual([expect.objectContaining({ id: row.id, cancelled: true })]);
  });

  it("a change made meanwhile by another lead is never overwritten unseen", async () => {
    const { initiative, lead } = await cast();
    await post(initiative.slug, lead.cookie, form());
    const row = await onlyMeeting(initiative.id);
    await change(initiative.slug, row.id, lead.cookie, { ...form({ title: "First edit" }), intent: "change", sequence: "0" });
    const late = await outcome(await change(initiative.slug, row.id, lead.cookie, { ...form({ title: "Second edit" }), intent: "change", sequence: "0" }));
    expect(late.status).toBe(409);
    expect(JSON.stringify(late.data)).toContain("errors.stale");
    expect((await onlyMeeting(initiative.id)).title).toBe("First edit");
  });

  it("only leads of that initiative may post, change or cancel, and only its own meetings", async () => {
    const { initiative, lead, participant, outsider, outsiderInitiative } = await cast();
    await post(initiative.slug, lead.cookie, form());
    const row = await onlyMeeting(initiative.id);
    expect((await thrownOutcome(post(initiative.slug, participant.cookie, form()))).status).toBe(403);
    expect((await thrownOutcome(change(initiative.slug, row.id, outsider.cookie, { intent: "cancel", confirm: "yes" }))).status).toBe(403);
    // A lead of another initiative names this meeting under their own initiative's address: not there.
    expect((await thrownOutcome(change(outsiderInitiative.slug, row.id, outsider.cookie, { intent: "cancel", confirm: "yes" }))).status).toBe(404);
    expect((await onlyMeeting(initiative.id)).cancelledAt).toBeNull();
    const list = await callLoader(leadList.loader, `/initiatives/${initiative.slug}/manage/meetings`, { db: t.db, params: { slug: initiative.slug }, headers: { Cookie: lead.cookie } });
    expect(list.upcoming.map((m) => m.onlineUrl)).toEqual([ONLINE]);
  });
});

describe("the online link", () => {
  it("reaches participants' representatives and leads, never the public page, /meetings, the API or the calendars", async () => {
    const { initiative, lead, participant, outsider } = await cast();
    await post(initiative.slug, lead.cookie, form());
    const row = await onlyMeeting(initiative.id);
    const slug = initiative.slug;
    const pageAs = (cookie?: string) => callLoader(initiativePage.loader, `/initiatives/${slug}`, { db: t.db, params: { slug }, headers: cookie ? { Cookie: cookie } : {} });

    expect((await pageAs(participant.cookie)).upcoming[0]?.onlineUrl).toBe(ONLINE);
    expect((await pageAs(lead.cookie)).upcoming[0]?.onlineUrl).toBe(ONLINE);
    const dash = await callLoader(dashboard.loader, "/dashboard", { db: t.db, headers: { Cookie: participant.cookie, "Accept-Language": "fr" } });
    expect(JSON.stringify(dash)).toContain(ONLINE);

    const publicAnswers = [
      await pageAs(),
      await pageAs(outsider.cookie),
      await callLoader(meetingsPage.loader, "/meetings", { db: t.db }),
      (await outcome(await callLoader(apiInitiative.loader, `/api/v1/initiatives/${slug}`, { db: t.db, params: { slug } }))).data,
      await ics(allFeed.loader, "/meetings.ics", {}),
      await ics(initiativeFeed.loader, `/initiatives/${slug}/meetings.ics`, { slug }),
      await ics(meetingFile.loader, `/meetings/${row.id}.ics`, { id: row.id }),
    ];
    for (const answer of publicAnswers) {
      const text = typeof answer === "string" ? answer : JSON.stringify(answer);
      expect(text).toContain(row.title.split(" ")[0]!);
      expect(text).not.toContain("secret-room");
    }
  });
});

describe("calendars", () => {
  it("keep one UID while SEQUENCE rises, give UTC times with the meeting's zone, and say CANCELLED", async () => {
    const { initiative, lead } = await cast();
    await post(initiative.slug, lead.cookie, form());
    const row = await onlyMeeting(initiative.id);
    const single = async () => events(await ics(meetingFile.loader, `/meetings/${row.id}.ics`, { id: row.id }));
    const feed = async () => events(await ics(initiativeFeed.loader, `/initiatives/${initiative.slug}/meetings.ics`, { slug: initiative.slug })).events;

    const first = await single();
    const [event] = first.events;
    const uid = `${row.id}@${new URL(TEST_ORIGIN).host}`;
    expect(event?.getFirstPropertyValue("uid")).toBe(uid);
    expect(event?.getFirstPropertyValue("sequence")).toBe(0);
    expect(event?.getFirstPropertyValue("status")).toBe("CONFIRMED");
    const start = event?.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.zone?.tzid).toBe("UTC");
    expect(start.toJSDate().toISOString()).toBe(`${YEAR}-01-19T14:00:00.000Z`);
    expect(first.calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Europe/Paris");
    expect(String(event?.getFirstPropertyValue("description"))).toContain("(Europe/Paris");
    expect(event?.getFirstPropertyValue("url")).toBe(`${TEST_ORIGIN}/initiatives/${initiative.slug}#meeting-${row.id}`);

    await change(initiative.slug, row.id, lead.cookie, { ...form({ place: "Geneva" }), intent: "change", sequence: "0" });
    const [afterChange] = await feed();
    expect(afterChange?.getFirstPropertyValue("uid")).toBe(uid);
    expect(afterChange?.getFirstPropertyValue("sequence")).toBe(1);
    expect(afterChange?.getFirstPropertyValue("location")).toBe("Geneva");

    await change(initiative.slug, row.id, lead.cookie, { intent: "cancel", confirm: "yes" });
    for (const list of [await feed(), (await single()).events]) {
      expect(list).toHaveLength(1);
      expect(list[0]?.getFirstPropertyValue("uid")).toBe(uid);
      expect(list[0]?.getFirstPropertyValue("sequence")).toBe(2);
      expect(list[0]?.getFirstPropertyValue("status")).toBe("CANCELLED");
    }
  });

  it("escape whatever they embed: line breaks, commas, semicolons, markup", async () => {
    const { initiative } = await ledInitiative(t.db);
    const title = "Budget, plan; review\r\nBEGIN:VEVENT\r\nSUMMARY:<script>alert(1)</script>";
    const agenda = "Item 1; item 2, item 3\\n\nEND:VCALENDAR";
    const [row] = await t.db
      .insert(meetings)
      .values({ initiativeId: initiative.id, title, agenda, place: "Room A, floor 2; east wing", startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000), timeZone: "Asia/Kathmandu" })
      .returning();
    const text = await ics(meetingFile.loader, `/meetings/${row!.id}.ics`, { id: row!.id });
    const parsed = events(text);
    // One event, whatever the title tried to start or end.
    expect(parsed.events).toHaveLength(1);
    expect(text.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    expect(text.match(/^END:VCALENDAR/gm)).toHaveLength(1);
    const event = parsed.events[0]!;
    expect(event.getFirstPropertyValue("summary")).toBe(title.replace(/\r\n/g, "\n"));
    expect(event.getFirstPropertyValue("location")).toBe("Room A, floor 2; east wing");
    expect(String(event.getFirstPropertyValue("description"))).toContain(agenda);
    expect(parsed.calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Kathmandu");
    // The calendar is named after the meeting: on one line, its commas and semicolons escaped.
    // (ical.js reads these two properties raw: the escapes calendar apps undo are visible.)
    expect(parsed.calendar.getFirstPropertyValue("name")).toBe("Budget\\, plan\\; review BEGIN:VEVENT SUMMARY:<script>alert(1)</script>");
    expect(parsed.calendar.getFirstPropertyValue("x-wr-calname")).toBe("Budget\\, plan\\; review BEGIN:VEVENT SUMMARY:<script>alert(1)</script>");
  });
});

describe("bad input", () => {
  const refusals: [string, Record<string, string>, string, string][] = [
    ["a time zone that does not exist", { timeZone: "Mars/Olympus_Mons" }, "timeZone", "errors.timeZoneUnknown"],
    ["an offset instead of a zone", { timeZone: "+01:00" }, "timeZone", "errors.timeZoneUnknown"],
    ["an end before the start", { endsAt: `${YEAR}-01-19T14:00` }, "endsAt", "errors.endBeforeStart"],
    ["a meeting decades away", { startsAt: "2090-01-19T15:00", endsAt: "2090-01-19T17:00" }, "startsAt", "errors.startTooFar"],
    ["a meeting in the past", { startsAt: "2001-01-19T15:00", endsAt: "2001-01-19T17:00" }, "startsAt", "errors.startInPast"],
    ["a time the clocks skip", { startsAt: `${SPRING_FORWARD}T02:30`, endsAt: `${SPRING_FORWARD}T04:00` }, "startsAt", "errors.timeNotInZone"],
    ["a date that does not exist", { startsAt: `${YEAR}-02-30T10:00` }, "startsAt", "errors.timeNotInZone"],
    ["a meeting of a month", { endsAt: `${YEAR}-02-25T17:00` }, "endsAt", "errors.tooLongMeeting"],
    ["a title too long", { title: "x".repeat(201) }, "title", "errors.tooLong"],
    ["an agenda too long", { agenda: "x".repeat(10_001) }, "agenda", "errors.tooLong"],
    ["a link that is not a web address", { onlineUrl: "javascript:alert(1)" }, "onlineUrl", "errors.onlineUrlInvalid"],
    ["neither place nor link", { place: "", onlineUrl: "" }, "place", "errors.placeOrLinkRequired"],
  ];
  it.each(refusals)("refuses %s with a field error, changing nothing", async (_what, overrides, field, key) => {
    const { initiative, lead } = await ledInitiative(t.db);
    const res = await outcome(await post(initiative.slug, lead.cookie, form(overrides)));
    expect(res.status).toBe(400);
    const reply = (res.data as { result: { error: Record<string, string[]> } }).result;
    expect(reply.error[field]).toContain(key);
    expect(await t.db.select().from(meetings).where(eq(meetings.initiativeId, initiative.id))).toEqual([]);
  });
});

describe("/meetings", () => {
  it("lists upcoming meetings of public initiatives, filtered by initiative and axis", async () => {
    const reform = await ledInitiative(t.db, { axis: "reform", title: "Compact on budget transparency" });
    const law = await ledInitiative(t.db, { axis: "international_law" });
    await createTranslation(t.db, reform.initiative.id, { locale: "fr", title: "Pacte pour la transparence budgétaire", summary: "Des budgets lisibles." });
    await post(reform.initiative.slug, reform.lead.cookie, form({ title: "Reform meeting" }));
    await post(law.initiative.slug, law.lead.cookie, form({ title: "Law meeting", startsAt: `${YEAR}-01-20T10:00`, endsAt: `${YEAR}-01-20T11:00` }));
    const list = (query: string) => callLoader(meetingsPage.loader, `/meetings${query}`, { db: t.db });
    const titles = async (query: string) => (await list(query)).items.map((m) => m.title).filter((title) => title.endsWith(" meeting"));
    expect(await titles("")).toEqual(["Reform meeting", "Law meeting"]);
    expect(await titles("?axis=international_law")).toEqual(["Law meeting"]);
    expect(await titles(`?initiative=${reform.initiative.slug}`)).toEqual(["Reform meeting"]);
    // The initiative by words of its name, in any of its languages, without accents.
    expect(await titles("?q=budget+transp")).toEqual(["Reform meeting"]);
    expect(await titles("?q=budgetaire")).toEqual(["Reform meeting"]);
    expect(await titles("?q=budget&axis=international_law")).toEqual([]);
    expect(await titles("?q=%E2%80%94")).toEqual([]);
    expect((await thrownOutcome(list("?axis=nonsense"))).status).toBe(400);
  });

  it("costs the same two statements whatever the page and however many meetings there are", async () => {
    const { initiative } = await ledInitiative(t.db);
    const soon = Date.now() + 86_400_000;
    await t.db.insert(meetings).values(
      Array.from({ length: 45 }, (_, i) => ({ initiativeId: initiative.id, title: `Session ${i}`, place: "Vienna", startsAt: new Date(soon + i * 3_600_000), endsAt: new Date(soon + i * 3_600_000 + 1_800_000) })),
    );
    const statements = async (query: string) => {
      let count = 0;
      const counting = new Proxy(t.db, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver) as unknown;
          if (typeof value !== "function") return value;
          if (["select", "selectDistinct", "execute", "insert", "update", "delete"].includes(String(property))) count++;
          return (value as (...args: unknown[]) => unknown).bind(target);
        },
      });
      const page = await callLoader(meetingsPage.loader, `/meetings${query}`, { db: counting });
      return { count, items: page.items.length };
    };
    expect(await statements(`?initiative=${initiative.slug}`)).toEqual({ count: 2, items: 20 });
    expect(await statements(`?initiative=${initiative.slug}&page=3`)).toEqual({ count: 2, items: 5 });
    expect(await statements("?q=session")).toMatchObject({ count: 2 });
  });
});
