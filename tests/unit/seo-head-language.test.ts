// The <head> in the browser right after a switch of language (sign-in with a profile language, a
// ?lng= link): the root namespaces of the new language arrive one by one, and until all have, the
// head stays in the language on screen. Reading the new language when only `common` had come
// logged "Missing translation discovery:meta.default" in a coalition journey, on the page of a
// person whose profile language differs from the one they were browsing in.
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { seoText } from "~/utils/seo";

describe("the head during a switch of language", () => {
  beforeAll(async () => {
    await i18next.init({
      lng: "en",
      fallbackLng: false,
      resources: { en: { common: {}, errors: {}, discovery: { meta: { default: "The Alliance, in English" } } } },
    });
  });

  it("stays in the shown language until every root namespace of the new one has arrived, then follows", () => {
    i18next.addResourceBundle("fr", "common", { appName: "Portail" });
    expect(seoText("fr", "default")).toBe("The Alliance, in English");
    i18next.addResourceBundle("fr", "errors", {});
    expect(seoText("fr", "default")).toBe("The Alliance, in English");
    i18next.addResourceBundle("fr", "discovery", { meta: { default: "L’Alliance, en français" } });
    expect(seoText("fr", "default")).toBe("L’Alliance, en français");
  });
});
