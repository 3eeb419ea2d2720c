// Who hears about a coalition change: the representatives of an actor, or the representatives
// of an initiative's leads, each in their own language. Rows go to the outbox inside the
// caller's transaction, so an email goes out exactly when the change commits.
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, participations, users } from "~/db/schema";
import { enqueueMail, type MailTemplate } from "~/mail/outbox.server";

interface Recipient {
  email: string;
  name: string;
  locale: "en" | "fr" | "es";
}

const recipientColumns = { email: users.email, name: users.name, locale: users.locale };

/** Approved representatives of an actor whose account is in use. */
export async function actorRepresentatives(db: Executor, actorId: string): Promise<Recipient[]> {
  return db
    .selectDistinct(recipientColumns)
    .from(affiliations)
    .innerJoin(users, eq(users.id, affiliations.userId))
    .where(and(eq(affiliations.actorId, actorId), eq(affiliations.status, "approved"), isNull(users.disabledAt)));
}

/** Approved representatives of the approved actors actively leading an initiative. */
export function leadRepresentatives(db: Executor, initiativeId: string): Promise<Recipient[]> {
  return participantRepresentatives(db, initiativeId, "lead");
}

export async function mailEach(
  db: Executor,
  recipients: readonly Recipient[],
  template: MailTemplate,
  params: Record<string, string>,
): Promise<void> {
  for (const r of recipients) {
    await enqueueMail(db, { to: r.email, locale: r.locale, template, params: { ...params, name: r.name } });
  }
}

/**
 * Approved representatives of the approved actors actively taking part: leads and supporters, or
 * only those of one role.
 */
export async function participantRepresentatives(db: Executor, initiativeId: string, role?: "lead" | "supporter"): Promise<Recipient[]> {
  return db
    .selectDistinct(recipientColumns)
    .from(participations)
    .innerJoin(actors, eq(actors.id, participations.actorId))
    .innerJoin(affiliations, eq(affiliations.actorId, participations.actorId))
    .innerJoin(users, eq(users.id, affiliations.userId))
    .where(
      and(
        eq(participations.initiativeId, initiativeId),
        role ? eq(participations.role, role) : undefined,
        eq(participations.status, "active"),
        eq(actors.status, "approved"),
        eq(affiliations.status, "approved"),
        isNull(users.disabledAt),
      ),
    );
}
