// The coalition's history: append-only in the database, filled for existing rows, and the page
// and API able to show the coalition as it stood on any date.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { participationEvents } from "~/db/schema";
import { seedDemoData } from "~/db/seed/demo.server";
import { backfillParticipationEvents, recordParticipationEvent } from "~/domain/coalitions/history.server";
import * as apiInitiative from "~/routes/api.v1.initiatives.$slug";
import * as initiativePage from "~/routes/initiatives.$slug";
import { eventRows, participateWithHistory } from "../support/coalitions";
import { useTestDatabase, queryRows } from "../support/db";
import { createActor, createInitiative, participate, stateActor } from "../support/directory";
import { callLoader, outcome } from "../support/remix";

const t = useTestDatabase();

describe("participation history", () => {
  it("is append-only: the database refuses to change, delete or truncate an event", async () => {
    const initiative = await createInitiative(t.db);
    const actor = await createActor(t.db);
    await participateWithHistory(t.db, actor, initiative);
    const refusal = async (statement: ReturnType<typeof sql>) => {
      const error = await t.db.execute(statement).then(() => null, (e: unknown) => e as Error & { cause?: Error });
      return String(error?.cause?.message ?? error?.message);
    };
    expect(await refusal(sql`update participation_events set kind = 'withdrawn'`)).toMatch(/append-only: UPDATE/);
    expect(await refusal(sql`delete from participation_events`)).toMatch(/append-only: DELETE/);
    expect(await refusal(sql`truncate participation_events`)).toMatch(/append-only: TRUNCATE/);
    expect(await eventRows(t.db, initiative.id)).toHaveLength(1);
  });

  it("gives rows that have no history the events they imply, once", async () => {
    const initiative = await createInitiative(t.db);
    const [a, b, c] = [await createActor(t.db), await createActor(t.db), await createActor(t.db)];
    await participate(t.db, a, initiative, { signedAt: new Date("2019-01-10T12:00:00Z") });
    await participate(t.db, b, initiative, {
      status: "withdrawn",
      signedAt: new Date("2019-02-10T12:00:00Z"),
      updatedAt: new Date("2020-03-01T12:00:00Z"),
    });
    await participate(t.db, c, initiative, { status: "requested", signedAt: new Date("2021-01-01T12:00:00Z") });
    await backfillParticipationEvents(t.db);
    await backfillParticipationEvents(t.db);
    const events = await eventRows(t.db, initiative.id);
    expect(events.map((e) => [e.actorId, e.kind])).toEqual(
      expect.arrayContaining([
        [a.id, "joined"],
        [b.id, "joined"],
        [b.id, "withdrawn"],
        [c.id, "requested"],
      ]),
    );
    expect(events).toHaveLength(4);
  });

  it("the demo data's coalitions come with their history, withdrawals dated after joins", async () => {
    await seedDemoData(t.db);
    const rows = await queryRows<{ missing: number; backwards: number }>(
      t.db,
      sql`select
            (select count(*)::int from participations p where not exists (
               select 1 from participation_events e where e.actor_id = p.actor_id and e.initiative_id = p.initiative_id)) as missing,
            (select count(*)::int from participation_events w join participation_events j
               on j.actor_id = w.actor_id and j.initiative_id = w.initiative_id and j.kind = 'joined'
             where w.kind = 'withdrawn' and w.occurred_at <= j.occurred_at) as backwards`,
    );
    expect(rows[0]).toEqual({ missing: 0, backwards: 0 });
    const withdrawn = await t.db.select().from(participationEvents).where(sql`${participationEvents.kind} = 'withdrawn'`);
    expect(withdrawn.length).toBeGreaterThan(0);
  });
});

