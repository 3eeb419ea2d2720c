// The world map's geometry, projected ONCE per process: the first call builds it from the
// world-atlas TopoJSON (Natural Earth 1:110m) and keeps it in this module; no request ever
// projects a path. Countries are matched to our States by ISO 3166-1 numeric code, through the
// same reference list the countries table is loaded from (reference-data.server.ts).
//
// Why an SVG file of its own (served at WORLD_MAP_URL by routes/map.world[.]svg.ts) rather than
// paths in the page: the pages reference the shapes with <use href="/map/world.svg?v=…#c-FRA">,
// so the geometry (about 110 kB) is neither in the JavaScript bundle nor in the loader's JSON
// nor repeated in every page's HTML: the browser fetches it once and caches it. The loader sends
// only the States to colour ({iso3, role, actorId, name}), and the same component renders the
// map on the server and after a client-side navigation, with no client code of its own.
import fs from "node:fs";
import { createRequire } from "node:module";
import { geoEqualEarth, geoPath } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import worldCountries from "world-countries";
import { MAP_HEIGHT, MAP_WIDTH } from "~/components/coalition-map-markup";
import { unStates } from "~/db/reference-data.server";

/** Below this projected area (px² in the map's viewBox) a State is drawn as a dot you can see and click. */
const MIN_AREA = 12;
const MARKER_RADIUS = 3.5;
const ANTARCTICA = "010";

export interface WorldMap {
  /** The SVG document served to browsers. */
  svg: string;
  /** ISO alpha-3 of the States drawn by their outline, and of those drawn as a dot. */
  outlined: ReadonlySet<string>;
  dotted: ReadonlySet<string>;
}

let cached: WorldMap | undefined;

export function worldMap(): WorldMap {
  cached ??= buildWorldMap();
  return cached;
}

function readAtlas(): Topology<{ countries: GeometryCollection }> {
  const file = createRequire(import.meta.url).resolve("world-atlas/countries-110m.json");
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function buildWorldMap(): WorldMap {
  const atlas = readAtlas();
  const all = feature(atlas, atlas.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const features = all.features.filter((f) => f.id !== ANTARCTICA);
  const projection = geoEqualEarth().fitExtent(
    [
      [2, 2],
      [MAP_WIDTH - 2, MAP_HEIGHT - 2],
    ],
    { type: "FeatureCollection", features },
  );
  const path = geoPath(projection).digits(1);
  const isoByNumeric = new Map(unStates().map((s) => [s.numericCode, s.iso3]));
  const latLng = new Map(worldCountries.map((c) => [c.cca3, c.latlng]));

  const outlined = new Set<string>();
  const dotted = new Set<string>();
  const base: string[] = [];
  const dots: string[] = [];
  const drawn = new Set<string>();
  for (const f of features) {
    const d = path(f);
    if (!d) continue;
    const iso3 = f.id === undefined ? undefined : isoByNumeric.get(String(f.id));
    if (iso3 && path.area(f) >= MIN_AREA) {
      outlined.add(iso3);
      base.push(`<path id="c-${iso3}" d="${d}"/>`);
    } else {
      base.push(`<path d="${d}"/>`);
      if (iso3) {
        const [x, y] = path.centroid(f);
        dots.push(dot(iso3, x, y));
        dotted.add(iso3);
      }
    }
    if (iso3) drawn.add(iso3);
  }
  // UN States too small for the 1:110m atlas (Andorra, Monaco, the Holy See, small island
  // States…) are placed from their coordinates.
  for (const state of unStates()) {
    if (drawn.has(state.iso3)) continue;
    const coordinates = latLng.get(state.iso3);
    const point = coordinates ? projection([coordinates[1], coordinates[0]]) : null;
    if (!point) continue;
    dots.push(dot(state.iso3, point[0], point[1]));
    dotted.add(state.iso3);
  }
  // Shapes carry no fill or stroke of their own: each <use> gives them the colour of their role.
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}">`,
    `<defs>${dots.join("")}</defs>`,
    `<g id="base">${base.join("")}</g>`,
    "</svg>",
  ].join("\n");
  return { svg, outlined, dotted };
}

function dot(iso3: string, x: number, y: number): string {
  return `<circle id="c-${iso3}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${MARKER_RADIUS}"/>`;
}
