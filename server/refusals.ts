// The short plain-text answers the HTTP layer gives before any page renders (a method it does
// not take, a Host that is not ours, a cross-site form, a body too large or not a form, a
// timeout, a failure): in the visitor's language, resolved as the pages resolve it (?lng=, the
// lng cookie, then Accept-Language), from the server-only `refusals` namespace. A person who
// meets one of these in French or Spanish reads it in French or Spanish, like every other page.
import type { Request as ExpressRequest, Response } from "express";
import { fallbackLanguage } from "~/i18n/config";
import { i18nFor, i18nServer } from "~/i18n/i18next.server";

export type RefusalKey =
  | "methodNotAllowed"
  | "misdirected"
  | "badHost"
  | "badRequest"
  | "crossSite"
  | "unsupportedType"
  | "tooLarge"
  | "unavailable"
  | "internal";

/** The visitor's language; the fallback language when the request is too odd to tell. */
async function languageOf(req: ExpressRequest): Promise<string> {
  const headers = new Headers();
  if (req.headers.cookie) headers.set("cookie", req.headers.cookie);
  if (req.headers["accept-language"]) headers.set("accept-language", req.headers["accept-language"]);
  try {
    // A fixed base: only the address's ?lng= counts; the Host (possibly the reason for the
    // refusal) never goes into a URL here.
    return await i18nServer.getLocale(new Request(new URL(req.originalUrl, "http://localhost"), { headers }));
  } catch {
    return fallbackLanguage;
  }
}

export interface RefusalOptions {
  /** Interpolated into the text ({{kilobytes}} of tooLarge). */
  values?: Record<string, string | number>;
  headers?: Record<string, string>;
}

/**
 * Answers `status` with the refusal's text in the visitor's language. The language is resolved
 * asynchronously: if something else answered meanwhile (a timeout), this one is dropped.
 */
export function refuse(req: ExpressRequest, res: Response, status: number, key: RefusalKey, options: RefusalOptions = {}): void {
  void languageOf(req).then((lng) => {
    if (res.headersSent) return;
    const t = i18nFor(lng).getFixedT(lng, "refusals");
    res
      .status(status)
      // The text depends on these; a refusal is never worth keeping in a shared cache.
      .set({ "Content-Language": lng, Vary: "Accept-Language, Cookie", "Cache-Control": "no-store", ...options.headers })
      .type("text/plain")
      .send(t(key, options.values));
  });
}
