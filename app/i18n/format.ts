// Locale-aware formatting: the same helpers on the server and in the browser.
export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatDate(locale: string, value: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: "long" }): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options }).format(new Date(value));
}

export function formatDateTime(locale: string, value: Date | string): string {
  return formatDate(locale, value, { dateStyle: "medium", timeStyle: "short" });
}
