// Every email is a row in mail_outbox written in the same transaction as the change that
// caused it: if the change rolls back, no email goes out; if it commits, the email will.
import type { Executor } from "~/db/client.server";
import { mailOutbox, type Locale } from "~/db/schema";
import { i18nServer } from "~/i18n/i18next.server";

export type MailTemplate =
  | "verifyEmail"
  | "accountExists"
  | "resetPassword"
  | "resetNoAccount"
  | "passwordChanged"
  | "twoFactorChanged"
  | "coalitionJoinRequested"
  | "coalitionRequestAccepted"
  | "coalitionRequestDeclined"
  | "coalitionLeadInvited"
  | "coalitionLeadAccepted"
  | "coalitionLeadDeclined"
  | "coalitionLeadReceived"
  | "coalitionLeadHandedOver"
  | "coalitionLeadShared"
  | "coalitionReviewApproved"
  | "coalitionReviewRejected"
  | "coalitionReviewChanges"
  | "coalitionMessage"
  | DeskMailTemplate
  | MeetingMailTemplate;

/** Meeting notices; their texts live in the "meetings" namespace (i18next's "ns:key" form). */
export type MeetingMailTemplate = "meetings:mail.posted" | "meetings:mail.changed" | "meetings:mail.cancelled";

/** Emails of the secretariat's review desk (app/domain/desk/) and its daily digest. */
export type DeskMailTemplate =
  | "deskDigest"
  | "deskAffiliationApproved"
  | "deskAffiliationRejected"
  | "deskInfoRequested"
  | "deskAffiliationRevoked"
  | "deskActorApproved"
  | "deskActorRejected"
  | "deskActorSuspended"
  | "deskActorReinstated"
  | "deskColleagueApproved"
  | "deskColleagueRevoked";

export interface MailMessage {
  to: string;
  locale: Locale;
  template: MailTemplate;
  /**
   * Values the template fills in (links, and `name` for the greeting). Escaped in the HTML part.
   * Leave `name` out for an address not yet verified: whoever typed it chose the text (see nameParam).
   */
  params: Record<string, string>;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/**
 * The `name` parameter that greets a person, or none while their address is unverified: until
 * then the name is free text from whoever signed up with that address ("Bob, visit https://…"),
 * and an email must not carry a stranger's words into someone else's mailbox.
 */
export function nameParam(user: { name: string; emailVerified: boolean } | { name: string; emailVerifiedAt: Date | null }): { name?: string } {
  const verified = "emailVerified" in user ? user.emailVerified : user.emailVerifiedAt !== null;
  return verified ? { name: user.name } : {};
}

export async function renderMail(message: MailMessage): Promise<{ subject: string; text: string; html: string }> {
  const t = await i18nServer.getFixedT(message.locale, "emails");
  const key = message.template;
  const subject = t(`${key}.subject`, { ...message.params });
  const paragraphs = (t(`${key}.body`, { ...message.params, returnObjects: true }) as unknown as string[]) ?? [];
  const actionLabel = t(`${key}.action`, { defaultValue: "" });
  const link = message.params.link;
  const signature = t("signature");
  const greeting = message.params.name ? t("greeting", { name: message.params.name }) : t("greetingWithoutName");
  const text = [
    greeting,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...(link ? [`${t("labelColon", { ns: "common", label: actionLabel })} ${link}`, ""] : []),
    signature,
  ].join("\n");
  const escapedParams = Object.fromEntries(Object.entries(message.params).map(([k, v]) => [k, escapeHtml(v)]));
  const htmlParagraphs = (t(`${key}.body`, { ...escapedParams, returnObjects: true }) as unknown as string[]) ?? [];
  const html = `<!doctype html>
<html lang="${message.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p>${escapeHtml(greeting)}</p>
${htmlParagraphs.map((p) => `<p>${p}</p>`).join("\n")}
${link ? `<p><a href="${escapeHtml(link)}" style="color: #173f87">${escapeHtml(actionLabel)}</a></p>` : ""}
<p>${escapeHtml(signature)}</p>
</body></html>`;
  return { subject, text, html };
}

export async function enqueueMail(db: Executor, message: MailMessage): Promise<void> {
  const rendered = await renderMail(message);
  await db.insert(mailOutbox).values({
    toAddress: message.to,
    locale: message.locale,
    template: message.template,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    // Due from this moment on the application's clock, in whole milliseconds: the sender compares
    // with a JavaScript Date, and the column default (PostgreSQL's now(), in microseconds) could fall
    // later than a Date taken in the same millisecond, leaving a just-queued email for the next poll.
    nextAttemptAt: new Date(),
  });
}
