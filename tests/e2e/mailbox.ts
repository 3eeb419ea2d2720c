// The e2e server's mailbox: the file transport writes one .eml file per email into MAIL_DIR
// (E2E_MAIL_DIR, chosen once by playwright.config.ts). Tests wait for an email here the way
// a person waits for it in their inbox, then follow the link it carries.
import fs from "node:fs/promises";
import path from "node:path";

export interface Email {
  file: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: run the tests through playwright.config.ts");
  return dir;
}

interface Entity {
  headers: Map<string, string>;
  body: string;
}

function parseEntity(raw: string): Entity {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  // Long header values are folded onto lines that start with white space.
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function parameter(headerValue: string, name: string): string | undefined {
  const match = headerValue.match(new RegExp(`(?:^|;)\\s*${name}=(?:"([^"]*)"|([^;\\s]*))`, "i"));
  return match?.[1] ?? match?.[2];
}

/** Bytes written as =XX (quoted-printable and RFC 2047 "Q"), read back as UTF-8. */
function decodeHexEscapes(text: string): string {
  return Buffer.from(
    text.replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");
}

function decodeBody(entity: Entity): string {
  const encoding = (entity.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "quoted-printable") return decodeHexEscapes(entity.body.replace(/=\r?\n/g, ""));
  if (encoding === "base64") return Buffer.from(entity.body.replace(/\s+/g, ""), "base64").toString("utf8");
  return entity.body;
}

/** RFC 2047 encoded words in a header; the space between two adjacent words is folding, not text. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[bq]\?[^?]*\?=)\s+(?==\?)/gi, "$1")
    .replace(/=\?[^?]+\?([bq])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : decodeHexEscapes(text.replace(/_/g, " ")),
    );
}

/** The decoded text/plain and text/html parts, found through any multipart nesting. */
function bodies(entity: Entity, found: { text: string; html: string } = { text: "", html: "" }) {
  const type = entity.headers.get("content-type") ?? "text/plain";
  const boundary = parameter(type, "boundary");
  if (/^multipart\//i.test(type) && boundary) {
    const sections = entity.body.split(new RegExp(`^--${boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:--)?[ \\t]*\\r?$`, "m"));
    // The first section is the preamble and the last the epilogue.
    for (const section of sections.slice(1, -1)) bodies(parseEntity(section.replace(/^\r?\n/, "")), found);
  } else if (/^text\/html/i.test(type)) {
    found.html ||= decodeBody(entity);
  } else if (/^text\/plain/i.test(type)) {
    found.text ||= decodeBody(entity);
  }
  return found;
}

export function parseEmail(file: string, raw: string): Email {
  const entity = parseEntity(raw);
  return {
    file,
    to: decodeWords(entity.headers.get("to") ?? ""),
    subject: decodeWords(entity.headers.get("subject") ?? ""),
    ...bodies(entity),
  };
}

async function readMailbox(): Promise<Email[]> {
  let files: string[];
  try {
    files = (await fs.readdir(mailDir())).filter((f) => f.endsWith(".eml"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  // File names start with the delivery time: newest last.
  files.sort();
  return Promise.all(files.map(async (file) => parseEmail(file, await fs.readFile(path.join(mailDir(), file), "utf8"))));
}

const addressOf = (to: string) => (to.match(/<([^>]+)>/)?.[1] ?? to).trim().toLowerCase();

/**
 * Waits for the newest email to `to` whose plain text contains `containing`, and returns it.
 * The sender polls the outbox every two seconds, so an email takes up to a few seconds.
 */
export async function waitForEmail(to: string, containing: string, timeoutMs = 20_000): Promise<Email> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const emails = await readMailbox();
    const match = emails.reverse().find((e) => addressOf(e.to) === to.toLowerCase() && e.text.includes(containing));
    if (match) return match;
    if (Date.now() > deadline) {
      const seen = emails.filter((e) => addressOf(e.to) === to.toLowerCase()).map((e) => e.subject);
      throw new Error(`no email to ${to} containing ${JSON.stringify(containing)} within ${timeoutMs} ms (emails to it: ${JSON.stringify(seen)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in the email's text to `${origin}${pathname}`. */
export function linkIn(email: Email, origin: string, pathname: string): string {
  const escaped = `${origin}${pathname}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const link = email.text.match(new RegExp(`${escaped}(?:\\?[^\\s<>"]*)?`))?.[0];
  if (!link) throw new Error(`no link to ${origin}${pathname} in "${email.subject}":\n${email.text}`);
  return link;
}

/** Waits for an email to `to` with a link to `${origin}${pathname}` and returns that link. */
export async function waitForLink(to: string, origin: string, pathname: string): Promise<string> {
  return linkIn(await waitForEmail(to, `${origin}${pathname}`), origin, pathname);
}
