// The secretariat's queue of proposed initiatives: paginated oldest first like the desk's other
// queues, and approvals that never collide on an initiative's address, even at the same moment.
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { initiatives } from "~/db/schema";
import { reviewInitiative } from "~/domain/coalitions/proposals.server";
import * as reviewRoute from "~/routes/secretariat.initiatives";
import { useTestDatabase } from "../support/db";
import { createInitiative, createMember } from "../support/directory";
import { callLoader } from "../support/remix";

const t = useTestDatabase();

describe("the review queue", () => {
  it("shows 25 proposals a page, oldest first, with the total and links to the next and previous pages", async () => {
    const staff = await createMember(t.db, { role: "secretariat" });
    const start = Date.parse("2026-01-01T00:00:00Z");
    const made = [];
    for (let i = 0; i < 30; i++) {
      made.push(await createInitiative(t.db, { status: "submitted", slug: `proposal-${String(i).padStart(12, "0")}`, title: `Proposal ${i}`, createdAt: new Date(start + i * 60_000) }));
    }
    // Already decided: not in the queue.
    await createInitiative(t.db, { status: "active", createdAt: new Date(start - 60_000) });
    const load = (query = "") => callLoader(reviewRoute.loader, `/secretariat/initiatives${query}`, { db: t.db, headers: { Cookie: staff.cookie } });

    const first = await load();
    expect(first.queue.total).toBe(30);
    expect(first.queue.items.map((p) => p.title)).toEqual(made.slice(0, 25).map((p) => p.title));
    expect(first.queue.older).toBeNull();
    expect(first.queue.newer).not.toBeNull();

    const second = await load(`?after=${encodeURIComponent(first.queue.newer!)}`);
    expect(second.queue.items.map((p) => p.title)).toEqual(made.slice(25).map((p) => p.title));
    expect(second.queue.newer).toBeNull();
    expect(second.queue.total).toBe(30);

    const back = await load(`?before=${encodeURIComponent(second.queue.older!)}`);
    expect(back.queue.items.map((p) => p.title)).toEqual(made.slice(0, 25).map((p) => p.title));

    // A cursor someone typed by hand is ignored, not a 500.
    expect((await load("?after=yesterday")).queue.items).toHaveLength(25);
  });
});

describe("the address given at approval", () => {
  it("stays unique when proposals of the same title are approved at the same moment", async () => {
    const staff = await createMember(t.db, { role: "secretariat" });
    const title = "Water security for small island states";
    const proposals = await Promise.all(
      Array.from({ length: 3 }, (_, i) => createInitiative(t.db, { status: "submitted", slug: `proposal-race${i}`, title })),
    );
    const results = await Promise.all(
      proposals.map((p) => reviewInitiative(t.db, { userId: staff.user.id }, { initiativeId: p.id, decision: "approve" })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await t.db.select({ slug: initiatives.slug, status: initiatives.status }).from(initiatives).where(inArray(initiatives.id, proposals.map((p) => p.id)));
    expect(rows.every((r) => r.status === "active")).toBe(true);
    expect(rows.map((r) => r.slug).sort()).toEqual(["water-security-for-small-island-states", "water-security-for-small-island-states-2", "water-security-for-small-island-states-3"]);
    // Each is reachable by its own address.
    for (const r of rows) expect(await t.db.$count(initiatives, eq(initiatives.slug, r.slug))).toBe(1);
  });
});
