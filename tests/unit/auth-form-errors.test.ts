// One helper turns an accounts refusal into the form's error: the i18n key of the reason, on the
// field it concerns (a weak password on the password field) or on the whole form.
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { changePasswordSchema, loginSchema } from "~/auth/schemas";
import { resources } from "~/i18n/resources";
import { refusalReply } from "~/utils/form-errors.server";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const login = () => parseWithZod(form({ email: "a@example.org", password: "whatever it was" }), { schema: loginSchema });
const change = () =>
  parseWithZod(form({ currentPassword: "old one", password: "abcdefghijklm", confirmPassword: "abcdefghijklm" }), { schema: changePasswordSchema });

describe("refusalReply", () => {
  it("names a weak password's rule on the password field", () => {
    const reply = refusalReply(change(), { ok: false, reason: "weakPassword", problem: "pattern" }, { hideFields: ["password"] });
    expect(reply.error).toEqual({ password: ["errors.password.pattern"] });
    expect(reply.initialValue).not.toHaveProperty("password");
  });

  it("puts a reason on the field the route names, and otherwise on the form", () => {
    expect(refusalReply(change(), { ok: false, reason: "wrongPassword" }, { fields: { wrongPassword: "currentPassword" } }).error).toEqual({
      currentPassword: ["errors.passwordWrong"],
    });
    expect(refusalReply(login(), { ok: false, reason: "invalidCredentials" }).error).toEqual({ "": ["errors.invalidCredentials"] });
    expect(refusalReply(login(), { ok: false, reason: "wrongCode" }).error).toEqual({ "": ["errors.codeWrong"] });
    expect(refusalReply(login(), { ok: false, reason: "invalidToken" }).error).toEqual({ "": ["errors.linkInvalid"] });
  });

  it("has a message in every language for every reason it knows", () => {
    for (const language of ["en", "fr", "es"] as const) {
      const errors = resources[language].auth.errors;
      for (const key of ["passwordWrong", "invalidCredentials", "codeWrong", "linkInvalid"] as const) expect(errors[key], `${language}: ${key}`).toBeTruthy();
    }
  });

  it("refuses a reason it has no message for, rather than showing nothing", () => {
    expect(() => refusalReply(login(), { ok: false, reason: "notFound" })).toThrow(/No form message/);
  });
});
