import type { LoaderFunctionArgs } from "@remix-run/node";
import { atomResponse, initiativeEventsFeed } from "~/domain/feeds.server";
import { initiativeSlug } from "~/domain/public-query";
import { visitorLocale } from "~/utils/public-page.server";

// Public: the Atom feed of one initiative's joins, withdrawals and changes of lead.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = initiativeSlug.safeParse(params.slug);
  const xml = slug.success ? await initiativeEventsFeed(context.db, slug.data, context.publicUrl, await visitorLocale(request)) : null;
  if (xml === null) throw new Response("Not Found", { status: 404 });
  return atomResponse(xml);
}
