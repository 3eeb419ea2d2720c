// The public read side: what a visitor may see of initiatives and actors, and nothing more.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actors, initiatives, meetings, participations, type Actor, type Initiative } from "~/db/schema";
import { getPublicActor, listPublicActors } from "~/domain/actors.server";
import { getPublicInitiative, groupSupporters, listPublicInitiatives } from "~/domain/initiatives.server";
import { actorListQuery, initiativeListQuery, PAGE_SIZE } from "~/domain/public-query";
import { getPortalFigures } from "~/domain/stats.server";
import { useTestDatabase } from "../support/db";

const t = useTestDatabase();

const initiativeQuery = (filters: Record<string, string | number> = {}) =>
  initiativeListQuery.parse(Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, String(v)])));
const actorQuery = (filters: Record<string, string | number> = {}) =>
  actorListQuery.parse(Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, String(v)])));

let states: Record<string, Actor>;
let who: Actor;
let pendingNgo: Actor;
let suspendedNgo: Actor;
let cyber: Initiative;
let climate: Initiative;
let closed: Initiative;
let submitted: Initiative;
let rejected: Initiative;

async function initiative(values: Partial<typeof initiatives.$inferInsert> & { slug: string }) {
  const [row] = await t.db
    .insert(initiatives)
    .values({ title: values.slug, summary: "", axis: "reform", theme: "other", status: "active", ...values })
    .returning();
  if (!row) throw new Error("initiative insert returned nothing");
  return row;
}

beforeAll(async () => {
  const stateRows = await t.db
    .select()
    .from(actors)
    .where(and(eq(actors.kind, "state"), inArray(actors.countryCode, ["FRA", "DEU", "ARE", "EGY", "ZAF", "CHL"])));
  states = Object.fromEntries(stateRows.map((s) => [s.countryCode!, s]));
  const orgs = await t.db
    .insert(actors)
    .values([
      {
        kind: "international_organization",
        name: "World Health Organization",
        shortName: "WHO",
        countryCode: "CHE",
        website: "https://www.who.int",
        status: "approved",
      },
      { kind: "ngo", name: "Waiting NGO", status: "pending" },
      { kind: "ngo", name: "Suspended NGO", status: "suspended", reviewReason: "internal note" },
      { kind: "ngo", name: "100% Transparency", website: "javascript:alert(1)", status: "approved" },
    ])
    .returning();
  [who, pendingNgo, suspendedNgo] = orgs as [Actor, Actor, Actor];

  cyber = await initiative({
    slug: "paris-call",
    title: "Paris Call for Trust and Security in Cyberspace",
    summary: "Nine principles for a safer cyberspace",
    axis: "new_governance",
    theme: "cyber",
    launchedOn: "2018-11-12",
  });
  climate = await initiative({
    slug: "climate-and-security",
    title: "Climate and security",
    summary: "How climate change threatens peace; a cyberspace angle too",
    axis: "new_governance",
    theme: "climate_security",
  });
  closed = await initiative({
    slug: "closed-one",
    title: "A finished initiative",
    status: "closed",
    axis: "international_law",
  });
  submitted = await initiative({
    slug: "secret-proposal",
    title: "Cyberspace proposal under review",
    status: "submitted",
    theme: "cyber",
  });
  rejected = await initiative({
    slug: "rejected-proposal",
    title: "Cyberspace idea turned down",
    status: "rejected",
    theme: "cyber",
    reviewReason: "no",
  });

  await t.db.insert(participations).values([
    { initiativeId: cyber.id, actorId: states.FRA!.id, role: "lead" },
    { initiativeId: cyber.id, actorId: states.DEU!.id, role: "supporter" },
    { initiativeId: cyber.id, actorId: states.ARE!.id, role: "supporter" },
    { initiativeId: cyber.id, actorId: states.EGY!.id, role: "supporter" },
    { initiativeId: cyber.id, actorId: who.id, role: "supporter" },
    // None of these may show or count: withdrawn, still requested, or an actor that is not approved.
    { initiativeId: cyber.id, actorId: states.ZAF!.id, role: "supporter", status: "withdrawn" },
    { initiativeId: cyber.id, actorId: states.CHL!.id, role: "supporter", status: "requested" },
    { initiativeId: cyber.id, actorId: pendingNgo.id, role: "supporter" },
    { initiativeId: cyber.id, actorId: suspendedNgo.id, role: "supporter" },
    { initiativeId: climate.id, actorId: states.DEU!.id, role: "lead" },
    { initiativeId: submitted.id, actorId: states.FRA!.id, role: "lead" },
    { initiativeId: rejected.id, actorId: states.FRA!.id, role: "lead" },
    { initiativeId: closed.id, actorId: states.FRA!.id, role: "supporter" },
  ]);
  await t.db.insert(meetings).values([
    {
      initiativeId: cyber.id,
      title: "Later",
      startsAt: new Date("2031-02-01T09:00:00Z"),
      endsAt: new Date("2031-02-01T11:00:00Z"),
      onlineUrl: "https://meet.example/secret",
    },
    {
      initiativeId: cyber.id,
      title: "Launch",
      startsAt: new Date("2018-11-12T14:00:00Z"),
      endsAt: new Date("2018-11-12T16:00:00Z"),
      place: "Paris",
    },
  ]);
});