describe("the coalition as of a date", () => {
  async function history() {
    const initiative = await createInitiative(t.db);
    const [france, germany, chile] = [await stateActor(t.db, "FRA"), await stateActor(t.db, "DEU"), await stateActor(t.db, "CHL")];
    await participateWithHistory(t.db, france, initiative, { role: "lead", at: new Date("2019-09-26T10:00:00Z") });
    // Germany joined in 2019 and withdrew in 2021: in on 2020-01-01, out today.
    await participate(t.db, germany, initiative, { status: "withdrawn", signedAt: new Date("2019-11-01T10:00:00Z") });
    for (const [kind, status, at] of [
      ["joined", "active", "2019-11-01T10:00:00Z"],
      ["withdrawn", "withdrawn", "2021-05-01T10:00:00Z"],
    ] as const) {
      await recordParticipationEvent(t.db, { initiativeId: initiative.id, actorId: germany.id, kind, status, role: "supporter", byUserId: null, occurredAt: new Date(at) });
    }
    // Chile joined on 2020-01-01 itself, late in the day: the day counts whole.
    await participateWithHistory(t.db, chile, initiative, { at: new Date("2020-01-01T22:00:00Z") });
    return { initiative, france, germany, chile };
  }

  it("the page lists who took part that day, with the date each joined", async () => {
    const { initiative, france, germany, chile } = await history();
    const page = await callLoader(initiativePage.loader, `/initiatives/${initiative.slug}?asOf=2020-01-01`, { db: t.db, params: { slug: initiative.slug } });
    expect(page.asOf).toBe("2020-01-01");
    expect(page.initiative.leads.map((l) => [l.actorId, l.since.toISOString()])).toEqual([[france.id, "2019-09-26T10:00:00.000Z"]]);
    const supporters = page.supporterGroups.flatMap((g) => g.members.map((m) => m.actorId));
    expect(supporters.sort()).toEqual([germany.id, chile.id].sort());
    expect(page.timeline.map((e) => [e.actorId, e.kind])).toEqual([
      [chile.id, "joined"],
      [germany.id, "joined"],
      [france.id, "joined"],
    ]);

    const before = await callLoader(initiativePage.loader, `/initiatives/${initiative.slug}?asOf=2019-12-31`, { db: t.db, params: { slug: initiative.slug } });
    expect(before.supporterGroups.flatMap((g) => g.members.map((m) => m.actorId))).toEqual([germany.id]);

    const today = await callLoader(initiativePage.loader, `/initiatives/${initiative.slug}`, { db: t.db, params: { slug: initiative.slug } });
    expect(today.supporterGroups.flatMap((g) => g.members.map((m) => m.actorId))).toEqual([chile.id]);
    expect(today.timeline[0]).toMatchObject({ actorId: germany.id, kind: "withdrawn" });
  });

  it("a date that is not one shows today's coalition and says so, never a 500", async () => {
    const { initiative } = await history();
    for (const bad of ["2020-02-30", "yesterday", "2020-1-1"]) {
      const page = await callLoader(initiativePage.loader, `/initiatives/${initiative.slug}?asOf=${bad}`, { db: t.db, params: { slug: initiative.slug } });
      expect(page.asOfInvalid).toBe(true);
      expect(page.asOf).toBeNull();
    }
  });

  it("the API gives the events and the coalition as of a date; a bad date is a 400", async () => {
    const { initiative, germany } = await history();
    const res = await outcome(await callLoader(apiInitiative.loader, `/api/v1/initiatives/${initiative.slug}?asOf=2020-06-30`, { db: t.db, params: { slug: initiative.slug } }));
    const body = res.data as { data: { as_of: string; supporters: { actor_id: string; since: string }[]; events: { kind: string; actor_id: string; occurred_at: string }[] } };
    expect(body.data.as_of).toBe("2020-06-30T23:59:59.999Z");
    expect(body.data.supporters.map((s) => s.actor_id)).toContain(germany.id);
    expect(body.data.events.map((e) => e.kind)).toEqual(["joined", "joined", "joined"]);

    const now = await outcome(await callLoader(apiInitiative.loader, `/api/v1/initiatives/${initiative.slug}`, { db: t.db, params: { slug: initiative.slug } }));
    const current = now.data as { data: { events: { kind: string; actor_id: string; occurred_at: string }[] } };
    expect(current.data.events.at(-1)).toEqual({ kind: "withdrawn", actor_id: germany.id, name: "Germany", role: "supporter", occurred_at: "2021-05-01T10:00:00.000Z" });

    const bad = await outcome(await callLoader(apiInitiative.loader, `/api/v1/initiatives/${initiative.slug}?asOf=soon`, { db: t.db, params: { slug: initiative.slug } }));
    expect(bad.status).toBe(400);
  });
});
