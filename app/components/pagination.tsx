import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatNumber } from "~/i18n/format";

// First, last, and two pages either side of the current one; gaps stand for the rest.
function visiblePages(page: number, pageCount: number): (number | "gap")[] {
  const pages = new Set([1, pageCount]);
  for (let n = page - 2; n <= page + 2; n++) if (n >= 1 && n <= pageCount) pages.add(n);
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((n, i) => (i > 0 && n - sorted[i - 1]! > 1 ? ["gap" as const, n] : [n]));
}

const linkClass =
  "inline-block min-w-10 rounded border border-slate-300 px-3 py-2 text-center no-underline hover:bg-brand-50";

/** Plain links, so paging works without JavaScript; `hrefFor` keeps the list's filters. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  const { t, i18n } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("pagination.label")} className="mt-8">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <Link to={hrefFor(Math.min(page - 1, pageCount))} rel="prev" className={linkClass}>
              <span aria-hidden="true">← </span>
              {t("pagination.previous")}
            </Link>
          </li>
        ) : null}
        {visiblePages(Math.min(page, pageCount), pageCount).map((n, i, all) =>
          n === "gap" ? (
            // A gap always precedes a page number, which names it.
            <li key={`gap-before-${all[i + 1]}`} aria-hidden="true" className="px-1 text-slate-700">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                to={hrefFor(n)}
                aria-label={t("pagination.page", { n: formatNumber(i18n.language, n) })}
                aria-current={n === page ? "page" : undefined}
                className={`${linkClass} ${
                  n === page ? "border-brand-700 bg-brand-700 font-semibold text-white hover:bg-brand-800" : ""
                }`}
              >
                {formatNumber(i18n.language, n)}
              </Link>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next" className={linkClass}>
              {t("pagination.next")}
              <span aria-hidden="true"> →</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
