// Pieces shared by the two review queues: the filters (kind, UN regional group) and the
// older/newer page links, plain links and a GET form so they work without JavaScript.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FilterForm, SelectField } from "~/components/filter-fields";
import { actorStatuses, regionalGroups, type QueueQuery } from "~/domain/desk/queue-query";
import { actorKinds } from "~/domain/public-values";

export function QueueFilters({ action, filters, withStatus = false }: { action: string; filters: QueueQuery; withStatus?: boolean }) {
  const { t } = useTranslation(["desk", "common"]);
  return (
    <FilterForm action={action} label={t("queue.filters")} columns={withStatus ? "md:grid-cols-[1fr_1fr_1fr_auto]" : "md:grid-cols-[1fr_1fr_auto]"}>
      {withStatus ? (
        <SelectField
          name="status"
          label={t("queue.status")}
          allLabel={t("actorStatus.pending")}
          options={actorStatuses.filter((status) => status !== "pending").map((status) => ({ value: status, label: t(`actorStatus.${status}`) }))}
          defaultValue={filters.status === "pending" ? undefined : filters.status}
        />
      ) : null}
      <SelectField
        name="kind"
        label={t("common:labels.kind")}
        allLabel={t("queue.allKinds")}
        options={actorKinds.map((kind) => ({ value: kind, label: t(`common:actorKindPlural.${kind}`) }))}
        defaultValue={filters.kind}
      />
      <SelectField
        name="region"
        label={t("queue.region")}
        allLabel={t("queue.allRegions")}
        options={regionalGroups.map((group) => ({ value: group, label: t(`regions.${group}`) }))}
        defaultValue={filters.region}
      />
    </FilterForm>
  );
}

export function QueuePages({ path, filters, older, newer }: { path: string; filters: QueueQuery; older: string | null; newer: string | null }) {
  const { t } = useTranslation("desk");
  const href = (cursor: Record<string, string>) => {
    const params = new URLSearchParams();
    if (filters.status) params.set("status", filters.status);
    if (filters.kind) params.set("kind", filters.kind);
    if (filters.region) params.set("region", filters.region);
    for (const [key, value] of Object.entries(cursor)) params.set(key, value);
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  if (!older && !newer) return null;
  const linkClass = "inline-block rounded border border-slate-300 px-3 py-2 no-underline hover:bg-brand-50";
  return (
    <nav aria-label={t("queue.pages")} className="mt-6 flex flex-wrap gap-3">
      {older ? (
        <>
          <Link to={href({})} className={linkClass}>
            {t("queue.oldestFirst")}
          </Link>
          <Link to={href({ before: older })} rel="prev" className={linkClass}>
            <span aria-hidden="true">← </span>
            {t("queue.older")}
          </Link>
        </>
      ) : null}
      {newer ? (
        <Link to={href({ after: newer })} rel="next" className={linkClass}>
          {t("queue.newer")}
          <span aria-hidden="true"> →</span>
        </Link>
      ) : null}
    </nav>
  );
}

/** "waiting 3 days", from the server's clock so the page and its tests agree. */
export function Waiting({ createdAt, now }: { createdAt: Date | string; now: number }) {
  const { t } = useTranslation("desk");
  const days = Math.max(0, Math.floor((now - new Date(createdAt).getTime()) / 86_400_000));
  return <>{days === 0 ? t("queue.waitingUnderADay") : t("queue.waitingDays", { count: days })}</>;
}

export function InfoState({ awaitingApplicant, answered }: { awaitingApplicant: boolean; answered: boolean }) {
  const { t } = useTranslation("desk");
  if (awaitingApplicant) return <span className="rounded-full bg-amber-100 px-3 py-0.5 text-sm font-medium text-amber-900">{t("queue.awaitingApplicant")}</span>;
  if (answered) return <span className="rounded-full bg-brand-50 px-3 py-0.5 text-sm font-medium text-brand-800">{t("queue.answered")}</span>;
  return null;
}
