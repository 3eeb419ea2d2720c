// Every translation of every language, for the server (rendering, titles, emails): one module
// per language in ./locales, where adding a namespace is one line in each of en.ts, fr.ts and
// es.ts. The browser never imports this file: it loads only the page's language
// (client-resources.ts), so a first load does not carry the two languages it does not show.
import * as en from "./locales/en";
import * as es from "./locales/es";
import * as fr from "./locales/fr";

export const resources = { en: { ...en }, fr: { ...fr }, es: { ...es } };
