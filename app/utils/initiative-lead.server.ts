// The guard every leads' page shares (/initiatives/:slug/manage and its meeting pages): a
// verified user, an active initiative named by the address, and a lead of it; else 404 or 403.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireInitiativeLead, requireVerifiedUser, type GuardArgs } from "~/auth/permissions.server";
import { findInitiativeBySlug } from "~/domain/coalitions/participation.server";
import { initiativeSlug } from "~/domain/public-query";

export async function requireLeadOfSlug(args: GuardArgs & { params: LoaderFunctionArgs["params"] }) {
  await requireVerifiedUser(args);
  const slug = initiativeSlug.safeParse(args.params.slug);
  const initiative = slug.success ? await findInitiativeBySlug(args.context.db, slug.data) : null;
  if (initiative?.status !== "active") throw new Response("Not Found", { status: 404 });
  const user = await requireInitiativeLead(args, initiative.id);
  return { user, initiative };
}
