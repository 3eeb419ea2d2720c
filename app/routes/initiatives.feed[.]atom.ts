import type { LoaderFunctionArgs } from "@remix-run/node";
import { atomResponse, initiativesFeed } from "~/domain/feeds.server";
import { visitorLocale } from "~/utils/public-page.server";

// Public: the Atom feed of the initiatives, newest first (in the language of ?lng=, else the reader's).
export async function loader({ request, context }: LoaderFunctionArgs) {
  return atomResponse(await initiativesFeed(context.db, context.publicUrl, await visitorLocale(request)));
}
