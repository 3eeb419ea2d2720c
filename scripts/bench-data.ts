// `npm run db:bench-data`: fills an EMPTY PostgreSQL database with the large, deterministic data
// set the benchmark runs on: the 195 states, 3,000 organisations, 10,000 users, 1,000
// initiatives, 60,000 participations and about 3,000 meetings.
//
// `--scale 10` (or BENCH_SCALE=10) multiplies the organisations, initiatives, participations and
// the popular initiatives' crowds by ten (the states stay 195, the users 10,000): the data set
// of `npm run bench`'s "10× the data" pass. Scale 1 generates exactly the same rows as before.
//
// PostgreSQL only: the benchmark measures the production set-up (a server with a connection
// pool), and PGlite's single in-process connection would measure something else. The data is
// generated in memory with a fixed faker seed and written with multi-row INSERTs in chunks.
import { parseArgs } from "node:util";
import { faker } from "@faker-js/faker";
import { count, getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { createDb, migrateDb, type Executor } from "~/db/client.server";
import { loadReferenceData } from "~/db/reference-data.server";
import {
  actorCategoryEnum,
  actors,
  affiliations,
  axisEnum,
  dataLoads,
  initiatives,
  meetings,
  participations,
  themeEnum,
  users,
  type Axis,
  type Theme,
} from "~/db/schema";
import { hashPassword } from "~/auth/password.server";

const BENCH_PASSWORD = "Bench-Member-2026!";

const SCALE = scaleOption();

const SIZES = {
  organisations: 3_000 * SCALE,
  users: 10_000,
  initiatives: 1_000 * SCALE,
  participations: 60_000 * SCALE,
  /** A few initiatives gather a crowd, as the Paris Call does; they make the worst-case pages. */
  popularInitiatives: 10,
  popularSupporters: { min: 1_000 * SCALE, max: 1_500 * SCALE },
  meetingsPerInitiative: { min: 0, max: 6 },
  /** The secretariat's queues: registrations and requests to represent an actor, waiting for review. */
  waitingOrganisations: 1_500,
  waitingApplications: 1_500,
};

/** The secretariat account `npm run bench` signs in as to measure the review desk (scripts/bench.ts). */
const BENCH_STAFF_EMAIL = "bench-secretariat@bench.example.org";
const CHUNK_ROWS = 2_000;
const JSON_CHUNK_ROWS = 20_000;
const REFERENCE_DATE = new Date("2026-11-01T00:00:00Z");

const TOPICS: Record<Theme, string[]> = {
  cyber: ["cyber resilience", "critical infrastructure protection", "secure software", "digital trust", "ransomware response", "cloud security"],
  climate_security: ["climate risk", "sea-level rise", "drought resilience", "climate mobility", "water security", "early warning"],
  gender: ["girls' education", "women in peacebuilding", "gender-responsive budgeting", "equal pay", "ending gender-based violence"],
  humanitarian_law: ["humanitarian access", "protection of civilians", "medical neutrality", "detention standards", "humanitarian exemptions"],
  health: ["pandemic preparedness", "vaccine equity", "the health workforce", "antimicrobial resistance", "primary health care"],
  information_democracy: ["media freedom", "platform transparency", "election integrity", "public-interest journalism", "media literacy"],
  disarmament: ["small arms control", "mine action", "nuclear risk reduction", "autonomous weapons", "arms trade transparency"],
  human_rights: ["freedom of expression", "the rights of the child", "human rights defenders", "digital rights", "freedom of assembly"],
  institutions: ["UN reform", "transparent budgets", "development bank reform", "inclusive governance", "anti-corruption"],
  other: ["ocean governance", "space debris", "cultural heritage", "biodiversity finance", "urban resilience"],
};
const USUAL_AXIS: Record<Theme, Axis> = {
  cyber: "new_governance",
  climate_security: "new_governance",
  gender: "reform",
  humanitarian_law: "international_law",
  health: "new_governance",
  information_democracy: "new_governance",
  disarmament: "international_law",
  human_rights: "international_law",
  institutions: "reform",
  other: "new_governance",
};
const TITLE_FORMS = ["Coalition on", "Partnership for", "Network for", "Initiative on", "Call for Action on", "Compact on", "Platform on", "Alliance for"];
const REGIONS = ["", "", "", " in the Sahel", " in the Pacific", " in Latin America", " in South-East Asia", " in the Mediterranean", " in Central Asia", " in the Caribbean"];
const MEETING_KINDS = ["Working group", "Steering committee", "Ministerial meeting", "Expert workshop", "Annual review", "Partners' briefing"];

type ActorRow = typeof actors.$inferInsert & { id: string };
type InitiativeRow = typeof initiatives.$inferInsert & { id: string };

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    fail("DATABASE_URL is not set. The benchmark data set goes into a fresh PostgreSQL database, for example:\n  createdb alliance_bench && DATABASE_URL=postgres://localhost/alliance_bench npm run db:bench-data");
  }
  const started = performance.now();
  // A one-off bulk load, not a web request: its inserts and ANALYZE may outlast the pages' 10 s bound.
  const handle = await createDb({ databaseUrl, poolSize: 4, statementTimeoutMs: 0 });
  try {
    await migrateDb(handle);
    const db = handle.db;
    const [existing] = await db.select({ n: count() }).from(initiatives);
    const [people] = await db.select({ n: count() }).from(users);
    if ((existing?.n ?? 0) > 0 || (people?.n ?? 0) > 0) {
      fail("This database already holds users or initiatives. Run the generator on a new, empty database so results stay comparable.");
    }
    await loadReferenceData(db);

    faker.seed(2019);
    faker.setDefaultRefDate(REFERENCE_DATE);
    const passwordHash = await hashPassword(BENCH_PASSWORD);

    const states = await db.select({ id: actors.id, code: actors.countryCode }).from(actors).where(sql`${actors.kind} = 'state'`);
    const organisations = makeOrganisations(states.flatMap((s) => (s.code ? [s.code] : [])));
    const userRows = makeUsers(passwordHash);
    const participants = [...states.map((s) => s.id), ...organisations.filter((o) => o.status === "approved").map((o) => o.id)];
    const initiativeRows = makeInitiatives(participants, userRows.map((u) => u.id));
    const participationRows = makeParticipations(initiativeRows, participants);
    const meetingRows = makeMeetings(initiativeRows);
    const affiliationRows = makeAffiliations(userRows.map((u) => u.id), participants);
    const waiting = makeWaitingItems(userRows, states.flatMap((s) => (s.code ? [s.code] : [])), participants);
    const generated = performance.now();

    await db.transaction(async (tx) => {
      await insertChunks(tx, users, [...userRows, waiting.staff]);
      // Lists of alike rows apart, so each goes through insertChunks' fast path.
      await insertChunks(tx, actors, organisations);
      await insertChunks(tx, actors, waiting.organisations);
      await insertChunks(tx, affiliations, affiliationRows);
      await insertChunks(tx, affiliations, waiting.registrations);
      await insertChunks(tx, affiliations, waiting.requests);
      await insertChunks(tx, initiatives, initiativeRows);
      await insertChunks(tx, participations, participationRows);
      await insertChunks(tx, meetings, meetingRows);
      // scripts/bench.ts reads the scale back from this name to reuse its 10× database.
      await tx.insert(dataLoads).values({ name: SCALE === 1 ? "bench" : `bench x${SCALE}`, demo: true });
    });
    // VACUUM as well as ANALYZE: a freshly loaded table has no visibility map yet, so the
    // directories' counts could not be index-only scans and the benchmark would measure the load,
    // not the pages (and autovacuum may be off, or not have come round yet).
    await db.execute(sql`vacuum analyze`);
    const finished = performance.now();

    console.log(
      [
        `Benchmark data set (scale ${SCALE}) loaded in ${seconds(finished - started)} (generation ${seconds(generated - started)}, inserts and analyze ${seconds(finished - generated)}):`,
        `  ${states.length} states, ${organisations.length} organisations, ${userRows.length} users (password ${BENCH_PASSWORD}),`,
        `  ${affiliationRows.length} affiliations, ${initiativeRows.length} initiatives, ${participationRows.length} participations, ${meetingRows.length} meetings,`,
        `  and ${SIZES.waitingOrganisations + SIZES.waitingApplications} items waiting for the secretariat (${SIZES.waitingOrganisations} registrations, ${SIZES.waitingApplications} requests to represent an actor).`,
      ].join("\n"),
    );
  } finally {
    await handle.close();
  }
}

