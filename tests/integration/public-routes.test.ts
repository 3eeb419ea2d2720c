// The public pages' loaders and the open data API, called as Remix calls them: status codes,
// the JSON contract of docs/api.md, and bad input answered with 400 or 404, never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { actors, initiatives, participations, users } from "~/db/schema";
import * as actorPage from "~/routes/actors.$id";
import * as actorsPage from "~/routes/actors._index";
import * as apiActor from "~/routes/api.v1.actors.$id";
import * as apiActors from "~/routes/api.v1.actors._index";
import * as apiInitiative from "~/routes/api.v1.initiatives.$slug";
import * as apiInitiatives from "~/routes/api.v1.initiatives._index";
import * as apiUnknown from "~/routes/api.$";
import * as homePage from "~/routes/_index";
import * as initiativePage from "~/routes/initiatives.$slug";
import * as initiativesPage from "~/routes/initiatives._index";
import { useTestDatabase } from "../support/db";
import { callAction, callLoader, outcome, TEST_ORIGIN, thrownOutcome } from "../support/remix";

const t = useTestDatabase();
let franceId: string;

beforeAll(async () => {
  const [author] = await t.db.insert(users).values({ email: "author@example.org", name: "Author" }).returning();
  const [france] = await t.db
    .select()
    .from(actors)
    .where(and(eq(actors.kind, "state"), eq(actors.countryCode, "FRA")));
  franceId = france!.id;
  const rows = await t.db
    .insert(initiatives)
    .values(
      Array.from({ length: 23 }, (_, i) => ({
        slug: `initiative-${i}`,
        title: `Initiative ${i}`,
        summary: "Cooperation in cyberspace",
        axis: "new_governance" as const,
        theme: "cyber" as const,
        status: "active" as const,
        proposedByUserId: author!.id,
        reviewReason: "private note of the secretariat",
      })),
    )
    .returning();
  await t.db.insert(participations).values({
    initiativeId: rows[0]!.id,
    actorId: franceId,
    role: "lead",
    signedByUserId: author!.id,
  });
});

describe("HTML pages", () => {
  it("give the home page live figures and a title in the visitor's language", async () => {
    const data = await callLoader(homePage.loader, "/", { db: t.db, headers: { "Accept-Language": "es" } });
    expect(data.figures.initiativesByAxis.new_governance).toBe(23);
    // France leads an initiative; the other UN states have not joined the Alliance.
    expect(data.figures.actorsByKind.state).toBe(1);
    expect(data.title).toBe("Una red abierta para una cooperación basada en normas · Portal de Asociados de la Alianza");
  });

  it("refuse invalid filters with a 400 naming them, and a way back to the plain list", async () => {
    const bad = await thrownOutcome(
      callLoader(initiativesPage.loader, "/initiatives?axis=planets&page=-1", { db: t.db }),
    );
    expect(bad).toMatchObject({ status: 400, data: { invalidParams: ["axis", "page"], resetTo: "/initiatives" } });
    const kind = await thrownOutcome(callLoader(actorsPage.loader, "/actors?kind=planet", { db: t.db }));
    expect(kind).toMatchObject({ status: 400, data: { invalidParams: ["kind"], resetTo: "/actors" } });
    const long = await thrownOutcome(callLoader(actorsPage.loader, `/actors?q=${"x".repeat(10_240)}`, { db: t.db }));
    expect(long).toMatchObject({ status: 400, data: { invalidParams: ["q"] } });
  });

  it("answer a page past the end with an empty list that keeps the total", async () => {
    const data = await callLoader(initiativesPage.loader, "/initiatives?page=99999999", { db: t.db });
    expect(data).toMatchObject({ items: [], total: 23, page: 99_999_999 });
  });

  it("answer unknown slugs and ids, well-formed or not, with a 404", async () => {
    for (const slug of ["no-such-initiative", "UPPER", "a--b", "%00", "x".repeat(500)]) {
      const missing = await thrownOutcome(
        callLoader(initiativePage.loader, "/initiatives/x", { db: t.db, params: { slug } }),
      );
      expect(missing.status, slug).toBe(404);
    }
    for (const id of ["not-a-uuid", "1' or 1=1", "00000000-0000-4000-8000-000000000000"]) {
      const missing = await thrownOutcome(callLoader(actorPage.loader, "/actors/x", { db: t.db, params: { id } }));
      expect(missing.status, id).toBe(404);
    }    const unknownInitiative = await thrownOutcome(callLoader(actorsPage.loader, "/actors?initiative=no-such-initiative", { db: t.db }));
    expect(unknownInitiative.status).toBe(404);
    const badInitiative = await thrownOutcome(callLoader(actorsPage.loader, "/actors?initiative=%3Cscript%3E", { db: t.db }));
    expect(badInitiative.status).toBe(400);
  });

  it("show a state under its name in the visitor's language", async () => {
    const data = await callLoader(actorPage.loader, `/actors/${franceId}`, {
      db: t.db,
      params: { id: franceId },
      headers: { "Accept-Language": "es" },
    });
    expect(data.actor.name).toBe("Francia");
    expect(data.title).toBe("Francia · Portal de Asociados de la Alianza");
  });
});

