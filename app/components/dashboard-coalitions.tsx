// The coalition side of /dashboard for a representative: requests waiting for their decision as
// a lead, invitations to co-lead waiting for their answer, and the requests to join they made,
// each with a link to where it is acted on. Its own component so the dashboard's other sections
// (affiliations, meetings) grow without touching it.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatDate } from "~/i18n/format";

interface Item {
  id: string;
  actorName: string;
  slug: string;
  title: string;
  at: string | Date;
}

interface Props {
  requestsToDecide: Item[];
  invitations: Item[];
  requestsMade: Item[];
}

export function CoalitionTasks({ requestsToDecide, invitations, requestsMade }: Props) {
  const { t, i18n } = useTranslation("coalitionWork");
  const date = (at: string | Date) => formatDate(i18n.language, at);
  const nothing = requestsToDecide.length + invitations.length + requestsMade.length === 0;
  return (
    <section aria-labelledby="coalition-tasks-title">
      <h2 id="coalition-tasks-title" className="mb-4 text-2xl font-semibold">
        {t("dashboard.title")}
      </h2>
      {nothing ? <p>{t("dashboard.nothing")}</p> : null}
      <div className="grid gap-6 md:grid-cols-2">
        {requestsToDecide.length > 0 ? (
          <Panel id="to-decide" heading={t("dashboard.toDecide", { count: requestsToDecide.length })} urgent>
            {requestsToDecide.map((r) => (
              <li key={r.id}>
                {t("dashboard.toDecideLine", { actor: r.actorName, initiative: r.title, date: date(r.at) })}{" "}
                <Link to={`/initiatives/${r.slug}/manage#requests`} className="font-semibold">
                  {t("dashboard.decide")}
                  <span className="sr-only"> ({r.actorName}, {r.title})</span>
                </Link>
              </li>
            ))}
          </Panel>
        ) : null}
        {invitations.length > 0 ? (
          <Panel id="invitations" heading={t("dashboard.invitations", { count: invitations.length })} urgent>
            {invitations.map((r) => (
              <li key={r.id}>
                {t("dashboard.invitationLine", { actor: r.actorName, initiative: r.title, date: date(r.at) })}{" "}
                <Link to={`/initiatives/${r.slug}#next-step`} className="font-semibold">
                  {t("dashboard.answer")}
                  <span className="sr-only"> ({r.title})</span>
                </Link>
              </li>
            ))}
          </Panel>
        ) : null}
        {requestsMade.length > 0 ? (
          <Panel id="requests-made" heading={t("dashboard.requestsMade", { count: requestsMade.length })}>
            {requestsMade.map((r) => (
              <li key={r.id}>
                {t("dashboard.requestMadeLine", { actor: r.actorName, initiative: r.title, date: date(r.at) })}{" "}
                <Link to={`/initiatives/${r.slug}#next-step`}>
                  {t("dashboard.seeRequest")}
                  <span className="sr-only"> ({r.title})</span>
                </Link>
              </li>
            ))}
          </Panel>
        ) : null}
      </div>
    </section>
  );
}

function Panel({ id, heading, urgent, children }: { id: string; heading: string; urgent?: boolean; children: React.ReactNode }) {
  return (
    <div className={`rounded-lg border p-5 ${urgent ? "border-l-4 border-amber-600 bg-amber-50" : "border-slate-300"}`}>
      <h3 id={id} className="text-lg font-semibold">
        {heading}
      </h3>
      <ul aria-labelledby={id} className="mt-2 space-y-2">
        {children}
      </ul>
    </div>
  );
}
