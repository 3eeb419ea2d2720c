// The secretariat's CSV exports: Excel-friendly (UTF-8 BOM), ISO 8601 dates, cells that would
// run as formulas neutralised, streamed batch by batch, and refused to anyone but staff.
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { actors } from "~/db/schema";
import { actorsExport, csvCell, csvChunks, csvResponse } from "~/domain/desk/exports.server";
import * as actorsCsv from "~/routes/secretariat.exports.actors[.csv]";
import * as affiliationsCsv from "~/routes/secretariat.exports.affiliations[.csv]";
import * as auditCsv from "~/routes/secretariat.exports.audit[.csv]";
import { createUser } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { createActor, createAffiliation, createMember } from "../support/directory";
import { callLoader, thrownOutcome } from "../support/remix";

const t = useTestDatabase();

/** The file as a spreadsheet reads it (RFC 4180 quoting, the BOM dropped), one object per row, by a real CSV parser. */
const parse = (text: string): Record<string, string>[] => parseCsv(text, { bom: true, columns: true, record_delimiter: "\r\n" });

describe("a CSV cell", () => {
  it("neutralises text a spreadsheet would run as a formula", () => {
    for (const dangerous of ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]) {
      expect(csvCell(dangerous)).toBe(`'${dangerous}`);
    }
    expect(csvCell("Alliance = partners")).toBe("Alliance = partners");
    expect(csvCell(new Date("2026-03-01T10:00:00Z"))).toBe("2026-03-01T10:00:00.000Z");
    expect(csvCell(null)).toBe("");
    expect(csvCell(3)).toBe("3");
  });
});

describe("/secretariat/exports/actors.csv", () => {
  it("starts with a BOM, quotes what needs quoting, and reads back to what was stored", async () => {
    const staff = await createMember(t.db, { role: "secretariat" });
    const tricky = await createActor(t.db, {
      name: '=cmd|" /C calc"!A0',
      shortName: "Ünïcödé, «ONG»",
      description: "line one\nline two",
      website: "https://ngo.example",
      createdAt: new Date("2025-05-04T03:02:01.000Z"),
    });
    const response = await callLoader(actorsCsv.loader, "/secretariat/exports/actors.csv", { db: t.db, headers: { Cookie: staff.cookie } });
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="actors-\d{4}-\d\d-\d\d\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(new TextDecoder().decode(bytes)) as Record<string, string>[];
    const row = records.find((r) => r.id === tricky.id);
    expect(row).toMatchObject({
      name: `'=cmd|" /C calc"!A0`,
      short_name: "Ünïcödé, «ONG»",
      created_at: "2025-05-04T03:02:01.000Z",
      status: "approved",
    });
    // Every UN state is there too: one row per actor.
    expect(records.filter((r) => r.kind === "state").length).toBeGreaterThan(190);
  });

  it("is read in batches and written as each batch arrives", async () => {
    const source = actorsExport(t.db);
    let batches = 0;
    const counting = {
      ...source,
      async *batches(size: number) {
        for await (const rows of source.batches(size)) {
          batches++;
          expect(rows.length).toBeLessThanOrEqual(size);
          yield rows;
        }
      },
    };
    const chunks: string[] = [];
    for await (const chunk of csvChunks(counting, 50)) chunks.push(chunk);
    const total = await t.db.$count(actors);
    expect(batches).toBe(Math.ceil(total / 50));
    // The header, then one chunk per batch: nothing waits for the whole table.
    expect(chunks).toHaveLength(batches + 1);

    // The response body pulls batches only as the client reads.
    let pulled = 0;
    const lazy = { ...source, async *batches(size: number) { for await (const rows of source.batches(size)) { pulled++; yield rows; } } };
    const reader = csvResponse("x.csv", lazy, 10).body!.getReader();
    await reader.read();
    await reader.read();
    expect(pulled).toBe(1);
    await reader.cancel();
  });
});

describe("the exports refuse anyone but staff", () => {
  it("403 for a member, the sign-in page for a visitor", async () => {
    const member = await createMember(t.db);
    for (const [route, path] of [
      [actorsCsv, "/secretariat/exports/actors.csv"],
      [affiliationsCsv, "/secretariat/exports/affiliations.csv"],
      [auditCsv, "/secretariat/exports/audit.csv"],
    ] as const) {
      expect((await thrownOutcome(callLoader(route.loader, path, { db: t.db, headers: { Cookie: member.cookie } }))).status).toBe(403);
      const visitor = await thrownOutcome(callLoader(route.loader, path, { db: t.db }));
      expect(visitor.headers.get("Location")).toMatch(/^\/login\?/);
    }
  });
});

describe("/secretariat/exports/affiliations.csv and audit.csv", () => {
  it("list every application with its decision, and the filtered audit log", async () => {
    const admin = await createMember(t.db, { role: "admin" });
    const person = await createUser(t.db, { name: "+Mallory" });
    const actor = await createActor(t.db);
    const affiliation = await createAffiliation(t.db, person, actor, { status: "rejected", reviewReason: "@once" });
    const response = await callLoader(affiliationsCsv.loader, "/secretariat/exports/affiliations.csv", { db: t.db, headers: { Cookie: admin.cookie } });
    const records = parse(await response.text()) as Record<string, string>[];
    expect(records.find((r) => r.id === affiliation.id)).toMatchObject({ user_name: "'+Mallory", review_reason: "'@once", status: "rejected", actor_id: actor.id });

    const bad = await thrownOutcome(callLoader(auditCsv.loader, "/secretariat/exports/audit.csv?from=yesterday", { db: t.db, headers: { Cookie: admin.cookie } }));
    expect(bad.status).toBe(400);
    const auditResponse = await callLoader(auditCsv.loader, "/secretariat/exports/audit.csv?action=actor.suspended", { db: t.db, headers: { Cookie: admin.cookie } });
    const [header] = (await auditResponse.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe("id,occurred_at,action,subject_type,subject_id,actor_id,actor_name,decided_by_email,decided_by_name,concerning_email,concerning_name,reason,before,after");
  });
});
