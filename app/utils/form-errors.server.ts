// One way from a use case's refusal to the form: `{ ok: false, reason }` becomes an i18n key of
// the "auth" namespace (translated in the reader's language where the form shows it), on the
// field it concerns or on the whole form. Routes stop translating refusals one by one.
import type { Submission, SubmissionResult } from "@conform-to/react";
import { boundedReply } from "./forms.server";

/** A refusal from the accounts domain: `problem` comes with a weak new password. */
export interface Refused {
  ok: false;
  reason: string;
  problem?: string;
}

const MESSAGES: Record<string, string> = {
  invalidCredentials: "errors.invalidCredentials",
  wrongPassword: "errors.passwordWrong",
  wrongCode: "errors.codeWrong",
  invalidToken: "errors.linkInvalid",
};

/**
 * The form's answer to a refusal. A weak password is named on the `password` field; `fields`
 * puts another reason on a field of its own (the current password, say); the rest go on the form.
 */
export function refusalReply(
  submission: Submission<unknown>,
  refused: Refused,
  options: { hideFields?: string[]; fields?: Partial<Record<string, string>> } = {},
): SubmissionResult<string[]> {
  const message = refused.reason === "weakPassword" ? `errors.password.${refused.problem}` : MESSAGES[refused.reason];
  if (!message) throw new Error(`No form message for the refusal "${refused.reason}"`);
  const field = refused.reason === "weakPassword" ? "password" : options.fields?.[refused.reason];
  // Bounded like every reply: an over-long value is never echoed back (docs/security.md).
  return boundedReply(submission, {
    ...(field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] }),
    hideFields: options.hideFields,
  });
}
