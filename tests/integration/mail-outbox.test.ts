// Email goes through the outbox: written in the same transaction as the change that causes
// it, then delivered by a sender that claims rows with FOR UPDATE SKIP LOCKED and retries.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "~/db/schema";
import { signUp } from "~/domain/accounts/sign-up.server";
import { listMailbox, readMailboxFile } from "~/mail/mailbox.server";
import { enqueueMail, renderMail } from "~/mail/outbox.server";
import { backoffMs, deliverPendingMail, fileTransport, MAX_ATTEMPTS, type MailTransport, type OutgoingMail, senderFor } from "~/mail/sender.server";
import { useTestDatabase } from "../support/db";

const t = useTestDatabase();
const ON_POSTGRES = Boolean(process.env.DATABASE_URL);
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "alliance-mail-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

// Each test drains what earlier tests left, so it sees only its own rows.
async function drain() {
  await deliverPendingMail(t.db, { send: async () => {} }, new Date(Date.now() + 365 * 24 * 3600_000));
}

async function row(id: string) {
  const [found] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!found) throw new Error(`no outbox row ${id}`);
  return found;
}

async function queued(to: string) {
  await enqueueMail(t.db, { to, locale: "en", template: "passwordChanged", params: { name: "Ada" } });
  const [found] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to));
  if (!found) throw new Error("not queued");
  return found;
}

describe("the outbox", () => {
  it("gets no row when the transaction that wrote it rolls back", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueMail(tx, { to: "rollback@example.org", locale: "en", template: "passwordChanged", params: { name: "Rolled" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "rollback@example.org"))).toEqual([]);
  });

  it("keeps the row when the transaction commits", async () => {
    await t.db.transaction(async (tx) => {
      await enqueueMail(tx, { to: "commit@example.org", locale: "en", template: "passwordChanged", params: { name: "Kept" } });
    });
    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "commit@example.org"))).toHaveLength(1);
  });

  it("renders an email in the recipient's language, as plain text and HTML", async () => {
    await signUp(t.db, { name: "Élodie", email: "elodie@gov.example", password: "le printemps à Lyon", locale: "fr" }, { ip: "192.0.2.50", userAgent: null }, "https://portal.example");
    const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "elodie@gov.example"));
    expect(mail).toMatchObject({ locale: "fr", template: "verifyEmail", subject: "Confirmez votre adresse électronique" });
    // Unverified: the greeting leaves out the name typed at sign-up.
    expect(mail?.textBody).toContain("Bonjour,");
    // French sets a no-break space before the colon, also in the line built in code.
    expect(mail?.textBody).toContain("Confirmer mon adresse électronique\u00A0: https://portal.example/verify-email?token=");
    expect(mail?.htmlBody).toContain('<html lang="fr">');
    expect(mail?.htmlBody).toMatch(/<a href="https:\/\/portal\.example\/verify-email\?token=[\w-]+"/);
  });

  it("escapes what users typed in the HTML part", async () => {
    const rendered = await renderMail({ to: "x@example.org", locale: "es", template: "passwordChanged", params: { name: '<img src=x onerror="alert(1)">' } });
    expect(rendered.html).not.toContain("<img");
    expect(rendered.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(rendered.text).toContain("<img"); // plain text is not HTML: nothing to escape there
  });
});

