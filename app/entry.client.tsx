import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { loadLanguage } from "./i18n/client-resources";
import { fallbackLanguage, i18nOptions } from "./i18n/config";

/**
 * Decodes the page's data before React starts. With single fetch, RemixBrowser's first render
 * starts decoding the data the server streamed into the page and suspends until it is done. A
 * keystroke or click before that would make React hydrate at once (synchronously), meet the
 * suspension where nothing may suspend and throw "Root did not complete" (React error #345,
 * remix-run/react-router#12763), leaving the page without its scripts. Calling the component
 * once here starts the same decode: it throws the decode's promise (always, on this first call,
 * so none of its hooks run outside React), which we wait for; when React renders it, the data is
 * there. tests/e2e/hydration.spec.ts types into a page whose React is slowed down.
 */
async function decodePageData(): Promise<void> {
  try {
    (RemixBrowser as (props: object) => unknown)({});
  } catch (pending) {
    // A promise is the decode under way; anything else, React will meet and report the same way.
    if (pending instanceof Promise) await pending;
  }
}

async function hydrate() {
  // The server already chose the language and wrote it on <html lang>. The root and route modules
  // of this page fetched their namespaces in it while they loaded (ADR 017): they are in hand.
  const lng = document.documentElement.lang || fallbackLanguage;
  await i18next.use(initReactI18next).init({
    ...i18nOptions,
    resources: { [lng]: await loadLanguage(lng) },
    lng,
    // The other languages are not here: a missing key shows this language's text, or the key.
    fallbackLng: false,
    // A key missing here is a namespace a route forgot to declare in handle.i18n: say so, the
    // browser tests fail on any console error.
    saveMissing: true,
    missingKeyHandler: (_lngs: readonly string[], ns: string, key: string, _fallback: string, _update: boolean, options?: { defaultValue?: unknown }) => {
      if (options?.defaultValue === undefined) console.error(`Missing translation ${ns}:${key}: is "${ns}" in the route's handle.i18n?`);
    },
    // The page's namespaces are in memory before hydration, so nothing has to wait: a component
    // that suspended anyway (no Suspense boundary above it) would stop the whole root.
    react: { useSuspense: false },
  });
  await decodePageData();
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
