// The co-lead field of the propose form without its list of every actor: the suggestions route
// (first matches of a prefix, accents aside, approved actors only, for representatives only) and
// the names typed without JavaScript, resolved when the form is sent (one match, none, several,
// an actor not approved, the proposer's own actor), with nothing saved until every name is found;
// the leads' "invite a co-lead" on the manage page works the same way.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { initiatives, leadInvitations } from "~/db/schema";
import * as manageRoute from "~/routes/initiatives.$slug_.manage";
import * as suggestionsRoute from "~/routes/initiatives.co-leads[.]json";
import * as proposeRoute from "~/routes/initiatives.new";
import { ledInitiative } from "../support/coalitions";
import { queryRows, useTestDatabase } from "../support/db";
import { createActor, createMember, createRepresentative, stateActor } from "../support/directory";
import { callAction, callLoader, outcome, thrownOutcome } from "../support/remix";

const t = useTestDatabase();

const proposal = (actorId: string, extra: Record<string, string> = {}) => ({
  title: "Cyber norms for hospitals",
  summary: "States commit not to attack hospitals' networks.",
  description: "",
  goals: "",
  axis: "international_law",
  theme: "cyber",
  joinPolicy: "open",
  language: "en",
  actorId,
  ...extra,
});

async function suggestions(cookie: string, q: string, headers: Record<string, string> = {}, params: Record<string, string> = {}) {
  const res = await outcome(await callLoader(suggestionsRoute.loader, `/initiatives/co-leads.json?${new URLSearchParams({ q, ...params })}`, { db: t.db, headers: { Cookie: cookie, ...headers } }));
  expect(res.status).toBe(200);
  return (res.data as { actors: { id: string; name: string }[] }).actors.map((a) => a.name);
}

async function propose(cookie: string, form: Record<string, string> | URLSearchParams) {
  return outcome(await callAction(proposeRoute.action, "/initiatives/new", { db: t.db, headers: { Cookie: cookie }, form }));
}

interface Reply {
  error?: Record<string, string[]>;
  coLeads: { chosen: { id: string; name: string }[]; problems: { text: string; reason: string; matches: { id: string; name: string }[] }[]; query: string };
}

