import type { LoaderFunctionArgs } from "@remix-run/node";
import { robotsTxt } from "~/domain/sitemap.server";

// Public: what crawlers may read, and where the sitemap is (an absolute address, from APP_URL).
export function loader({ context }: LoaderFunctionArgs) {
  return new Response(robotsTxt(context.publicUrl), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
