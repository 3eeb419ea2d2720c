// The sign-up and forgotten-password forms carry a field people never see; a bot that fills every
// field is answered as usual and nothing is done. A person's browser sends it empty.
import { describe, expect, it } from "vitest";
import { HONEYPOT_FIELD, isHoneypotFilled } from "~/auth/honeypot";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe("the honeypot field", () => {
  it("catches a form whose hidden field was filled in, even with a single character", () => {
    expect(isHoneypotFilled(form({ email: "bot@spam.example", [HONEYPOT_FIELD]: "https://spam.example" }))).toBe(true);
    expect(isHoneypotFilled(form({ [HONEYPOT_FIELD]: "x" }))).toBe(true);
  });

  it("lets a person's form through: the field sent empty, or not sent at all", () => {
    expect(isHoneypotFilled(form({ email: "amina@gov.example", [HONEYPOT_FIELD]: "" }))).toBe(false);
    expect(isHoneypotFilled(form({ email: "amina@gov.example" }))).toBe(false);
  });
});