/** `--scale N` or BENCH_SCALE=N, a whole number from 1 to 100; 1 by default. */
function scaleOption(): number {
  const { values } = parseArgs({ options: { scale: { type: "string" } } });
  const raw = values.scale ?? process.env.BENCH_SCALE ?? "1";
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) fail(`--scale must be a whole number from 1 to 100, not ${raw}.`);
  return n;
}

function makeOrganisations(countryCodes: string[]): ActorRow[] {
  const categories = actorCategoryEnum.enumValues;
  return Array.from({ length: SIZES.organisations }, (_, i) => {
    const kind = faker.helpers.weightedArrayElement([
      { weight: 10, value: "international_organization" as const },
      { weight: 5, value: "regional_organization" as const },
      { weight: 45, value: "ngo" as const },
      { weight: 40, value: "other" as const },
    ]);
    const base = faker.company.name();
    const name =
      kind === "ngo"
        ? `${base} ${faker.helpers.arrayElement(["Foundation", "Trust", "Network", "Institute", "Alliance"])}`
        : kind === "other"
          ? base
          : `${faker.helpers.arrayElement(["International", "Regional", "Intergovernmental"])} ${faker.helpers.arrayElement(["Agency", "Commission", "Office", "Organisation"])} for ${faker.helpers.arrayElement(Object.values(TOPICS).flat())}`;
    return {
      id: faker.string.uuid(),
      kind,
      category: kind === "other" ? faker.helpers.arrayElement(categories) : null,
      name: `${name} ${i + 1}`,
      shortName: faker.helpers.maybe(() => faker.string.alpha({ length: { min: 3, max: 5 }, casing: "upper" }), { probability: 0.4 }) ?? null,
      countryCode: faker.helpers.arrayElement(countryCodes),
      website: faker.internet.url(),
      description: faker.lorem.sentences({ min: 1, max: 3 }),
      status: faker.helpers.weightedArrayElement([
        { weight: 95, value: "approved" as const },
        { weight: 4, value: "pending" as const },
        { weight: 1, value: "rejected" as const },
      ]),
      createdAt: faker.date.past({ years: 6 }),
    };
  });
}

