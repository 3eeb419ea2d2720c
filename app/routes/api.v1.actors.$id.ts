import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublicActor } from "~/domain/actors.server";
import { actorJson } from "~/domain/open-data.server";
import { actorId } from "~/domain/public-query";
import { apiJson, apiNotFound, apiPreflight, apiReadOnly } from "~/utils/api-response.server";

// Public, open data: one approved actor and the initiatives it takes part in.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const preflight = apiPreflight(request);
  if (preflight) return preflight;
  const id = actorId.safeParse(params.id);
  const actor = id.success ? await getPublicActor(context.db, id.data, "en") : null;
  if (!actor) return apiNotFound("No approved actor has this id.");
  return apiJson({ data: actorJson(actor, context.publicUrl) });
}

export const action = apiReadOnly;
