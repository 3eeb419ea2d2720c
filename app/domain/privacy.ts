// The privacy notice's version and the sign-up checkbox that accepts it: sign-up records both,
// so when /privacy changes in substance, raise the version and each acceptance says which text.
import { z } from "zod";

export const PRIVACY_NOTICE_VERSION = "2026-12-01";

/** The sign-up form's required checkbox; its value is what a browser sends for a ticked box. */
export const privacyAcceptanceSchema = z.object({
  acceptPrivacy: z.literal("on", { errorMap: () => ({ message: "errors.privacyRequired" }) }),
});
