// Public: the world map's shapes, which pages reference with <use href> (see
// app/domain/map/world.server.ts). Built once per process; the URL carries a version
// (WORLD_MAP_URL), so browsers and caches may keep it for a year.
import { worldMap } from "~/domain/map/world.server";

export function loader() {
  return new Response(worldMap().svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
