import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { fallbackLanguage, i18nOptions } from "./i18n/config";
import { resources } from "./i18n/resources";

async function hydrate() {
  await i18next.use(initReactI18next).init({
    ...i18nOptions,
    resources,
    // The server already chose the language and wrote it on <html lang>.
    lng: document.documentElement.lang || fallbackLanguage,
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
