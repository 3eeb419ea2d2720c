import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ActorKind } from "~/db/schema";
import { actorKinds } from "~/domain/public-query";
import { formatNumber } from "~/i18n/format";

export interface ParticipantData {
  actorId: string;
  name: string;
  shortName: string | null;
  kind: ActorKind;
  countryName: string | null;
}

function ParticipantName({ participant }: { participant: ParticipantData }) {
  const { t } = useTranslation();
  const abbreviation =
    participant.shortName && participant.shortName !== participant.name ? ` (${participant.shortName})` : "";
  return (
    <>
      <Link to={`/actors/${participant.actorId}`}>
        {participant.name}
        {abbreviation}
      </Link>
      {participant.kind === "state" ? null : (
        <span className="text-slate-700"> · {t(`actorKind.${participant.kind}`)}</span>
      )}
    </>
  );
}

export function LeadList({ leads }: { leads: ParticipantData[] }) {
  return (
    <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
      {leads.map((lead) => (
        <li key={lead.actorId}>
          <ParticipantName participant={lead} />
        </li>
      ))}
    </ul>
  );
}

/** Supporters grouped by kind of actor, states first, with the size of each group. */
export function SupporterGroups({ supporters }: { supporters: ParticipantData[] }) {
  const { t, i18n } = useTranslation(["initiatives", "common"]);
  const groups = actorKinds
    .map((kind) => ({ kind, members: supporters.filter((s) => s.kind === kind) }))
    .filter((group) => group.members.length > 0);
  return (
    <>
      {groups.map(({ kind, members }) => (
        <section key={kind} aria-labelledby={`supporters-${kind}`} className="mt-5">
          <h3 id={`supporters-${kind}`} className="text-lg font-semibold">
            {t("detail.kindCount", {
              kind: t(`common:actorKindPlural.${kind}`),
              n: formatNumber(i18n.language, members.length),
            })}
          </h3>
          <ul className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
            {members.map((member) => (
              <li key={member.actorId}>
                <Link to={`/actors/${member.actorId}`}>
                  {member.name}
                  {member.shortName && member.shortName !== member.name ? ` (${member.shortName})` : ""}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