describe("the sender", () => {
  it("writes one .eml file per email into the mail folder and marks the row sent", async () => {
    await drain();
    const { id } = await queued("eml@example.org");
    const now = new Date();
    expect(await deliverPendingMail(t.db, fileTransport(dir), now)).toBe(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect((await row(id)).sentAt?.getTime()).toBe(now.getTime());

    const files = (await fs.readdir(dir)).filter((f) => f.includes(id));
    expect(files).toEqual([expect.stringMatching(/\.eml$/)]);
    const raw = await readMailboxFile(dir, files[0] ?? "");
    expect(raw).toMatch(/^To: eml@example\.org$/m);
    expect(raw).toMatch(/^Subject: .+$/m);
    expect(raw).toContain("multipart/alternative");
    const [entry] = (await listMailbox(dir)).filter((e) => e.file.includes(id));
    expect(entry).toMatchObject({ to: "eml@example.org", subject: (await row(id)).subject });
    // Nothing is sent twice.
    expect(await deliverPendingMail(t.db, fileTransport(dir), now)).toBe(0);
  });

  it("reads back accented subjects from the mail folder", async () => {
    await drain();
    await enqueueMail(t.db, { to: "accents@example.org", locale: "fr", template: "twoFactorChanged", params: { name: "Zoé" } });
    await deliverPendingMail(t.db, fileTransport(dir));
    const entry = (await listMailbox(dir)).find((e) => e.to === "accents@example.org");
    expect(entry?.subject).toBe("Paramètres de double authentification modifiés");
  });

  it("signs each email with the portal's name in the recipient's language", async () => {
    await drain();
    await enqueueMail(t.db, { to: "sender-fr@example.org", locale: "fr", template: "passwordChanged", params: { name: "Zoé" } });
    await enqueueMail(t.db, { to: "sender-es@example.org", locale: "es", template: "passwordChanged", params: { name: "Inés" } });
    const sent: OutgoingMail[] = [];
    await deliverPendingMail(t.db, { send: async (mail) => void sent.push(mail) });
    expect(await senderFor("fr")).toEqual({ name: "Portail des partenaires de l’Alliance", address: "no-reply@alliance-portal.example" });
    expect(await senderFor("es")).toEqual({ name: "Portal de Asociados de la Alianza", address: "no-reply@alliance-portal.example" });
    expect(sent.map((m) => [m.to, m.locale]).sort()).toEqual([["sender-es@example.org", "es"], ["sender-fr@example.org", "fr"]]);
    const { id } = (await t.db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.toAddress, "sender-fr@example.org")))[0] ?? { id: "" };
    await t.db.update(mailOutbox).set({ status: "pending" }).where(eq(mailOutbox.id, id));
    await deliverPendingMail(t.db, fileTransport(dir));
    const file = (await fs.readdir(dir)).find((f) => f.includes(id) && f.endsWith(".eml")) ?? "";
    const raw = ((await readMailboxFile(dir, file)) ?? "").replace(/\r?\n[ \t]+/g, " ");
    const from = raw.match(/^From: (.+)$/m)?.[1] ?? "";
    expect(from).toContain("<no-reply@alliance-portal.example>");
    const decoded = from.replace(/=\?UTF-8\?Q\?([^?]*)\?=\s*/gi, (_, q: string) =>
      Buffer.from(q.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
    );
    expect(decoded).toContain("Portail des partenaires de l’Alliance");
  });

  // The cause of a flaky run of the test above: PostgreSQL stamped the row in microseconds, the sender
  // compared with a JavaScript Date truncated to the millisecond, so an email queued in the same
  // millisecond was not yet due. One in twenty tries missed; two hundred make the race show.
  it("delivers an email queued a moment ago, every time", async () => {
    await drain();
    let missed = 0;
    for (let i = 0; i < 200; i++) {
      await enqueueMail(t.db, { to: `moment-${i}@example.org`, locale: "en", template: "passwordChanged", params: { name: "Ada" } });
      if ((await deliverPendingMail(t.db, { send: async () => {} })) !== 1) {
        missed++;
        await drain();
      }
    }
    expect(missed).toBe(0);
  });

  it("refuses to read files outside the mail folder", async () => {
    expect(await readMailboxFile(dir, "../../etc/passwd.eml")).toBeNull();
    expect(await readMailboxFile(dir, "x/../y.eml")).toBeNull();
  });

  it("retries a failed delivery later, with a growing delay, and gives up after the last attempt", async () => {
    await drain();
    const { id } = await queued("flaky@example.org");
    const failing: MailTransport = {
      async send() {
        throw new Error("SMTP 451 try again later");
      },
    };
    let now = new Date("2030-01-01T00:00:00Z");
    expect(await deliverPendingMail(t.db, failing, now)).toBe(0);
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 1, lastError: "SMTP 451 try again later" });
    expect((await row(id)).nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);

    // Not due yet: not even tried.
    await deliverPendingMail(t.db, failing, new Date(now.getTime() + 29_000));
    expect((await row(id)).attempts).toBe(1);

    now = new Date(now.getTime() + 30_000);
    await deliverPendingMail(t.db, failing, now);
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 2 });
    expect((await row(id)).nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    expect(backoffMs(3)).toBe(120_000);
    expect(backoffMs(20)).toBe(60 * 60 * 1000);

    for (let attempt = 3; attempt <= MAX_ATTEMPTS; attempt++) {
      now = (await row(id)).nextAttemptAt;
      await deliverPendingMail(t.db, failing, now);
    }
    expect(await row(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    await deliverPendingMail(t.db, failing, new Date(now.getTime() + 365 * 24 * 3600_000));
    expect((await row(id)).attempts).toBe(MAX_ATTEMPTS);
  });

  it("sends a row that failed once as soon as the retry is due", async () => {
    await drain();
    const { id } = await queued("second-chance@example.org");
    const now = new Date("2031-01-01T00:00:00Z");
    await deliverPendingMail(t.db, { send: () => Promise.reject(new Error("connection reset")) }, now);
    const sent: OutgoingMail[] = [];
    await deliverPendingMail(t.db, { send: async (mail) => void sent.push(mail) }, new Date(now.getTime() + 30_000));
    expect(sent.map((m) => m.id)).toEqual([id]);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it(
    ON_POSTGRES
      ? "never sends a row twice when two senders run at the same time (FOR UPDATE SKIP LOCKED on PostgreSQL)"
      : "never sends a row twice when two senders run one after the other (PGlite has a single connection, so the concurrent case runs on PostgreSQL)",
    async () => {
      await drain();
      const addresses = Array.from({ length: 30 }, (_, i) => `batch-${i}@example.org`);
      for (const to of addresses) await enqueueMail(t.db, { to, locale: "en", template: "passwordChanged", params: { name: "Batch" } });
      const deliveries = new Map<string, number>();
      const perSender = [0, 0];
      const slowTransport = (sender: number): MailTransport => ({
        async send(mail) {
          deliveries.set(mail.id, (deliveries.get(mail.id) ?? 0) + 1);
          perSender[sender] = (perSender[sender] ?? 0) + 1;
          await new Promise((resolve) => setTimeout(resolve, 10));
        },
      });
      const runs = ON_POSTGRES
        ? await Promise.all([deliverPendingMail(t.db, slowTransport(0)), deliverPendingMail(t.db, slowTransport(1))])
        : [await deliverPendingMail(t.db, slowTransport(0)), await deliverPendingMail(t.db, slowTransport(1))];
      expect(runs[0]! + runs[1]!).toBe(30);
      expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
      expect(deliveries.size).toBe(30);
      // A batch is 20 rows: each sender did part of the work.
      expect(perSender[0]).toBeGreaterThan(0);
      expect(perSender[1]).toBeGreaterThan(0);
      const rows = await t.db.select().from(mailOutbox).where(inArray(mailOutbox.toAddress, addresses));
      expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    },
  );
});
