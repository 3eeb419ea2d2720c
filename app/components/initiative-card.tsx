import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { Axis, Locale, Theme } from "~/db/schema";
import { formatNumber } from "~/i18n/format";
import { AxisBadge, ClosedBadge, ThemeBadge } from "./badges";
import { InLanguage, UntranslatedNote } from "./in-language";

export interface InitiativeCardData {
  slug: string;
  title: string;
  summary: string;
  /** The language the title and summary are in: the visitor's, or the original's. */
  textLanguage?: Locale;
  axis: Axis;
  theme: Theme;
  status: string;
  leadCount: number | null;
  supporterCount: number | null;
}

export function InitiativeCard({
  initiative,
  headingLevel = 2,
}: {
  initiative: InitiativeCardData;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation("initiatives");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const leads = initiative.leadCount ?? 0;
  const supporters = initiative.supporterCount ?? 0;
  const lang = initiative.textLanguage ?? (i18n.language as Locale);
  return (
    <article className="flex h-full flex-col rounded-lg border border-slate-200 p-5 shadow-sm">
      <Heading className="text-xl font-semibold">
        <Link to={`/initiatives/${initiative.slug}`}>
          <InLanguage lang={lang}>{initiative.title}</InLanguage>
        </Link>
      </Heading>
      <p className="mt-2 flex flex-wrap gap-2">
        <AxisBadge axis={initiative.axis} />
        <ThemeBadge theme={initiative.theme} />
        <ClosedBadge status={initiative.status} />
      </p>
      <InLanguage lang={lang} as="div" className="mt-3 flex-1 text-slate-700">
        <p>{initiative.summary}</p>
      </InLanguage>
      <UntranslatedNote lang={lang} className="mt-2" />
      <p className="mt-3 text-sm text-slate-700">
        {t("card.leads", { count: leads, n: formatNumber(i18n.language, leads) })}
        <span aria-hidden="true"> · </span>
        {t("card.supporters", { count: supporters, n: formatNumber(i18n.language, supporters) })}
      </p>
    </article>
  );
}
