// The secretariat's coalition exports: every initiative and every participation with its
// history, in the same Excel-friendly, formula-safe, streamed CSV as the membership exports,
// and refused to anyone but staff.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { decideJoinRequest, joinInitiative, withdrawFromInitiative } from "~/domain/coalitions/participation.server";
import { participationsExport } from "~/domain/desk/coalition-exports.server";
import { csvChunks } from "~/domain/desk/exports.server";
import * as initiativesCsv from "~/routes/secretariat.exports.initiatives[.csv]";
import * as participationsCsv from "~/routes/secretariat.exports.participations[.csv]";
import { ledInitiative } from "../support/coalitions";
import { useTestDatabase } from "../support/db";
import { createActor, createInitiative, createMember, createRepresentative, stateActor } from "../support/directory";
import { callLoader, thrownOutcome } from "../support/remix";

const t = useTestDatabase();

async function download(route: typeof initiativesCsv, path: string, cookie: string) {
  const response = await callLoader(route.loader, path, { db: t.db, headers: { Cookie: cookie } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    response,
    bytes,
    rows: parse(Buffer.from(bytes).toString("utf8"), { bom: true, columns: true }) as Record<string, string>[],
  };
}

describe("/secretariat/exports/initiatives.csv", () => {
  it("lists every initiative with its leads and counts; a proposal has no address yet; formulas are neutralised", async () => {
    const staff = await createMember(t.db, { role: "secretariat" });
    const { initiative, leadActor } = await ledInitiative(t.db, { title: "=HYPERLINK(\"http://evil\")", summary: "Ünïcödé, «quoted» \"text\"\nsecond line" });
    const proposal = await createInitiative(t.db, { status: "submitted", slug: "proposal-0a1b2c3d4e5f", title: "Waiting for review" });
    const { response, bytes, rows } = await download(initiativesCsv, "/secretariat/exports/initiatives.csv", staff.cookie);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="initiatives-\d{4}-\d\d-\d\d\.csv"$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows.find((r) => r.id === initiative.id)).toMatchObject({
      slug: initiative.slug,
      title: `'=HYPERLINK("http://evil")`,
      status: "active",
      leads: leadActor.name,
      active_participants: "1",
      summary: 'Ünïcödé, «quoted» "text"\nsecond line',
    });
    expect(rows.find((r) => r.id === proposal.id)).toMatchObject({ slug: "", status: "submitted", title: "Waiting for review" });
  });
});

describe("/secretariat/exports/participations.csv", () => {
  it("gives each participation its actor, role, dates, who signed, and the events it went through", async () => {
    const staff = await createMember(t.db, { role: "secretariat" });
    const { initiative, leadActor, lead } = await ledInitiative(t.db, { joinPolicy: "approval" });
    const chile = await stateActor(t.db, "CHL");
    const chilean = await createRepresentative(t.db, chile, {}, { name: "@Carmen" });
    const ngo = await createActor(t.db, { name: "-Declined NGO" });
    const ngoRep = await createRepresentative(t.db, ngo);

    await joinInitiative(t.db, { userId: chilean.user.id }, { actorId: chile.id, initiativeId: initiative.id });
    await joinInitiative(t.db, { userId: ngoRep.user.id }, { actorId: ngo.id, initiativeId: initiative.id });
    const { rows: before } = await download(participationsCsv, "/secretariat/exports/participations.csv", staff.cookie);
    const chileRequest = before.find((r) => r.actor_id === chile.id)!;
    const ngoRequest = before.find((r) => r.actor_id === ngo.id)!;
    expect(chileRequest).toMatchObject({ status: "requested", role: "supporter" });

    await decideJoinRequest(t.db, { userId: lead.user.id }, { initiativeId: initiative.id, participationId: chileRequest.id!, decision: "accept" });
    await decideJoinRequest(t.db, { userId: lead.user.id }, { initiativeId: initiative.id, participationId: ngoRequest.id!, decision: "decline", reason: "=Not our scope" });
    await withdrawFromInitiative(t.db, { userId: chilean.user.id }, { actorId: chile.id, initiativeId: initiative.id });

    const { rows } = await download(participationsCsv, "/secretariat/exports/participations.csv", staff.cookie);
    const chileRow = rows.find((r) => r.actor_id === chile.id)!;
    expect(chileRow).toMatchObject({
      initiative_slug: initiative.slug,
      initiative_title: initiative.title,
      actor_name: chile.name,
      actor_kind: "state",
      actor_country_code: "CHL",
      role: "supporter",
      status: "withdrawn",
      signed_by_name: "'@Carmen",
      signed_by_email: chilean.user.email,
      decided_by: chilean.user.email,
      decline_reason: "",
    });
    expect(chileRow.withdrawn_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(chileRow.since!)).toBeLessThanOrEqual(Date.parse(chileRow.withdrawn_at!));
    expect(chileRow.requested_at).toMatch(/^\d{4}-/);
    expect(chileRow.history!.split("; ").map((e) => e.split(" ")[1])).toEqual(["requested", "joined", "withdrawn"]);

    expect(rows.find((r) => r.actor_id === ngo.id)).toMatchObject({ actor_name: "'-Declined NGO", status: "declined", decline_reason: "'=Not our scope", withdrawn_at: "", decided_by: lead.user.email });
    expect(rows.find((r) => r.actor_id === leadActor.id)).toMatchObject({ role: "lead", status: "active" });
  });

  it("is read in batches of the size asked and written as each arrives", async () => {
    const { initiative } = await ledInitiative(t.db);
    for (let i = 0; i < 4; i++) {
      const actor = await createActor(t.db);
      const rep = await createRepresentative(t.db, actor);
      await joinInitiative(t.db, { userId: rep.user.id }, { actorId: actor.id, initiativeId: initiative.id });
    }
    const sizes: number[] = [];
    const source = participationsExport(t.db);
    const counting = { ...source, async *batches(size: number) { for await (const rows of source.batches(size)) { sizes.push(rows.length); yield rows; } } };
    const chunks: string[] = [];
    for await (const chunk of csvChunks(counting, 2)) chunks.push(chunk);
    expect(Math.max(...sizes)).toBe(2);
    expect(chunks).toHaveLength(sizes.length + 1);
    const ids = (parse(chunks.join(""), { bom: true, columns: true }) as { id: string }[]).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("the coalition exports refuse anyone but staff", () => {
  it("403 for a representative, the sign-in page for a visitor", async () => {
    const rep = await createRepresentative(t.db, await createActor(t.db));
    for (const [route, path] of [
      [initiativesCsv, "/secretariat/exports/initiatives.csv"],
      [participationsCsv, "/secretariat/exports/participations.csv"],
    ] as const) {
      expect((await thrownOutcome(callLoader(route.loader, path, { db: t.db, headers: { Cookie: rep.cookie } }))).status).toBe(403);
      expect((await thrownOutcome(callLoader(route.loader, path, { db: t.db }))).headers.get("Location")).toMatch(/^\/login\?/);
    }
  });
});
