// Form schemas of the membership pages, shared by the browser (conform validates as you type)
// and the server (the authority). Messages are i18n keys in the "membership" namespace.
// No server-only imports: the pages draw their select lists from the value lists below.
import { z } from "zod";

export const ORGANISATION_KINDS = ["international_organization", "regional_organization", "ngo", "other"] as const;
export const OTHER_CATEGORIES = ["academia", "private_sector", "local_government", "foundation", "other"] as const;
export const AFFILIATION_ROLES = ["focal_point", "delegate"] as const;
export const APPLY_PATHS = ["state", "organisation", "join"] as const;
export type ApplyPath = (typeof APPLY_PATHS)[number];

const required = (max: number) =>
  z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");
const optional = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, "errors.tooLong").optional());
const officialEmail = z
  .string({ required_error: "errors.required" })
  .trim()
  .max(254, "errors.tooLong")
  .email("errors.emailInvalid");
const role = z.enum(AFFILIATION_ROLES, { errorMap: () => ({ message: "errors.required" }) });
const iso3 = z
  .string({ required_error: "errors.stateRequired" })
  .regex(/^[A-Z]{3}$/, "errors.stateRequired");
const uuid = z.string({ required_error: "errors.actorRequired" }).uuid("errors.actorRequired");
/** Only http(s) addresses: a website is shown as a link on public pages. */
const website = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .string()
    .trim()
    .max(300, "errors.tooLong")
    .url("errors.websiteInvalid")
    .refine((v) => /^https?:\/\//i.test(v), "errors.websiteInvalid")
    .optional(),
);

export const claimStateSchema = z.object({
  intent: z.literal("state"),
  stateCode: iso3,
  role,
  title: required(200),
  ministryOrMission: required(200),
  officialEmail,
  message: optional(2000),
});
export type ClaimStateInput = z.infer<typeof claimStateSchema>;

export const registerOrganisationSchema = z
  .object({
    intent: z.literal("organisation"),
    kind: z.enum(ORGANISATION_KINDS, { errorMap: () => ({ message: "errors.required" }) }),
    category: z.preprocess((v) => (v === "" ? undefined : v), z.enum(OTHER_CATEGORIES).optional()),
    name: z.string({ required_error: "errors.required" }).trim().min(2, "errors.nameTooShort").max(200, "errors.tooLong"),
    acronym: optional(30),
    countryCode: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^[A-Z]{3}$/, "errors.countryInvalid").optional()),
    website,
    description: required(2000),
    motivation: required(2000),
    title: required(200),
    officialEmail,
    /** The name the applicant already checked against near-duplicates ("none of these"). */
    confirmedName: optional(200),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "other" && !value.category) ctx.addIssue({ code: "custom", path: ["category"], message: "errors.categoryRequired" });
  });
export type RegisterOrganisationInput = z.infer<typeof registerOrganisationSchema>;

export const joinActorSchema = z.object({
  intent: z.literal("join"),
  actorId: uuid,
  role,
  title: required(200),
  officialEmail,
  message: optional(2000),
});
export type JoinActorInput = z.infer<typeof joinActorSchema>;

export const answerSchema = z.object({
  intent: z.literal("answer"),
  subject: z.enum(["affiliation", "actor"]),
  id: z.string().uuid(),
  response: required(2000),
});

export const revocationRequestSchema = z.object({
  intent: z.literal("request-revocation"),
  affiliationId: z.string().uuid(),
  reason: required(1000),
});

export const actorProfileSchema = z.object({
  intent: z.literal("profile"),
  /** Ignored for a state: its name is reference data. */
  name: optional(200),
  shortName: optional(30),
  website,
  description: optional(2000),
});
export type ActorProfileInput = z.infer<typeof actorProfileSchema>;
