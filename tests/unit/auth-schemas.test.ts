// The sign-in, sign-up, two-factor and account forms as the server checks them (the browser runs
// the same schemas): what each field accepts, and the message key a person is shown when it does not.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  changePasswordSchema,
  confirmTwoFactorSchema,
  disableTwoFactorSchema,
  forgotPasswordSchema,
  loginSchema,
  profileSchema,
  reauthenticateSchema,
  resetPasswordSchema,
  revokeSessionSchema,
  signUpSchema,
  twoFactorLoginSchema,
} from "~/auth/schemas";

/** Each refused field with its messages, or null when the input is accepted. */
function problems(schema: z.ZodTypeAny, input: unknown): Record<string, string[]> | null {
  const result = schema.safeParse(input);
  if (result.success) return null;
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".");
    out[field] = [...(out[field] ?? []), issue.message];
  }
  return out;
}

const PASSWORD = "a sound passphrase here";

describe("the email field", () => {
  it("accepts an address with spaces around it, and keeps it without them", () => {
    expect(forgotPasswordSchema.parse({ email: "  amina@gov.example \n" })).toEqual({ email: "amina@gov.example" });
  });

  it("asks for an address when there is none, and names a malformed one", () => {
    expect(problems(forgotPasswordSchema, {})).toEqual({ email: ["errors.required"] });
    expect(problems(forgotPasswordSchema, { email: "amina.gov.example" })).toEqual({ email: ["errors.emailInvalid"] });
  });

  it("accepts 254 characters, the longest address mail can carry, and refuses 255 as too long", () => {
    const at254 = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.org`;
    expect(at254).toHaveLength(254);
    expect(problems(forgotPasswordSchema, { email: at254 })).toBeNull();
    expect(problems(forgotPasswordSchema, { email: `a${at254}` })?.email).toContain("errors.tooLong");
  });
});

describe("the sign-up form", () => {
  it("asks for every field, each with its own message", () => {
    expect(problems(signUpSchema, {})).toEqual({ name: ["errors.required"], email: ["errors.required"], password: ["errors.required"] });
  });

  it("names a password too short or too long", () => {
    const base = { name: "Amina", email: "amina@gov.example" };
    expect(problems(signUpSchema, { ...base, password: "x".repeat(11) })).toEqual({ password: ["errors.passwordTooShort"] });
    expect(problems(signUpSchema, { ...base, password: "x".repeat(129) })).toEqual({ password: ["errors.passwordTooLong"] });
  });

  it("keeps the name without the spaces around it, refuses a blank one and one over 100 characters", () => {
    expect(signUpSchema.parse({ name: "  Amina Diallo ", email: "amina@gov.example", password: PASSWORD }).name).toBe("Amina Diallo");
    expect(problems(signUpSchema, { name: "   ", email: "amina@gov.example", password: PASSWORD })).toEqual({ name: ["errors.required"] });
    expect(problems(signUpSchema, { name: "n".repeat(100), email: "amina@gov.example", password: PASSWORD })).toBeNull();
    expect(problems(signUpSchema, { name: "n".repeat(101), email: "amina@gov.example", password: PASSWORD })).toEqual({ name: ["errors.tooLong"] });
  });
});

describe("the sign-in form", () => {
  it("accepts whatever password was typed, short ones too, up to 1024 characters", () => {
    expect(problems(loginSchema, { email: "amina@gov.example", password: "short" })).toBeNull();
    expect(problems(loginSchema, { email: "amina@gov.example", password: "p".repeat(1024) })).toBeNull();
    expect(problems(loginSchema, { email: "amina@gov.example", password: "p".repeat(1025) })).toEqual({ password: ["errors.tooLong"] });
    expect(problems(loginSchema, { email: "amina@gov.example" })).toEqual({ password: ["errors.required"] });
  });

  it("takes an optional page to return to, up to 2000 characters", () => {
    expect(loginSchema.parse({ email: "amina@gov.example", password: "x", redirectTo: "/account" }).redirectTo).toBe("/account");
    expect(problems(loginSchema, { email: "amina@gov.example", password: "x", redirectTo: `/${"a".repeat(1999)}` })).toBeNull();
    expect(problems(loginSchema, { email: "amina@gov.example", password: "x", redirectTo: `/${"a".repeat(2000)}` })).not.toBeNull();
    expect(problems(reauthenticateSchema, { password: "x", redirectTo: `/${"a".repeat(1999)}` })).toBeNull();
    expect(problems(reauthenticateSchema, { password: "x", redirectTo: `/${"a".repeat(2000)}` })).not.toBeNull();
  });

  it("asks for the password again before a sensitive change", () => {
    expect(problems(reauthenticateSchema, {})).toEqual({ password: ["errors.required"] });
    expect(problems(reauthenticateSchema, { password: "p".repeat(1025) })).toEqual({ password: ["errors.tooLong"] });
  });
});

describe("two-factor codes", () => {
  it("accepts six digits from an authenticator, with a space in the middle or around them", () => {
    for (const code of ["123456", "123 456", " 654321 "]) expect(problems(twoFactorLoginSchema, { code }), code).toBeNull();
    expect(twoFactorLoginSchema.parse({ code: " 654321 " }).code).toBe("654321");
  });

  it("accepts a recovery code as printed, in either case, with or without its dash", () => {
    for (const code of ["abcde-fgh23", "ABCDE-FGH23", "abcdefgh23", "qrstu-vwxyz"]) expect(problems(twoFactorLoginSchema, { code }), code).toBeNull();
  });

  it("refuses anything else as an invalid code", () => {
    for (const code of ["12345", "1234567", "12  3456", "123-456", "x123456", "123456x", "abcde-fgh21", "abcd-efgh23", "abcde_fgh23", "abcde-fgh23x", ""]) {
      expect(problems(twoFactorLoginSchema, { code }), code).toEqual({ code: ["errors.codeInvalid"] });
    }
    expect(problems(twoFactorLoginSchema, {})).toEqual({ code: ["errors.required"] });
  });

  it("refuses a code longer than 20 characters before matching it", () => {
    expect(problems(confirmTwoFactorSchema, { code: "1".repeat(21) })?.code).toContain("errors.codeInvalid");
  });

  it("turning two-factor off takes the password and a code", () => {
    expect(problems(disableTwoFactorSchema, { password: "x", code: "123456" })).toBeNull();
    expect(problems(disableTwoFactorSchema, { code: "123456" })).toEqual({ password: ["errors.required"] });
    expect(problems(disableTwoFactorSchema, { password: "x", code: "nope" })).toEqual({ code: ["errors.codeInvalid"] });
  });
});

describe("new passwords", () => {
  it("asks for the confirmation and the emailed link's token", () => {
    expect(problems(resetPasswordSchema, { token: "t", password: PASSWORD })).toEqual({ confirmPassword: ["errors.required"] });
    expect(problems(resetPasswordSchema, { token: "", password: PASSWORD, confirmPassword: PASSWORD })).toHaveProperty("token");
    expect(problems(resetPasswordSchema, { token: "t".repeat(200), password: PASSWORD, confirmPassword: PASSWORD })).toBeNull();
    expect(problems(resetPasswordSchema, { token: "t".repeat(201), password: PASSWORD, confirmPassword: PASSWORD })).toHaveProperty("token");
  });

  it("a change of password also asks for the current one", () => {
    expect(problems(changePasswordSchema, { password: PASSWORD, confirmPassword: PASSWORD })).toEqual({ currentPassword: ["errors.required"] });
    expect(problems(changePasswordSchema, { currentPassword: "old", password: PASSWORD, confirmPassword: PASSWORD })).toBeNull();
  });
});

describe("the profile and the sessions list", () => {
  it("keeps a profile's name trimmed, in an offered language", () => {
    expect(profileSchema.parse({ name: " Amina ", locale: "es" })).toEqual({ name: "Amina", locale: "es" });
    expect(problems(profileSchema, { name: "", locale: "en" })).toEqual({ name: ["errors.required"] });
  });

  it("ends a session named by its 64-character hex id only", () => {
    const id = "0123456789abcdef".repeat(4);
    expect(problems(revokeSessionSchema, { sessionId: id })).toBeNull();
    for (const sessionId of [id.slice(1), `${id}0`, id.toUpperCase(), `x${id.slice(1)}`, `${id.slice(1)}g`]) {
      expect(problems(revokeSessionSchema, { sessionId }), sessionId).not.toBeNull();
    }
  });
});
