// The open data API: stable field names, pagination links, CORS, and JSON errors.
import { expect, test } from "@playwright/test";
import { NEW_GOVERNANCE_INITIATIVES, PARIS_CALL, PUBLIC_INITIATIVES, STATES_IN_ALLIANCE } from "./demo";

interface Page<T> {
  data: T[];
  page: number;
  page_size: number;
  total: number;
  page_count: number;
  next: string | null;
  previous: string | null;
}
interface InitiativeItem {
  slug: string;
  title: string;
  summary: string;
  axis: string;
  theme: string;
  status: string;
  url: string;
  api_url: string;
}
interface ActorItem {
  id: string;
  name: string;
  kind: string;
  country_code: string | null;
}
interface ApiError {
  error: { code: string; message: string; issues: { param: string; message: string }[] };
}

test("lists the public initiatives with CORS open to every origin", async ({ request, baseURL }) => {
  const response = await request.get("/api/v1/initiatives", { headers: { Origin: "https://data.example.org" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const body = (await response.json()) as Page<InitiativeItem>;
  expect(body).toMatchObject({ page: 1, page_size: 20, total: PUBLIC_INITIATIVES, page_count: 1, next: null, previous: null });
  const paris = body.data.find((i) => i.slug === PARIS_CALL.slug);
  expect(paris).toMatchObject({
    title: PARIS_CALL.title,
    axis: "new_governance",
    theme: "cyber",
    status: "active",
    url: `${baseURL}/initiatives/${PARIS_CALL.slug}`,
    api_url: `${baseURL}/api/v1/initiatives/${PARIS_CALL.slug}`,
  });
  expect(body.data.every((i) => i.status === "active" || i.status === "closed")).toBe(true);
});

test("answers the preflight of a cross-origin request", async ({ request }) => {
  const response = await request.fetch("/api/v1/initiatives", {
    method: "OPTIONS",
    headers: { Origin: "https://data.example.org", "Access-Control-Request-Method": "GET" },
  });
  expect(response.status()).toBeLessThan(300);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(response.headers()["access-control-allow-methods"]).toContain("GET");
});

test("applies the same filters as the pages", async ({ request }) => {
  const byAxis = (await (await request.get("/api/v1/initiatives?axis=new_governance")).json()) as Page<InitiativeItem>;
  expect(byAxis.total).toBe(NEW_GOVERNANCE_INITIATIVES);
  expect(byAxis.data.every((i) => i.axis === "new_governance")).toBe(true);

  const byTheme = (await (await request.get("/api/v1/initiatives?theme=cyber")).json()) as Page<InitiativeItem>;
  expect(byTheme.data.map((i) => i.slug)).toEqual([PARIS_CALL.slug]);

  const bySearch = (await (await request.get("/api/v1/initiatives?q=cyberspace")).json()) as Page<InitiativeItem>;
  expect(bySearch.data.map((i) => i.slug)).toEqual([PARIS_CALL.slug]);
});

test("pages through the actors with next and previous links", async ({ request, baseURL }) => {
  const first = (await (await request.get("/api/v1/actors?kind=state")).json()) as Page<ActorItem>;
  expect(first).toMatchObject({ page: 1, total: STATES_IN_ALLIANCE, page_count: Math.ceil(STATES_IN_ALLIANCE / 20), previous: null });
  expect(first.data).toHaveLength(20);
  expect(first.data.every((a) => a.kind === "state" && /^[A-Z]{3}$/.test(a.country_code ?? ""))).toBe(true);
  expect(first.next).toBe(`${baseURL}/api/v1/actors?kind=state&page=2`);

  const second = (await (await request.get(first.next!)).json()) as Page<ActorItem>;
  expect(second.page).toBe(2);
  expect(second.previous?.startsWith(`${baseURL}/api/v1/actors?kind=state`)).toBe(true);
  expect(second.previous).toMatch(/\?kind=state(&page=1)?$/);
  expect(second.data.map((a) => a.id).filter((id) => first.data.some((a) => a.id === id))).toEqual([]);
});

test("gives one initiative with its leads, supporters and meetings", async ({ request }) => {
  const response = await request.get(`/api/v1/initiatives/${PARIS_CALL.slug}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const { data } = (await response.json()) as {
    data: InitiativeItem & {
      leads: { name: string; kind: string; country_code: string | null; role: string }[];
      supporters: { name: string; kind: string; role: string }[];
      meetings: { title: string; starts_at: string; ends_at: string }[];
      lead_count: number;
      supporter_count: number;
    };
  };
  expect(data.slug).toBe(PARIS_CALL.slug);
  expect(data.leads.map((l) => l.country_code).sort()).toEqual(["FRA", "SGP"]);
  expect(data.leads.every((l) => l.role === "lead")).toBe(true);
  expect(data.supporters).toHaveLength(data.supporter_count);
  expect(data.supporters.map((s) => s.kind)).toEqual(expect.arrayContaining(["state", "other", "regional_organization"]));
  for (const meeting of data.meetings) expect(Date.parse(meeting.ends_at)).toBeGreaterThan(Date.parse(meeting.starts_at));
  // Public fields only: nothing about who reviewed or proposed it.
  expect(Object.keys(data).filter((k) => /review|proposed|user|email/.test(k))).toEqual([]);
});

for (const query of ["axis=bogus", "theme=bogus", "page=-1", "page=abc", "page=1.5", `q=${"x".repeat(10_000)}`]) {
  test(`refuses /api/v1/initiatives?${query.slice(0, 20)} with a 400 naming the parameter`, async ({ request }) => {
    const response = await request.get(`/api/v1/initiatives?${query}`);
    expect(response.status()).toBe(400);
    const body = (await response.json()) as ApiError;
    expect(body.error.code).toBe("invalid_query");
    expect(body.error.issues.map((i) => i.param)).toEqual([query.split("=")[0]]);
  });
}

test("refuses an unknown actor kind with a 400", async ({ request }) => {
  const response = await request.get("/api/v1/actors?kind=planet");
  expect(response.status()).toBe(400);
  expect(((await response.json()) as ApiError).error.issues[0]?.param).toBe("kind");
});

for (const path of [
  "/api/v1/initiatives/no-such-initiative",
  "/api/v1/initiatives/Not%20A%20Slug",
  "/api/v1/actors/00000000-0000-4000-8000-000000000000",
  "/api/v1/actors/not-a-uuid",
  "/api/v1/no-such-resource",
]) {
  test(`answers ${path} with a JSON 404`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(((await response.json()) as ApiError).error.code).toBe("not_found");
  });
}

test("is read-only", async ({ request, baseURL }) => {
  const response = await request.post("/api/v1/initiatives", { data: { title: "x" }, headers: { Origin: baseURL! } });
  expect(response.status()).toBe(405);
});
