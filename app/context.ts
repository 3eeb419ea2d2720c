// What the HTTP server hands to every loader and action (see server/app.ts).
import type { Database } from "~/db/client.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    db: Database;
    /** Per-request nonce for the Content-Security-Policy. */
    cspNonce: string;
    /** The client's address as Express sees it (trust proxy applied); null when unknown. */
    clientIp: string | null;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
