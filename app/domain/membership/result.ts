// One way for a membership use case to answer: what happened, or the reason it did not.
// Routes turn a reason into a form error (formError below) or, for "forbidden", a 403.

export type Result<T extends object = object, R extends string = string> = ({ ok: true } & T) | { ok: false; reason: R };

export const ok = <T extends object>(value: T = {} as T): { ok: true } & T => ({ ok: true, ...value });
export const fail = <R extends string>(reason: R): { ok: false; reason: R } => ({ ok: false, reason });

/** The i18n key ("membership" namespace) that explains a refusal to the applicant. */
export const formError = (reason: string) => `errors.${reason}`;
