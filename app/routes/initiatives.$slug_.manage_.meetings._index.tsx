// /initiatives/:slug/manage/meetings: the leads' list of their initiative's meetings, each with
// its online link and a way to change or cancel it, and the way to post a new one. Leads only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Notice } from "~/components/forms";
import { CancelledBadge, MeetingWhen } from "~/components/meeting-list";
import { meetingsForLead } from "~/domain/coalitions/meetings.server";
import { i18nServer } from "~/i18n/i18next.server";
import { requireLeadOfSlug } from "~/utils/initiative-lead.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["meetings"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader(args: LoaderFunctionArgs) {
  const { initiative } = await requireLeadOfSlug(args);
  const [meetings, t] = await Promise.all([meetingsForLead(args.context.db, initiative.id), i18nServer.getFixedT(args.request, ["meetings", "common"])]);
  const now = Date.now();
  return {
    initiative: { slug: initiative.slug, title: initiative.title },
    upcoming: meetings.filter((m) => m.endsAt.getTime() >= now).reverse(),
    past: meetings.filter((m) => m.endsAt.getTime() < now),
    title: t("common:pageTitle", { page: t("meetings:manage.heading", { initiative: initiative.title }) }),
  };
}

const NOTICES = new Set(["posted", "changed", "cancelled", "unchanged"]);

export default function ManageMeetings() {
  const { initiative, upcoming, past } = useLoaderData<typeof loader>();
  const { t } = useTranslation("meetings");
  const notice = useSearchParams()[0].get("notice") ?? "";
  const list = (items: typeof upcoming, empty: string) =>
    items.length === 0 ? (
      <p className="mt-2 text-slate-700">{empty}</p>
    ) : (
      <ul className="mt-3 space-y-4">
        {items.map((m) => (
          <li key={m.id} className="rounded-lg border border-slate-200 p-4">
            <h3 className="text-lg font-semibold">
              {m.title}
              {m.cancelled ? <CancelledBadge /> : null}
            </h3>
            <MeetingWhen meeting={m} />
            {m.place ? <p>{t("list.place", { place: m.place })}</p> : null}
            {m.onlineUrl ? <p className="break-all">{t("list.onlineLinkLabel")} {m.onlineUrl}</p> : null}
            {m.cancelled ? null : (
              <p className="mt-2">
                <Link to={`/initiatives/${initiative.slug}/manage/meetings/${m.id}`}>{t("manage.changeLink", { title: m.title })}</Link>
              </p>
            )}
          </li>
        ))}
      </ul>
    );
  return (
    <div className="space-y-8">
      <div>
        <p>
          <Link to={`/initiatives/${initiative.slug}/manage`}>
            <span aria-hidden="true">← </span>
            {t("manage.back")}
          </Link>
        </p>
        <h1 className="mt-3 text-3xl font-bold">{t("manage.heading", { initiative: initiative.title })}</h1>
        {NOTICES.has(notice) ? <Notice tone="success">{t(`manage.notice.${notice}`)}</Notice> : null}
        <p className="mt-3">
          <Link to={`/initiatives/${initiative.slug}/manage/meetings/new`} className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
            {t("manage.newLink")}
          </Link>
        </p>
      </div>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming" className="text-2xl font-semibold">
          {t("manage.upcoming")}
        </h2>
        {list(upcoming, t("manage.noUpcoming"))}
      </section>
      <section aria-labelledby="past">
        <h2 id="past" className="text-2xl font-semibold">
          {t("manage.past")}
        </h2>
        {list(past, t("manage.noPast"))}
      </section>
    </div>
  );
}