describe("initiative directory", () => {
  it("lists active and closed initiatives only, never a submitted or rejected one", async () => {
    const result = await listPublicInitiatives(t.db, initiativeQuery());
    expect(result.total).toBe(3);
    expect(result.items.map((i) => i.slug).sort()).toEqual(["climate-and-security", "closed-one", "paris-call"]);
  });

  it("counts leads and supporters that are active and approved, in the same query as the page", async () => {
    const { items } = await listPublicInitiatives(t.db, initiativeQuery({ theme: "cyber" }));
    expect(items).toEqual([expect.objectContaining({ slug: "paris-call", leadCount: 1, supporterCount: 4 })]);
  });

  it("filters by axis and by theme together", async () => {
    const byAxis = await listPublicInitiatives(t.db, initiativeQuery({ axis: "new_governance" }));
    expect(byAxis.items.map((i) => i.slug).sort()).toEqual(["climate-and-security", "paris-call"]);
    const both = await listPublicInitiatives(
      t.db,
      initiativeQuery({ axis: "new_governance", theme: "climate_security" }),
    );
    expect(both.items.map((i) => i.slug)).toEqual(["climate-and-security"]);
  });

  it("searches titles and summaries, best match first", async () => {
    const { items, total } = await listPublicInitiatives(t.db, initiativeQuery({ q: "cyberspace" }));
    // The title match outranks the summary match; the submitted and rejected ones stay hidden.
    expect(total).toBe(2);
    expect(items.map((i) => i.slug)).toEqual(["paris-call", "climate-and-security"]);
    const phrase = await listPublicInitiatives(t.db, initiativeQuery({ q: '"trust and security" -climate' }));
    expect(phrase.items.map((i) => i.slug)).toEqual(["paris-call"]);
  });

  it("treats SQL, HTML and tsquery operators typed in the search as plain text", async () => {
    for (const q of ["'; drop table initiatives--", "<script>alert(1)</script>", "&|!:*()", "\\", "or", '"', ":*"]) {
      const result = await listPublicInitiatives(t.db, initiativeQuery({ q }));
      expect(result.total, q).toBe(0);
    }
    expect((await listPublicInitiatives(t.db, initiativeQuery())).total).toBe(3);
  });

  it("answers a page past the end with the total and no rows", async () => {
    const result = await listPublicInitiatives(t.db, initiativeQuery({ page: 99_999_999 }));
    expect(result).toEqual({ items: [], total: 3, page: 99_999_999, pageSize: PAGE_SIZE });
  });

  it("pages by 20 in a stable order", async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      slug: `bulk-${i}`,
      title: `Bulk ${i}`,
      summary: "",
      axis: "reform" as const,
      theme: "health" as const,
      status: "active" as const,
    }));
    await t.db.insert(initiatives).values(many);
    const first = await listPublicInitiatives(t.db, initiativeQuery({ theme: "health" }));
    const second = await listPublicInitiatives(t.db, initiativeQuery({ theme: "health", page: 2 }));
    expect(first.total).toBe(25);
    expect(first.items).toHaveLength(20);
    expect(second.items).toHaveLength(5);
    const slugs = [...first.items, ...second.items].map((i) => i.slug);
    expect(new Set(slugs).size).toBe(25);
    await t.db.delete(initiatives).where(eq(initiatives.theme, "health"));
  });
});

