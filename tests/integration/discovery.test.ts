// The public face's discovery routes, called as Remix calls them on a real database: one search
// across initiatives, actors and meetings (grouped, hostile input never a 500, a constant number
// of statements; prefixes, accents and short texts in search.test.ts), the directory's status/supporter/region filters, the public CSV of an
// initiative's participants, the Atom feeds checked against RFC 4287, sitemap.xml and robots.txt.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import * as schema from "~/db/schema";
import { meetings, type Actor, type Initiative } from "~/db/schema";
import { recordParticipationEvent } from "~/domain/coalitions/history.server";
import * as apiInitiatives from "~/routes/api.v1.initiatives._index";
import * as initiativeFeed from "~/routes/initiatives.$slug_.feed[.]atom";
import * as supportersCsv from "~/routes/initiatives.$slug_.supporters[.]csv";
import * as initiativesFeed from "~/routes/initiatives.feed[.]atom";
import * as initiativesPage from "~/routes/initiatives._index";
import * as robots from "~/routes/robots[.]txt";
import * as search from "~/routes/search";
import * as sitemap from "~/routes/sitemap[.]xml";
import { participateWithHistory } from "../support/coalitions";
import { useTestDatabase } from "../support/db";
import { createActor, createInitiative, stateActor } from "../support/directory";
import { callLoader, outcome, routeArgs, TEST_ORIGIN, thrownOutcome } from "../support/remix";

const t = useTestDatabase();
const HOSTILE_TITLE = `<script>alert("x")</script> & ]]> \u0001 'quoted' Ünïcödé 🌍`;

let france: Actor;
let nigeria: Actor;
let ngo: Actor;
let formulaNgo: Actor;
let frenchLed: Initiative;
let africanClosed: Initiative;
let ngoOnly: Initiative;
let hostile: Initiative;

beforeAll(async () => {
  france = await stateActor(t.db, "FRA");
  nigeria = await stateActor(t.db, "NGA");
  ngo = await createActor(t.db, { name: "Zephyrine Water Network", shortName: "ZWN" });
  formulaNgo = await createActor(t.db, { name: '=HYPERLINK("http://evil.example","click")', shortName: "+SUM(A1)" });
  frenchLed = await createInitiative(t.db, { title: "Zephyrine oceans compact", summary: "Oceans and law.", axis: "international_law" });
  africanClosed = await createInitiative(t.db, { title: "Sahel water pact", status: "closed" });
  ngoOnly = await createInitiative(t.db, { title: "Civic water pact" });
  hostile = await createInitiative(t.db, { title: HOSTILE_TITLE, summary: "<b>bold</b> & more" });
  await createInitiative(t.db, { title: "Zephyrine proposal under review", status: "submitted" });
  const day = (n: number) => new Date(Date.UTC(2024, 0, n));
  await participateWithHistory(t.db, france, frenchLed, { role: "lead", at: day(1) });
  await participateWithHistory(t.db, formulaNgo, frenchLed, { at: day(2) });
  await participateWithHistory(t.db, ngo, frenchLed, { at: day(3) });
  await participateWithHistory(t.db, nigeria, africanClosed, { role: "lead", at: day(1) });
  await participateWithHistory(t.db, ngo, ngoOnly, { role: "lead", at: day(1) });
  await participateWithHistory(t.db, nigeria, hostile, { role: "lead", at: day(4) });
  // Nigeria withdrew from the French-led compact after joining it: both are in its feed.
  await recordParticipationEvent(t.db, { initiativeId: frenchLed.id, actorId: nigeria.id, kind: "joined", status: "active", role: "supporter", byUserId: null, occurredAt: day(5) });
  await recordParticipationEvent(t.db, { initiativeId: frenchLed.id, actorId: nigeria.id, kind: "withdrawn", status: "withdrawn", role: "supporter", byUserId: null, occurredAt: day(6) });
  const soon = new Date(Date.now() + 7 * 86_400_000);
  const hour = 3_600_000;
  await t.db.insert(meetings).values([
    { initiativeId: frenchLed.id, title: "Zephyrine working group", startsAt: soon, endsAt: new Date(soon.getTime() + hour) },
    { initiativeId: frenchLed.id, title: "Plenary", agenda: "Zephyrine budget", startsAt: new Date(soon.getTime() + 86_400_000), endsAt: new Date(soon.getTime() + 86_400_000 + hour) },
    // Over already, and one of a closed initiative: neither is upcoming.
    { initiativeId: frenchLed.id, title: "Zephyrine kick-off", startsAt: day(1), endsAt: new Date(day(1).getTime() + hour) },
    { initiativeId: africanClosed.id, title: "Zephyrine closing", startsAt: soon, endsAt: new Date(soon.getTime() + hour) },
    // Cancelled by its leads: not a meeting anyone can attend.
    { initiativeId: frenchLed.id, title: "Zephyrine dinner", startsAt: soon, endsAt: new Date(soon.getTime() + hour), cancelledAt: new Date() },
  ]);
});

