// The dashboard's compact list of a representative's upcoming meetings, across the initiatives
// their actors take part in, with the online links they are entitled to.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { CancelledBadge, MeetingWhen, type MeetingData } from "./meeting-list";

export function DashboardMeetings({ meetings }: { meetings: (MeetingData & { initiative: { slug: string; title: string } })[] }) {
  const { t } = useTranslation("meetings");
  return (
    <section aria-labelledby="meetings-title">
      <h2 id="meetings-title" className="text-2xl font-semibold">
        {t("dashboard.heading")}
      </h2>
      {meetings.length === 0 ? <p className="mt-2 text-slate-700">{t("dashboard.empty")}</p> : null}
      <ul className="mt-3 divide-y divide-slate-200">
        {meetings.map((m) => (
          <li key={m.id} className="py-3">
            <p className="font-semibold">
              <Link to={`/initiatives/${m.initiative.slug}#meeting-${m.id}`} className="underline">{m.title}</Link>
              {m.cancelled ? <CancelledBadge /> : null}
              <span className="font-normal text-slate-700"> · {m.initiative.title}</span>
            </p>
            <MeetingWhen meeting={m} />
            {m.place ? <p className="text-sm">{t("list.place", { place: m.place })}</p> : null}
            {m.onlineUrl && !m.cancelled ? (
              <p className="text-sm">
                {t("list.onlineLinkLabel")}{" "}
                <a href={m.onlineUrl} rel="noopener noreferrer" className="break-all underline">
                  {m.onlineUrl}
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link to="/meetings" className="underline">{t("dashboard.all")}</Link>
      </p>
    </section>
  );
}
