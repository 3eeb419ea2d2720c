// The coalition map's markup written as one string, not as React elements (ADR 019). The home
// page's map is up to 195 States, each drawn as a link and listed with its flag: about 1,200
// elements that React rebuilt and serialised on every request, which made the map cost more
// than a whole directory page (issue 9). Joining strings costs a small fraction of that, and
// the same pure function runs in the browser on hydration and after a client-side navigation,
// so the markup is identical on both sides and the page ships only the States (in the loader's
// data), never the markup twice. Everything it embeds is escaped here, since React no longer does.
import type { MapState } from "~/domain/map/states";
import { flagHtml } from "./flag";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;
/** Bump `v` whenever world.server.ts draws differently: browsers keep the file for a year. */
export const WORLD_MAP_URL = "/map/world.svg?v=1";

// Contrast of at least 3:1 between each pair (land 0.71, supporter 0.19, lead 0.02 relative
// luminance), and with the white borders, so the roles read apart for most colour visions.
export const FILL = { land: "#d7dde5", supporter: "#2a8577", lead: "#0d2550" } as const;

export type MapVariant = "initiative" | "network";

/** The map's texts, already translated into the page's language (see mapTexts in coalition-map.tsx). */
export interface MapTexts {
  heading: string;
  intro: string | null;
  title: string;
  skip: string;
  none: string;
  /** A group's heading in the list, and its entry in the legend. */
  group: (label: string, n: number) => string;
  legend: (label: string, n: number) => string;
  listSummary: (n: number) => string;
  lead: string;
  supporter: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value made safe to place in HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const swatch = (fill: string) =>
  `<svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" class="mr-2 inline-block shrink-0 align-[-0.15em]"><rect x="0.5" y="0.5" width="15" height="15" fill="${fill}" stroke="#475569"></rect></svg>`;

/** A State's page: actor ids are UUIDs, escaped all the same. */
const actorHref = (state: MapState) => `/actors/${escapeHtml(state.actorId)}`;
const shapeHref = (state: MapState) => `${WORLD_MAP_URL}#c-${escapeHtml(state.iso3)}`;

/**
 * The inside of the map's <section>: heading, the SVG (each State a <use> of its shape in the
 * cached world map file, coloured by role; on the network map a named link to its page), the
 * legend, and the list of States by role that is the map's text equivalent.
 */
export function coalitionMapMarkup(states: readonly MapState[], variant: MapVariant, texts: MapTexts): string {
  // One map per page: fixed ids keep server and client renderings identical.
  const id = `map-${variant}`;
  const linked = variant === "network";
  const leads = states.filter((s) => s.role === "lead");
  const supporters = states.filter((s) => s.role === "supporter");
  const legend = [
    { role: "lead" as const, members: leads, label: texts.lead },
    { role: "supporter" as const, members: supporters, label: texts.supporter },
  ];
  const out: string[] = [];

  out.push(`<h2 id="${id}-heading" class="text-2xl font-semibold">${escapeHtml(texts.heading)}</h2>`);
  if (linked && texts.intro) out.push(`<p class="mt-2 max-w-3xl text-slate-700">${escapeHtml(texts.intro)}</p>`);
  out.push('<div class="mt-4 grid gap-6 lg:grid-cols-[3fr_1fr]"><figure>');
  if (linked && states.length > 0) {
    out.push(
      `<a href="#${id}-after" class="sr-only focus:not-sr-only focus:mb-2 focus:inline-block">${escapeHtml(texts.skip)}</a>`,
    );
  }
  out.push(
    `<svg viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" class="coalition-map h-auto w-full rounded bg-sky-50" role="${linked ? "group" : "img"}" aria-labelledby="${id}-title">`,
    `<title id="${id}-title">${escapeHtml(texts.title)}</title>`,
    `<use href="${WORLD_MAP_URL}#base" fill="${FILL.land}" stroke="#ffffff" stroke-width="0.5"></use>`,
  );
  // Leads last, so their border stays whole where they touch a supporter.
  for (const [role, members] of [["supporter", supporters], ["lead", leads]] as const) {
    if (members.length === 0) continue;
    out.push(`<g fill="${FILL[role]}" stroke="#ffffff" stroke-width="0.75">`);
    for (const state of members) {
      if (linked) {
        const name = escapeHtml(state.name);
        out.push(`<a href="${actorHref(state)}" aria-label="${name}"><title>${name}</title><use href="${shapeHref(state)}"></use></a>`);
      } else {
        out.push(`<use href="${shapeHref(state)}"></use>`);
      }
    }
    out.push("</g>");
  }
  out.push('</svg><figcaption class="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-800">');
  if (states.length === 0) {
    out.push(`<span>${escapeHtml(texts.none)}</span>`);
  } else {
    for (const { role, members, label } of legend) {
      out.push(`<span class="inline-flex items-center">${swatch(FILL[role])}${escapeHtml(texts.legend(label, members.length))}</span>`);
    }
  }
  out.push(`</figcaption></figure><div id="${id}-after">`);
  if (states.length > 0) {
    if (linked) {
      out.push(
        `<details><summary class="cursor-pointer font-semibold text-brand-700 underline">${escapeHtml(texts.listSummary(states.length))}</summary><div class="mt-3">`,
      );
    }
    out.push('<div class="space-y-4">');
    for (const { role, members, label } of legend) {
      if (members.length === 0) continue;
      out.push(
        `<div><h3 class="flex items-center font-semibold">${swatch(FILL[role])}${escapeHtml(texts.group(label, members.length))}</h3>`,
        '<ul class="mt-1 grid gap-x-4 gap-y-0.5 sm:grid-cols-2 lg:grid-cols-1">',
      );
      for (const state of members) {
        out.push(`<li>${flagHtml(state.iso3)}<a href="${actorHref(state)}" class="underline">${escapeHtml(state.name)}</a></li>`);
      }
      out.push("</ul></div>");
    }
    out.push("</div>");
    if (linked) out.push("</div></details>");
  }
  out.push("</div></div>");
  return out.join("");
}
