import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { getEnv } from "~/env.server";
import { fallbackLanguage, i18nOptions, supportedLanguages } from "./config";
import { resources } from "./resources";

/**
 * The visitor's explicit language choice; Accept-Language decides until they make one. A `?lng=`
 * in the address outranks both for that one page (links shared in a language, hreflang
 * alternates) and sets nothing, so a page's language follows from its URL wherever it is present.
 */
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: getEnv().secureCookies,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: localeCookie,
    order: ["searchParams", "cookie", "header"],
    searchParamKey: "lng",
  },
  i18next: { ...i18nOptions, resources },
});