describe("/search", () => {
  it("groups initiatives, actors and upcoming meetings with their counts and links to the full lists", async () => {
    const data = await callLoader(search.loader, "/search?q=zephyrine", { db: t.db });
    expect(data.shortened).toBe(false);
    expect(data.results?.initiatives.total).toBe(1); // not the proposal under review
    expect(data.results?.initiatives.items.map((i) => i.slug)).toEqual([frenchLed.slug]);
    expect(data.results?.actors.items.map((a) => a.id)).toEqual([ngo.id]);
    expect(data.results?.meetings.total).toBe(2);
    expect(data.results?.meetings.items.map((m) => m.title)).toEqual(["Zephyrine working group", "Plenary"]);
    expect(data.results?.meetings.items[0]?.initiativeSlug).toBe(frenchLed.slug);
  });

  it("finds States by their name in the visitor's language, in the Alliance or not", async () => {
    const data = await callLoader(search.loader, "/search?q=Allemagne&lng=fr", { db: t.db });
    expect(data.results?.actors.items.map((a) => a.name)).toEqual(["Allemagne"]);
  });

  it("answers every hostile text with a page, never an error, cutting long ones with a note", async () => {
    const texts = [
      "x".repeat(10_240),
      "🌍".repeat(150),
      "%_\\",
      `"unbalanced 'quotes`,
      "مرحبا بالعالم",
      "a\u0000b",
      "\ud800 lone surrogate",
      "-or & | ! :* <->",
      " ",
    ];
    for (const text of texts) {
      const data = await callLoader(search.loader, `/search?${new URLSearchParams({ q: text })}`, { db: t.db });
      expect(data.q.length, text.slice(0, 20)).toBeLessThanOrEqual(200);
      expect(data.q).not.toMatch(/\u0000/);
    }
    const long = await callLoader(search.loader, `/search?q=${"x".repeat(10_240)}`, { db: t.db });
    expect(long.shortened).toBe(true);
    // % and _ are letters, not wildcards: as wildcards both would find the Zephyrine network.
    for (const q of ["z%e", "z_p"]) {
      const literal = await callLoader(search.loader, `/search?${new URLSearchParams({ q })}`, { db: t.db });
      expect(literal.results?.actors.total, q).toBe(0);
    }
  });

  it("costs the same number of SQL statements whatever it finds", async () => {
    const client = (t.db as unknown as { $client: unknown }).$client;
    let statements = 0;
    const logger = { logQuery: () => void statements++ };
    const counted =
      t.handle.engine === "postgres"
        ? ((await import("drizzle-orm/postgres-js")).drizzle(client as never, { schema, casing: "snake_case", logger }) as unknown as Database)
        : ((await import("drizzle-orm/pglite")).drizzle(client as never, { schema, casing: "snake_case", logger }) as unknown as Database);
    const cost = async (q: string) => {
      statements = 0;
      await search.loader(routeArgs(`/search?${new URLSearchParams({ q })}`, { db: counted }) as LoaderFunctionArgs);
      return statements;
    };
    // One statement per group, each counting its total with a window function.
    const many = await cost("ze");
    expect(many).toBeLessThanOrEqual(3);
    expect(await cost("zephyrine")).toBeLessThanOrEqual(many);
    // Nothing typed, or too little to search for: no statement at all.
    expect(await cost("")).toBe(0);
    expect(await cost("a")).toBe(0);
  });
});

