import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { ActorKind } from "~/db/schema";
import { formatNumber } from "~/i18n/format";
import { Flag } from "./flag";

export interface ActorCardData {
  id: string;
  kind: ActorKind;
  category: string | null;
  name: string;
  shortName: string | null;
  countryName: string | null;
  countryCode?: string | null;
  initiativeCount: number | null;
  inAlliance: boolean;
}

export function ActorCard({ actor }: { actor: ActorCardData }) {
  const { t, i18n } = useTranslation(["actors", "common"]);
  const count = actor.initiativeCount ?? 0;
  const kind =
    actor.kind === "other" && actor.category && actor.category !== "other"
      ? t(`common:actorCategory.${actor.category}`)
      : t(`common:actorKind.${actor.kind}`);
  return (
    <article className="h-full rounded-lg border border-slate-200 p-4 shadow-sm">
      <h2 className="text-lg font-semibold">
        {actor.kind === "state" ? <Flag iso3={actor.countryCode} /> : null}
        <Link to={`/actors/${actor.id}`}>
          {actor.name}
          {actor.shortName && actor.shortName !== actor.name ? ` (${actor.shortName})` : ""}
        </Link>
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {kind}
        {actor.kind !== "state" && actor.countryName ? ` · ${t("list.basedIn", { country: actor.countryName })}` : ""}
      </p>
      {actor.inAlliance ? null : <p className="mt-2 text-sm font-medium text-amber-900">{t("list.notInAlliance")}</p>}
      <p className="mt-2 text-sm text-slate-700">
        {count > 0
          ? t("list.initiativeCount", { count, n: formatNumber(i18n.language, count) })
          : t("list.noInitiatives")}
      </p>
    </article>
  );
}
