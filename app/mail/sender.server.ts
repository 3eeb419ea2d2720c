// Delivers the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED inside a transaction, so
// several app instances share the work without sending anything twice. Failures are retried
// with exponential backoff and given up after MAX_ATTEMPTS.
import fs from "node:fs/promises";
import path from "node:path";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Database } from "~/db/client.server";
import { mailOutbox, type Locale } from "~/db/schema";
import { i18nServer } from "~/i18n/i18next.server";

export const MAX_ATTEMPTS = 8;
const BATCH_SIZE = 20;
export const MAIL_FROM = "Alliance Partner Portal <no-reply@alliance-portal.example>";

/**
 * The From header in the recipient's language: the display name is what a mail client shows
 * first, so a French reader sees "Portail des partenaires de l’Alliance". The address stays that
 * of `from`; nodemailer encodes a non-ASCII name.
 */
export async function senderFor(locale: Locale, from = MAIL_FROM): Promise<{ name: string; address: string }> {
  const address = from.match(/<([^>]+)>/)?.[1] ?? from;
  const t = await i18nServer.getFixedT(locale, "emails");
  return { name: t("senderName"), address };
}

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The recipient's language; the sender's display name follows it. */
  locale?: Locale;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

/** SMTP through nodemailer (SMTP_URL). */
export function smtpTransport(smtpUrl: string, from = MAIL_FROM): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const sender = mail.locale ? await senderFor(mail.locale, from) : from;
      await transporter.sendMail({ from: sender, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
  };
}

/** Development mailbox: one RFC 822 .eml file per email in a folder, readable by any mail client. */
export function fileTransport(dir: string, from = MAIL_FROM): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const sender = mail.locale ? await senderFor(mail.locale, from) : from;
      const info = await builder.sendMail({ from: sender, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      await fs.mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const file = path.join(dir, `${stamp}-${mail.id}.eml`);
      await fs.writeFile(`${file}.tmp`, info.message as Buffer);
      // Rename makes the file appear whole: a reader never sees half an email.
      await fs.rename(`${file}.tmp`, file);
    },
  };
}

export function backoffMs(attempts: number): number {
  return Math.min(60 * 60 * 1000, 30_000 * 2 ** (attempts - 1));
}

/** Sends what is due; returns how many were sent. */
export async function deliverPendingMail(db: Database, transport: MailTransport, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, sql`${now.toISOString()}::timestamptz`)))
      .orderBy(asc(mailOutbox.nextAttemptAt))
      .limit(BATCH_SIZE)
      .for("update", { skipLocked: true });
    let sent = 0;
    for (const row of due) {
      try {
        await transport.send({ id: row.id, to: row.toAddress, subject: row.subject, text: row.textBody, html: row.htmlBody, locale: row.locale });
        await tx.update(mailOutbox).set({ status: "sent", sentAt: now, attempts: row.attempts + 1, lastError: null }).where(eq(mailOutbox.id, row.id));
        sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        await tx
          .update(mailOutbox)
          .set({
            attempts,
            status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
            nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
            lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
          })
          .where(eq(mailOutbox.id, row.id));
      }
    }
    return sent;
  });
}

/** Polls the outbox until stopped. Returns a function that stops it and waits for the current run. */
export function startMailSender(db: Database, transport: MailTransport, intervalMs = 2_000, onError: (e: unknown) => void = () => {}) {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(() => deliverPendingMail(db, transport)).catch(onError);
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
