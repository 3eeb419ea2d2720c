// The world map of the States taking part: an initiative's leads and supporters, or the whole
// network on the home page. Rendered as plain SVG (no client-side JavaScript); each State is a
// <use> of its shape in the cached world map file (see app/domain/map/world.server.ts for why),
// coloured by role. Colour is never the only cue: the legend names the roles, and the list
// beside the map names every State with its role. On the home page each State is a link to its
// page, focusable by keyboard and named; on an initiative page the map is one image whose text
// equivalent is the list.
//
// Up to 195 States, each drawn and listed: what each one repeats is kept to its href and name
// (issue 9: the map may cost no more than a directory page). Colour, stroke and the hover and
// focus styles are set once per role on a <g> and in tailwind.css (.coalition-map), and the
// list's links are plain <a>: a router <Link> resolves its href per render, 195 times.
import { useTranslation } from "react-i18next";
import type { MapState } from "~/domain/map/states";
import { formatNumber } from "~/i18n/format";
import { Flag } from "./flag";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;
/** Bump `v` whenever world.server.ts draws differently: browsers keep the file for a year. */
export const WORLD_MAP_URL = "/map/world.svg?v=1";

// Contrast of at least 3:1 between each pair (land 0.71, supporter 0.19, lead 0.02 relative
// luminance), and with the white borders, so the roles read apart for most colour visions.
const FILL = { land: "#d7dde5", supporter: "#2a8577", lead: "#0d2550" } as const;

type Variant = "initiative" | "network";

function Swatch({ fill }: { fill: string }) {
  return (
    <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" className="mr-2 inline-block shrink-0 align-[-0.15em]">
      <rect x="0.5" y="0.5" width="15" height="15" fill={fill} stroke="#475569" />
    </svg>
  );
}

export function CoalitionMap({ states, variant }: { states: MapState[]; variant: Variant }) {
  const { t, i18n } = useTranslation("map");
  // One map per page: fixed ids keep server and client renderings identical.
  const id = `map-${variant}`;
  const titleId = `${id}-title`;
  const leads = states.filter((s) => s.role === "lead");
  const supporters = states.filter((s) => s.role === "supporter");
  const groups = [
    { role: "supporter" as const, members: supporters },
    { role: "lead" as const, members: leads },
  ];
  const n = (count: number) => formatNumber(i18n.language, count);
  const linked = variant === "network";
  const legend = [
    { role: "lead" as const, members: leads, label: t(linked ? "legend.networkLead" : "legend.lead") },
    { role: "supporter" as const, members: supporters, label: t(linked ? "legend.networkSupporter" : "legend.supporter") },
  ];
  const list = (
    <div className="space-y-4">
      {legend.map(({ role, members, label }) =>
        members.length > 0 ? (
          <div key={role}>
            <h3 className="flex items-center font-semibold">
              <Swatch fill={FILL[role]} />
              {t("list.group", { label, n: n(members.length) })}
            </h3>
            <ul className="mt-1 grid gap-x-4 gap-y-0.5 sm:grid-cols-2 lg:grid-cols-1">
              {members.map((state) => (
                <li key={state.actorId}>
                  <Flag iso3={state.iso3} />
                  <a href={`/actors/${state.actorId}`} className="underline">
                    {state.name}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </div>
  );
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-10">
      <h2 id={`${id}-heading`} className="text-2xl font-semibold">
        {t(linked ? "network.heading" : "initiative.heading")}
      </h2>
      {linked ? <p className="mt-2 max-w-3xl text-slate-700">{t("network.intro")}</p> : null}
    <div className="mt-4 grid gap-6 lg:grid-cols-[3fr_1fr]">
      <figure>
        {linked && states.length > 0 ? (
          <a href={`#${id}-after`} className="sr-only focus:not-sr-only focus:mb-2 focus:inline-block">
            {t("network.skip")}
          </a>
        ) : null}
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          className="coalition-map h-auto w-full rounded bg-sky-50"
          role={linked ? "group" : "img"}
          aria-labelledby={titleId}
        >
          <title id={titleId}>{t(linked ? "network.title" : "initiative.title")}</title>
          <use href={`${WORLD_MAP_URL}#base`} fill={FILL.land} stroke="#ffffff" strokeWidth={0.5} />
          {/* Leads last, so their border stays whole where they touch a supporter. */}
          {groups.map(({ role, members }) =>
            members.length > 0 ? (
              <g key={role} fill={FILL[role]} stroke="#ffffff" strokeWidth={0.75}>
                {members.map((state) =>
                  linked ? (
                    <a key={state.actorId} href={`/actors/${state.actorId}`} aria-label={state.name}>
                      <title>{state.name}</title>
                      <use href={`${WORLD_MAP_URL}#c-${state.iso3}`} />
                    </a>
                  ) : (
                    <use key={state.iso3} href={`${WORLD_MAP_URL}#c-${state.iso3}`} />
                  ),
                )}
              </g>
            ) : null,
          )}
        </svg>
        <figcaption className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-800">
          {states.length === 0 ? (
            <span>{t(linked ? "network.none" : "initiative.none")}</span>
          ) : (
            legend.map(({ role, members, label }) => (
              <span key={role} className="inline-flex items-center">
                <Swatch fill={FILL[role]} />
                {t("legend.count", { label, n: n(members.length) })}
              </span>
            ))
          )}
        </figcaption>
      </figure>
      <div id={`${id}-after`}>
        {states.length === 0 ? null : linked ? (
          <details>
            <summary className="cursor-pointer font-semibold text-brand-700 underline">
              {t("network.listSummary", { n: n(states.length) })}
            </summary>
            <div className="mt-3">{list}</div>
          </details>
        ) : (
          list
        )}
      </div>
    </div>
    </section>
  );
}
