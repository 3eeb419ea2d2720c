// Telling "the database is away or overloaded" apart from a bug, and describing any error for
// the log without what it carries about people: drizzle's error message holds the SQL and its
// parameters (a sign-in's email address), PostgreSQL's messages may quote the values refused.

/** Seconds a client is asked to wait before trying again when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

// Node's socket errors and postgres.js's own connection errors.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

// SQLSTATEs that say "try again later", not "this request is wrong".
const TRANSIENT_SQLSTATES = new Set([
  "57014", // query_canceled: statement_timeout
  "55P03", // lock_not_available: lock_timeout
  "25P03", // idle_in_transaction_session_timeout
  "40001", // serialization_failure
  "40P01", // deadlock_detected
  "3D000", // the database does not exist (dropped, or not created yet)
]);

interface ErrorFields {
  name?: unknown;
  code?: unknown;
  severity?: unknown;
  routine?: unknown;
  message?: unknown;
  cause?: unknown;
  stack?: unknown;
}

/** The error and the errors it wraps (drizzle puts the driver's error in `cause`), outermost first. */
function chain(error: unknown): ErrorFields[] {
  const links: ErrorFields[] = [];
  let current: unknown = error;
  while (typeof current === "object" && current !== null && links.length < 5 && !links.includes(current as ErrorFields)) {
    links.push(current as ErrorFields);
    current = (current as ErrorFields).cause;
  }
  return links;
}

function isUnavailable(link: ErrorFields): boolean {
  const code = typeof link.code === "string" ? link.code : "";
  if (CONNECTION_CODES.has(code) || TRANSIENT_SQLSTATES.has(code)) return true;
  // Class 08: connection exception; 53: insufficient resources (too many connections);
  // 57P: the server is shutting down, restarting, or the database was dropped.
  if (/^(08|53)[0-9A-Z]{3}$/.test(code) || /^57P0[1-5]$/.test(code)) return true;
  // `ALLOW_CONNECTIONS false` (maintenance) refuses with the generic 55000 during start-up.
  if (code === "55000" && link.routine === "InitPostgres") return true;
  // The embedded engine after it was closed.
  return link.message === "PGlite is closed" || link.message === "database is closed";
}

/** True when the failure is the database being away, slow or locked: worth a 503 and a retry. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some(isUnavailable);
}

/**
 * What the log may keep of an error: its kind, codes and call stack. Messages are kept only for
 * errors that are not the database's (ours do not carry personal data); for database errors the
 * SQLSTATE and routine say what happened without the SQL, its parameters or quoted values.
 * Log it under a key other than `err`: pino's error serializer would rebuild it.
 */
export function describeError(error: unknown): Record<string, unknown> {
  const links = chain(error);
  const outer = links[0];
  if (!outer) return { type: typeof error, message: String(error).slice(0, 200) };
  // drizzle's DrizzleQueryError keeps its name "Error" but carries the query and its params.
  const fromDatabase =
    isDatabaseUnavailable(error) ||
    links.some((link) => link.name === "PostgresError" || typeof link.severity === "string" || "params" in link || "query" in link);
  const innermost = links[links.length - 1] ?? outer;
  const name = typeof outer.name === "string" ? outer.name : "Error";
  const message = fromDatabase ? undefined : typeof outer.message === "string" ? outer.message.slice(0, 500) : undefined;
  // The first line of a stack repeats the message: keep only the frames.
  const frames = typeof outer.stack === "string" ? outer.stack.split("\n").filter((line) => line.trimStart().startsWith("at ")) : [];
  return {
    type: name,
    ...(message === undefined ? {} : { message }),
    ...(typeof innermost.code === "string" ? { code: innermost.code } : {}),
    ...(typeof innermost.routine === "string" ? { routine: innermost.routine } : {}),
    ...(links.length > 1 && typeof innermost.name === "string" ? { cause: innermost.name } : {}),
    ...(frames.length > 0 ? { stack: frames.slice(0, 12).map((line) => line.trim()).join(" | ") } : {}),
  };
}
