// The translation function the pages render with, on the server and in the browser: i18next's
// lookup, written out for the features our texts use (ADR 021), so that the browser does not
// carry i18next and react-i18next (about 19 KB gzip of every first load, issue 10). The texts
// stay i18next's JSON (v4: `_one`/`_many`/`_other` plurals, `_context` keys, "ns:key",
// `{{var}}`), still read by i18next on the server for titles and emails;
// tests/unit/translate.test.ts proves this function answers as i18next does for every key of
// every namespace and language. Anything else i18next offers (nesting with $t(), formats,
// ordinals) is deliberately absent: that test fails when a text starts using it.

/** Translations by language, then namespace; read at each call, so bundles added later count. */
export type Resources = Record<string, Record<string, object> | undefined>;

export interface TOptions {
  count?: number;
  context?: string;
  defaultValue?: string;
  returnObjects?: boolean;
  /** The namespace(s) a bare key is looked up in, in order (the translator's default otherwise). */
  ns?: string | readonly string[];
  keyPrefix?: string;
  [variable: string]: unknown;
}

export type TFunction = (key: string, options?: TOptions) => string;

export interface Translator {
  language: string;
  /** A `t` reading bare keys in `ns` (the first of a list, as react-i18next does), under `keyPrefix`. */
  fixedT(ns?: string | readonly string[], keyPrefix?: string): TFunction;
}

export interface TranslatorOptions {
  language: string;
  /** Languages looked in after `language`, in order: the server's fallback; none in the browser. */
  fallbackLanguages?: readonly string[];
  resources: Resources;
  defaultNamespace: string;
  /** A key found nowhere and given no defaultValue. */
  onMissing?: (namespace: string, key: string) => void;
}

type Found = unknown;

/** i18next's deepFind: a path whose segments may themselves hold dots ("auditAction" → "actor.approved"). */
function deepFind(obj: Found, path: string): Found {
  if (!obj || typeof obj !== "object") return undefined;
  const record = obj as Record<string, Found>;
  if (record[path]) return record[path];
  const tokens = path.split(".");
  let current: Found = obj;
  for (let i = 0; i < tokens.length; ) {
    if (!current || typeof current !== "object") return undefined;
    let next: Found;
    let nextPath = "";
    for (let j = i; j < tokens.length; ++j) {
      nextPath += (j === i ? "" : ".") + tokens[j];
      next = (current as Record<string, Found>)[nextPath];
      if (next !== undefined) {
        if (["string", "number", "boolean"].includes(typeof next) && j < tokens.length - 1) continue;
        i = j + 1;
        break;
      }
    }
    current = next;
  }
  return current;
}

/** The plain nested path first, then deepFind, as i18next's resource store and interpolator do. */
function find(obj: Found, path: string): Found {
  let current = obj;
  for (const segment of path.split(".")) {
    current = current && typeof current === "object" && Object.hasOwn(current, segment) ? (current as Record<string, Found>)[segment] : undefined;
    if (current === undefined) break;
  }
  return current || deepFind(obj, path);
}

const valid = (value: Found) => value !== undefined && value !== null;
const plurals = new Map<string, Intl.PluralRules>();
function pluralSuffix(language: string, count: number): string {
  let rules = plurals.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    plurals.set(language, rules);
  }
  return `_${rules.select(count)}`;
}

/** {{name}} and {{path.to.value}}; a name not passed stays as written, one passed as undefined is emptied. */
function interpolate(text: string, data: TOptions): string {
  return text.replace(/\{\{(.+?)\}\}/g, (match, name: string) => {
    const value = find(data, name.trim());
    if (value === undefined) return Object.hasOwn(data, name.trim()) ? "" : match;
    return value === null ? "" : String(value);
  });
}

export function createTranslator({ language, fallbackLanguages = [], resources, defaultNamespace, onMissing }: TranslatorOptions): Translator {
  const languages = [language, ...fallbackLanguages.filter((l) => l !== language)];

  function translate(fullKey: string, options: TOptions): unknown {
    let key = fullKey;
    let namespaces = options.ns ?? defaultNamespace;
    // "ns:key", unless the key reads as a sentence (a space, comma, ? ! or ; before its first dot).
    const head = key.includes(".") ? key.slice(0, key.indexOf(".")) : key;
    if (key.includes(":") && !/[ ,?!;]/.test(head)) {
      const parts = key.split(":");
      namespaces = parts.shift() as string;
      key = parts.join(".");
    }
    const nsList = typeof namespaces === "string" ? [namespaces] : namespaces;
    const { count, context } = options;
    const plural = count !== undefined && typeof count !== "string";
    const zero = plural && count === 0;
    const withContext = (typeof context === "string" || typeof context === "number") && context !== "";

    let found: Found;
    let usedKey = key;
    search: for (const ns of nsList) {
      for (const lng of languages) {
        const candidates = [key];
        const suffix = plural ? pluralSuffix(lng, count as number) : "";
        if (plural) candidates.push(key + suffix, ...(zero ? [`${key}_zero`] : []));
        if (withContext) {
          const contextKey = `${key}_${context}`;
          candidates.push(contextKey, ...(plural ? [contextKey + suffix, ...(zero ? [`${contextKey}_zero`] : [])] : []));
        }
        for (const candidate of candidates.reverse()) {
          found = find(resources[lng]?.[ns], candidate);
          if (valid(found)) {
            usedKey = candidate;
            break search;
          }
        }
      }
    }

    if (valid(found) && typeof found === "object") {
      if (!options.returnObjects) return `key '${key} (${language})' returned an object instead of string.`;
      // Each member translated in turn (interpolated), keyed from the bare key, or the exact one for arrays.
      const base = Array.isArray(found) ? usedKey : key;
      const copy = (Array.isArray(found) ? [] : {}) as Record<string, unknown>;
      for (const member of Object.keys(found as object)) {
        const deepKey = `${base}.${member}`;
        const value = translate(deepKey, { ...options, ns: nsList });
        copy[member] = value === deepKey ? (found as Record<string, unknown>)[member] : value;
      }
      return copy;
    }
    if (!valid(found)) {
      const hasDefault = Object.keys(options).some((name) => name.startsWith("defaultValue") && options[name] !== undefined);
      const fallback = (zero && options.defaultValue_zero) || (plural && options[`defaultValue${pluralSuffix(language, count as number)}`]) || options.defaultValue;
      if (hasDefault) found = fallback;
      if (!valid(found)) found = key;
      if (options.defaultValue === undefined) onMissing?.(nsList[nsList.length - 1] as string, key);
    }
    return typeof found === "string" ? interpolate(found, options) : found;
  }

  return {
    language,
    fixedT(ns = defaultNamespace, keyPrefix) {
      const namespace = typeof ns === "string" ? ns : (ns[0] ?? defaultNamespace);
      return (key, options = {}) => {
        const prefix = options.keyPrefix ?? keyPrefix;
        return translate(prefix ? `${prefix}.${key}` : key, { ...options, ns: options.ns || namespace }) as string;
      };
    },
  };
}
