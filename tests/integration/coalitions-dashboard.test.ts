// A representative's dashboard in the coalitions: their actors' initiatives with role and date,
// the requests to join they made, the requests waiting for their decision as a lead, and the
// invitations to co-lead waiting for them — nothing of other actors' — in one SQL statement
// whatever their number, so the page costs no more than a directory page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import * as schema from "~/db/schema";
import { leadInvitations } from "~/db/schema";
import * as publicActors from "~/routes/actors._index";
import * as dashboardPage from "~/routes/dashboard._index";
import { ledInitiative, participateWithHistory } from "../support/coalitions";
import { useTestDatabase } from "../support/db";
import { createActor, createAffiliation, createInitiative, createRepresentative, stateActor } from "../support/directory";
import { callLoader, routeArgs } from "../support/remix";

const t = useTestDatabase();

const dashboard = (cookie: string) => callLoader(dashboardPage.loader, "/dashboard", { db: t.db, headers: { Cookie: cookie, "Accept-Language": "en" } });

/** France's focal point, with something of every kind waiting; and the same kinds for another actor, which must not show. */
async function franceWithWork() {
  const france = await stateActor(t.db, "FRA");
  const focal = await createRepresentative(t.db, france, {}, { locale: "en" });
  // France leads A, where Chile asks to join.
  const a = await createInitiative(t.db, { title: "A: cyber norms", joinPolicy: "approval" });
  await participateWithHistory(t.db, france, a, { role: "lead", at: new Date("2024-03-01T10:00:00Z") });
  const chile = await stateActor(t.db, "CHL");
  await participateWithHistory(t.db, chile, a, { status: "requested", at: new Date("2026-11-02T10:00:00Z") });
  // France supports B, and has asked to join C.
  const b = await createInitiative(t.db, { title: "B: climate and security" });
  await participateWithHistory(t.db, france, b, { at: new Date("2025-06-15T10:00:00Z") });
  const c = await createInitiative(t.db, { title: "C: health", joinPolicy: "approval" });
  await participateWithHistory(t.db, france, c, { status: "requested", at: new Date("2026-11-20T10:00:00Z") });
  // France is invited to co-lead D.
  const d = await ledInitiative(t.db, { title: "D: gender" });
  await t.db.insert(leadInvitations).values({ initiativeId: d.initiative.id, actorId: france.id, invitedByUserId: d.lead.user.id });
  // Elsewhere: another actor's request, invitation and lead role, none of France's business.
  const other = await ledInitiative(t.db, { title: "E: elsewhere", joinPolicy: "approval" });
  await participateWithHistory(t.db, await createActor(t.db), other.initiative, { status: "requested" });
  await t.db.insert(leadInvitations).values({ initiativeId: d.initiative.id, actorId: other.leadActor.id, invitedByUserId: d.lead.user.id });
  return { france, focal, a, b, c, d, chile };
}

describe("the dashboard's coalition sections", () => {
  it("list the actor's initiatives with role and date, its requests, requests to decide as lead, and invitations — each with where to act", async () => {
    const { france, focal, a, b, c, d, chile } = await franceWithWork();
    const page = await dashboard(focal.cookie);
    expect(page.initiatives.map((i) => [i.actorId, i.slug, i.role, i.at.toISOString()])).toEqual([
      [france.id, a.slug, "lead", "2024-03-01T10:00:00.000Z"],
      [france.id, b.slug, "supporter", "2025-06-15T10:00:00.000Z"],
    ]);
    expect(page.tasks.requestsToDecide.map((r) => [r.actorId, r.actorName, r.slug])).toEqual([[chile.id, "Chile", a.slug]]);
    expect(page.tasks.requestsMade.map((r) => [r.actorName, r.slug, r.at.toISOString()])).toEqual([["France", c.slug, "2026-11-20T10:00:00.000Z"]]);
    expect(page.tasks.invitations.map((r) => [r.actorName, r.slug])).toEqual([["France", d.initiative.slug]]);
  });

  it("follow rights: a suspended actor's representative sees none of it", async () => {
    const ngo = await createActor(t.db, { status: "suspended" });
    const rep = await createRepresentative(t.db, ngo);
    const initiative = await createInitiative(t.db);
    await participateWithHistory(t.db, ngo, initiative, { role: "lead" });
    await participateWithHistory(t.db, await createActor(t.db), initiative, { status: "requested" });
    const page = await dashboard(rep.cookie);
    expect([page.initiatives, page.tasks.requestsToDecide, page.tasks.requestsMade, page.tasks.invitations].flat()).toEqual([]);
  });
});

describe("what the dashboard costs", () => {
  let counted: Database;
  let statements = 0;
  beforeAll(async () => {
    const client = (t.db as unknown as { $client: unknown }).$client;
    const logger = { logQuery: () => void statements++ };
    counted =
      t.handle.engine === "postgres"
        ? ((await import("drizzle-orm/postgres-js")).drizzle(client as never, { schema, casing: "snake_case", logger }) as unknown as Database)
        : ((await import("drizzle-orm/pglite")).drizzle(client as never, { schema, casing: "snake_case", logger }) as unknown as Database);
  });
  async function statementsFor(loader: (args: LoaderFunctionArgs) => unknown, path: string, cookie?: string) {
    const args = routeArgs(path, { db: counted, headers: { "Accept-Language": "en", ...(cookie ? { Cookie: cookie } : {}) } });
    statements = 0;
    await loader(args);
    return statements;
  }

  it("is the same number of statements with one item of each kind or forty, and no more than a directory page", async () => {
    const { france, focal } = await franceWithWork();
    const small = await statementsFor(dashboardPage.loader, "/dashboard", focal.cookie);
    const waitingBefore = (await dashboard(focal.cookie)).tasks.requestsToDecide.length;
    // Twenty more initiatives France leads, each with a request waiting; a second actor represented.
    for (let i = 0; i < 20; i++) {
      const initiative = await createInitiative(t.db, { joinPolicy: "approval" });
      await participateWithHistory(t.db, france, initiative, { role: "lead" });
      await participateWithHistory(t.db, await createActor(t.db), initiative, { status: "requested" });
    }
    await createAffiliation(t.db, focal.user, await createActor(t.db));
    const large = await statementsFor(dashboardPage.loader, "/dashboard", focal.cookie);
    expect((await dashboard(focal.cookie)).tasks.requestsToDecide.length).toBe(waitingBefore + 20);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(await statementsFor(publicActors.loader, "/actors?scope=all"));
  });
});
