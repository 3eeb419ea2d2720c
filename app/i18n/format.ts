// Locale-aware formatting: the same helpers on the server and in the browser.
// Dates are written the way an international organisation writes them: day, month, year in every
// language ("26 September 2019", "26 septembre 2019", "26 de septiembre de 2019"). Plain "en"
// would give the US order, so English formats with British conventions.
// Building an Intl formatter costs far more than using one, and a directory page formats
// hundreds of values: formatters are cached per locale and options.

const INTL_LOCALES: Record<string, string> = { en: "en-GB" };

/** The BCP 47 tag Intl formats with for one of our languages ("en" -> "en-GB"). */
export function intlLocale(locale: string): string {
  return INTL_LOCALES[locale] ?? locale;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Options are small flat objects: their sorted entries make a stable cache key. */
function cacheKey(locale: string, options: object): string {
  const entries = Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${locale}|${JSON.stringify(entries)}`;
}

export function numberFormatter(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = cacheKey(locale, options);
  let formatter = numberFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormats.set(key, formatter);
  }
  return formatter;
}

/** Dates are shown in UTC unless the options name another zone. */
export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: "long" }): Intl.DateTimeFormat {
  const withZone = { timeZone: "UTC", ...options };
  const key = cacheKey(locale, withZone);
  let formatter = dateFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(locale), withZone);
    dateFormats.set(key, formatter);
  }
  return formatter;
}

export function formatNumber(locale: string, value: number): string {
  return numberFormatter(locale).format(value);
}

export function formatDate(locale: string, value: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: "long" }): string {
  return dateFormatter(locale, options).format(new Date(value));
}

export function formatDateTime(locale: string, value: Date | string): string {
  return formatDate(locale, value, { dateStyle: "medium", timeStyle: "short" });
}
