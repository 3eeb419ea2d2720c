// The secretariat's decisions on affiliations and actors: every transition allowed and refused,
// two staff deciding at once, and the decision, its audit row and its emails committing as one.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actors, affiliations, auditEvents, mailOutbox, type User } from "~/db/schema";
import { decide, type Decision, type DecisionContext } from "~/domain/desk/decisions.server";
import { createUser } from "../support/accounts";
import { useTestDatabase } from "../support/db";
import { createActor, createAffiliation, stateActor } from "../support/directory";

const t = useTestDatabase();

const context = (staff: Pick<User, "id">): DecisionContext => ({
  staff,
  origin: { ip: "192.0.2.1", userAgent: "test" },
  appUrl: "https://portal.example",
});

async function affiliationStatus(id: string) {
  const [row] = await t.db.select().from(affiliations).where(eq(affiliations.id, id));
  return row;
}
async function actorRow(id: string) {
  const [row] = await t.db.select().from(actors).where(eq(actors.id, id));
  return row;
}
const mailsTo = (to: string) => t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to));
const auditFor = (subjectId: string) => t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId));

async function pendingClaim(iso3 = "FRA", locale: "en" | "fr" | "es" = "en") {
  const applicant = await createUser(t.db, { locale });
  const state = await stateActor(t.db, iso3);
  const affiliation = await createAffiliation(t.db, applicant, state, { status: "pending" });
  return { applicant, state, affiliation };
}

async function pendingRegistration() {
  const applicant = await createUser(t.db, { locale: "es" });
  const actor = await createActor(t.db, { status: "pending", createdByUserId: applicant.id, website: "https://ngo.example" });
  const affiliation = await createAffiliation(t.db, applicant, actor, { status: "pending" });
  return { applicant, actor, affiliation };
}

