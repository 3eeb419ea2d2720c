// Sign-up and forgot-password must not tell, by the time they take, whether an address has an
// account. Timings are noisy, so the test compares the work itself: the statements each path
// sends (kind and table, in order), the argon2 hashes it computes, and the email it queues.
import { getTableName, type Table } from "drizzle-orm";
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Database } from "~/db/client.server";
import { auditEvents, mailOutbox } from "~/db/schema";
import { requestPasswordReset } from "~/domain/accounts/passwords.server";
import { signUp } from "~/domain/accounts/sign-up.server";
import { createUser } from "../support/accounts";
import { useTestDatabase } from "../support/db";

const argon2 = vi.hoisted(() => ({ hashes: 0, verifications: 0 }));
vi.mock("~/auth/password.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/auth/password.server")>();
  return {
    ...real,
    hashPassword: async (password: string) => {
      argon2.hashes++;
      return real.hashPassword(password);
    },
    verifyPassword: async (hash: string, password: string) => {
      argon2.verifications++;
      return real.verifyPassword(hash, password);
    },
  };
});

const t = useTestDatabase();
const APP = "https://portal.example";
const origin = { ip: "192.0.2.77", userAgent: "vitest" };

/** The database, as seen by a use case, writing down each statement it starts. */
function recording(db: Database, statements: string[]): Database {
  const wrap = (target: Database): Database =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== "function") return value;
        if (property === "transaction") {
          return (work: (tx: Database) => Promise<unknown>, config?: unknown) =>
            object.transaction((tx) => work(wrap(tx as unknown as Database)), config as never);
        }
        if (property === "insert" || property === "update" || property === "delete") {
          return (table: Table) => {
            statements.push(`${property} ${getTableName(table)}`);
            return (value as (table: Table) => unknown).call(object, table);
          };
        }
        if (property === "select" || property === "execute") {
          return (...args: unknown[]) => {
            statements.push(String(property));
            return (value as (...a: unknown[]) => unknown).apply(object, args);
          };
        }
        return value;
      },
    });
  return wrap(db);
}

async function workOf(run: (db: Database) => Promise<unknown>) {
  const statements: string[] = [];
  const before = { ...argon2 };
  await run(recording(t.db, statements));
  return { statements, hashes: argon2.hashes - before.hashes, verifications: argon2.verifications - before.verifications };
}

const mailsTo = (address: string) => t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address));

describe("sign-up", () => {
  it("does the same work for a new address and a taken one", async () => {
    const taken = await createUser(t.db, { email: "taken.signup@example.org" });
    const fresh = await workOf((db) => signUp(db, { name: "Newcomer", email: "fresh.signup@example.org", password: "lanterns over the harbour", locale: "en" }, origin, APP));
    const known = await workOf((db) => signUp(db, { name: "Newcomer", email: taken.email, password: "lanterns over the harbour", locale: "en" }, origin, APP));
    expect(known).toEqual(fresh);
    expect(fresh).toEqual({
      statements: ["insert rate_limits", "insert rate_limits", "insert users", "execute", "insert mail_outbox", "insert audit_events"],
      hashes: 1,
      verifications: 0,
    });
    expect(await mailsTo("fresh.signup@example.org")).toHaveLength(1);
    expect(await mailsTo(taken.email)).toHaveLength(1);
  });
});

describe("forgot password", () => {
  it("does the same work for a known address and an unknown one, and mails both", async () => {
    const known = await createUser(t.db, { email: "known.reset@example.org" });
    const forKnown = await workOf((db) => requestPasswordReset(db, known.email, origin, APP));
    const forUnknown = await workOf((db) => requestPasswordReset(db, "nobody.reset@example.org", { ...origin, locale: "fr" }, APP));
    expect(forUnknown).toEqual(forKnown);
    expect(await mailsTo(known.email)).toMatchObject([{ template: "resetPassword" }]);
    // The unknown address hears, in the language the request was made in, that nothing changed.
    expect(await mailsTo("nobody.reset@example.org")).toMatchObject([{ template: "resetNoAccount", locale: "fr" }]);
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "user.password_reset_refused")));
    expect(audits.map((row) => row.data)).toEqual([{ email: "nobody.reset@example.org" }]);
  });

  it("treats a disabled account like an unknown address: no link, the same work", async () => {
    const active = await createUser(t.db, { email: "active.reset@example.org" });
    const disabled = await createUser(t.db, { email: "disabled.reset@example.org" });
    await t.db.execute(`update users set disabled_at = now() where id = '${disabled.id}'`);
    const forActive = await workOf((db) => requestPasswordReset(db, active.email, origin, APP));
    const forDisabled = await workOf((db) => requestPasswordReset(db, disabled.email, origin, APP));
    expect(forDisabled).toEqual(forActive);
    expect(await mailsTo(disabled.email)).toMatchObject([{ template: "resetNoAccount" }]);
  });
});
