/**
 * An actor's website as it may be linked: only http(s) addresses, so a stored
 * "javascript:" or "data:" value can never become a clickable link or reach API clients.
 */
export function safeWebUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
