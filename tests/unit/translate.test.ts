// The pages' translation function (app/i18n/translate.ts, ADR 021) must answer exactly as i18next
// does, which still writes the server's titles and emails from the same texts: a difference
// would show a visitor a key, a wrong plural or an unfilled {{placeholder}}. Every key of every
// namespace in every language is asked both, with each option our pages pass: nothing, its
// placeholders, counts through every plural form of the three languages, contexts; then the
// call shapes (defaultValue, returnObjects, keyPrefix, "ns:key", lists of namespaces) and what a
// missing key gives, in the server's set-up (English as fallback) and the browser's (none).
import i18next, { type i18n as I18n, type TFunction as I18nextT } from "i18next";
import { describe, expect, it } from "vitest";
import { defaultNamespace, fallbackLanguage, i18nOptions, supportedLanguages } from "~/i18n/config";
import { resources } from "~/i18n/resources";
import { createTranslator, type TOptions, type Translator } from "~/i18n/translate";

const COUNTS = [0, 1, 2, 5, 21, 1_000_000];
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = Record<string, unknown>;

/** Every node of a namespace's tree, as the dotted path a page would pass (leaves and objects). */
function nodes(tree: unknown, prefix = ""): { path: string; value: unknown }[] {
  if (!tree || typeof tree !== "object") return [];
  return Object.entries(tree as Tree).flatMap(([name, value]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    return [{ path, value }, ...nodes(value, path)];
  });
}

const placeholders = (value: unknown): string[] =>
  typeof value === "string" ? [...value.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1]!.trim()) : nodes(value).flatMap((n) => placeholders(n.value));

/** The calls to compare for one namespace: each base key (plural suffixes removed) with each option set. */
function calls(tree: unknown): { key: string; options: TOptions | undefined }[] {
  const byBase = new Map<string, { values: Record<string, string>; contexts: Set<string> }>();
  for (const { path, value } of nodes(tree)) {
    const base = path.replace(PLURAL, "");
    const entry = byBase.get(base) ?? { values: {}, contexts: new Set<string>() };
    for (const name of placeholders(value)) entry.values[name] = `⟨${name}⟩`;
    byBase.set(base, entry);
    // "key_context" (and "key_context_one"): every split of the last segment at an underscore.
    const last = base.slice(base.lastIndexOf(".") + 1);
    for (let i = last.indexOf("_"); i > 0; i = last.indexOf("_", i + 1)) {
      const contextBase = base.slice(0, base.length - last.length + i);
      const context = last.slice(i + 1);
      const target = byBase.get(contextBase) ?? { values: {}, contexts: new Set<string>() };
      target.contexts.add(context);
      byBase.set(contextBase, target);
    }
  }
  return [...byBase].flatMap(([key, { values, contexts }]) => [
    { key, options: undefined },
    { key, options: { ...values } },
    { key, options: { ...values, returnObjects: true } },
    ...COUNTS.map((count) => ({ key, options: { ...values, count } })),
    ...[...contexts, "nobody"].flatMap((context) => [
      { key, options: { ...values, context } },
      ...COUNTS.map((count) => ({ key, options: { ...values, context, count } })),
    ]),
  ]);
}

/**
 * The texts, each followed by its own path: French and Spanish often write "many" and "other"
 * alike, and a key and its context variant may read the same; tagged, the wrong variant shows.
 */
function tagged(tree: unknown, path: string): unknown {
  if (typeof tree === "string") return `${tree} [${path}]`;
  if (!tree || typeof tree !== "object") return tree;
  const copy = (Array.isArray(tree) ? [] : {}) as Tree;
  for (const [name, value] of Object.entries(tree as Tree)) copy[name] = tagged(value, `${path}.${name}`);
  return copy;
}
const texts = tagged(resources, "") as Record<string, Record<string, object>>;

interface Pair {
  name: string;
  i18n: I18n;
  ours: Translator;
  i18nextMissing: string[];
  oursMissing: string[];
}

/** The server's set-up: one instance per language, English as fallback. */
function serverPair(lng: string): Pair {
  const i18n = i18next.createInstance();
  void i18n.init({ ...i18nOptions, lng, resources: texts, initImmediate: false });
  const ours = createTranslator({ language: lng, fallbackLanguages: [fallbackLanguage], resources: texts, defaultNamespace });
  return { name: `server ${lng}`, i18n, ours, i18nextMissing: [], oursMissing: [] };
}

/** The browser's: the page's language only, and a report of each key found nowhere. */
function browserPair(lng: string): Pair {
  const pair: Pair = { name: `browser ${lng}`, i18n: i18next.createInstance(), ours: undefined as unknown as Translator, i18nextMissing: [], oursMissing: [] };
  const only = { [lng]: texts[lng] } as Record<string, Record<string, object>>;
  void pair.i18n.init({
    ...i18nOptions,
    lng,
    fallbackLng: false,
    resources: only,
    initImmediate: false,
    saveMissing: true,
    missingKeyHandler: (_lngs: readonly string[], ns: string, key: string, _fallback: string, _update: boolean, options?: { defaultValue?: unknown }) => {
      // i18next reports a missing plural once per form; the browser logs it once (entry.client).
      if (options?.defaultValue === undefined) pair.i18nextMissing.push(`${ns}:${key}`.replace(PLURAL, ""));
    },
  });
  pair.ours = createTranslator({ language: lng, resources: only, defaultNamespace, onMissing: (ns, key) => pair.oursMissing.push(`${ns}:${key}`) });
  return pair;
}

