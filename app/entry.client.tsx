import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { loadLanguage } from "./i18n/client-resources";
import { fallbackLanguage, i18nOptions } from "./i18n/config";

async function hydrate() {
  // The server already chose the language and wrote it on <html lang>: only its translations load.
  const lng = document.documentElement.lang || fallbackLanguage;
  await i18next.use(initReactI18next).init({
    ...i18nOptions,
    resources: { [lng]: await loadLanguage(lng) },
    lng,
    // The other languages are not here: a missing key shows this language's text, or the key.
    fallbackLng: false,
    // Every namespace of the language is in memory before hydration, so nothing has to wait: a
    // component that suspended anyway (no Suspense boundary above it) would stop the whole root.
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
