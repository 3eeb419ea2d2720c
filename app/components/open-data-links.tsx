// The open data of one initiative, offered where people look at it: its participants as CSV
// and the feed of who joins and withdraws (see /open-data).
import { useTranslation } from "~/i18n/react";

export function OpenDataLinks({ slug }: { slug: string }) {
  const { t } = useTranslation("discovery");
  return (
    <p className="mt-4 flex flex-wrap gap-x-6 gap-y-1 text-sm">
      <a href={`/initiatives/${slug}/supporters.csv`} download>
        {t("feeds.supportersCsv")}
      </a>
      <a href={`/initiatives/${slug}/feed.atom`} type="application/atom+xml">
        {t("feeds.initiativeLink")}
      </a>
    </p>
  );
}
