// The maps' data and the actor page's history, read through the real loaders: which States the
// home page and an initiative page colour, in which role, in the visitor's language; what an
// actor's page says of the initiatives it joined and left; and that none of it costs a query
// per State or per initiative.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import * as schema from "~/db/schema";
import { networkMapStates } from "~/domain/map/network.server";
import * as home from "~/routes/_index";
import * as actorPage from "~/routes/actors.$id";
import * as initiativePage from "~/routes/initiatives.$slug";
import { createActor, createInitiative, participate, stateActor } from "../support/directory";
import { useTestDatabase } from "../support/db";
import { callLoader, routeArgs } from "../support/remix";

const t = useTestDatabase();
let counted: Database;
let statements = 0;

const FR = { headers: { "Accept-Language": "fr" } };
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

let open: schema.Initiative;
let other: schema.Initiative;
let closed: schema.Initiative;
let ngo: schema.Actor;
let france: schema.Actor;
let ghana: schema.Actor;
let germany: schema.Actor;
let turkiye: schema.Actor;
let chile: schema.Actor;
let brazil: schema.Actor;

beforeAll(async () => {
  const client = (t.db as unknown as { $client: unknown }).$client;
  const logger = { logQuery: () => void statements++ };
  counted =
    t.handle.engine === "postgres"
      ? ((await import("drizzle-orm/postgres-js")).drizzle(client as never, { schema, casing: "snake_case", logger }) as unknown as Database)
      : ((await import("drizzle-orm/pglite")).drizzle(client as never, { schema, casing: "snake_case", logger }) as unknown as Database);
  france = await stateActor(t.db, "FRA");
  ghana = await stateActor(t.db, "GHA");
  turkiye = await stateActor(t.db, "TUR");
  chile = await stateActor(t.db, "CHL");
  brazil = await stateActor(t.db, "BRA");
  germany = await stateActor(t.db, "DEU");
  ngo = await createActor(t.db);
  open = await createInitiative(t.db, { title: "Open skies" });
  other = await createInitiative(t.db, { title: "Clean seas" });
  closed = await createInitiative(t.db, { title: "Old treaty", status: "closed" });
  await participate(t.db, france, open, { role: "lead", signedAt: day("2020-01-15") });
  await participate(t.db, ghana, open, { signedAt: day("2020-02-01") });
  await participate(t.db, turkiye, open, { signedAt: day("2020-03-01") });
  await participate(t.db, ngo, open);
  await participate(t.db, ghana, other, { role: "lead" });
  await participate(t.db, germany, other);
  // Chile left; Brazil is only in a closed initiative: neither is on the network's map.
  await participate(t.db, chile, open, { status: "withdrawn", signedAt: day("2019-05-02"), decidedAt: day("2021-06-30") });
  await participate(t.db, brazil, closed);
});

async function statementsFor(loader: (args: LoaderFunctionArgs) => unknown, path: string, params: Record<string, string> = {}) {
  statements = 0;
  await loader(routeArgs(path, { db: counted, params }));
  return statements;
}

describe("the network's map (home page)", () => {
  it("colours each State in an active initiative once, a lead if it leads any, named in the visitor's language", async () => {
    const data = await callLoader(home.loader, "/", { db: t.db, ...FR });
    expect(data.mapStates.map((s) => [s.iso3, s.role, s.name])).toEqual([
      ["DEU", "supporter", "Allemagne"],
      ["FRA", "lead", "France"],
      ["GHA", "lead", "Ghana"],
      ["TUR", "supporter", "Türkiye"],
    ]);
    expect(data.mapStates.find((s) => s.iso3 === "FRA")?.actorId).toBe(france.id);
  });

  it("sends States, never geometry", async () => {
    const data = await callLoader(home.loader, "/", { db: t.db });
    expect(JSON.stringify(data.mapStates).length).toBeLessThan(600);
    expect(JSON.stringify(data)).not.toMatch(/[ML]\d+(\.\d)?,\d/);
  });

  it("costs one query, however many States take part", async () => {
    const before = await statementsFor(home.loader, "/");
    for (const iso3 of ["AUT", "ESP", "ITA", "JPN", "KEN", "MEX", "NOR", "SEN"]) await participate(t.db, await stateActor(t.db, iso3), other);
    expect(await statementsFor(home.loader, "/")).toBe(before);
    statements = 0;
    await networkMapStates(counted, "en");
    expect(statements).toBe(1);
  });
});

describe("an initiative's map", () => {
  it("colours its States by role, without organisations or States that left", async () => {
    const data = await callLoader(initiativePage.loader, `/initiatives/${open.slug}`, { db: t.db, params: { slug: open.slug } });
    expect(data.mapStates.map((s) => [s.iso3, s.role])).toEqual([
      ["FRA", "lead"],
      ["GHA", "supporter"],
      ["TUR", "supporter"],
    ]);
  });

  it("adds no query to the page", async () => {
    const params = { slug: open.slug };
    const before = await statementsFor(initiativePage.loader, `/initiatives/${open.slug}`, params);
    await participate(t.db, await stateActor(t.db, "AUS"), open);
    await participate(t.db, await stateActor(t.db, "CAN"), open, { role: "lead" });
    expect(await statementsFor(initiativePage.loader, `/initiatives/${open.slug}`, params)).toBe(before);
  });
});

describe("an actor's page", () => {
  it("lists its initiatives with role and since when, and those it left with both dates", async () => {
    const ghanaPage = await callLoader(actorPage.loader, `/actors/${ghana.id}`, { db: t.db, params: { id: ghana.id } });
    expect(ghanaPage.actor.initiatives.map((i) => [i.title, i.role])).toEqual([
      ["Clean seas", "lead"],
      ["Open skies", "supporter"],
    ]);
    expect(ghanaPage.actor.initiatives[1]?.since).toEqual(day("2020-02-01"));
    expect(ghanaPage.actor.pastInitiatives).toEqual([]);

    const chilePage = await callLoader(actorPage.loader, `/actors/${chile.id}`, { db: t.db, params: { id: chile.id } });
    expect(chilePage.actor.initiatives).toEqual([]);
    expect(chilePage.actor.pastInitiatives).toMatchObject([{ title: "Open skies", since: day("2019-05-02"), until: day("2021-06-30") }]);
  });

  it("costs the same number of queries whatever the number of initiatives", async () => {
    const params = { id: ghana.id };
    const before = await statementsFor(actorPage.loader, `/actors/${ghana.id}`, params);
    for (let i = 0; i < 5; i++) await participate(t.db, ghana, await createInitiative(t.db));
    await participate(t.db, ghana, await createInitiative(t.db), { status: "withdrawn", decidedAt: new Date() });
    expect(await statementsFor(actorPage.loader, `/actors/${ghana.id}`, params)).toBe(before);
  });
});
