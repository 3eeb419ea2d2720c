import { PassThrough } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { pino } from "pino";
import { renderToPipeableStream } from "react-dom/server";
import { describeError, RETRY_AFTER_SECONDS } from "./db/faults.server";
import { i18nServer, translatorFor } from "./i18n/i18next.server";
import { TranslationProvider } from "./i18n/react";
import { NonceProvider } from "./utils/nonce";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

// Only for a server that passes no logger in the load context; server/app.ts always does.
let fallbackLogger: ReturnType<typeof pino> | undefined;

function logFor(context: AppLoadContext | undefined) {
  if (context?.log) return context.log;
  fallbackLogger ??= pino({ level: process.env.LOG_LEVEL ?? "info" });
  return fallbackLogger;
}

/**
 * Replaces Remix's default, which prints the whole error with console.error: about thirty lines
 * of stack per failure, and drizzle's message holding the SQL and its parameters (an email
 * address typed into the sign-in form). One structured line, without those, instead.
 */
export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs): void {
  // The visitor left or the request timed out: nothing went wrong on our side.
  if (request.signal.aborted) return;
  // The router's own answers to a client's mistake (404 for an unknown address, 405 for a form
  // sent to a page that takes none): the response says so; nothing failed on our side.
  if (isRouteErrorResponse(error) && error.status < 500) {
    logFor(context).warn({ status: error.status, method: request.method, path: new URL(request.url).pathname }, "request refused by the router");
    return;
  }
  logFor(context).error({ error: describeError(error), method: request.method, path: new URL(request.url).pathname }, "unhandled error in a loader, action or render");
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The language's translator, built at start-up (app/i18n/i18next.server.ts): the browser's
  // reads the same texts the same way (ADR 021), so hydration finds the words the server wrote.
  const translator = translatorFor(await i18nServer.getLocale(request));
  const nonce = loadContext.cspNonce;
  // A database outage (see server/faults.ts): tell browsers and proxies when to come back.
  if (responseStatusCode === 503) responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
  // Crawlers and no-JavaScript clients get the whole document at once.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <TranslationProvider translator={translator} translatorFor={translatorFor}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </TranslationProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Before the shell, Remix reports the error to handleError itself.
          if (shellRendered) logFor(loadContext).error({ error: describeError(error) }, "error while streaming a page");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1_000);
  });
}
