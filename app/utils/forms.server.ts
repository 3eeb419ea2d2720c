// A form's reply re-renders what was typed, so a value pasted into a field comes back in the
// page and in its .data twin. Values no field of ours accepts (longer than the field's maximum,
// or than any field at all, or fields the form does not have) are dropped from the reply
// instead of echoed: the field error says what is wrong, the response stays small.
import type { Submission, SubmissionResult } from "@conform-to/react";

/** The longest value any of our forms re-renders: an email address (RFC 5321). */
export const ECHO_LIMIT = 254;

interface ReplyOptions {
  resetForm?: boolean;
  formErrors?: string[];
  fieldErrors?: Record<string, string[]>;
  hideFields?: string[];
}

function tooLong(value: unknown): boolean {
  if (typeof value === "string") return value.length > ECHO_LIMIT;
  if (Array.isArray(value)) return value.some(tooLong);
  return typeof value === "object" && value !== null;
}

export function boundedReply(submission: Submission<unknown>, options: ReplyOptions = {}): SubmissionResult<string[]> {
  const errors = submission.status === "success" ? undefined : submission.error;
  const refused = Object.entries(submission.payload)
    .filter(([name, value]) => tooLong(value) || (errors?.[name] ?? []).some((key) => /TooLong$/.test(key)))
    .map(([name]) => name);
  const hideFields = [...(options.hideFields ?? []), ...refused];
  // The success variant's reply() takes fewer options in its type; at run time both take them all.
  return (submission.reply as (options: ReplyOptions) => SubmissionResult<string[]>)({ ...options, hideFields });
}
