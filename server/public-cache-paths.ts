// The pages and API paths whose anonymous GETs the public page cache may answer (see
// server/page-cache.ts and docs/decisions/015-public-page-cache.md). A path not listed here is
// always rendered. To cache a new public page or feed, add one pattern: it must show nothing
// that depends on who asks besides the language (a signed-in visitor never reaches the cache).
export const CACHEABLE_PATHS: readonly RegExp[] = [
  /^\/$/,
  /^\/initiatives$/,
  /^\/initiatives\/[a-z0-9-]+$/,
  /^\/actors$/,
  /^\/actors\/[0-9a-f-]+$/,
  /^\/meetings$/,
  /^\/search$/,
  /^\/open-data$/,
  /^\/sitemap\.xml$/,
  // Feeds and exports under the public paths: /initiatives.atom, /meetings.ics, /actors.csv, …
  /^\/(initiatives|actors|meetings|search|open-data)(\/[a-z0-9-]+)*\.(atom|ics|csv)$/,
  /^\/api\/v1\/.+$/,
];

export function isCacheablePath(pathname: string): boolean {
  return CACHEABLE_PATHS.some((pattern) => pattern.test(pathname));
}
