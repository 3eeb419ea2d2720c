// The audit trail's one writer (app/auth/audit.server.ts), on the real database: each event keeps
// who, what, about what, from where and with which facts; what is not known is stored as absent,
// never as a made-up value, and a browser's name is cut to a bounded length.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordAudit } from "~/auth/audit.server";
import { auditEvents } from "~/db/schema";
import { createUser } from "../support/accounts";
import { useTestDatabase } from "../support/db";

const t = useTestDatabase();
const latest = async (action: string) => (await t.db.select().from(auditEvents).where(eq(auditEvents.action, action)))[0];

describe("recordAudit", () => {
  it("keeps who did what to which subject, from which address and browser, with its facts", async () => {
    const user = await createUser(t.db);
    await recordAudit(t.db, {
      userId: user.id,
      action: "test.full",
      subjectType: "user",
      subjectId: user.id,
      origin: { ip: "203.0.113.9", userAgent: "Mozilla/5.0 Firefox/128.0" },
      data: { before: "member", after: "secretariat" },
    });
    expect(await latest("test.full")).toMatchObject({
      userId: user.id,
      subjectType: "user",
      subjectId: user.id,
      ip: "203.0.113.9",
      userAgent: "Mozilla/5.0 Firefox/128.0",
      data: { before: "member", after: "secretariat" },
    });
  });

  it("stores what is not known as absent: no subject id, no origin, no facts, no user", async () => {
    await recordAudit(t.db, { userId: null, action: "test.bare", subjectType: "system" });
    expect(await latest("test.bare")).toMatchObject({ userId: null, subjectId: null, ip: null, userAgent: null, data: null });
    await recordAudit(t.db, { userId: null, action: "test.no-agent", subjectType: "system", origin: { ip: "198.51.100.1", userAgent: null } });
    expect(await latest("test.no-agent")).toMatchObject({ ip: "198.51.100.1", userAgent: null });
  });

  it("keeps the first 500 characters of a browser's name", async () => {
    await recordAudit(t.db, { userId: null, action: "test.long-agent", subjectType: "system", origin: { ip: null, userAgent: "a".repeat(499) + "b".repeat(100) } });
    expect((await latest("test.long-agent"))?.userAgent).toBe(`${"a".repeat(499)}b`);
  });
});