async function initiativeCount() {
  const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from initiatives`);
  return row?.n ?? 0;
}

async function invitedActorIds(location: string | null) {
  const id = new URL(location ?? "", "http://x").searchParams.get("proposal") ?? "";
  return (await t.db.select({ actorId: leadInvitations.actorId }).from(leadInvitations).where(eq(leadInvitations.initiativeId, id))).map((r) => r.actorId);
}

describe("co-lead suggestions (/initiatives/co-leads.json)", () => {
  it("only for signed-in representatives of an approved actor", async () => {
    const anonymous = await thrownOutcome(callLoader(suggestionsRoute.loader, "/initiatives/co-leads.json?q=fr", { db: t.db }));
    expect(anonymous.status).toBe(302);
    const member = await createMember(t.db);
    expect((await thrownOutcome(callLoader(suggestionsRoute.loader, "/initiatives/co-leads.json?q=fr", { db: t.db, headers: { Cookie: member.cookie } }))).status).toBe(403);
    // A representative of an actor that is not (or no longer) approved acts for no one.
    const suspended = await createRepresentative(t.db, await createActor(t.db, { status: "suspended" }));
    expect((await thrownOutcome(callLoader(suggestionsRoute.loader, "/initiatives/co-leads.json?q=fr", { db: t.db, headers: { Cookie: suspended.cookie } }))).status).toBe(403);
  });

  it("the first ten approved actors whose name starts with the text, by name, accents and case aside", async () => {
    const rep = await createRepresentative(t.db, await createActor(t.db));
    for (let i = 12; i >= 1; i--) await createActor(t.db, { name: `Qwzx Network ${String(i).padStart(2, "0")}` });
    await createActor(t.db, { name: "Network Qwzx" });
    await createActor(t.db, { name: "Qwzx Waiting", status: "pending" });
    await createActor(t.db, { name: "Qwzx Suspended", status: "suspended" });
    const ten = await suggestions(rep.cookie, "qwzx");
    expect(ten).toEqual(Array.from({ length: 10 }, (_, i) => `Qwzx Network ${String(i + 1).padStart(2, "0")}`));
    expect(await suggestions(rep.cookie, "QWZX NETWORK 1")).toEqual(["Qwzx Network 10", "Qwzx Network 11", "Qwzx Network 12"]);
    expect(await suggestions(rep.cookie, "  qwzx   network 01 ")).toEqual(["Qwzx Network 01"]);
    // Accents either way.
    await createActor(t.db, { name: "Éducation sans Qwfrontières" });
    expect(await suggestions(rep.cookie, "education sans qwf")).toEqual(["Éducation sans Qwfrontières"]);
    expect(await suggestions(rep.cookie, "ÉDUCATION SANS QWFRONTIERES")).toEqual(["Éducation sans Qwfrontières"]);
    // "%" and "_" are letters, and nothing typed finds nothing.
    expect(await suggestions(rep.cookie, "%")).toEqual([]);
    expect(await suggestions(rep.cookie, "")).toEqual([]);
    expect(await suggestions(rep.cookie, "x".repeat(500))).toEqual([]);
  });

  it("States by their name in the reader's language", async () => {
    const rep = await createRepresentative(t.db, await createActor(t.db));
    expect(await suggestions(rep.cookie, "allemag", { "Accept-Language": "fr" })).toEqual(["Allemagne"]);
    expect(await suggestions(rep.cookie, "germ", { "Accept-Language": "en" })).toEqual(["Germany"]);
    expect(await suggestions(rep.cookie, "etats-unis", { "Accept-Language": "fr" })).toEqual(["États-Unis d'Amérique"]);
    // The page's own language, which the field sends: a page opened with ?lng=en in a French browser.
    expect(await suggestions(rep.cookie, "germ", { "Accept-Language": "fr" }, { lng: "en" })).toEqual(["Germany"]);
  });
});

describe("co-leads typed without JavaScript, resolved when the proposal is sent", () => {
  it("one match: invited; the proposer's actor is the proposer, not an invitee", async () => {
    const mine = await createActor(t.db);
    const rep = await createRepresentative(t.db, mine);
    const partner = await createActor(t.db, { name: "Qvunique Partner Foundation" });
    const res = await propose(rep.cookie, proposal(mine.id, { coLeadQuery: "qvunique partner" }));
    expect(res.status).toBe(302);
    expect(await invitedActorIds(res.headers.get("Location"))).toEqual([partner.id]);
  });

  it("an exact name wins over longer names it begins; several names with semicolons; chosen ids kept", async () => {
    const mine = await createActor(t.db);
    const rep = await createRepresentative(t.db, mine);
    const [niger, nigeria] = [await stateActor(t.db, "NER"), await stateActor(t.db, "NGA")];
    const chosen = await createActor(t.db);
    const form = new URLSearchParams({ ...proposal(mine.id), coLeadQuery: "niger; NIGÉRIA" });
    form.append("coLeadActorIds", chosen.id);
    const res = await propose(rep.cookie, form);
    expect(res.status).toBe(302);
    expect((await invitedActorIds(res.headers.get("Location"))).sort()).toEqual([niger.id, nigeria.id, chosen.id].sort());
  });

  it("none, several, not approved, the proposer's own actor: field errors with the choices, nothing saved", async () => {
    const mine = await createActor(t.db, { name: "Qvmine Institute" });
    const rep = await createRepresentative(t.db, mine);
    const [a, b] = [await createActor(t.db, { name: "Qvtwin Alpha" }), await createActor(t.db, { name: "Qvtwin Beta" })];
    await createActor(t.db, { name: "Qvpending Council", status: "pending" });
    const found = await createActor(t.db, { name: "Qvfound Trust" });
    const before = await initiativeCount();
    const res = await propose(rep.cookie, proposal(mine.id, { coLeadQuery: "qvnothing; qvtwin; qvpending council; qvmine institute; qvfound" }));
    expect(res.status).toBe(200);
    expect(await initiativeCount()).toBe(before);
    const reply = res.data as Reply;
    expect(reply.error).toMatchObject({ coLeadQuery: ["errors.coLeadUnresolved"] });
    expect(reply.coLeads.problems).toEqual([
      { text: "qvnothing", reason: "none", matches: [] },
      { text: "qvtwin", reason: "several", matches: [{ id: a.id, name: a.name }, { id: b.id, name: b.name }] },
      { text: "qvpending council", reason: "none", matches: [] },
      { text: "qvmine institute", reason: "proposer", matches: [] },
    ]);
    // The name found is a chosen co-lead now; only the unknown names stay in the field.
    expect(reply.coLeads.chosen).toEqual([{ id: found.id, name: found.name }]);
    expect(reply.coLeads.query).toBe("qvnothing; qvpending council");

    // Ticking one of the choices (and leaving the rest out) sends it.
    const form = new URLSearchParams(proposal(mine.id));
    form.append("coLeadActorIds", found.id);
    form.append("coLeadActorIds", b.id);
    const sent = await propose(rep.cookie, form);
    expect(sent.status).toBe(302);
    expect((await invitedActorIds(sent.headers.get("Location"))).sort()).toEqual([found.id, b.id].sort());
  });

  it("an unknown co-lead and a missing title are reported together", async () => {
    const mine = await createActor(t.db);
    const rep = await createRepresentative(t.db, mine);
    const res = await propose(rep.cookie, proposal(mine.id, { title: "", coLeadQuery: "qvnobody at all" }));
    const reply = res.data as Reply;
    expect(reply.error).toMatchObject({ title: ["errors.titleRequired"], coLeadQuery: ["errors.coLeadUnresolved"] });
    expect(reply.coLeads.problems.map((p) => p.reason)).toEqual(["none"]);
    expect(await t.db.select().from(initiatives).where(eq(initiatives.proposedByActorId, mine.id))).toEqual([]);
  });
});

describe("inviting a co-lead by name on the manage page", () => {
  async function invite(slug: string, cookie: string, form: Record<string, string>) {
    return outcome(await callAction(manageRoute.action, `/initiatives/${slug}/manage`, { db: t.db, params: { slug }, headers: { Cookie: cookie }, form: { intent: "invite", ...form } }));
  }
  async function invitations(initiativeId: string) {
    return (await t.db.select({ actorId: leadInvitations.actorId }).from(leadInvitations).where(eq(leadInvitations.initiativeId, initiativeId))).map((r) => r.actorId);
  }

  it("a typed name that finds one actor invites it; none or nothing is a field error and invites no one", async () => {
    const { initiative, lead, leadActor } = await ledInitiative(t.db);
    const partner = await createActor(t.db, { name: "Qvinvited Alliance for Water" });
    const unknown = await invite(initiative.slug, lead.cookie, { actorName: "qvnobody" });
    expect(unknown.status).toBe(400);
    expect((unknown.data as Reply).coLeads.problems).toEqual([{ text: "qvnobody", reason: "none", matches: [] }]);
    const empty = await invite(initiative.slug, lead.cookie, { actorName: "  " });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ nothingChosen: true });
    expect(await invitations(initiative.id)).toEqual([]);
    // The leading actor itself is already a lead.
    const self = await invite(initiative.slug, lead.cookie, { actorName: leadActor.name });
    expect(self.headers.get("Location")).toContain("notice=alreadyLead");
    const ok = await invite(initiative.slug, lead.cookie, { actorName: "QVINVITED alliance" });
    expect(ok.headers.get("Location")).toContain("notice=invited");
    expect(await invitations(initiative.id)).toEqual([partner.id]);
  });

  it("an id sent for an actor that is not approved is refused as before", async () => {
    const { initiative, lead } = await ledInitiative(t.db);
    const pending = await createActor(t.db, { status: "pending" });
    const res = await invite(initiative.slug, lead.cookie, { actorId: pending.id });
    expect(res.headers.get("Location")).toContain("notice=actorNotApproved");
    expect(await invitations(initiative.id)).toEqual([]);
  });
});
