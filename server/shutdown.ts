// Stopping the process within a bound, whatever the database or the clients are doing: a deploy
// or an orchestrator's SIGTERM must not wait on a stuck pool, and kept-alive clients are told to
// close their connection instead of meeting a reset.
import type { Server, ServerResponse } from "node:http";

const openResponses = new WeakMap<Server, Set<ServerResponse>>();
const draining = new WeakSet<Server>();

function tellToClose(response: ServerResponse): void {
  // Node then answers `Connection: close` and ends the connection after this response.
  if (!response.headersSent) response.setHeader("Connection", "close");
}

/**
 * Call once when the server is created. Responses not yet sent when a drain starts, and every
 * request that still arrives on a kept-alive connection during it, get `Connection: close`:
 * the client opens a new connection (to another instance) instead of reusing one we are about
 * to close, which it would see as ECONNRESET.
 */
export function trackResponses(server: Server): void {
  const open = new Set<ServerResponse>();
  openResponses.set(server, open);
  server.on("request", (_req, res: ServerResponse) => {
    if (draining.has(server)) tellToClose(res);
    open.add(res);
    res.once("close", () => open.delete(res));
  });
}

/**
 * Stops accepting connections and resolves once the requests in flight have finished, cutting
 * the connections that are still busy after `graceMs` (a stuck client must not block a deploy).
 */
export function closeGracefully(server: Server, graceMs: number, onTimeout?: () => void): Promise<void> {
  draining.add(server);
  for (const response of openResponses.get(server) ?? []) tellToClose(response);
  return new Promise((resolve, reject) => {
    // A keep-alive connection whose request just finished would otherwise stay open until the
    // client's idle timeout: close each one as soon as it has nothing left to do.
    const reapIdle = setInterval(() => server.closeIdleConnections(), 100);
    const forceClose = setTimeout(() => {
      onTimeout?.();
      server.closeAllConnections();
    }, graceMs);
    server.close((error) => {
      clearInterval(reapIdle);
      clearTimeout(forceClose);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}

export interface ShutdownPlan {
  server: Server;
  /** From the signal to the end of this function, never longer (SHUTDOWN_TIMEOUT_MS). */
  timeoutMs: number;
  /** Background work to stop once no request is left (the mail sender). */
  stopWork: () => Promise<void>;
  closeDatabase: () => Promise<void>;
  onGraceExpired?: () => void;
}

/**
 * Requests in flight get most of the bound, then background work and the pool share the rest.
 * Resolves "clean" when everything stopped in time, "timed out" otherwise: the caller exits
 * either way, and whatever is still stuck (a query on a dead connection) dies with the process.
 */
export async function shutDown(plan: ShutdownPlan): Promise<"clean" | "timed out"> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timed out">((resolve) => {
    timer = setTimeout(() => resolve("timed out"), plan.timeoutMs);
  });
  const graceMs = Math.floor(plan.timeoutMs * 0.6);
  const steps = (async () => {
    await closeGracefully(plan.server, graceMs, plan.onGraceExpired);
    await plan.stopWork();
    await plan.closeDatabase();
    return "clean" as const;
  })();
  try {
    return await Promise.race([steps, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