/** Both answers, as react-i18next's useTranslation(ns) would ask (getFixedT with the first namespace). */
function ask(pair: Pair, ns: string | readonly string[], key: string, options?: TOptions, keyPrefix?: string) {
  const first = typeof ns === "string" ? ns : ns[0]!;
  const theirs = (pair.i18n.getFixedT(null, first, keyPrefix) as unknown as (k: string, o?: object) => unknown)(key, options && { ...options });
  const ours = pair.ours.fixedT(ns, keyPrefix)(key, options && { ...options });
  return { theirs, ours };
}

const pairs = supportedLanguages.flatMap((lng) => [serverPair(lng), browserPair(lng)]);
const namespaceNames = Object.keys(resources.en);

describe.each(pairs.map((pair) => [pair.name, pair] as const))("our translator and i18next, %s", (_name, pair) => {
  it.each(namespaceNames)("answer alike for every key of %s, with every option pages pass", (ns) => {
    const tree = (resources as unknown as Record<string, Record<string, unknown>>)[fallbackLanguage]![ns];
    const local = (resources as unknown as Record<string, Record<string, unknown>>)[pair.ours.language]![ns];
    const seen = new Map<string, { key: string; options: TOptions | undefined }>();
    for (const call of [...calls(tree), ...calls(local)]) seen.set(JSON.stringify(call), call);
    const differences: string[] = [];
    for (const { key, options } of seen.values()) {
      const bare = ask(pair, ns, key, options);
      const prefixed = ask(pair, defaultNamespace === ns ? "errors" : defaultNamespace, `${ns}:${key}`, options);
      for (const { theirs, ours } of [bare, prefixed]) {
        if (JSON.stringify(theirs) !== JSON.stringify(ours)) differences.push(`${key} ${JSON.stringify(options)}: i18next ${JSON.stringify(theirs)}, ours ${JSON.stringify(ours)}`);
      }
    }
    expect(differences.slice(0, 10)).toEqual([]);
    expect(new Set(pair.oursMissing)).toEqual(new Set(pair.i18nextMissing));
  });

  it("answer alike for missing keys, default values, key prefixes, namespace lists and natural-language keys", () => {
    const cases: [string | readonly string[], string, TOptions | undefined, string?][] = [
      ["common", "no.such.key", undefined],
      ["common", "no.such.key", { defaultValue: "Default {{x}}", x: "X" }],
      ["common", "no.such.key", { defaultValue: "many", defaultValue_one: "one", count: 1 }],
      ["common", "no.such.key", { defaultValue_one: "one only", count: 2 }],
      ["common", "no.such.key", { defaultValue: "zero?", defaultValue_zero: "zero", count: 0 }],
      ["common", "missing {{x}} here", { x: "X" }],
      ["common", "Hello, world: a sentence", undefined],
      ["common", "errors:no.such.key", undefined],
      ["common", "siteName", { defaultValue: "unused" }],
      ["common", "siteName", { ns: "errors" }],
      ["common", "siteName", { ns: ["errors", "common"] }],
      [["actors", "common"], "siteName", undefined],
      [["actors", "common"], "common:siteName", undefined],
      ["pages", "privacy.sections", { returnObjects: true, version: "V" }],
      ["pages", "privacy", undefined],
      ["pages", "sections", { keyPrefix: "privacy", returnObjects: true }, undefined],
      ["desk", "actor.approved", undefined, "auditAction"],
      ["desk", "no.such.key", undefined, "auditAction"],
      ["initiatives", "results", { count: 5, n: "5" }, "list"],
      ["common", "siteName", { keyPrefix: "" }, "anything"],
    ];
    for (const [ns, key, options, keyPrefix] of cases) {
      const { theirs, ours } = ask(pair, ns, key, options, keyPrefix);
      expect(ours, `${String(ns)} ${key} ${JSON.stringify(options)} ${keyPrefix ?? ""}`).toEqual(theirs);
    }
    expect(new Set(pair.oursMissing)).toEqual(new Set(pair.i18nextMissing));
  });
});

describe("the comparison itself", () => {
  it("reaches the plural forms each language has, French and Spanish 'many' included", () => {
    const forms = new Set<string>();
    for (const lng of supportedLanguages)
      for (const ns of namespaceNames) for (const { path } of nodes((resources as unknown as Record<string, Record<string, unknown>>)[lng]![ns])) {
        const form = path.match(PLURAL)?.[1];
        if (form) forms.add(`${lng}_${form}`);
      }
    expect([...forms].sort()).toEqual(["en_one", "en_other", "es_many", "es_one", "es_other", "fr_many", "fr_one", "fr_other"]);
    const t = i18next.createInstance();
    void t.init({ ...i18nOptions, lng: "fr", resources, initImmediate: false });
    expect((t.getFixedT("fr") as I18nextT)("initiatives:list.results", { count: 1_000_000, n: "1 000 000" })).toBe(
      createTranslator({ language: "fr", resources, defaultNamespace }).fixedT()("initiatives:list.results", { count: 1_000_000, n: "1 000 000" }),
    );
  });
});