describe("an initiative's page", () => {
  it("is there only for active and closed initiatives", async () => {
    expect(await getPublicInitiative(t.db, "paris-call", "en")).not.toBeNull();
    expect(await getPublicInitiative(t.db, "closed-one", "en")).not.toBeNull();
    expect(await getPublicInitiative(t.db, "secret-proposal", "en")).toBeNull();
    expect(await getPublicInitiative(t.db, "rejected-proposal", "en")).toBeNull();
    expect(await getPublicInitiative(t.db, "no-such-thing", "en")).toBeNull();
  });

  it("names states in the visitor's language and sorts them as a reader of that language would", async () => {
    const fr = await getPublicInitiative(t.db, "paris-call", "fr");
    expect(fr?.leads.map((p) => p.name)).toEqual(["France"]);
    // Accented initials sort with their letter, not after "Z": "Égypte" and "Émirats" come before "World".
    expect(fr?.supporters.map((p) => p.name)).toEqual([
      "Allemagne",
      "Égypte",
      "Émirats arabes unis",
      "World Health Organization",
    ]);
    const es = await getPublicInitiative(t.db, "paris-call", "es");
    expect(es?.supporters.map((p) => p.name)).toEqual([
      "Alemania",
      "Egipto",
      "Emiratos Árabes Unidos",
      "World Health Organization",
    ]);
    expect(es?.supporters.find((p) => p.kind === "state")?.countryCode).toBe("DEU");
  });

  it("keeps every non-public detail out: ids, review fields, meeting links", async () => {
    const page = await getPublicInitiative(t.db, "paris-call", "en");
    expect(page).not.toHaveProperty("id");
    expect(page).not.toHaveProperty("reviewReason");
    expect(page).not.toHaveProperty("proposedByUserId");
    expect(JSON.stringify(page)).not.toContain("meet.example");
    expect(page?.meetings.map((m) => [m.title, m.online, m.place])).toEqual([
      ["Launch", false, "Paris"],
      ["Later", true, null],
    ]);
  });
});

describe("actor directory", () => {
  it("lists the Alliance's actors, states by their name in the visitor's language; scope=all adds every UN state", async () => {
    // France, Germany, the Emirates and Egypt take part in an initiative; South Africa withdrew
    // and Chile only asked: those two are UN states, not (yet) actors of the Alliance.
    const all = await listPublicActors(t.db, actorQuery(), "fr");
    expect(all.total).toBe(4 + 2);
    expect((await listPublicActors(t.db, actorQuery({ scope: "all" }), "fr")).total).toBe(195 + 2);
    const names = (await listPublicActors(t.db, actorQuery({ q: "NGO" }), "en")).items.map((a) => a.name);
    expect(names).not.toContain("Waiting NGO");
    expect(names).not.toContain("Suspended NGO");
    const germany = await listPublicActors(t.db, actorQuery({ q: "allemagne" }), "fr");
    expect(germany.items.map((a) => [a.name, a.countryCode, a.initiativeCount])).toEqual([["Allemagne", "DEU", 2]]);
    // The English name still finds a state for a visitor reading in another language.
    expect((await listPublicActors(t.db, actorQuery({ q: "Germany" }), "es")).items.map((a) => a.name)).toEqual([
      "Alemania",
    ]);
  });

  it("filters by kind and pages past the end without error", async () => {
    const orgs = await listPublicActors(t.db, actorQuery({ kind: "international_organization" }), "en");
    expect(orgs.items.map((a) => a.name)).toEqual(["World Health Organization"]);
    expect(await listPublicActors(t.db, actorQuery({ kind: "state", page: 99_999_999 }), "en")).toMatchObject({
      items: [],
      total: 4,
    });
    expect((await listPublicActors(t.db, actorQuery({ kind: "state", scope: "all" }), "en")).total).toBe(195);
  });

  it("takes % and _ in a name search as the characters themselves", async () => {
    expect((await listPublicActors(t.db, actorQuery({ q: "100%" }), "en")).items.map((a) => a.name)).toEqual([
      "100% Transparency",
    ]);
    expect((await listPublicActors(t.db, actorQuery({ q: "%" }), "en")).total).toBe(1);
    expect((await listPublicActors(t.db, actorQuery({ q: "_" }), "en")).total).toBe(0);
  });

  it("never hands out a website that is not a plain web address", async () => {
    const [transparency] = (await listPublicActors(t.db, actorQuery({ q: "Transparency" }), "en")).items;
    expect(transparency?.website).toBeNull();
    expect((await getPublicActor(t.db, who.id, "en"))?.website).toBe("https://www.who.int/");
  });
});

