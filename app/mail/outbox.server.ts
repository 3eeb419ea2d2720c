// Every email is a row in mail_outbox written in the same transaction as the change that
// caused it: if the change rolls back, no email goes out; if it commits, the email will.
import type { Executor } from "~/db/client.server";
import { mailOutbox, type Locale } from "~/db/schema";
import { i18nServer } from "~/i18n/i18next.server";

export type MailTemplate =
  | "verifyEmail"
  | "accountExists"
  | "resetPassword"
  | "passwordChanged"
  | "twoFactorChanged"
  | "coalitionJoinRequested"
  | "coalitionRequestAccepted"
  | "coalitionRequestDeclined"
  | "coalitionLeadInvited"
  | "coalitionLeadAccepted"
  | "coalitionLeadDeclined"
  | "coalitionReviewApproved"
  | "coalitionReviewRejected"
  | "coalitionReviewChanges"
  | "coalitionMessage";

export interface MailMessage {
  to: string;
  locale: Locale;
  template: MailTemplate;
  /** Values the template fills in (names, links). Escaped in the HTML part. */
  params: Record<string, string>;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

export async function renderMail(message: MailMessage): Promise<{ subject: string; text: string; html: string }> {
  const t = await i18nServer.getFixedT(message.locale, "emails");
  const key = message.template;
  const subject = t(`${key}.subject`, { ...message.params });
  const paragraphs = (t(`${key}.body`, { ...message.params, returnObjects: true }) as unknown as string[]) ?? [];
  const actionLabel = t(`${key}.action`, { defaultValue: "" });
  const link = message.params.link;
  const signature = t("signature");
  const text = [
    t("greeting", { name: message.params.name ?? "" }),
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...(link ? [`${actionLabel}: ${link}`, ""] : []),
    signature,
  ].join("\n");
  const escapedParams = Object.fromEntries(Object.entries(message.params).map(([k, v]) => [k, escapeHtml(v)]));
  const htmlParagraphs = (t(`${key}.body`, { ...escapedParams, returnObjects: true }) as unknown as string[]) ?? [];
  const html = `<!doctype html>
<html lang="${message.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p>${escapeHtml(t("greeting", { name: message.params.name ?? "" }))}</p>
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
  });
}
