// The <head> in the browser right after a switch of language (sign-in with a profile language, a
// ?lng= link): the root namespaces of the new language arrive one by one, and until all have, the
// head stays in the language on screen. Reading the new language when only `common` had come
// logged "Missing translation discovery:meta.default" in a coalition journey, on the page of a
// person whose profile language differs from the one they were browsing in.
import { beforeAll, describe, expect, it } from "vitest";
import { loadNamespaces, showLanguage } from "~/i18n/client-resources";
import enDiscovery from "~/i18n/locales/en/discovery.json";
import frDiscovery from "~/i18n/locales/fr/discovery.json";
import { seoText } from "~/utils/seo";

describe("the head during a switch of language", () => {
  beforeAll(async () => {
    await loadNamespaces("en", ["common", "errors", "discovery"]);
    showLanguage("en");
  });

  it("stays in the shown language until every root namespace of the new one has arrived, then follows", async () => {
    await loadNamespaces("fr", ["common"]);
    expect(seoText("fr", "default")).toBe(enDiscovery.meta.default);
    await loadNamespaces("fr", ["errors"]);
    expect(seoText("fr", "default")).toBe(enDiscovery.meta.default);
    await loadNamespaces("fr", ["discovery"]);
    expect(seoText("fr", "default")).toBe(frDiscovery.meta.default);
    expect(frDiscovery.meta.default).not.toBe(enDiscovery.meta.default);
  });
});
