// Atom feeds (RFC 4287) of the public directory, written by the maintained `feed` library: the
// initiatives, newest first, and each initiative's joins, withdrawals and changes of lead from
// the participation history. Every text is reduced to characters XML allows and HTML-escaped,
// because the library marks titles and summaries as type="html": a title that reads
// "<script>" must reach the reader as those characters, not as markup. Every link is built
// on the public URL (APP_URL), never on the request.
import { Feed } from "feed";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { initiatives, type Locale } from "~/db/schema";
import { i18nServer } from "~/i18n/i18next.server";
import { PUBLIC_INITIATIVE_STATUSES } from "./actors.server";
import { publicTimeline } from "./coalitions/history.server";

/** How many entries a feed carries: readers only need what is new since they last looked. */
export const FEED_ENTRIES = 50;

// XML 1.0 allows tab, line feed, carriage return and everything from U+0020 except
// surrogates (unpaired ones included) and U+FFFE/U+FFFF.
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Plain text as the HTML the library's type="html" elements carry. */
export function feedText(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

function newFeed(publicUrl: string, locale: Locale, options: { path: string; alternate: string; title: string; subtitle: string; updated: Date; rights: string }) {
  return new Feed({
    id: `${publicUrl}${options.path}`,
    title: options.title.replace(NOT_XML, ""),
    description: options.subtitle.replace(NOT_XML, ""),
    link: `${publicUrl}${options.alternate}`,
    feedLinks: { atom: `${publicUrl}${options.path}` },
    language: locale,
    updated: options.updated,
    author: { name: "Alliance for Multilateralism", link: publicUrl },
    copyright: options.rights,
    generator: false,
  });
}

/** The public initiatives, most recently made public first (approval, else creation). */
export async function initiativesFeed(db: Executor, publicUrl: string, locale: Locale): Promise<string> {
  const publishedAt = sql<Date>`coalesce(${initiatives.reviewedAt}, ${initiatives.createdAt})`.mapWith(initiatives.createdAt);
  const [rows, t] = await Promise.all([
    db
      .select({
        slug: initiatives.slug,
        title: initiatives.title,
        summary: initiatives.summary,
        publishedAt,
        updatedAt: initiatives.updatedAt,
      })
      .from(initiatives)
      .where(inArray(initiatives.status, PUBLIC_INITIATIVE_STATUSES))
      .orderBy(desc(publishedAt), desc(initiatives.id))
      .limit(FEED_ENTRIES),
    i18nServer.getFixedT(locale, "feeds"),
  ]);
  const updated = new Date(Math.max(0, ...rows.map((row) => row.updatedAt.getTime())));
  const feed = newFeed(publicUrl, locale, {
    path: "/initiatives/feed.atom",
    alternate: "/initiatives",
    title: t("initiativesTitle"),
    subtitle: t("initiativesSubtitle"),
    updated,
    rights: t("rights"),
  });
  for (const row of rows) {
    const url = `${publicUrl}/initiatives/${row.slug}`;
    feed.addItem({
      id: url,
      link: url,
      title: feedText(row.title),
      description: feedText(row.summary),
      date: row.updatedAt,
      published: row.publishedAt,
    });
  }
  return feed.atom1();
}

/**
 * An initiative's public history, newest first: who joined, withdrew, took or left the lead.
 * Null when no public initiative has this slug.
 */
export async function initiativeEventsFeed(db: Executor, slug: string, publicUrl: string, locale: Locale): Promise<string | null> {
  const [initiative] = await db
    .select({ id: initiatives.id, slug: initiatives.slug, title: initiatives.title, updatedAt: initiatives.updatedAt })
    .from(initiatives)
    .where(and(eq(initiatives.slug, slug), inArray(initiatives.status, PUBLIC_INITIATIVE_STATUSES)))
    .limit(1);
  if (!initiative) return null;
  const [timeline, t] = await Promise.all([publicTimeline(db, initiative.id, locale, undefined, FEED_ENTRIES), i18nServer.getFixedT(locale, "feeds")]);
  const entries = [...timeline.events].reverse();
  const page = `/initiatives/${initiative.slug}`;
  const feed = newFeed(publicUrl, locale, {
    path: `${page}/feed.atom`,
    alternate: page,
    title: t("initiativeTitle", { title: initiative.title }),
    subtitle: t("initiativeSubtitle"),
    updated: entries[0]?.occurredAt ?? initiative.updatedAt,
    rights: t("rights"),
  });
  for (const event of entries) {
    const day = event.occurredAt.toISOString().slice(0, 10);
    feed.addItem({
      // Stable across rebuilds: the same event always has the same id.
      id: `${publicUrl}${page}#event-${event.occurredAt.toISOString()}-${event.kind}-${event.actorId}`,
      // The coalition as it stood that day.
      link: `${publicUrl}${page}?asOf=${day}`,
      title: feedText(t(`event.${event.kind}`, { actor: event.name, initiative: initiative.title })),
      date: event.occurredAt,
    });
  }
  return feed.atom1();
}

export function atomResponse(xml: string): Response {
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      // Public data: a short cache spares the database without hiding news for long.
      "Cache-Control": "public, max-age=300",
    },
  });
}