describe("filters of /initiatives and /api/v1/initiatives", () => {
  const slugsOf = async (query: string) => {
    const answer = await outcome(await callLoader(apiInitiatives.loader, `/api/v1/initiatives?${query}`, { db: t.db }));
    expect(answer.status).toBe(200);
    return (answer.data as { data: { slug: string }[] }).data.map((i) => i.slug);
  };

  it("keep the initiatives of a status, of a supporter, and of a State of a UN regional group", async () => {
    expect(await slugsOf("status=closed")).toEqual([africanClosed.slug]);
    expect(await slugsOf("status=active")).not.toContain(africanClosed.slug);
    expect((await slugsOf(`supporter=${ngo.id}`)).sort()).toEqual([frenchLed.slug, ngoOnly.slug].sort());
    // Nigeria withdrew from the French-led compact: only where it takes part now.
    expect((await slugsOf(`supporter=${nigeria.id}`)).sort()).toEqual([africanClosed.slug, hostile.slug].sort());
    expect((await slugsOf("region=african")).sort()).toEqual([africanClosed.slug, hostile.slug].sort());
    expect(await slugsOf("region=western_european_others")).toEqual([frenchLed.slug]);
    expect((await slugsOf("region=african&status=active"))).toEqual([hostile.slug]);
  });

  it("refuse values they do not know, naming the parameter, in the API and on the page", async () => {
    const answer = await outcome(await callLoader(apiInitiatives.loader, "/api/v1/initiatives?status=submitted&supporter=42&region=mars", { db: t.db }));
    expect(answer.status).toBe(400);
    const params = (answer.data as { error: { issues: { param: string }[] } }).error.issues.map((i) => i.param).sort();
    expect(params).toEqual(["region", "status", "supporter"]);
    const page = await thrownOutcome(callLoader(initiativesPage.loader, "/initiatives?status=rejected", { db: t.db }));
    expect(page).toMatchObject({ status: 400, data: { invalidParams: ["status"] } });
  });

  it("name the supporter the page is filtered by", async () => {
    const data = await callLoader(initiativesPage.loader, `/initiatives?supporter=${france.id}&lng=es`, { db: t.db });
    expect(data.supporterName).toBe("Francia");
    expect(data.items.map((i) => i.slug)).toEqual([frenchLed.slug]);
  });
});