function makeUsers(passwordHash: string): (typeof users.$inferInsert & { id: string })[] {
  return Array.from({ length: SIZES.users }, (_, i) => {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const createdAt = faker.date.past({ years: 6 });
    return {
      id: faker.string.uuid(),
      email: `${ascii(first)}.${ascii(last)}.${i + 1}@bench.example.org`,
      name: `${first} ${last}`,
      passwordHash,
      emailVerifiedAt: faker.helpers.maybe(() => createdAt, { probability: 0.9 }) ?? null,
      role: i < 2 ? ("admin" as const) : i < 10 ? ("secretariat" as const) : ("member" as const),
      locale: faker.helpers.arrayElement(["en", "fr", "es"] as const),
      createdAt,
    };
  });
}

function makeAffiliations(userIds: string[], actorIds: string[]): (typeof affiliations.$inferInsert)[] {
  // Four members in ten represent an actor; one affiliation each keeps (user, actor) unique.
  return userIds.slice(10, 10 + Math.floor(userIds.length * 0.4)).map((userId) => ({
    userId,
    actorId: faker.helpers.arrayElement(actorIds),
    role: faker.helpers.weightedArrayElement([
      { weight: 3, value: "focal_point" as const },
      { weight: 7, value: "delegate" as const },
    ]),
    status: faker.helpers.weightedArrayElement([
      { weight: 85, value: "approved" as const },
      { weight: 10, value: "pending" as const },
      { weight: 5, value: "rejected" as const },
    ]),
  }));
}

/**
 * 3,000 items in the secretariat's queues: organisations registered by members (with the
 * registrant's pending focal-point application) and members asking to represent an approved
 * actor. Members past the first 40 % have no affiliation yet, so (user, actor) stays unique.
 * Plus the staff account the benchmark signs in as (two-factor on, as production requires).
 */
