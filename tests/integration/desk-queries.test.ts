// What the desk's pages cost in SQL statements with 3,000 items waiting: no more than a page of
// the public directory, whatever the size of the queues.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import * as schema from "~/db/schema";
import * as publicActors from "~/routes/actors._index";
import * as actorQueue from "~/routes/secretariat.actors._index";
import * as affiliationQueue from "~/routes/secretariat.affiliations._index";
import * as audit from "~/routes/secretariat.audit";
import * as desk from "~/routes/secretariat._index";
import { useTestDatabase } from "../support/db";
import { createMember, type Member } from "../support/directory";
import { routeArgs } from "../support/remix";

const t = useTestDatabase();
let counted: Database;
let statements = 0;
let staff: Member;

// The same connection, seen through a drizzle instance that counts every statement it sends.
beforeAll(async () => {
  const client = (t.db as unknown as { $client: unknown }).$client;
  const logger = { logQuery: () => void statements++ };
  counted =
    t.handle.engine === "postgres"
      ? ((await import("drizzle-orm/postgres-js")).drizzle(client as never, { schema, casing: "snake_case", logger }) as unknown as Database)
      : ((await import("drizzle-orm/pglite")).drizzle(client as never, { schema, casing: "snake_case", logger }) as unknown as Database);
  staff = await createMember(t.db, { role: "secretariat" });
  // 1,500 organisations and 1,500 people waiting, spread over the regional groups.
  await t.db.execute(sql`
    insert into actors (kind, name, status, country_code, created_at)
    select 'ngo', 'Waiting NGO ' || n, 'pending', (select iso3 from countries order by iso3 offset (n % 190) limit 1), now() - (n || ' minutes')::interval
    from generate_series(1, 1500) n`);
  await t.db.execute(sql`
    insert into users (email, name, email_verified_at)
    select 'applicant' || n || '@example.org', 'Applicant ' || n, now() from generate_series(1, 1500) n`);
  await t.db.execute(sql`
    insert into affiliations (user_id, actor_id, role, status, created_at)
    select u.id, a.id, 'delegate', 'pending', now() - (row_number() over () || ' minutes')::interval
    from (select id, row_number() over (order by email) r from users where email like 'applicant%@example.org') u
    join (select id, row_number() over (order by country_code) r from actors where kind = 'state') a on a.r = 1 + (u.r % 190)`);
});

async function statementsFor(loader: (args: LoaderFunctionArgs) => unknown, path: string, cookie?: string) {
  const args = routeArgs(path, { db: counted, headers: cookie ? { Cookie: cookie } : {} });
  statements = 0;
  await loader(args);
  return statements;
}

describe("with 3,000 items waiting", () => {
  it("each desk page costs no more SQL statements than a page of the public directory", async () => {
    // A directory page that lists something (every state): its count, its rows and their initiatives.
    const directory = await statementsFor(publicActors.loader, "/actors?scope=all");
    expect(directory).toBeGreaterThan(1);
    const pages = {
      desk: await statementsFor(desk.loader, "/secretariat", staff.cookie),
      actors: await statementsFor(actorQueue.loader, "/secretariat/actors?region=african", staff.cookie),
      affiliations: await statementsFor(affiliationQueue.loader, "/secretariat/affiliations?kind=state", staff.cookie),
      audit: await statementsFor(audit.loader, "/secretariat/audit", staff.cookie),
    };
    for (const [page, count] of Object.entries(pages)) expect(count, page).toBeLessThanOrEqual(directory);
    // The session lookup plus one or two queries: a regression to one query per row would show here.
    expect(Math.max(...Object.values(pages))).toBeLessThanOrEqual(3);
  });

  it("the queues are full: the pages above measured real work", async () => {
    const queue = await actorQueue.loader(routeArgs("/secretariat/actors", { db: t.db, headers: { Cookie: staff.cookie } }));
    expect(queue.total).toBeGreaterThanOrEqual(1500);
    const people = await affiliationQueue.loader(routeArgs("/secretariat/affiliations", { db: t.db, headers: { Cookie: staff.cookie } }));
    expect(people.total).toBeGreaterThanOrEqual(1500);
  });
});
