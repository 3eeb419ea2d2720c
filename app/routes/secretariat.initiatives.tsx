// /secretariat/initiatives: the review queue of proposed initiatives. Staff approve (the
// initiative becomes public with its own address), reject with a reason, or ask for changes;
// and close an active initiative (it stays public, read-only, with its history). Paginated
// oldest first like the desk's other queues.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/auth/permissions.server";
import { QueuePages } from "~/components/desk/queue";
import { ErrorList, Notice } from "~/components/forms";
import { Paragraphs } from "~/components/paragraphs";
import { listActiveInitiatives, listProposalsToReview, reviewInitiative } from "~/domain/coalitions/proposals.server";
import { reviewSchema } from "~/domain/coalitions/schemas";
import { queueQuery } from "~/domain/desk/queue-query";
import { formatDateTime } from "~/i18n/format";
import { i18nServer } from "~/i18n/i18next.server";
import { requestOrigin } from "~/utils/request.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["coalitions", "desk"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args);
  const t = await i18nServer.getFixedT(args.request, "coalitions");
  const cursors = queueQuery.pick({ after: true, before: true }).parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const [queue, active] = await Promise.all([listProposalsToReview(args.context.db, cursors), listActiveInitiatives(args.context.db)]);
  return { title: t("review.title"), queue, active };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args);
  const form = Object.fromEntries(await args.request.formData());
  const parsed = reviewSchema.safeParse(form);
  if (!parsed.success) {
    // A rejection or a request for changes without a reason: said beside that proposal's field.
    if (!parsed.error.issues.every((i) => i.path[0] === "reason")) throw new Response("Bad Request", { status: 400 });
    return data({ reasonMissingFor: String(form.initiativeId) }, { status: 400 });
  }
  const result = await reviewInitiative(
    args.context.db,
    { userId: staff.id, origin: requestOrigin(args.request, args.context), appUrl: args.context.publicUrl },
    parsed.data,
  );
  // Another member of staff decided first: say so rather than pretend this decision counted.
  if (!result.ok) return redirect("/secretariat/initiatives?notice=alreadyDecided");
  return redirect(`/secretariat/initiatives?${new URLSearchParams({ notice: parsed.data.decision, slug: result.slug })}`);
}

export default function ReviewQueue() {
  const { queue: page, active } = useLoaderData<typeof loader>();
  const queue = page.items;
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation(["coalitions", "common"]);
  const notice = searchParams.get("notice");
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t("review.title")}</h1>
      <p className="mb-6">{t("review.count", { count: page.total })}</p>
      {notice === "alreadyDecided" ? (
        <div role="alert" className="mb-4 rounded border border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {t("review.alreadyDecided")}
        </div>
      ) : notice ? (
        <Notice tone="success">
          {t(`review.done.${notice}`, { defaultValue: "" })}{" "}
          {notice === "approve" && searchParams.get("slug") ? <Link to={`/initiatives/${searchParams.get("slug")}`}>{t("review.seePage")}</Link> : null}
        </Notice>
      ) : null}
      <ol className="space-y-8">
        {queue.map((p) => (
          <li key={p.id} className="rounded-lg border border-slate-300 p-5">
            <article aria-labelledby={`proposal-${p.id}`}>
              <h2 id={`proposal-${p.id}`} className="text-2xl font-semibold">
                {p.title}
              </h2>
              <p className="mt-1 text-slate-700">
                {t("review.by", { actor: p.actorName ?? "—", person: p.proposerName ?? "—", date: formatDateTime(i18n.language, p.updatedAt) })}
              </p>
              <p className="mt-1 text-slate-700">
                {t(`common:axis.${p.axis}`)} · {t(`common:theme.${p.theme}`)} · {t(`form.policy.${p.joinPolicy}`)} · {t(`form.languages.${p.language}`)}
              </p>
              <p className="mt-3 text-lg">{p.summary}</p>
              <div className="mt-3 space-y-2">
                <Paragraphs text={p.description} />
              </div>
              {p.goals ? (
                <>
                  <h3 className="mt-3 font-semibold">{t("form.goals")}</h3>
                  <Paragraphs text={p.goals} />
                </>
              ) : null}
              <Form method="post" className="mt-4">
                <input type="hidden" name="initiativeId" value={p.id} />
                <label htmlFor={`reason-${p.id}`} className="block font-medium">
                  {t("review.reason")}
                </label>
                <p id={`reason-${p.id}-hint`} className="text-sm text-slate-700">
                  {t("review.reasonHint")}
                </p>
                <textarea
                  id={`reason-${p.id}`}
                  name="reason"
                  rows={3}
                  aria-invalid={result?.reasonMissingFor === p.id || undefined}
                  aria-describedby={`reason-${p.id}-hint${result?.reasonMissingFor === p.id ? ` reason-${p.id}-error` : ""}`}
                  className="mt-1 block w-full max-w-2xl rounded border border-slate-500 px-3 py-2"
                />
                <ErrorList id={`reason-${p.id}-error`} errors={result?.reasonMissingFor === p.id ? ["errors.reasonRequired"] : undefined} ns="coalitions" />
                <div className="mt-3 flex flex-wrap gap-3">
                  <button type="submit" name="decision" value="approve" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
                    {t("review.approve")}
                  </button>
                  <button type="submit" name="decision" value="changes" className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800">
                    {t("review.changes")}
                  </button>
                  <button type="submit" name="decision" value="reject" className="rounded border border-red-800 px-4 py-2 font-semibold text-red-900">
                    {t("review.reject")}
                  </button>
                </div>
              </Form>
            </article>
          </li>
        ))}
      </ol>
      <QueuePages path="/secretariat/initiatives" filters={{}} older={page.older} newer={page.newer} />
      <section aria-labelledby="close-heading" className="mt-12">
        <h2 id="close-heading" className="text-2xl font-semibold">
          {t("review.closeHeading")}
        </h2>
        <p className="mt-1">{t("review.closeIntro")}</p>
        <Form method="post" className="mt-3 flex flex-wrap items-end gap-3">
          <input type="hidden" name="decision" value="close" />
          <div>
            <label htmlFor="close-initiative" className="block font-medium">
              {t("review.closeWhich")}
            </label>
            <select id="close-initiative" name="initiativeId" className="mt-1 rounded border border-slate-500 px-3 py-2">
              {active.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded border border-red-800 px-4 py-2 font-semibold text-red-900">
            {t("review.close")}
          </button>
        </Form>
      </section>
    </div>
  );
}
