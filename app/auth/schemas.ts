// Form schemas shared by the browser (conform validates as you type) and the server (the
// authority). Messages are i18n keys in the "auth" namespace, translated where they are shown.
import { z } from "zod";
import { supportedLanguages } from "~/i18n/config";

export const PASSWORD_LIMITS = { min: 12, max: 128 } as const;

const email = z
  .string({ required_error: "errors.required" })
  .trim()
  .max(254, "errors.tooLong")
  .email("errors.emailInvalid");

const newPassword = z
  .string({ required_error: "errors.required" })
  .min(PASSWORD_LIMITS.min, "errors.passwordTooShort")
  .max(PASSWORD_LIMITS.max, "errors.passwordTooLong");

// Sign-in accepts whatever was typed: length rules apply to new passwords only.
const currentPassword = z.string({ required_error: "errors.required" }).max(1024, "errors.tooLong");

const name = z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(100, "errors.tooLong");

const code = z
  .string({ required_error: "errors.required" })
  .trim()
  .max(20, "errors.codeInvalid")
  .regex(/^(\d{3}\s?\d{3}|[a-z2-7]{5}-?[a-z2-7]{5})$/i, "errors.codeInvalid");

export const signUpSchema = z.object({ name, email, password: newPassword });

export const loginSchema = z.object({
  email,
  password: currentPassword,
  redirectTo: z.string().max(2000).optional(),
});

export const twoFactorLoginSchema = z.object({ code });

export const forgotPasswordSchema = z.object({ email });

const confirmedPassword = z
  .object({ password: newPassword, confirmPassword: z.string({ required_error: "errors.required" }) })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "errors.passwordsDiffer" });

export const resetPasswordSchema = confirmedPassword.and(z.object({ token: z.string().min(1).max(200) }));

// The current password too, always (ASVS 6.2.3): a session taken over minutes after sign-in must not be able to lock its owner out.
export const changePasswordSchema = confirmedPassword.and(z.object({ currentPassword }));

export const reauthenticateSchema = z.object({ password: currentPassword, redirectTo: z.string().max(2000).optional() });

export const confirmTwoFactorSchema = z.object({ code });

export const disableTwoFactorSchema = z.object({ password: currentPassword, code });

export const profileSchema = z.object({ name, locale: z.enum(supportedLanguages, { errorMap: () => ({ message: "errors.required" }) }) });

export const revokeSessionSchema = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) });
