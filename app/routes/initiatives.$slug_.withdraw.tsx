// /initiatives/:slug/withdraw?actor=…: the confirmation step before an actor leaves an initiative
// (or takes back its request). A page of its own rather than a script dialog, so it works
// without JavaScript and the consequences can be spelled out.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireRepresentative, requireVerifiedUser } from "~/auth/permissions.server";
import { findInitiativeBySlug, withdrawFromInitiative } from "~/domain/coalitions/participation.server";
import { actorChoice } from "~/domain/coalitions/schemas";
import { visitorStanding } from "~/domain/coalitions/standing.server";
import { initiativeSlug } from "~/domain/public-query";
import { i18nServer } from "~/i18n/i18next.server";
import type { GuardArgs } from "~/auth/permissions.server";
import { requestOrigin } from "~/utils/request.server";
import { visitorLocale } from "~/utils/public-page.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["coalitions"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

async function load(args: GuardArgs & { params: LoaderFunctionArgs["params"] }, actorIdInput: unknown) {
  await requireVerifiedUser(args);
  const slug = initiativeSlug.safeParse(args.params.slug);
  const initiative = slug.success ? await findInitiativeBySlug(args.context.db, slug.data) : null;
  if (!initiative || (initiative.status !== "active" && initiative.status !== "closed")) throw new Response("Not Found", { status: 404 });
  const choice = actorChoice.safeParse({ actorId: actorIdInput });
  if (!choice.success) throw new Response("Bad Request", { status: 400 });
  const user = await requireRepresentative(args, choice.data.actorId);
  const locale = await visitorLocale(args.request);
  const standing = await visitorStanding(args.context.db, user.id, initiative.id, locale);
  const actor = standing.represented.find((a) => a.actorId === choice.data.actorId);
  if (!actor) throw new Response("Forbidden", { status: 403 });
  return { user, initiative, actor, locale };
}

export async function loader(args: LoaderFunctionArgs) {
  const { initiative, actor } = await load(args, new URL(args.request.url).searchParams.get("actor"));
  const t = await i18nServer.getFixedT(args.request, "coalitions");
  return {
    title: t("withdraw.title", { initiative: initiative.title }),
    initiative: { slug: initiative.slug, title: initiative.title, status: initiative.status },
    actor: { id: actor.actorId, name: actor.name, status: actor.status },
  };
}

export async function action(args: ActionFunctionArgs) {
  const form = await args.request.formData();
  const { user, initiative, actor } = await load(args, form.get("actorId"));
  const result = await withdrawFromInitiative(
    args.context.db,
    { userId: user.id, origin: requestOrigin(args.request, args.context) },
    { actorId: actor.actorId, initiativeId: initiative.id },
  );
  if (result.ok) return redirect(`/initiatives/${initiative.slug}?notice=withdrawn#next-step`);
  if (result.reason === "notRepresentative") throw new Response("Forbidden", { status: 403 });
  if (result.reason === "notFound") throw new Response("Not Found", { status: 404 });
  return data({ error: result.reason }, { status: 409 });
}

export default function Withdraw() {
  const { initiative, actor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("coalitions");
  const error = result?.error ?? (initiative.status !== "active" ? "closed" : actor.status === "active" || actor.status === "requested" ? null : "notParticipating");
  const values = { actor: actor.name, initiative: initiative.title };
  return (
    <section aria-labelledby="withdraw-title" className="mx-auto max-w-2xl">
      <h1 id="withdraw-title" className="mb-6 text-3xl font-bold">
        {t("withdraw.question", values)}
      </h1>
      {error ? (
        <div role="alert" className="mb-4 rounded border border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {t(error === "closed" ? "errors.closed" : `withdraw.${error}`, values)}
        </div>
      ) : (
        <p className="mb-6">{t("withdraw.explain", values)}</p>
      )}
      <div className="flex flex-wrap items-center gap-6">
        {error ? null : (
          <Form method="post">
            <input type="hidden" name="actorId" value={actor.id} />
            <button type="submit" className="rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900">
              {t("withdraw.confirm", values)}
            </button>
          </Form>
        )}
        <Link to={`/initiatives/${initiative.slug}`} className="underline">
          {t("withdraw.cancel")}
        </Link>
      </div>
    </section>
  );
}
