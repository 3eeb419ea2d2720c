// Cross-instance invalidation of the public page cache. A trigger on each public table
// (drizzle/0005_perf.sql) sends NOTIFY public_data_changed in the writing transaction;
// PostgreSQL delivers it at commit to every instance LISTENing here, which forgets its pages.
// The instance that wrote has already cleared its own (server/remix-handler.ts): this is for
// the others, which hear of it within milliseconds (the bound tested is 1 s).
import type { Logger } from "pino";
import type { DbHandle } from "~/db/client.server";

export const PUBLIC_DATA_CHANNEL = "public_data_changed";

/**
 * LISTENs for changes and calls `onChange` with the table named by each notification. Resolves
 * to a stop function. Without LISTEN support it says so and the cache relies on its TTL alone.
 */
export async function listenForPublicChanges(
  database: Pick<DbHandle, "listen">,
  onChange: (table: string) => void,
  logger?: Pick<Logger, "warn">,
): Promise<() => Promise<void>> {
  if (!database.listen) {
    logger?.warn("this database handle cannot LISTEN: cached pages expire only with their TTL");
    return async () => {};
  }
  // postgres.js re-LISTENs by itself when its connection comes back; a notification sent while
  // it was away is lost, and the TTL bounds how long a page can then stay stale.
  return database.listen(PUBLIC_DATA_CHANNEL, (payload) => onChange(payload));
}
