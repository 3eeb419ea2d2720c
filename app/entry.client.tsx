import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadLanguage, showLanguage } from "./i18n/client-resources";
import { fallbackLanguage } from "./i18n/config";
import { TranslationProvider } from "./i18n/react";

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
  await loadLanguage(lng);
  // The translator that reads as the server's for this language (ADR 021), over the namespaces that
  // arrived and those that will; a key missing from them is reported (client-resources.ts).
  const translator = showLanguage(lng);
  await decodePageData();
  startTransition(() => {
    hydrateRoot(
      document,
      <TranslationProvider translator={translator} translatorFor={showLanguage}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </TranslationProvider>,
    );
  });
}

void hydrate();
