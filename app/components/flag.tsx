// A State's flag beside its name: decorative (the name is always written next to it), served by
// us from the flag-icons set (server/flags.ts), so no third-party request leaves the page.
// Its look is one class in tailwind.css: lists repeat it up to 195 times a page. The same <img>
// exists as a string for the map's list, which is written without React (coalition-map-markup.ts).

const ISO3 = /^[A-Za-z]{3}$/;
const flagSrc = (iso3: string) => `/flags/${iso3.toLowerCase()}.svg`;

export function Flag({ iso3 }: { iso3: string | null | undefined }) {
  if (!iso3 || !ISO3.test(iso3)) return null;
  return <img src={flagSrc(iso3)} alt="" width={20} height={15} loading="lazy" className="flag" />;
}

/** The markup <Flag> renders, as a string ("" when there is no valid code). */
export function flagHtml(iso3: string | null | undefined): string {
  if (!iso3 || !ISO3.test(iso3)) return "";
  return `<img src="${flagSrc(iso3)}" alt="" width="20" height="15" loading="lazy" class="flag"/>`;
}
