// The action behind both review pages: staff guard, the shared schema, one domain call, and a
// reply. A refused decision becomes a form error in the reader's language; nothing is changed.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/permissions.server";
import { actorDecisions, affiliationDecisions, decide, type Decision, type DecisionFailure } from "~/domain/desk/decisions.server";
import { decisionSchema } from "~/domain/desk/decision-schema";
import { boundedReply } from "~/utils/forms.server";
import { requestOrigin } from "~/utils/request.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The form error (a "desk" translation key) for each refusal. */
export function decisionError(reason: DecisionFailure): { field: "reason" | null; key: string } {
  return reason === "reasonRequired" ? { field: "reason", key: "errors.reasonRequired" } : { field: null, key: `errors.${reason}` };
}

export async function decisionAction(args: ActionFunctionArgs, subject: Decision["subject"]) {
  const staff = await requireStaff(args);
  const id = args.params.id ?? "";
  if (!UUID.test(id)) throw new Response("Not Found", { status: 404 });
  const submission = parseWithZod(await args.request.formData(), { schema: decisionSchema });
  if (submission.status !== "success") {
    const intent = submission.payload.intent;
    return data({ intent: typeof intent === "string" ? intent : "approve", result: boundedReply(submission) }, { status: 400 });
  }
  const { intent, reason } = submission.value;
  const allowed: readonly string[] = subject === "actor" ? actorDecisions : affiliationDecisions;
  if (!allowed.includes(intent)) return data({ intent, result: boundedReply(submission, { formErrors: ["errors.alreadyDecided"] }) }, { status: 400 });
  const result = await decide(args.context.db, { subject, id, action: intent, reason } as Decision, {
    staff,
    origin: requestOrigin(args.request, args.context),
    appUrl: args.context.publicUrl,
  });
  if (!result.ok) {
    if (result.reason === "notFound") throw new Response("Not Found", { status: 404 });
    const error = decisionError(result.reason);
    const reply = error.field ? boundedReply(submission, { fieldErrors: { [error.field]: [error.key] } }) : boundedReply(submission, { formErrors: [error.key] });
    return data({ intent, result: reply }, { status: 409 });
  }
  return redirect(`/secretariat/${subject === "actor" ? "actors" : "affiliations"}/${id}?decided=${intent}`);
}
