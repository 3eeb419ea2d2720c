// Hands each request to Remix as a request made to the public URL. The Express adapter builds
// the URL from Host and X-Forwarded-Host, which the sender chooses: anything a route derived
// from request.url (an API link, a redirect) could then name another site. Here the origin
// is the configured one, the body is the bounded buffer read before (server/request-body.ts),
// and session-dependent answers are never stored by a cache. Anonymous public pages go through
// the page cache (server/page-cache.ts) when one is given.
import type { Writable } from "node:stream";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { carriesSession as cookieCarriesSession, type PageCache } from "./page-cache";

export interface RemixHandlerOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  publicUrl: string;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
  pageCache?: PageCache;
}

/** Whether a request carries a session cookie: its answer may show whose session it is. */
function carriesSession(req: ExpressRequest): boolean {
  return cookieCarriesSession(req.headers.cookie);
}

/** Chunks are gathered up to this size before one write to the response (and its compressor). */
const WRITE_BATCH_BYTES = 64 * 1024;

/**
 * Copies the body to the client. Unlike Remix's writeReadableStreamToWritable it does not flush
 * the compressor after every chunk of about 2 KB (nothing is deferred: the document is complete
 * when the stream ends), which doubled gzip's output and its CPU; it waits on backpressure.
 * React writes a page in chunks of 2 KB that arrive back to back: they are gathered into writes
 * of up to 64 KB, since each write costs a call into the compressor and its thread pool (a 160 KB
 * page made 80 of them; compression was a tenth of the page's CPU, issue 10).
 */
async function writeBody(stream: ReadableStream<Uint8Array>, writable: Writable): Promise<void> {
  const reader = stream.getReader();
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batchBytes === 0) return;
    const chunk = batch.length === 1 ? (batch[0] as Uint8Array) : Buffer.concat(batch, batchBytes);
    batch = [];
    batchBytes = 0;
    if (!writable.write(chunk)) {
      await new Promise<void>((resolve) => {
        const go = () => {
          writable.off("drain", go);
          writable.off("close", go);
          resolve();
        };
        writable.on("drain", go).on("close", go);
      });
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      batch.push(value);
      batchBytes += value.byteLength;
      if (batchBytes >= WRITE_BATCH_BYTES) await flush();
    }
    await flush();
    writable.end();
  } catch (error) {
    writable.destroy(error as Error);
    throw error;
  }
}

function remixHeaders(req: ExpressRequest, publicHost: string): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  headers.set("host", publicHost);
  headers.delete("x-forwarded-host");
  // The CSRF check (server/app.ts) compared Origin with the configured origins; Remix's own
  // check would compare it with Host again, and answer 500 where they differ.
  headers.delete("origin");
  return headers;
}

export function remixHandler(options: RemixHandlerOptions): RequestHandler {
  const handleRequest = createRequestHandler(options.build, options.mode);
  const publicHost = new URL(options.publicUrl).host;
  return async (req, res, next) => {
    try {
      const controller = new AbortController();
      // Stop loaders and actions whose client went away before the answer was written.
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const body = res.locals.body as Buffer | undefined;
      const request = new Request(`${options.publicUrl}${req.originalUrl}`, {
        method: req.method,
        headers: remixHeaders(req, publicHost),
        body: req.method === "GET" || req.method === "HEAD" || !body ? undefined : new Uint8Array(body),
        signal: controller.signal,
      });
      const response = await handleRequest(request, options.getLoadContext(req, res));
      // Any other method may have changed public data: this instance forgets its pages before
      // answering, so the writer's next request never sees a stale one (other instances hear
      // of it through NOTIFY, server/invalidation.ts).
      // A refusal (4xx) changed nothing, by the house rules: it keeps the cache.
      if (req.method !== "GET" && req.method !== "HEAD" && response.status < 400) options.pageCache?.clear();
      if (options.pageCache && (await options.pageCache.storeAndSend(req, res, response))) return;

      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      if (carriesSession(req) || response.headers.has("set-cookie")) res.setHeader("Cache-Control", "private, no-store");
      if (response.body) await writeBody(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}
