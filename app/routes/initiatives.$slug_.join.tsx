// POST /initiatives/:slug/join: the actor chosen on the initiative page joins it (or asks to).
// No page of its own: the answer is always a redirect back to the initiative.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireRepresentative, requireVerifiedUser } from "~/auth/permissions.server";
import { findInitiativeBySlug, joinInitiative } from "~/domain/coalitions/participation.server";
import { actorChoice } from "~/domain/coalitions/schemas";
import { initiativeSlug } from "~/domain/public-query";
import { requestOrigin } from "~/utils/request.server";

export async function loader(args: LoaderFunctionArgs) {
  await requireVerifiedUser(args);
  const slug = initiativeSlug.safeParse(args.params.slug);
  return redirect(slug.success ? `/initiatives/${slug.data}` : "/initiatives");
}

export async function action(args: ActionFunctionArgs) {
  await requireVerifiedUser(args);
  const slug = initiativeSlug.safeParse(args.params.slug);
  const initiative = slug.success ? await findInitiativeBySlug(args.context.db, slug.data) : null;
  if (!initiative) throw new Response("Not Found", { status: 404 });
  const form = actorChoice.safeParse(Object.fromEntries(await args.request.formData()));
  if (!form.success) throw new Response("Bad Request", { status: 400 });
  // A changed actor id in the form is refused here, before anything is written.
  const user = await requireRepresentative(args, form.data.actorId);
  const result = await joinInitiative(
    args.context.db,
    { userId: user.id, origin: requestOrigin(args.request, args.context), appUrl: args.context.publicUrl },
    { actorId: form.data.actorId, initiativeId: initiative.id },
  );
  if (!result.ok) {
    if (result.reason === "notRepresentative") throw new Response("Forbidden", { status: 403 });
    // A proposal not yet approved (or rejected) is not public: it does not exist for joining either.
    if (result.reason === "notFound" || initiative.status !== "closed") throw new Response("Not Found", { status: 404 });
    return redirect(`/initiatives/${initiative.slug}?error=${result.reason}#next-step`);
  }
  const notice = !result.changed ? "already" : result.status === "active" ? "joined" : "requested";
  return redirect(`/initiatives/${initiative.slug}?notice=${notice}#next-step`);
}
