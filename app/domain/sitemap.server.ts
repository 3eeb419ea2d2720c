// sitemap.xml (sitemaps.org 0.9) and robots.txt: what search engines may read and where the
// public pages are. The sitemap is a fixed list of public pages plus every public initiative and
// every actor of the Alliance, with when each last changed: two statements whatever the size.
// Written by hand: a flat list of <url> elements, each value escaped, is smaller than a library.
import { desc, inArray } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actors, initiatives } from "~/db/schema";
import { supportedLanguages } from "~/i18n/config";
import { inAlliance, PUBLIC_INITIATIVE_STATUSES } from "./actors.server";

// One sitemap file holds at most 50,000 addresses (sitemaps.org).
const MAX_URLS = 50_000;
export const STATIC_PAGES = ["/", "/initiatives", "/actors", "/about", "/privacy", "/accessibility", "/open-data"];

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

function urlEntry(publicUrl: string, path: string, lastmod?: Date): string {
  const loc = `${publicUrl}${path}`;
  // Each language version is reachable by ?lng= (see app/i18n/i18next.server.ts).
  const alternates = [...supportedLanguages.map((lng) => [lng, `${loc}?lng=${lng}`]), ["x-default", loc]]
    .map(([lng, href]) => `<xhtml:link rel="alternate" hreflang="${lng}" href="${escapeXml(href!)}"/>`)
    .join("");
  return `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}${alternates}</url>`;
}

export async function sitemapXml(db: Executor, publicUrl: string): Promise<string> {
  const room = MAX_URLS - STATIC_PAGES.length;
  const initiativeRows = await db
    .select({ slug: initiatives.slug, updatedAt: initiatives.updatedAt })
    .from(initiatives)
    .where(inArray(initiatives.status, PUBLIC_INITIATIVE_STATUSES))
    .orderBy(desc(initiatives.updatedAt), desc(initiatives.id))
    .limit(room);
  const actorRows = await db
    .select({ id: actors.id, updatedAt: actors.updatedAt })
    .from(actors)
    .where(inAlliance)
    .orderBy(desc(actors.updatedAt), desc(actors.id))
    .limit(Math.max(0, room - initiativeRows.length));
  const urls = [
    ...STATIC_PAGES.map((path) => urlEntry(publicUrl, path)),
    ...initiativeRows.map((row) => urlEntry(publicUrl, `/initiatives/${row.slug}`, row.updatedAt)),
    ...actorRows.map((row) => urlEntry(publicUrl, `/actors/${row.id}`, row.updatedAt)),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`;
}

/** Public pages and the open data API are for everyone; accounts and the desk are not. */
export function robotsTxt(publicUrl: string): string {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /account",
    "Disallow: /dashboard",
    "Disallow: /secretariat",
    "Disallow: /affiliations",
    "Disallow: /initiatives/new",
    "Disallow: /initiatives/*/manage",
    "Disallow: /dev/",
    "",
    `Sitemap: ${publicUrl}/sitemap.xml`,
    "",
  ].join("\n");
}
