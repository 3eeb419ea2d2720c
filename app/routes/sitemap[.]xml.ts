import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapXml } from "~/domain/sitemap.server";

// Public: the addresses of the public pages, for search engines.
export async function loader({ context }: LoaderFunctionArgs) {
  return new Response(await sitemapXml(context.db, context.publicUrl), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
