// What the HTTP server hands to every loader and action (see server/app.ts).
import type { Logger } from "pino";
import type { Database } from "~/db/client.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    db: Database;
    /** Per-request nonce for the Content-Security-Policy. */
    cspNonce: string;
    /** The client's address as Express sees it (trust proxy applied); null when unknown. */
    clientIp: string | null;
    /** Base URL of absolute links (emails, API): APP_URL or, in local mode, http://localhost:PORT. */
    publicUrl: string;
    /** This request's logger (with its request id); absent when a test calls a route directly. */
    log?: Logger;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
