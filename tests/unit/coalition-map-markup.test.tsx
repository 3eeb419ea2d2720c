// The map's markup, written as one string instead of React elements (ADR 019), rendered through
// the real component and translations: it must still name and link every State in its role,
// follow the States and the language it is given (a map that missed a join would be a bug),
// escape every name, and carry nothing the strict CSP would block.
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CoalitionMap } from "~/components/coalition-map";
import type { MapState } from "~/domain/map/states";
import { defaultNamespace } from "~/i18n/config";
import { TranslationProvider } from "~/i18n/react";
import { resources } from "~/i18n/resources";
import { createTranslator } from "~/i18n/translate";

const translatorFor = (language: string) => createTranslator({ language, resources, defaultNamespace });

const state = (iso3: string, role: MapState["role"], n: number, name: string): MapState => ({
  iso3,
  role,
  actorId: `0b6a1c5e-0000-4000-8000-00000000000${n}`,
  name,
});
const FRANCE = state("FRA", "lead", 1, "France");
const GHANA = state("GHA", "supporter", 2, "Ghana");
const KENYA = state("KEN", "supporter", 3, "Kenya");

async function render(states: MapState[], variant: "network" | "initiative", language = "en"): Promise<string> {
  return renderToString(
    <TranslationProvider translator={translatorFor(language)} translatorFor={translatorFor}>
      <CoalitionMap states={states} variant={variant} />
    </TranslationProvider>,
  );
}

const svgOf = (html: string) => html.slice(html.indexOf("<svg viewBox"), html.indexOf("</svg><figcaption"));
const shapeLink = (s: MapState) =>
  `<a href="/actors/${s.actorId}" aria-label="${s.name}"><title>${s.name}</title><use href="/map/world.svg?v=1#c-${s.iso3}"></use></a>`;

describe("the network's map (home page)", () => {
  it("draws each State as a named link to its page, in its role's colour, and lists it with its flag", async () => {
    const html = await render([FRANCE, GHANA], "network");
    expect(html).toContain('<section aria-labelledby="map-network-heading" class="mt-10"><h2 id="map-network-heading"');
    const svg = svgOf(html);
    expect(svg).toContain('role="group" aria-labelledby="map-network-title"');
    expect(svg).toContain("World map of the States taking part in at least one active initiative");
    // Supporters first, leads last (their border stays whole), each group in its role's colour.
    const supporters = svg.indexOf('<g fill="#2a8577"');
    const leads = svg.indexOf('<g fill="#0d2550"');
    expect(supporters).toBeGreaterThan(0);
    expect(leads).toBeGreaterThan(supporters);
    expect(svg.slice(supporters, leads)).toContain(shapeLink(GHANA));
    expect(svg.slice(leads)).toContain(shapeLink(FRANCE));
    expect(html).toContain("Leads at least one initiative (1)");
    expect(html).toContain("List of the 2 States on the map");
    expect(html).toContain(
      `<li><img src="/flags/gha.svg" alt="" width="20" height="15" loading="lazy" class="flag"/><a href="/actors/${GHANA.actorId}" class="underline">Ghana</a></li>`,
    );
  });

  it("follows the States it is given: a State that joins appears, one that leaves disappears", async () => {
    const before = await render([FRANCE, GHANA], "network");
    const after = await render([FRANCE, GHANA, KENYA], "network");
    expect(before).not.toContain("#c-KEN");
    expect(svgOf(after)).toContain(shapeLink(KENYA));
    expect(after).toContain("Supports initiatives (2)");
    expect(after).toContain("List of the 3 States on the map");
    const left = await render([FRANCE, KENYA], "network");
    expect(left).not.toContain("Ghana");
    expect(left).not.toContain("#c-GHA");
  });

  it("speaks the page's language", async () => {
    const fr = await render([FRANCE, { ...GHANA, name: "Ghana" }], "network", "fr");
    expect(fr).toContain("Carte du monde des États qui participent à au moins une initiative active");
    expect(fr).toContain("Liste des 2 États de la carte");
    const es = await render([{ ...FRANCE, name: "Francia" }], "network", "es");
    expect(es).toContain('aria-label="Francia"');
    expect(es).not.toContain("World map");
  });

  it("escapes every name it embeds, and carries no script, event handler or style attribute", async () => {
    const hostile = state("KOR", "supporter", 4, `<img src=x onerror="alert(1)">&'`);
    const html = await render([FRANCE, hostile], "network");
    expect(html).toContain('aria-label="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;"');
    expect(html).toContain('class="underline">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</a>');
    expect(html).not.toContain("<img src=x");
    // What the CSP would block (script-src and style-src without 'unsafe-inline'): none of it.
    const plain = await render([FRANCE, GHANA], "network");
    expect(plain).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
  });
});

describe("an initiative's map", () => {
  it("is one image whose text equivalent is the list: the States are linked in the list, not on the map", async () => {
    const html = await render([FRANCE], "initiative");
    const svg = svgOf(html);
    expect(svg).toContain('role="img" aria-labelledby="map-initiative-title"');
    expect(svg).toContain('<use href="/map/world.svg?v=1#c-FRA"></use>');
    expect(svg).not.toContain("<a ");
    // The legend names both roles, even one with no State yet; the list only those it has.
    expect(html).toContain("Lead (1)");
    expect(html).toContain("Supporter (0)");
    expect(html).toContain(`<a href="/actors/${FRANCE.actorId}" class="underline">France</a>`);
    expect(html).not.toContain("<details>");
  });

  it("says so when no State takes part", async () => {
    const html = await render([], "initiative");
    expect(html).toContain("No State takes part yet.");
    expect(html).not.toContain("<ul");
  });
});