function makeWaitingItems(userRows: { id: string }[], countryCodes: string[], actorIds: string[]) {
  const free = userRows.slice(10 + Math.floor(userRows.length * 0.4));
  const organisations: ActorRow[] = free.slice(0, SIZES.waitingOrganisations).map((user, i) => ({
    id: faker.string.uuid(),
    kind: faker.helpers.arrayElement(["ngo", "international_organization", "regional_organization"] as const),
    name: `${faker.company.name()} ${faker.helpers.arrayElement(["Foundation", "Network", "Institute"])} (waiting ${i + 1})`,
    countryCode: faker.helpers.arrayElement(countryCodes),
    website: faker.internet.url(),
    description: faker.lorem.sentences({ min: 1, max: 2 }),
    motivation: faker.lorem.sentence(),
    status: "pending" as const,
    createdByUserId: user.id,
    createdAt: faker.date.recent({ days: 90 }),
  }));
  const registrations = organisations.map((organisation) => ({
    userId: organisation.createdByUserId!,
    actorId: organisation.id,
    role: "focal_point" as const,
    status: "pending" as const,
    createdAt: organisation.createdAt,
  }));
  const requests = free.slice(SIZES.waitingOrganisations, SIZES.waitingOrganisations + SIZES.waitingApplications).map((user) => ({
    userId: user.id,
    actorId: faker.helpers.arrayElement(actorIds),
    role: faker.helpers.arrayElement(["focal_point", "delegate"] as const),
    status: "pending" as const,
    title: faker.person.jobTitle(),
    createdAt: faker.date.recent({ days: 90 }),
  }));
  const staff = {
    id: faker.string.uuid(),
    email: BENCH_STAFF_EMAIL,
    name: "Bench Secretariat",
    role: "secretariat" as const,
    emailVerifiedAt: REFERENCE_DATE,
    // Marks two-factor as on; the benchmark's session is created already past the second factor.
    totpEnabledAt: REFERENCE_DATE,
    totpSecret: "bench-not-a-real-secret",
  };
  return { organisations, registrations, requests, staff };
}

function makeInitiatives(actorIds: string[], userIds: string[]): InitiativeRow[] {
  const themes = themeEnum.enumValues;
  const axes = axisEnum.enumValues;
  return Array.from({ length: SIZES.initiatives }, (_, i) => {
    const theme = faker.helpers.arrayElement(themes);
    const topic = faker.helpers.arrayElement(TOPICS[theme]);
    const region = faker.helpers.arrayElement(REGIONS);
    const title = `${faker.helpers.arrayElement(TITLE_FORMS)} ${topic}${region}`;
    const createdAt = faker.date.past({ years: 7 });
    return {
      id: faker.string.uuid(),
      slug: `${slugify(title)}-${i + 1}`,
      title,
      summary: `A coalition of states and organisations working on ${topic}${region}. ${faker.helpers.arrayElement([
        "Members share practices and report on progress each year.",
        "It turns agreed principles into practical measures and funding.",
        "It brings governments, civil society and experts to one table.",
        "Supporters commit to concrete steps within two years.",
      ])}`,
      description: faker.lorem.paragraphs({ min: 2, max: 4 }),
      goals: faker.lorem.paragraph(),
      axis: faker.helpers.maybe(() => faker.helpers.arrayElement(axes), { probability: 0.2 }) ?? USUAL_AXIS[theme],
      theme,
      status: faker.helpers.weightedArrayElement([
        { weight: 85, value: "active" as const },
        { weight: 7, value: "submitted" as const },
        { weight: 5, value: "closed" as const },
        { weight: 3, value: "rejected" as const },
      ]),
      joinPolicy: faker.helpers.weightedArrayElement([
        { weight: 7, value: "open" as const },
        { weight: 3, value: "approval" as const },
      ]),
      launchedOn: createdAt.toISOString().slice(0, 10),
      proposedByActorId: faker.helpers.arrayElement(actorIds),
      proposedByUserId: faker.helpers.arrayElement(userIds),
      createdAt,
      updatedAt: createdAt,
    };
  });
}