describe("deciding on an affiliation", () => {
  it("approve: the applicant represents the actor, is told in their language, and the focal points hear of it", async () => {
    const staff = await createUser(t.db, { role: "secretariat" });
    const { applicant, state, affiliation } = await pendingClaim("DEU", "fr");
    const focalPoint = await createUser(t.db);
    await createAffiliation(t.db, focalPoint, state, { role: "focal_point", status: "approved" });

    expect(await decide(t.db, { subject: "affiliation", id: affiliation.id, action: "approve" }, context(staff))).toEqual({ ok: true, status: "approved" });

    const row = await affiliationStatus(affiliation.id);
    expect(row).toMatchObject({ status: "approved", reviewedByUserId: staff.id });
    const [mail] = await mailsTo(applicant.email);
    expect(mail).toMatchObject({ template: "deskAffiliationApproved", locale: "fr" });
    expect(mail?.subject).toContain("Vous représentez désormais");
    // The State is named in each reader's language: Allemagne for the applicant, Germany for the focal point.
    expect(mail?.subject).toContain("Allemagne");
    expect(mail?.textBody).not.toContain("Germany");
    const colleague = await mailsTo(focalPoint.email);
    expect(colleague.map((m) => m.template)).toEqual(["deskColleagueApproved"]);
    expect(colleague[0]?.textBody).toContain("Germany");
    const [audit] = await auditFor(affiliation.id);
    expect(audit).toMatchObject({ userId: staff.id, action: "affiliation.approved" });
    expect(audit?.data).toMatchObject({ actorId: state.id, userId: applicant.id, before: { status: "pending" }, after: { status: "approved" } });
  });

  it("reject needs a reason, which is kept and sent to the applicant", async () => {
    const staff = await createUser(t.db, { role: "admin" });
    const { applicant, affiliation } = await pendingClaim("ITA", "es");
    expect(await decide(t.db, { subject: "affiliation", id: affiliation.id, action: "reject", reason: "  " }, context(staff))).toEqual({ ok: false, reason: "reasonRequired" });
    expect((await affiliationStatus(affiliation.id))?.status).toBe("pending");

    const result = await decide(t.db, { subject: "affiliation", id: affiliation.id, action: "reject", reason: "No letter from the ministry" }, context(staff));
    expect(result).toEqual({ ok: true, status: "rejected" });
    expect(await affiliationStatus(affiliation.id)).toMatchObject({ status: "rejected", reviewReason: "No letter from the ministry" });
    const [mail] = await mailsTo(applicant.email);
    expect(mail?.textBody).toContain("No letter from the ministry");
    expect(mail?.subject).toContain("no ha sido aprobada");
    expect(mail?.textBody).toContain("Italia");
  });

  it("asking for information keeps the application pending and sends the question", async () => {
    const staff = await createUser(t.db, { role: "secretariat" });
    const { applicant, affiliation } = await pendingClaim("ESP");
    const result = await decide(t.db, { subject: "affiliation", id: affiliation.id, action: "requestInfo", reason: "Which ministry do you work for?" }, context(staff));
    expect(result).toEqual({ ok: true, status: "pending" });
    expect(await affiliationStatus(affiliation.id)).toMatchObject({ status: "pending", infoRequest: "Which ministry do you work for?", infoRequestedByUserId: staff.id });
    expect((await mailsTo(applicant.email))[0]?.textBody).toContain("Which ministry do you work for?");
    // It can still be decided afterwards.
    expect(await decide(t.db, { subject: "affiliation", id: affiliation.id, action: "approve" }, context(staff))).toMatchObject({ ok: true });
  });

  it("revoke ends an approved affiliation (its history stays) and refuses a pending one", async () => {
    const staff = await createUser(t.db, { role: "secretariat" });
    const { affiliation: pending } = await pendingClaim("PRT");
    expect(await decide(t.db, { subject: "affiliation", id: pending.id, action: "revoke", reason: "Left" }, context(staff))).toEqual({ ok: false, reason: "alreadyDecided" });

    const actor = await createActor(t.db);
    const delegate = await createUser(t.db);
    const focalPoint = await createUser(t.db);
    await createAffiliation(t.db, focalPoint, actor, { role: "focal_point" });
    const approved = await createAffiliation(t.db, delegate, actor, {
      role: "delegate",
      revocationRequestedAt: new Date(),
      revocationRequestedByUserId: focalPoint.id,
      revocationRequestReason: "Left the organisation",
    });
    expect(await decide(t.db, { subject: "affiliation", id: approved.id, action: "revoke", reason: "Left the organisation" }, context(staff))).toEqual({ ok: true, status: "revoked" });
    expect(await affiliationStatus(approved.id)).toMatchObject({ status: "revoked", revokedByUserId: staff.id, revokeReason: "Left the organisation" });
    expect((await mailsTo(delegate.email)).map((m) => m.template)).toEqual(["deskAffiliationRevoked"]);
    expect((await mailsTo(focalPoint.email)).map((m) => m.template)).toEqual(["deskColleagueRevoked"]);
  });

  it("refuses a decided application, an unknown one, and a staff member's own", async () => {
    const staff = await createUser(t.db, { role: "secretariat" });
    const { affiliation } = await pendingClaim("BEL");
    await decide(t.db, { subject: "affiliation", id: affiliation.id, action: "reject", reason: "Not a civil servant" }, context(staff));
    for (const action of ["approve", "reject", "requestInfo"] as const) {
      expect(await decide(t.db, { subject: "affiliation", id: affiliation.id, action, reason: "x" }, context(staff))).toEqual({ ok: false, reason: "alreadyDecided" });
    }
    expect(await decide(t.db, { subject: "affiliation", id: crypto.randomUUID(), action: "approve" }, context(staff))).toEqual({ ok: false, reason: "notFound" });

    const ownState = await stateActor(t.db, "NLD");
    const own = await createAffiliation(t.db, staff, ownState, { status: "pending" });
    expect(await decide(t.db, { subject: "affiliation", id: own.id, action: "approve" }, context(staff))).toEqual({ ok: false, reason: "ownApplication" });
    expect((await affiliationStatus(own.id))?.status).toBe("pending");
    // A colleague may decide it.
    const colleague = await createUser(t.db, { role: "secretariat" });
    expect(await decide(t.db, { subject: "affiliation", id: own.id, action: "approve" }, context(colleague))).toMatchObject({ ok: true });
  });

  it("leaves a registration's own application to the decision on the organisation", async () => {
    const staff = await createUser(t.db, { role: "secretariat" });
    const { affiliation } = await pendingRegistration();
    expect(await decide(t.db, { subject: "affiliation", id: affiliation.id, action: "approve" }, context(staff))).toEqual({ ok: false, reason: "decideWithActor" });
  });

  it("keeps a rejected application beside the next one", async () => {
    const staff = await createUser(t.db, { role: "secretariat" });
    const { applicant, state, affiliation } = await pendingClaim("AUT");
    await decide(t.db, { subject: "affiliation", id: affiliation.id, action: "reject", reason: "Unclear role" }, context(staff));
    const again = await createAffiliation(t.db, applicant, state, { status: "pending" });
    await decide(t.db, { subject: "affiliation", id: again.id, action: "approve" }, context(staff));
    const rows = await t.db.select().from(affiliations).where(and(eq(affiliations.userId, applicant.id), eq(affiliations.actorId, state.id)));
    expect(rows.map((r) => [r.status, r.reviewReason]).sort()).toEqual([
      ["approved", null],
      ["rejected", "Unclear role"],
    ]);
  });
});

