// The world map of the States taking part: an initiative's leads and supporters, or the whole
// network on the home page. Rendered as plain SVG (no client-side JavaScript of its own); each
// State is a <use> of its shape in the cached world map file (see app/domain/map/world.server.ts
// for why), coloured by role. Colour is never the only cue: the legend names the roles, and the
// list beside the map names every State with its role. On the home page each State is a link to
// its page, focusable by keyboard and named; on an initiative page the map is one image whose
// text equivalent is the list.
//
// Up to 195 States, each drawn and listed: the markup is one string from
// coalition-map-markup.ts, which this component places in its <section> (ADR 019: React
// building ~1,200 elements per request made the home page's map cost more than a directory
// page). The string is built from the loader's States and this page's translations, on the
// server and again, identical, in the browser; it holds no script and no style attribute, so
// the strict CSP holds. Colour, stroke and the hover and focus styles are set once per role on
// a <g> and in tailwind.css (.coalition-map).
import { useTranslation } from "~/i18n/react";
import type { MapState } from "~/domain/map/states";
import { formatNumber } from "~/i18n/format";
import { coalitionMapMarkup, type MapTexts, type MapVariant } from "./coalition-map-markup";

export { MAP_HEIGHT, MAP_WIDTH, WORLD_MAP_URL } from "./coalition-map-markup";

export function CoalitionMap({ states, variant }: { states: MapState[]; variant: MapVariant }) {
  const { t, i18n } = useTranslation("map");
  const n = (count: number) => formatNumber(i18n.language, count);
  const linked = variant === "network";
  const texts: MapTexts = {
    heading: t(linked ? "network.heading" : "initiative.heading"),
    intro: linked ? t("network.intro") : null,
    title: t(linked ? "network.title" : "initiative.title"),
    skip: t("network.skip"),
    none: t(linked ? "network.none" : "initiative.none"),
    group: (label, count) => t("list.group", { label, n: n(count) }),
    legend: (label, count) => t("legend.count", { label, n: n(count) }),
    listSummary: (count) => t("network.listSummary", { n: n(count) }),
    lead: t(linked ? "legend.networkLead" : "legend.lead"),
    supporter: t(linked ? "legend.networkSupporter" : "legend.supporter"),
  };
  return (
    <section
      aria-labelledby={`map-${variant}-heading`}
      className="mt-10"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: every value is escaped where the markup is built (coalition-map-markup.ts, tested); identical on server and client, so hydration keeps it.
      dangerouslySetInnerHTML={{ __html: coalitionMapMarkup(states, variant, texts) }}
    />
  );
}
