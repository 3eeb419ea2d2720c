// The development mailbox: reads the .eml files the file transport wrote.
import fs from "node:fs/promises";
import path from "node:path";

export interface MailboxEntry {
  file: string;
  to: string;
  subject: string;
  date: string;
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const match = head.match(new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, "mi"));
  return match?.[1]?.replace(/\r?\n[ \t]/g, " ").trim() ?? "";
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header value. */
function decodeWords(value: string): string {
  // Long subjects are split into several encoded words; the folding space between two of them is not text.
  const joined = value.replace(/(=\?utf-8\?[bq]\?[^?]*\?=)\s+(?==\?utf-8\?)/gi, "$1");
  return joined.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
    encoding.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
  );
}

export async function listMailbox(dir: string, limit = 100): Promise<MailboxEntry[]> {
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((f) => f.endsWith(".eml"));
  } catch {
    return [];
  }
  files.sort().reverse();
  return Promise.all(
    files.slice(0, limit).map(async (file) => {
      const raw = await fs.readFile(path.join(dir, file), "utf8");
      return { file, to: header(raw, "To"), subject: decodeWords(header(raw, "Subject")), date: header(raw, "Date") };
    }),
  );
}

export async function readMailboxFile(dir: string, file: string): Promise<string | null> {
  // Only names the sender writes: no path separators, so no reading outside the folder.
  if (!/^[\w.-]+\.eml$/.test(file)) return null;
  try {
    return await fs.readFile(path.join(dir, file), "utf8");
  } catch {
    return null;
  }
}
