// The world map: which States it colours, in which role, for a demo initiative and for the whole
// demo network; and the geometry every State needs to be drawn, built once.
import { describe, expect, it } from "vitest";
import { DEMO_INITIATIVES, type DemoInitiative } from "~/db/seed/demo-content";
import { mapStates, type MapParticipant } from "~/domain/map/states";
import { worldMap } from "~/domain/map/world.server";
import { unStates } from "~/db/reference-data.server";

/** The active participations the demo seed writes for some initiatives, as the loaders read them. */
function participantsOf(initiatives: DemoInitiative[]): MapParticipant[] {
  return initiatives.flatMap((initiative) =>
    (["lead", "supporter"] as const).flatMap((role) =>
      (role === "lead" ? initiative.leads : initiative.supporters).map((ref) => ({
        // States are upper-case ISO codes in the demo content, organisations lower-case keys.
        actorId: `actor-${ref}`,
        kind: ref === ref.toUpperCase() ? ("state" as const) : ("ngo" as const),
        countryCode: ref === ref.toUpperCase() ? ref : "CHE",
        name: ref,
        role,
      })),
    ),
  );
}

const roles = (states: ReturnType<typeof mapStates>) => Object.fromEntries(states.map((s) => [s.iso3, s.role]));
const demo = (slug: string) => {
  const found = DEMO_INITIATIVES.find((i) => i.slug === slug);
  if (!found) throw new Error(`no demo initiative ${slug}`);
  return found;
};

describe("the States on an initiative's map", () => {
  const paris = roles(mapStates(participantsOf([demo("paris-call-for-trust-and-security-in-cyberspace")])));

  it("colours its leads and supporters by role", () => {
    expect(Object.entries(paris).filter(([, role]) => role === "lead").map(([iso3]) => iso3).sort()).toEqual(["FRA", "SGP"]);
    expect(paris).toMatchObject({ USA: "supporter", KOR: "supporter", GBR: "supporter", KEN: "supporter" });
    expect(Object.keys(paris)).toHaveLength(26);
  });

  it("leaves out organisations (their headquarters country is not taking part) and the State that withdrew", () => {
    expect(paris.CHE).toBe("supporter"); // Switzerland supports it in its own name
    expect(paris.ARG).toBeUndefined();
    expect(mapStates(participantsOf([demo("protecting-journalists-in-armed-conflict")]))).toEqual([]);
  });
});

describe("the network's map", () => {
  const network = roles(mapStates(participantsOf(DEMO_INITIATIVES.filter((i) => i.status === "active"))));

  it("shows each State once, as a lead if it leads any active initiative", () => {
    const leads = Object.entries(network).filter(([, role]) => role === "lead").map(([iso3]) => iso3).sort();
    expect(leads).toEqual(["CAN", "CHL", "DEU", "FRA", "GHA", "MEX", "NRU", "SGP"]);
    // Ghana leads one coalition and supports others: it is a lead on the network map.
    expect(network.GHA).toBe("lead");
    expect(network).toMatchObject({ CIV: "supporter", TUV: "supporter", LKA: "supporter", ARG: "supporter" });
  });

  it("names States in the visitor's order, each once", () => {
    const states = mapStates([
      { actorId: "b", kind: "state", countryCode: "ESP", name: "España", role: "supporter" },
      { actorId: "a", kind: "state", countryCode: "AUT", name: "Austria", role: "supporter" },
      { actorId: "b", kind: "state", countryCode: "ESP", name: "España", role: "lead" },
      { actorId: "c", kind: "state", countryCode: "DEU", name: "Alemania", role: "supporter" },
    ], "es");
    expect(states.map((s) => [s.iso3, s.role])).toEqual([["DEU", "supporter"], ["AUT", "supporter"], ["ESP", "lead"]]);
  });
});

describe("the world map's geometry", () => {
  const map = worldMap();

  it("has a shape for every UN State: an outline, or a dot where the atlas is too coarse", () => {
    for (const state of unStates()) {
      expect(map.svg, state.iso3).toContain(`id="c-${state.iso3}"`);
    }
    expect(map.outlined.has("FRA")).toBe(true);
    expect(map.outlined.has("BRA")).toBe(true);
    for (const small of ["VAT", "MCO", "NRU", "TUV", "SGP"]) expect(map.dotted.has(small), small).toBe(true);
  });

  it("is computed once and stays small", () => {
    expect(worldMap()).toBe(map);
    expect(map.svg.length).toBeLessThan(150_000);
    expect(map.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 960 470">/);
  });
});
