// Which origins the portal answers as, decided by configuration alone. A request's Host or
// X-Forwarded-Host names whatever the sender likes (password-reset links once went to
// attacker.example that way), so they choose nothing: links come from the public URL, and the
// CSRF check compares Origin with the origins listed here.

export interface OriginPolicy {
  /** APP_URL, or http://localhost:PORT in local mode. */
  publicUrl: string;
  localMode: boolean;
}

// What browsers call this machine; local mode answers to these names on its own port only.
const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];
// RFC 3986 host (a bracketed IPv6 literal or a registered name) and an optional port.
const HOST_SYNTAX = /^(\[[0-9a-f:.]+\]|[a-z0-9._~%!$&'()*+,;=-]+)(?::(\d{1,5}))?$/i;

function portOf(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

/** The origins a state-changing request may come from. */
export function allowedOrigins(policy: OriginPolicy): string[] {
  const url = new URL(policy.publicUrl);
  if (!policy.localMode) return [url.origin];
  return LOOPBACK_NAMES.map((name) => `${url.protocol}//${name}:${portOf(url)}`);
}

export type HostVerdict = { ok: true } | { ok: false; status: 400 | 421; reason: string };

/**
 * A Host header that is not a host is a client error (400). In local mode only the loopback
 * names on our port are ours; any other name (a DNS-rebinding page, a proxy we do not know)
 * reached the wrong server (421 Misdirected Request). With APP_URL the Host is never used.
 */
export function checkHost(host: string | undefined, policy: OriginPolicy): HostVerdict {
  const match = host === undefined ? null : HOST_SYNTAX.exec(host);
  if (!match) return { ok: false, status: 400, reason: "malformed Host header" };
  if (!policy.localMode) return { ok: true };
  const url = new URL(policy.publicUrl);
  const name = (match[1] ?? "").toLowerCase();
  const port = match[2] ?? (url.protocol === "https:" ? "443" : "80");
  if (LOOPBACK_NAMES.includes(name) && port === portOf(url)) return { ok: true };
  return { ok: false, status: 421, reason: `Host ${host} is not this local portal` };
}
