// Form schemas of the coalition pages, shared by the server actions and the client forms.
// Error messages are i18n keys in the "coalitions" namespace.
import { z } from "zod";
import { locales } from "~/db/schema";
import { axes, themes } from "../public-query";

export const actorChoice = z.object({ actorId: z.string({ required_error: "errors.chooseActor" }).uuid("errors.chooseActor") });

// Control characters other than line breaks never belong in text people read.
export const clean = (v: string) => v.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "").trim();

// Refinements rather than a second schema after the transform: conform would read an empty
// result there as a missing field.
const text = (max: number, requiredKey: string) =>
  z
    .string({ required_error: requiredKey })
    .transform(clean)
    .refine((v) => v.length > 0, requiredKey)
    .refine((v) => v.length <= max, "errors.tooLong");

// Conform sends an empty field as absent: an optional text is then the empty string.
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => clean(v ?? ""))
    .refine((v) => v.length <= max, "errors.tooLong");

export const SUMMARY_MAX = 500;

/** What a lead may change on an initiative (and a proposer on a proposal). */
export const initiativeTextSchema = z.object({
  title: text(200, "errors.titleRequired"),
  summary: text(SUMMARY_MAX, "errors.summaryRequired"),
  description: optionalText(20_000),
  goals: optionalText(10_000),
  axis: z.enum(axes, { errorMap: () => ({ message: "errors.axisRequired" }) }),
  theme: z.enum(themes, { errorMap: () => ({ message: "errors.themeRequired" }) }),
  joinPolicy: z.enum(["open", "approval"], { errorMap: () => ({ message: "errors.joinPolicyRequired" }) }),
  language: z.enum(locales, { errorMap: () => ({ message: "errors.languageRequired" }) }),
});

export const proposalSchema = initiativeTextSchema.extend({
  actorId: z.string({ required_error: "errors.chooseActor" }).uuid("errors.chooseActor"),
  // Checkboxes: absent, one value or several.
  coLeadActorIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().uuid("errors.chooseActor")).max(20)),
  // Names typed and not chosen from the suggestions (always so without JavaScript): the server
  // resolves them (actor-search.server.ts resolveCoLeads), semicolons between several.
  coLeadQuery: optionalText(2_000),
});
export type ProposalInput = z.infer<typeof proposalSchema>;
export type InitiativeText = z.infer<typeof initiativeTextSchema>;

export const reviewSchema = z
  .object({
    initiativeId: z.string().uuid(),
    decision: z.enum(["approve", "reject", "changes", "close"]),
    reason: optionalText(2_000),
  })
  .refine((v) => v.decision === "approve" || v.decision === "close" || v.reason.length > 0, {
    path: ["reason"],
    message: "errors.reasonRequired",
  });

export const decisionSchema = z
  .object({
    participationId: z.string().uuid(),
    decision: z.enum(["accept", "decline"]),
    reason: optionalText(2_000),
  })
  .refine((v) => v.decision === "accept" || v.reason.length > 0, { path: ["reason"], message: "errors.reasonRequired" });

export const messageSchema = z.object({
  subject: text(200, "errors.subjectRequired"),
  message: text(10_000, "errors.messageRequired"),
});

/** The longest text any field of the translation form accepts (the description). */
export const TEXT_MAX = 20_000;

/** A lead's translation of an initiative's text; title and summary are required, like the original's. */
export const translationSchema = z.object({
  title: text(200, "errors.titleRequired"),
  summary: text(SUMMARY_MAX, "errors.summaryRequired"),
  description: optionalText(TEXT_MAX),
  goals: optionalText(10_000),
});
export type TranslationText = z.infer<typeof translationSchema>;