describe("the full list of an initiative's participants", () => {
  it("lists exactly the approved actors actively taking part in it, and can be narrowed by kind", async () => {
    const all = await listPublicActors(t.db, actorQuery({ initiative: "paris-call" }), "en");
    expect(all.items.map((a) => a.id).sort()).toEqual([states.FRA!.id, states.DEU!.id, states.ARE!.id, states.EGY!.id, who.id].sort());
    const orgs = await listPublicActors(t.db, actorQuery({ initiative: "paris-call", kind: "international_organization" }), "en");
    expect(orgs.items.map((a) => a.id)).toEqual([who.id]);
  });

  it("is empty for an initiative that is not public, so a proposal's backers stay private", async () => {
    expect((await listPublicActors(t.db, actorQuery({ initiative: "secret-proposal" }), "en")).total).toBe(0);
  });

  it("is what a detail page links to when a group is longer than it names", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ kind: "state" as const, name: `State ${i}` }));
    const groups = groupSupporters([...many, { kind: "ngo" as const, name: "One NGO" }], 24);
    expect(groups.map((g) => [g.kind, g.total, g.members.length])).toEqual([
      ["state", 30, 24],
      ["ngo", 1, 1],
    ]);
    expect(groups[0]?.members[0]?.name).toBe("State 0");
  });
});

describe("an actor's page", () => {
  it("shows an approved actor's active participations in public initiatives, leads first", async () => {
    const france = await getPublicActor(t.db, states.FRA!.id, "es");
    expect(france?.name).toBe("Francia");
    expect(france?.initiatives.map((i) => [i.slug, i.role])).toEqual([
      ["paris-call", "lead"],
      ["closed-one", "supporter"],
    ]);
  });

  it("is not there for an actor that is pending or suspended, or that does not exist", async () => {
    expect(await getPublicActor(t.db, pendingNgo.id, "en")).toBeNull();
    expect(await getPublicActor(t.db, suspendedNgo.id, "en")).toBeNull();
    expect(await getPublicActor(t.db, "00000000-0000-4000-8000-000000000000", "en")).toBeNull();
  });

  it("leaves out withdrawn and requested participations", async () => {
    expect((await getPublicActor(t.db, states.ZAF!.id, "en"))?.initiatives).toEqual([]);
    expect((await getPublicActor(t.db, states.CHL!.id, "en"))?.initiatives).toEqual([]);
  });
});

describe("home page figures", () => {
  it("counts the Alliance's actors by kind and active initiatives by axis, with zeros where nothing exists", async () => {
    const figures = await getPortalFigures(t.db);
    expect(figures.actorsByKind).toEqual({
      state: 4,
      international_organization: 1,
      regional_organization: 0,
      ngo: 1,
      other: 0,
    });
    expect(figures.initiativesByAxis).toEqual({ international_law: 0, new_governance: 2, reform: 0 });
    expect(figures.actorsInAlliance).toBe(6);
    expect(figures.activeInitiatives).toBe(2);
  });
});
