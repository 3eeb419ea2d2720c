// The directory tells the truth: a UN State is listed (and counted) as part of the Alliance once
// it has an approved representative or takes part in a public initiative, not merely because it
// is in the reference list; filters by UN regional group and by taking part in an initiative.
import { describe, expect, it } from "vitest";
import { listPublicActors } from "~/domain/actors.server";
import { actorListQuery } from "~/domain/public-query";
import { getPortalFigures } from "~/domain/stats.server";
import * as apiActors from "~/routes/api.v1.actors._index";
import { createUser } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { createActor, createAffiliation, createInitiative, participate, stateActor } from "../support/directory";
import { callLoader, outcome } from "../support/remix";

const t = useTestDatabase();
const list = (filters: Record<string, string> = {}) => listPublicActors(t.db, actorListQuery.parse(filters), "en");

describe("who is in the Alliance", () => {
  it("starts with no State, and counts one once its representative is approved or it takes part", async () => {
    expect((await getPortalFigures(t.db)).actorsByKind.state).toBe(0);
    expect((await list({ kind: "state" })).total).toBe(0);
    expect((await list({ kind: "state", scope: "all" })).total).toBe(195);

    const kenya = await stateActor(t.db, "KEN");
    const pendingRepresentative = await createUser(t.db);
    await createAffiliation(t.db, pendingRepresentative, kenya, { status: "pending" });
    expect((await list({ kind: "state" })).total).toBe(0);
    await createAffiliation(t.db, await createUser(t.db), kenya, { status: "approved" });
    expect((await list({ kind: "state" })).items.map((a) => a.name)).toEqual(["Kenya"]);

    const peru = await stateActor(t.db, "PER");
    await participate(t.db, peru, await createInitiative(t.db));
    expect((await list({ kind: "state" })).items.map((a) => [a.name, a.inAlliance])).toEqual([
      ["Kenya", true],
      ["Peru", true],
    ]);
    expect((await getPortalFigures(t.db)).actorsByKind.state).toBe(2);
    // With every State shown, those not yet in the Alliance say so.
    const all = await list({ kind: "state", scope: "all", q: "Chile" });
    expect(all.items.map((a) => [a.name, a.inAlliance])).toEqual([["Chile", false]]);
  });

  it("filters by UN regional group (of the State, or of an organisation's headquarters) and by taking part", async () => {
    const brazil = await stateActor(t.db, "BRA");
    await participate(t.db, brazil, await createInitiative(t.db));
    const sleeper = await createActor(t.db, { name: "Andean Sleeper Network", countryCode: "BOL" });
    const latin = await list({ region: "latin_american_caribbean" });
    expect(latin.items.map((a) => a.name)).toEqual(expect.arrayContaining(["Brazil", "Andean Sleeper Network", "Peru"]));
    expect(latin.items.map((a) => a.name)).not.toContain("Kenya");
    const taking = await list({ region: "latin_american_caribbean", participating: "yes" });
    expect(taking.items.map((a) => a.name)).not.toContain(sleeper.name);
    expect(taking.items.map((a) => a.name)).toContain("Brazil");
  });

  it("says so in the API, whose default list is the Alliance's", async () => {
    const reply = await outcome(await callLoader(apiActors.loader, "/api/v1/actors?kind=state", { db: t.db }));
    const body = reply.data as { total: number; data: { name: string; in_alliance: boolean }[] };
    expect(body.data.every((a) => a.in_alliance)).toBe(true);
    expect(body.total).toBe(3);
    const all = (await outcome(await callLoader(apiActors.loader, "/api/v1/actors?kind=state&scope=all", { db: t.db }))).data as { total: number };
    expect(all.total).toBe(195);
  });
});
