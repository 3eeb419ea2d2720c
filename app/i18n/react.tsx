// How components reach the translator (app/i18n/translate.ts, ADR 021): the call shapes of
// react-i18next that our pages use — useTranslation(ns | [ns, …]) giving { t, i18n } and one
// Trans — without react-i18next, whose weight the browser no longer carries. The server and the
// browser provide the same translator for a language (entry.server, entry.client), so the
// server's HTML and the hydrated page say the same words by construction.
import { cloneElement, createContext, type ReactElement, type ReactNode, useContext, useMemo, useState } from "react";
import type { TFunction, TOptions, Translator } from "./translate";

interface I18n {
  language: string;
  /** Shows the page in another language, whose namespaces the caller has loaded first. */
  changeLanguage(language: string): Promise<void>;
}

const TranslationContext = createContext<{ translator: Translator; i18n: I18n } | null>(null);

export function TranslationProvider({
  translator: first,
  translatorFor,
  children,
}: {
  translator: Translator;
  /** The translator of another language, for a switch (the profile's language at sign-in, a ?lng= link). */
  translatorFor: (language: string) => Translator;
  children: ReactNode;
}) {
  const [translator, setTranslator] = useState(first);
  const value = useMemo(
    () => ({
      translator,
      i18n: {
        language: translator.language,
        changeLanguage: async (language: string) => setTranslator(translatorFor(language)),
      },
    }),
    [translator, translatorFor],
  );
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

/** Bare keys are read in the first namespace, others by "ns:key", as with react-i18next. */
export function useTranslation(ns?: string | readonly string[], options?: { keyPrefix?: string }): { t: TFunction; i18n: I18n } {
  const context = useContext(TranslationContext);
  if (!context) throw new Error("useTranslation needs a TranslationProvider above it (entry.server, entry.client).");
  const namespace = typeof ns === "string" ? ns : ns?.[0];
  const keyPrefix = options?.keyPrefix;
  const { translator, i18n } = context;
  const t = useMemo(() => translator.fixedT(namespace, keyPrefix), [translator, namespace, keyPrefix]);
  return { t, i18n };
}

/**
 * A text with elements inside it, written as <name>…</name> in the translation, each drawn by
 * the component of that name (a link inside a sentence). Texts without such tags render as text.
 */
export function Trans({
  t,
  i18nKey,
  values,
  components,
}: {
  t: TFunction;
  i18nKey: string;
  values?: TOptions;
  components: Record<string, ReactElement>;
}) {
  const parts = t(i18nKey, values).split(/<(\w+)>(.*?)<\/\1>/s);
  return (
    <>
      {parts.map((part, i) => {
        // split() with two groups: text, tag name, tag content, text, …
        if (i % 3 === 0) return part;
        if (i % 3 === 2) return null;
        const component = components[part];
        const inner = parts[i + 1];
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, never reordered.
        return component ? cloneElement(component, { key: i }, inner) : `<${part}>${inner}</${part}>`;
      })}
    </>
  );
}
