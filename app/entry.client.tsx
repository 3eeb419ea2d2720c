import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { loadLanguage } from "./i18n/client-resources";
import { fallbackLanguage, i18nOptions } from "./i18n/config";

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
