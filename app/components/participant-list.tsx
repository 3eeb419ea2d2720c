import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { ActorKind } from "~/db/schema";
import { formatDate, formatNumber } from "~/i18n/format";
import { Flag } from "./flag";

export interface ParticipantData {
  actorId: string;
  name: string;
  shortName: string | null;
  kind: ActorKind;
  countryName: string | null;
  /** ISO alpha-3 of a State (its flag is shown beside its name). */
  countryCode?: string | null;
  /** When the actor's current participation began. */
  since: string | Date;
}

/** "since 26 September 2019", for a reader who wants to know how long an actor has been in. */
function Since({ date }: { date: string | Date }) {
  const { t, i18n } = useTranslation("coalitions");
  return (
    <span className="text-slate-700">
      {" · "}
      <time dateTime={new Date(date).toISOString()}>{t("since", { date: formatDate(i18n.language, date) })}</time>
    </span>
  );
}

function ParticipantName({ participant }: { participant: ParticipantData }) {
  const { t } = useTranslation();
  const abbreviation =
    participant.shortName && participant.shortName !== participant.name ? ` (${participant.shortName})` : "";
  return (
    <>
      {participant.kind === "state" ? <Flag iso3={participant.countryCode} /> : null}
      {/* Underlined: the date beside it makes it a link within text (WCAG 1.4.1). */}
      <Link to={`/actors/${participant.actorId}`} className="underline">
        {participant.name}
        {abbreviation}
      </Link>
      {participant.kind === "state" ? null : (
        <span className="text-slate-700"> · {t(`actorKind.${participant.kind}`)}</span>
      )}
      <Since date={participant.since} />
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

export interface SupporterGroup {
  kind: ActorKind;
  /** How many supporters of this kind there are in all. */
  total: number;
  /** The first of them, in name order. */
  members: ParticipantData[];
}

/** Supporters grouped by kind of actor, states first, with the size of each group and a link to all of them. */
export function SupporterGroups({ groups, initiativeSlug }: { groups: SupporterGroup[]; initiativeSlug: string }) {
  const { t, i18n } = useTranslation(["initiatives", "common"]);
  return (
    <>
      {groups.map(({ kind, total, members }) => (
        <section key={kind} aria-labelledby={`supporters-${kind}`} className="mt-5">
          <h3 id={`supporters-${kind}`} className="text-lg font-semibold">
            {t("detail.kindCount", {
              kind: t(`common:actorKindPlural.${kind}`),
              n: formatNumber(i18n.language, total),
            })}
          </h3>
          <ul className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
            {members.map((member) => (
              <li key={member.actorId}>
                {member.kind === "state" ? <Flag iso3={member.countryCode} /> : null}
                <Link to={`/actors/${member.actorId}`} className="underline">
                  {member.name}
                  {member.shortName && member.shortName !== member.name ? ` (${member.shortName})` : ""}
                </Link>
                <Since date={member.since} />
              </li>
            ))}
          </ul>
          {total > members.length ? (
            <p className="mt-2">
              <Link to={`/actors?${new URLSearchParams({ initiative: initiativeSlug, kind })}`} className="underline">
                {t("detail.seeAllOfKind", { kind: t(`common:actorKindPlural.${kind}`) })}
              </Link>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
