import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import type { Axis, Theme } from "~/db/schema";

const badge = "inline-flex items-center rounded-full px-3 py-0.5 text-sm font-medium";

function Badge({ className, children }: { className: string; children: ReactNode }) {
  return <span className={`${badge} ${className}`}>{children}</span>;
}

export function AxisBadge({ axis }: { axis: Axis }) {
  const { t } = useTranslation();
  return <Badge className="border border-brand-600 bg-brand-50 text-brand-800">{t(`axis.${axis}`)}</Badge>;
}

export function ThemeBadge({ theme }: { theme: Theme }) {
  const { t } = useTranslation();
  return <Badge className="bg-slate-100 text-slate-800">{t(`theme.${theme}`)}</Badge>;
}

/** Active is the normal state of a public initiative; only a closed one is worth a badge. */
export function ClosedBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (status !== "closed") return null;
  return <Badge className="bg-amber-100 text-amber-900">{t("initiativeStatus.closed")}</Badge>;
}
