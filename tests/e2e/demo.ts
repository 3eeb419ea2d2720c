// What the demo data set (app/db/seed/demo-content.ts) holds, as the specs rely on it.
import type { APIRequestContext } from "@playwright/test";

export const PARIS_CALL = {
  slug: "paris-call-for-trust-and-security-in-cyberspace",
  title: "Paris Call for Trust and Security in Cyberspace",
};
export const CLIMATE = { slug: "climate-and-security", title: "Climate and security" };
export const GENDER = { slug: "gender-at-the-centre", title: "Gender at the Centre Initiative" };
/** Six active initiatives and one closed one are public; a submitted proposal is not. */
export const PUBLIC_INITIATIVES = 7;
export const ACTIVE_INITIATIVES = 6;
export const NEW_GOVERNANCE_INITIATIVES = 3;
export const UN_STATES = 195;
/** States with an approved representative or an active participation: the Alliance's States. */
export const STATES_IN_ALLIANCE = 78;
export const GERMANY = { en: "Germany", fr: "Allemagne", es: "Alemania" };

/** The id of an approved actor, found through the open data API. */
export async function actorIdByName(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.get(`/api/v1/actors?q=${encodeURIComponent(name)}`);
  const body = (await response.json()) as { data: { id: string; name: string }[] };
  const actor = body.data.find((a) => a.name === name);
  if (!actor) throw new Error(`no approved actor named ${name}`);
  return actor.id;
}