describe("supporters.csv", () => {
  it("lists leads then supporters with a BOM, fixed columns and formulas neutralised", async () => {
    const response = await callLoader(supportersCsv.loader, "/x", { db: t.db, params: { slug: frenchLed.slug } });
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain(`${frenchLed.slug}-participants.csv`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte order mark
    const body = new TextDecoder().decode(bytes);
    const lines = body.trimEnd().split("\r\n");
    expect(lines[0]).toBe("actor_id,name,short_name,kind,country_code,role,since,url");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^${france.id},France,.*,state,FRA,lead,2024-01-01T00:00:00.000Z,${TEST_ORIGIN}/actors/${france.id}$`));
    const formulaLine = lines.find((line) => line.startsWith(formulaNgo.id));
    expect(formulaLine).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(formulaLine).toContain(",'+SUM(A1),");
    expect(body).not.toContain(nigeria.id); // withdrew
  });

  it("answers 404 for an initiative that is not public", async () => {
    for (const slug of ["no-such-thing", "BAD SLUG", "x".repeat(300)]) {
      const missing = await thrownOutcome(callLoader(supportersCsv.loader, "/x", { db: t.db, params: { slug } }));
      expect(missing.status).toBe(404);
    }
  });
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "link"].includes(name) });
type AtomLink = { "@href": string; "@rel"?: string };
type AtomText = string | { "#text": string; "@type"?: string };
type AtomEntry = { id: string; title: AtomText; updated: string; link: AtomLink[] };
type AtomFeed = { feed: { "@xmlns": string; id: string; title: AtomText; updated: string; link: AtomLink[]; author?: { name: string }; entry?: AtomEntry[] } };
const text = (value: AtomText) => (typeof value === "string" ? value : value["#text"]);
const unescapeHtml = (html: string) => html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** Parses a feed and checks what RFC 4287 requires of it and of each entry. */
async function atom(response: Response, selfPath: string) {
  expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const { feed } = parser.parse(xml) as AtomFeed;
  expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expect(feed.id).toMatch(/^http/);
  expect(text(feed.title)).not.toBe("");
  expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
  expect(feed.link.find((l) => l["@rel"] === "self")?.["@href"]).toBe(`${TEST_ORIGIN}${selfPath}`);
  expect(feed.author?.name).toBeTruthy();
  const entries = feed.entry ?? [];
  for (const entry of entries) {
    expect(entry.id).toMatch(/^http/);
    expect(text(entry.title)).not.toBe("");
    expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
    expect(entry.link[0]?.["@href"]).toMatch(new RegExp(`^${TEST_ORIGIN}/`));
  }
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  return { feed, entries };
}

describe("Atom feeds", () => {
  it("list the public initiatives, hostile titles kept as text", async () => {
    const { entries } = await atom(await callLoader(initiativesFeed.loader, "/initiatives/feed.atom", { db: t.db }), "/initiatives/feed.atom");
    const links = entries.map((e) => e.link[0]?.["@href"]);
    expect(links).toContain(`${TEST_ORIGIN}/initiatives/${africanClosed.slug}`);
    expect(entries.map((e) => text(e.title))).not.toContain("Zephyrine proposal under review");
    const hostileEntry = entries.find((e) => e.link[0]?.["@href"] === `${TEST_ORIGIN}/initiatives/${hostile.slug}`)!;
    // The control character is dropped; everything else reads as typed once the HTML is decoded.
    expect(unescapeHtml(text(hostileEntry.title))).toBe(HOSTILE_TITLE.replace("\u0001", ""));
  });

  it("tell who joined and withdrew from one initiative, newest first, in the reader's language", async () => {
    const response = await callLoader(initiativeFeed.loader, `/initiatives/${frenchLed.slug}/feed.atom?lng=fr`, { db: t.db, params: { slug: frenchLed.slug } });
    const { entries } = await atom(response, `/initiatives/${frenchLed.slug}/feed.atom`);
    expect(entries.map((e) => unescapeHtml(text(e.title)))).toEqual([
      "Nigéria s’est retiré de l’initiative Zephyrine oceans compact",
      "Nigéria a rejoint l’initiative Zephyrine oceans compact",
      "Zephyrine Water Network a rejoint l’initiative Zephyrine oceans compact",
      `${formulaNgo.name} a rejoint l’initiative Zephyrine oceans compact`,
      "France a rejoint l’initiative Zephyrine oceans compact",
    ]);
    expect(entries[0]?.link[0]?.["@href"]).toBe(`${TEST_ORIGIN}/initiatives/${frenchLed.slug}?asOf=2024-01-06`);
    const missing = await thrownOutcome(callLoader(initiativeFeed.loader, "/x", { db: t.db, params: { slug: "no-such-initiative" } }));
    expect(missing.status).toBe(404);
  });

  it("are valid for an initiative whose own title is hostile", async () => {
    const response = await callLoader(initiativeFeed.loader, "/x", { db: t.db, params: { slug: hostile.slug } });
    const { feed } = await atom(response, `/initiatives/${hostile.slug}/feed.atom`);
    expect(text(feed.title)).toContain(`<script>alert("x")</script> & ]]>`);
  });
});

describe("sitemap.xml and robots.txt", () => {
  it("list the public pages, initiatives and actors of the Alliance with their language versions", async () => {
    const response = await callLoader(sitemap.loader, "/sitemap.xml", { db: t.db });
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "url" }).parse(xml) as { urlset: { url: { loc: string; lastmod?: string }[] } };
    const locs = parsed.urlset.url.map((u) => u.loc);
    expect(locs).toContain(`${TEST_ORIGIN}/`);
    expect(locs).toContain(`${TEST_ORIGIN}/open-data`);
    expect(locs).toContain(`${TEST_ORIGIN}/initiatives/${hostile.slug}`);
    expect(locs).toContain(`${TEST_ORIGIN}/actors/${france.id}`);
    expect(locs.some((loc) => loc.includes("under-review") || loc.includes("/account"))).toBe(false);
    // Germany is a UN State that has not joined: not a page of the Alliance.
    const germany = await stateActor(t.db, "DEU");
    expect(locs).not.toContain(`${TEST_ORIGIN}/actors/${germany.id}`);
    expect(xml).toContain(`hreflang="fr" href="${TEST_ORIGIN}/initiatives/${frenchLed.slug}?lng=fr"`);
  });

  it("robots.txt keeps crawlers out of accounts and the desk and points to the sitemap", async () => {
    const response = await callLoader(robots.loader, "/robots.txt", { db: t.db });
    const body = await response.text();
    expect(body).toContain("Disallow: /secretariat");
    expect(body).toContain("Disallow: /account");
    expect(body).not.toMatch(/Disallow: \/api/);
    expect(body).toContain(`Sitemap: ${TEST_ORIGIN}/sitemap.xml`);
  });
});