/** How many actors each initiative gets, summing exactly to SIZES.participations. */
function participantCounts(): number[] {
  const popular = Array.from({ length: SIZES.popularInitiatives }, () => faker.number.int(SIZES.popularSupporters));
  const remaining = SIZES.participations - popular.reduce((a, b) => a + b, 0);
  const others = SIZES.initiatives - SIZES.popularInitiatives;
  const mean = remaining / others;
  const counts = Array.from({ length: others }, () => faker.number.int({ min: Math.round(mean * 0.25), max: Math.round(mean * 1.75) }));
  let drift = remaining - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; drift !== 0; i = (i + 1) % others) {
    const step = Math.sign(drift);
    if ((counts[i] ?? 0) + step >= 2) {
      counts[i] = (counts[i] ?? 0) + step;
      drift -= step;
    }
  }
  return [...popular, ...counts];
}

function makeParticipations(initiativeRows: InitiativeRow[], actorIds: string[]): (typeof participations.$inferInsert)[] {
  const counts = participantCounts();
  return initiativeRows.flatMap((initiative, i) => {
    const chosen = faker.helpers.arrayElements(actorIds, counts[i] ?? 0);
    const leads = faker.number.int({ min: 1, max: 3 });
    const launched = initiative.createdAt as Date;
    return chosen.map((actorId, index) => {
      const signedAt = faker.date.between({ from: launched, to: REFERENCE_DATE });
      return {
        actorId,
        initiativeId: initiative.id,
        role: index < leads ? ("lead" as const) : ("supporter" as const),
        status:
          index < leads
            ? ("active" as const)
            : faker.helpers.weightedArrayElement([
                { weight: 90, value: "active" as const },
                { weight: 5, value: "requested" as const },
                { weight: 3, value: "withdrawn" as const },
                { weight: 2, value: "declined" as const },
              ]),
        signedAt: index < leads ? launched : signedAt,
        createdAt: signedAt,
        updatedAt: signedAt,
      };
    });
  });
}

function makeMeetings(initiativeRows: InitiativeRow[]): (typeof meetings.$inferInsert)[] {
  return initiativeRows.flatMap((initiative) =>
    Array.from({ length: faker.number.int(SIZES.meetingsPerInitiative) }, () => {
      const startsAt = faker.date.between({ from: initiative.createdAt as Date, to: new Date("2028-12-31T00:00:00Z") });
      const online = faker.datatype.boolean();
      return {
        initiativeId: initiative.id,
        title: `${faker.helpers.arrayElement(MEETING_KINDS)}: ${initiative.title}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + faker.number.int({ min: 1, max: 8 }) * 3_600_000),
        place: online ? null : `${faker.location.city()}, ${faker.location.country()}`,
        onlineUrl: online ? `https://meet.example.org/${faker.string.alphanumeric(10)}` : null,
        agenda: faker.lorem.sentences(2),
      };
    }),
  );
}

/**
 * Writes rows in chunks. Rows that all have the same fields (every big table here) go as one
 * JSON parameter per chunk through json_populate_recordset: building drizzle's multi-row
 * INSERTs cost minutes of Node CPU at `--scale 10`, this costs seconds. Same rows either way;
 * the columns left out (ids, defaults) still take their defaults.
 */
async function insertChunks<T extends PgTable>(db: Executor, table: T, rows: T["$inferInsert"][]): Promise<void> {
  const keys = Object.keys(rows[0] ?? {});
  const uniform = rows.every((row) => {
    const own = Object.keys(row);
    return own.length === keys.length && own.every((key, i) => key === keys[i]);
  });
  if (!uniform) {
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      await db.insert(table).values(rows.slice(start, start + CHUNK_ROWS));
    }
    return;
  }
  const columns = getTableColumns(table);
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    // The database's column names: drizzle derives snake_case from the key at query time (casing).
    return column.keyAsName ? column.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : column.name;
  });
  const list = sql.raw(names.map((name) => `"${name}"`).join(", "));
  for (let start = 0; start < rows.length; start += JSON_CHUNK_ROWS) {
    const json = JSON.stringify(
      rows.slice(start, start + JSON_CHUNK_ROWS).map((row) => Object.fromEntries(keys.map((key, i) => [names[i], (row as Record<string, unknown>)[key]]))),
    );
    await db.execute(sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${json}::json)`);
  }
}

function ascii(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

function slugify(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

await main();
