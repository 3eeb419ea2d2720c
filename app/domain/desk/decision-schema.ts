// The decision forms' schema, shared by the review pages' forms and their actions. Error
// messages are keys of the "desk" translations.
import { z } from "zod";

export const decisionIntents = ["approve", "reject", "requestInfo", "revoke", "suspend", "reinstate"] as const;
export type DecisionIntent = (typeof decisionIntents)[number];
export const REASON_MAX = 2000;

/** Decisions that tell the applicant why (or ask them something): the text is required. */
export const intentsWithReason: readonly DecisionIntent[] = ["reject", "requestInfo", "revoke", "suspend"];

export const decisionSchema = z
  .object({
    intent: z.enum(decisionIntents),
    reason: z.string().trim().max(REASON_MAX, "errors.reasonTooLong").optional(),
  })
  .superRefine((value, ctx) => {
    if (intentsWithReason.includes(value.intent) && !value.reason) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reason"], message: value.intent === "requestInfo" ? "errors.messageRequired" : "errors.reasonRequired" });
    }
  });