describe("deciding on an organisation", () => {
  it("approve lists it and makes its registrant an approved focal point", async () => {
    const staff = await createUser(t.db, { role: "secretariat" });
    const { applicant, actor, affiliation } = await pendingRegistration();
    expect(await decide(t.db, { subject: "actor", id: actor.id, action: "approve" }, context(staff))).toEqual({ ok: true, status: "approved" });
    expect((await actorRow(actor.id))?.status).toBe("approved");
    expect((await affiliationStatus(affiliation.id))?.status).toBe("approved");
    const [mail] = await mailsTo(applicant.email);
    expect(mail).toMatchObject({ template: "deskActorApproved", locale: "es" });
  });

  it("reject rejects the registrant's application with the same reason", async () => {
    const staff = await createUser(t.db, { role: "secretariat" });
    const { applicant, actor, affiliation } = await pendingRegistration();
    expect(await decide(t.db, { subject: "actor", id: actor.id, action: "reject" }, context(staff))).toEqual({ ok: false, reason: "reasonRequired" });
    await decide(t.db, { subject: "actor", id: actor.id, action: "reject", reason: "Not an NGO" }, context(staff));
    expect(await actorRow(actor.id)).toMatchObject({ status: "rejected", reviewReason: "Not an NGO" });
    expect(await affiliationStatus(affiliation.id)).toMatchObject({ status: "rejected", reviewReason: "Not an NGO" });
    expect((await mailsTo(applicant.email))[0]?.textBody).toContain("Not an NGO");
  });

  it("suspend keeps everything but takes rights away, and reinstate gives them back", async () => {
    const staff = await createUser(t.db, { role: "secretariat" });
    const actor = await createActor(t.db);
    const representative = await createUser(t.db);
    const affiliation = await createAffiliation(t.db, representative, actor);
    expect(await decide(t.db, { subject: "actor", id: actor.id, action: "reinstate" }, context(staff))).toEqual({ ok: false, reason: "alreadyDecided" });
    expect(await decide(t.db, { subject: "actor", id: actor.id, action: "suspend", reason: "Under investigation" }, context(staff))).toEqual({ ok: true, status: "suspended" });
    expect(await actorRow(actor.id)).toMatchObject({ status: "suspended", suspendedReason: "Under investigation", suspendedByUserId: staff.id });
    // Nothing deleted: the affiliation is still approved, but the actor's status removes its rights.
    expect((await affiliationStatus(affiliation.id))?.status).toBe("approved");
    expect(await decide(t.db, { subject: "actor", id: actor.id, action: "suspend", reason: "again" }, context(staff))).toEqual({ ok: false, reason: "alreadyDecided" });
    expect(await decide(t.db, { subject: "actor", id: actor.id, action: "reinstate" }, context(staff))).toEqual({ ok: true, status: "approved" });
    expect((await mailsTo(representative.email)).map((m) => m.template).sort()).toEqual(["deskActorReinstated", "deskActorSuspended"]);
    expect((await auditFor(actor.id)).map((a) => a.action)).toEqual(["actor.suspended", "actor.reinstated"]);
  });

  it("refuses a registration the staff member made", async () => {
    const staff = await createUser(t.db, { role: "secretariat" });
    const actor = await createActor(t.db, { status: "pending", createdByUserId: staff.id });
    expect(await decide(t.db, { subject: "actor", id: actor.id, action: "approve" }, context(staff))).toEqual({ ok: false, reason: "ownApplication" });
  });
});

describe("two staff deciding the same item at once", () => {
  it("exactly one decision wins; the other is told it was already decided", async () => {
    const [first, second] = [await createUser(t.db, { role: "secretariat" }), await createUser(t.db, { role: "secretariat" })];
    for (let round = 0; round < 5; round++) {
      const { applicant, affiliation } = await pendingClaim(["CAN", "MEX", "BRA", "ARG", "CHL"][round]);
      const decisions: [Decision, Decision] = [
        { subject: "affiliation", id: affiliation.id, action: "approve" },
        { subject: "affiliation", id: affiliation.id, action: "reject", reason: "Duplicate" },
      ];
      const results = await Promise.all([decide(t.db, decisions[0], context(first)), decide(t.db, decisions[1], context(second))]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "alreadyDecided" }]);
      // One audit row, one email: the loser wrote nothing.
      expect(await auditFor(affiliation.id)).toHaveLength(1);
      expect(await mailsTo(applicant.email)).toHaveLength(1);
    }
  });
});

describe("a failure after the decision", () => {
  it("rolls back the decision, its audit row and its emails together", async () => {
    const staff = await createUser(t.db, { role: "secretariat" });
    const { applicant, affiliation } = await pendingClaim("POL");
    // The outbox insert is the decision's last write: make it fail, as a full disk would.
    await t.db.execute(sql`create function fail_desk_mail() returns trigger language plpgsql as $$ begin raise exception 'outbox unavailable'; end $$`);
    await t.db.execute(sql`create trigger fail_desk_mail before insert on mail_outbox for each row execute function fail_desk_mail()`);
    try {
      await expect(decide(t.db, { subject: "affiliation", id: affiliation.id, action: "approve" }, context(staff))).rejects.toThrow();
    } finally {
      await t.db.execute(sql`drop trigger fail_desk_mail on mail_outbox`);
      await t.db.execute(sql`drop function fail_desk_mail()`);
    }
    expect((await affiliationStatus(affiliation.id))?.status).toBe("pending");
    expect(await auditFor(affiliation.id)).toEqual([]);
    expect(await mailsTo(applicant.email)).toEqual([]);
  });
});
