// The secretariat's one email a day about what waits for review (never one email per
// application), in each recipient's language. Nothing waits: nothing is sent.
import { and, eq, inArray, isNull, min, count, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, users, type Locale } from "~/db/schema";
import { formatDate } from "~/i18n/format";
import { enqueueMail } from "~/mail/outbox.server";

interface DigestOptions {
  now: Date;
  appUrl: string;
  /** Addresses from DIGEST_RECIPIENTS; empty: every active staff account. */
  recipients: string[];
}

async function recipientsOf(db: Executor, addresses: string[]): Promise<{ email: string; name: string; locale: Locale }[]> {
  const staff = await db
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(
      addresses.length > 0
        ? inArray(sql`lower(${users.email})`, addresses.map((a) => a.toLowerCase()))
        : and(inArray(users.role, ["secretariat", "admin"]), isNull(users.disabledAt)),
    );
  // A configured address without an account (a shared mailbox) gets the digest in English.
  const known = new Set(staff.map((s) => s.email.toLowerCase()));
  const others = addresses.filter((a) => !known.has(a.toLowerCase())).map((email) => ({ email, name: "", locale: "en" as Locale }));
  return [...staff, ...others];
}

export async function sendDigest(db: Executor, options: DigestOptions): Promise<Record<string, number>> {
  const [[pendingActors], [pendingAffiliations]] = await Promise.all([
    db.select({ n: count(), oldest: min(actors.createdAt) }).from(actors).where(eq(actors.status, "pending")),
    db.select({ n: count(), oldest: min(affiliations.createdAt) }).from(affiliations).where(eq(affiliations.status, "pending")),
  ]);
  const actorCount = pendingActors?.n ?? 0;
  const affiliationCount = pendingAffiliations?.n ?? 0;
  if (actorCount + affiliationCount === 0) return { actors: 0, affiliations: 0, sent: 0 };
  const oldest = [pendingActors?.oldest, pendingAffiliations?.oldest]
    .filter((d): d is Date => d instanceof Date || typeof d === "string")
    .map((d) => new Date(d))
    .sort((a, b) => a.getTime() - b.getTime())[0];
  const recipients = await recipientsOf(db, options.recipients);
  for (const recipient of recipients) {
    await enqueueMail(db, {
      to: recipient.email,
      locale: recipient.locale,
      template: "deskDigest",
      params: {
        name: recipient.name,
        actors: String(actorCount),
        affiliations: String(affiliationCount),
        oldest: oldest ? formatDate(recipient.locale, oldest) : "",
        link: `${options.appUrl}/secretariat`,
      },
    });
  }
  return { actors: actorCount, affiliations: affiliationCount, sent: recipients.length };
}