describe("open data API", () => {
  it("pages initiatives with absolute next and previous links that keep the filters", async () => {
    const first = await outcome(
      await callLoader(apiInitiatives.loader, "/api/v1/initiatives?axis=new_governance", { db: t.db }),
    );
    expect(first.status).toBe(200);
    expect(first.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(first.data).toMatchObject({
      page: 1,
      page_size: 20,
      total: 23,
      page_count: 2,
      next: `${TEST_ORIGIN}/api/v1/initiatives?axis=new_governance&page=2`,
      previous: null,
    });
    const second = await outcome(
      await callLoader(apiInitiatives.loader, "/api/v1/initiatives?axis=new_governance&page=2", { db: t.db }),
    );
    expect(second.data).toMatchObject({
      next: null,
      previous: `${TEST_ORIGIN}/api/v1/initiatives?axis=new_governance&page=1`,
    });
    expect((second.data as { data: unknown[] }).data).toHaveLength(3);
  });

  it("describes each initiative with the documented fields only", async () => {
    const list = await outcome(
      await callLoader(apiInitiatives.loader, "/api/v1/initiatives?q=%22initiative%200%22", { db: t.db }),
    );
    const item = (list.data as { data: Record<string, unknown>[] }).data.find((i) => i.slug === "initiative-0");
    expect(Object.keys(item!).sort()).toEqual(
      [
        "api_url",
        "axis",
        "launched_on",
        "lead_count",
        "slug",
        "status",
        "summary",
        "supporter_count",
        "theme",
        "title",
        "url",
      ].sort(),
    );
    expect(item).toMatchObject({ lead_count: 1, supporter_count: 0, url: `${TEST_ORIGIN}/initiatives/initiative-0` });

    const detail = await outcome(
      await callLoader(apiInitiative.loader, "/api/v1/initiatives/initiative-0", {
        db: t.db,
        params: { slug: "initiative-0" },
      }),
    );
    expect(detail.status).toBe(200);
    const data = (detail.data as { data: Record<string, unknown> }).data;
    expect(data.leads).toEqual([
      {
        actor_id: franceId,
        name: "France",
        short_name: null,
        kind: "state",
        country_code: "FRA",
        role: "lead",
        since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        url: `${TEST_ORIGIN}/actors/${franceId}`,
      },
    ]);
    // Nothing about users or reviews leaves the server.
    const text = JSON.stringify(detail.data);
    for (const secret of ["private note", "author@example.org", "user", "review"]) expect(text).not.toContain(secret);
  });

  it("lists actors and shows one with its initiatives", async () => {
    const list = await outcome(await callLoader(apiActors.loader, "/api/v1/actors?kind=state&q=france", { db: t.db }));
    expect(list.data).toMatchObject({
      total: 1,
      data: [{ id: franceId, name: "France", kind: "state", country_code: "FRA", initiative_count: 1 }],
    });
    const one = await outcome(
      await callLoader(apiActor.loader, `/api/v1/actors/${franceId}`, { db: t.db, params: { id: franceId } }),
    );
    expect(one.data).toMatchObject({ data: { id: franceId, initiatives: [{ slug: "initiative-0", role: "lead" }] } });
  });

  it("refuses bad parameters with a JSON 400 listing the issues", async () => {
    const bad = await outcome(
      await callLoader(apiInitiatives.loader, "/api/v1/initiatives?theme=planets&page=abc", { db: t.db }),
    );
    expect(bad.status).toBe(400);
    expect(bad.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(bad.data).toMatchObject({
      error: { code: "invalid_query", issues: [{ param: "theme" }, { param: "page" }] },
    });
    const kind = await outcome(await callLoader(apiActors.loader, "/api/v1/actors?kind=planet", { db: t.db }));
    expect(kind).toMatchObject({
      status: 400,
      data: { error: { code: "invalid_query", issues: [{ param: "kind" }] } },
    });
  });

  it("answers unknown slugs, ids and endpoints with a JSON 404", async () => {
    const cases = [
      callLoader(apiInitiative.loader, "/api/v1/initiatives/nope", { db: t.db, params: { slug: "nope" } }),
      callLoader(apiInitiative.loader, "/api/v1/initiatives/x", { db: t.db, params: { slug: "<script>" } }),
      callLoader(apiActor.loader, "/api/v1/actors/x", { db: t.db, params: { id: "not-a-uuid" } }),
      callLoader(apiActor.loader, "/api/v1/actors/x", {
        db: t.db,
        params: { id: "00000000-0000-4000-8000-000000000000" },
      }),
      callLoader(apiUnknown.loader, "/api/v2/things", { db: t.db }),
    ];
    for (const answer of await Promise.all(cases)) {
      expect(await outcome(answer)).toMatchObject({ status: 404, data: { error: { code: "not_found" } } });
    }
  });

  it("answers CORS preflights and refuses writes", async () => {
    const preflight = await outcome(
      await callLoader(apiInitiatives.loader, "/api/v1/initiatives", { db: t.db, method: "OPTIONS" }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Methods")).toContain("GET");
    const write = await outcome(
      await callAction(apiInitiatives.action, "/api/v1/initiatives", { db: t.db, form: { title: "x" } }),
    );
    expect(write.status).toBe(405);
    expect(write.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
  });
});
