// A State's flag beside its name: decorative (the name is always written next to it), served by
// us from the flag-icons set (server/flags.ts), so no third-party request leaves the page.
// Its look is one class in tailwind.css: lists repeat it up to 195 times a page.

export function Flag({ iso3 }: { iso3: string | null | undefined }) {
  if (!iso3 || !/^[A-Za-z]{3}$/.test(iso3)) return null;
  return (
    <img
      src={`/flags/${iso3.toLowerCase()}.svg`}
      alt=""
      width={20}
      height={15}
      loading="lazy"
      className="flag"
    />
  );
}
