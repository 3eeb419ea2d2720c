import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/utils/safe-redirect";

describe("safeRedirect", () => {
  it.each(["/", "/initiatives?axis=reform", "/actors/123#top", "/a/b/../c"])("keeps the same-site path %s", (to) => {
    expect(safeRedirect(to)).toBe(to);
  });

  it.each([
    ["protocol-relative URL", "//evil.example"],
    ["backslash trick", "/\\evil.example"],
    ["absolute URL", "https://evil.example/"],
    ["javascript URL", "javascript:alert(1)"],
    ["relative path", "initiatives"],
    ["empty string", ""],
    ["control character", "/\tevil"],
    ["newline (header splitting)", "/x\r\nSet-Cookie: a=b"],
    // A Location header carries ASCII only: Remix answered 500 to these.
    ["path beyond ASCII", "/été"],
    ["path in another script", "/初期"],
    ["DEL character", "/x\u007f"],
  ])("refuses a %s", (_label, to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it("uses the given fallback", () => {
    expect(safeRedirect("//evil.example", "/dashboard")).toBe("/dashboard");
  });

  it("falls back when there is no value or it is a file", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(new File(["x"], "x.txt"))).toBe("/");
  });
});
