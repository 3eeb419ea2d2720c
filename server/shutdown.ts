import type { Server } from "node:http";

/**
 * Stops accepting connections and resolves once the requests in flight have finished, cutting
 * the connections that are still busy after `graceMs` (a stuck client must not block a deploy).
 */
export function closeGracefully(server: Server, graceMs: number, onTimeout?: () => void): Promise<void> {
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
