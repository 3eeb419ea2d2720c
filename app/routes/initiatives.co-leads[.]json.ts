// GET /initiatives/co-leads.json?q=Fra: the first approved actors whose name starts with the
// text, for the co-lead field's suggestions (components/actor-search.tsx). The field used to list
// every approved actor in the page itself; now it asks for ten at a time. For representatives
// only, like the form it serves: the names are public, but this is a form's helper, not open data.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAnyRepresentative } from "~/auth/permissions.server";
import { suggestActors } from "~/domain/coalitions/actor-search.server";
import { visitorLocale } from "~/utils/public-page.server";

// Anything longer than a name is not one: answered with nothing rather than an error.
const prefix = z.string().max(200).catch("");

export async function loader(args: LoaderFunctionArgs) {
  await requireAnyRepresentative(args);
  const q = prefix.parse(new URL(args.request.url).searchParams.get("q") ?? "");
  const actors = await suggestActors(args.context.db, q, await visitorLocale(args.request));
  return new Response(JSON.stringify({ actors }), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
