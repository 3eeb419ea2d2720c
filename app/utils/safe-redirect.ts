/**
 * Only same-site paths: "//evil.example" and "/\\evil.example" are other sites to a browser.
 * Only printable ASCII, too: the path ends up in a Location header, which carries nothing else
 * (our own links are percent-encoded; "/été" typed by hand would be a 500, not a redirect).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[^\u0020-\u007e]/.test(to)) return fallback;
  return to;
}
