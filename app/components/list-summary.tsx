import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatNumber } from "~/i18n/format";

/**
 * The line above a directory's results: how many match, or, for a page number past the
 * end of the list, a way back to its first page.
 */
export function ListSummary({
  total,
  page,
  pageCount,
  resultsKey,
  emptyKey,
  firstPageHref,
  namespace,
}: {
  total: number;
  page: number;
  pageCount: number;
  resultsKey: string;
  emptyKey: string;
  firstPageHref: string;
  namespace: "initiatives" | "actors";
}) {
  const { t, i18n } = useTranslation([namespace, "common"]);
  if (total === 0) return <p className="mt-6 text-lg">{t(emptyKey)}</p>;
  if (page > pageCount) {
    return (
      <p className="mt-6 text-lg">
        {t("common:emptyPage", { page: formatNumber(i18n.language, page) })}{" "}
        <Link to={firstPageHref} className="underline">
          {t("common:backToFirstPage")}
        </Link>
      </p>
    );
  }
  return (
    <p className="mt-6 text-lg font-medium">{t(resultsKey, { count: total, n: formatNumber(i18n.language, total) })}</p>
  );
}
