// POST /initiatives/:slug/lead-invitation: a representative of an invited actor accepts (the
// actor becomes a lead at once) or declines the invitation to co-lead. Answered from the page.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireVerifiedUser } from "~/auth/permissions.server";
import { answerLeadInvitation } from "~/domain/coalitions/leadership.server";
import { initiativeSlug } from "~/domain/public-query";
import { requestOrigin } from "~/utils/request.server";

const answer = z.object({ invitationId: z.string().uuid(), answer: z.enum(["accept", "decline"]) });

export async function loader(args: LoaderFunctionArgs) {
  await requireVerifiedUser(args);
  const slug = initiativeSlug.safeParse(args.params.slug);
  return redirect(slug.success ? `/initiatives/${slug.data}` : "/initiatives");
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireVerifiedUser(args);
  const slug = initiativeSlug.safeParse(args.params.slug);
  const parsed = answer.safeParse(Object.fromEntries(await args.request.formData()));
  if (!slug.success || !parsed.success) throw new Response("Bad Request", { status: 400 });
  const result = await answerLeadInvitation(
    args.context.db,
    { userId: user.id, origin: requestOrigin(args.request, args.context), appUrl: args.context.publicUrl },
    { invitationId: parsed.data.invitationId, accept: parsed.data.answer === "accept" },
  );
  // Answering for an actor one does not represent (a changed id) is refused.
  if (!result.ok) throw new Response(result.reason === "notRepresentative" ? "Forbidden" : "Not Found", { status: result.reason === "notRepresentative" ? 403 : 404 });
  return redirect(`/initiatives/${slug.data}?notice=${parsed.data.answer === "accept" ? "leadAccepted" : "leadDeclined"}#next-step`);
}
