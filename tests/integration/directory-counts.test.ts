// The counts the directory pages read instead of counting rows (drizzle/0009, docs/decisions/018):
// actor_counts and participant_counts must equal what counting the rows gives, after every kind
// of write (join, withdrawal, approval, suspension, renaming) and under concurrent writers. Each
// check compares the whole table with a live count, so a drift anywhere shows up.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Executor } from "~/db/client.server";
import { actors, participations } from "~/db/schema";
import { joinInitiative, withdrawFromInitiative } from "~/domain/coalitions/participation.server";
import { queryRows, useTestDatabase } from "../support/db";
import { createActor, createInitiative, createRepresentative, participate } from "../support/directory";

const t = useTestDatabase();

/** Rows of the counter tables that differ from a live count (zero rows are as good as none). */
async function drift(db: Executor) {
  const actorDrift = await queryRows(
    db,
    sql`select coalesce(c.kind, l.kind) as kind, coalesce(c.status, l.status) as status, c.n as kept, l.n as counted
        from actor_counts c full join (select kind, status, count(*)::int as n from actors group by 1, 2) l
          on l.kind = c.kind and l.status = c.status
        where coalesce(c.n, 0) <> coalesce(l.n, 0)`,
  );
  const participantDrift = await queryRows(
    db,
    sql`select coalesce(c.initiative_id, l.initiative_id) as initiative, coalesce(c.role, l.role) as role, coalesce(c.kind, l.kind) as kind,
               c.n as kept, l.n as counted
        from participant_counts c full join (
          select p.initiative_id, p.role, a.kind, count(*)::int as n from participations p join actors a on a.id = p.actor_id
          where p.status = 'active' and a.status = 'approved' group by 1, 2, 3) l
          on l.initiative_id = c.initiative_id and l.role = c.role and l.kind = c.kind
        where coalesce(c.n, 0) <> coalesce(l.n, 0)`,
  );
  const staleCopies = await queryRows(
    db,
    sql`select p.id from participations p join actors a on a.id = p.actor_id
        where p.actor_kind is distinct from a.kind
           or p.actor_sort_key is distinct from translate(lower(a.name), 'áàâäãåāăąçćčďéèêëēėęěíìîïīįłñńňóòôöõøōőœŕřśšşťúùûüūůűýÿźżž', 'aaaaaaaaacccdeeeeeeeeiiiiiilnnnooooooooorrssstuuuuuuuyyzzz')`,
  );
  return { actorDrift, participantDrift, staleCopies };
}

const exact = { actorDrift: [], participantDrift: [], staleCopies: [] };

async function supporters(initiativeId: string) {
  const rows = await queryRows<{ n: number }>(
    t.db,
    sql`select coalesce(sum(n), 0)::int as n from participant_counts where initiative_id = ${initiativeId} and role = 'supporter'`,
  );
  return rows[0]?.n ?? 0;
}

describe("directory counts kept by triggers", () => {
  it("match the rows after joins, withdrawals, approvals, suspensions and renamings", async () => {
    expect(await drift(t.db)).toEqual(exact);
    const initiative = await createInitiative(t.db, { status: "active", joinPolicy: "open" });
    const ngo = await createActor(t.db, { kind: "ngo" });
    const rep = await createRepresentative(t.db, ngo);
    const pending = await createActor(t.db, { kind: "regional_organization", status: "pending" });

    expect((await joinInitiative(t.db, { userId: rep.user.id }, { actorId: ngo.id, initiativeId: initiative.id })).ok).toBe(true);
    expect(await supporters(initiative.id)).toBe(1);
    // A participation of an actor not approved yet is not counted until the approval.
    await participate(t.db, pending, initiative);
    expect(await supporters(initiative.id)).toBe(1);
    await t.db.update(actors).set({ status: "approved" }).where(eq(actors.id, pending.id));
    expect(await supporters(initiative.id)).toBe(2);
    expect(await drift(t.db)).toEqual(exact);

    expect((await withdrawFromInitiative(t.db, { userId: rep.user.id }, { actorId: ngo.id, initiativeId: initiative.id })).ok).toBe(true);
    expect(await supporters(initiative.id)).toBe(1);
    // Coming back updates the same row: counted again.
    expect((await joinInitiative(t.db, { userId: rep.user.id }, { actorId: ngo.id, initiativeId: initiative.id })).ok).toBe(true);
    expect(await supporters(initiative.id)).toBe(2);

    await t.db.update(actors).set({ status: "suspended" }).where(eq(actors.id, ngo.id));
    expect(await supporters(initiative.id)).toBe(1);
    await t.db.update(actors).set({ status: "approved" }).where(eq(actors.id, ngo.id));
    // A renamed actor, or one of another kind, moves with its participations.
    await t.db.update(actors).set({ name: "Édition Renamed", kind: "other" }).where(eq(actors.id, ngo.id));
    await t.db.update(participations).set({ role: "lead" }).where(eq(participations.actorId, pending.id));
    expect(await drift(t.db)).toEqual(exact);
    const byKind = await queryRows<{ role: string; kind: string; n: number }>(
      t.db,
      sql`select role, kind, n from participant_counts where initiative_id = ${initiative.id} and n <> 0 order by role, kind`,
    );
    expect(byKind).toEqual([
      { role: "lead", kind: "regional_organization", n: 1 },
      { role: "supporter", kind: "other", n: 1 },
    ]);
  });

  it("stay exact under concurrent joins, withdrawals and suspensions", async () => {
    const initiative = await createInitiative(t.db, { status: "active", joinPolicy: "open" });
    const members = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const actor = await createActor(t.db, { kind: "ngo" });
        return { actor, rep: await createRepresentative(t.db, actor) };
      }),
    );
    const join = (m: (typeof members)[number]) => joinInitiative(t.db, { userId: m.rep.user.id }, { actorId: m.actor.id, initiativeId: initiative.id });
    const withdraw = (m: (typeof members)[number]) =>
      withdrawFromInitiative(t.db, { userId: m.rep.user.id }, { actorId: m.actor.id, initiativeId: initiative.id });
    const setStatus = (m: (typeof members)[number], status: "approved" | "suspended") =>
      t.db.update(actors).set({ status }).where(eq(actors.id, m.actor.id));

    // Everyone joins at once (on PostgreSQL, over the pool's connections).
    await Promise.all(members.map(join));
    expect(await supporters(initiative.id)).toBe(12);
    // Then, all at once: half withdraw; a third are suspended while their join or withdrawal is
    // in flight; duplicates of the same join race each other.
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        members.flatMap((m, i) => [
          i % 2 === round % 2 ? withdraw(m) : join(m),
          i % 3 === 0 ? setStatus(m, round % 2 === 0 ? "suspended" : "approved") : join(m),
        ]),
      );
      expect(await drift(t.db)).toEqual(exact);
    }
    // Dozens of transactions on a shared machine: more than the default 20 s, never a timing check.
  }, 120_000);
});
