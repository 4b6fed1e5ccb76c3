import type { ProxyUrl } from './proxy-setting';

/** What a system proxy answer (`PROXY host:port; SOCKS5 host:port; DIRECT`) leaves Courier to use. */
export type PacChoice = Readonly<{
  /** The proxy to go through, or null for a direct connection. */
  proxy: ProxyUrl | null;
  /** Entries Courier cannot use (SOCKS4, an HTTPS or QUIC proxy), skipped in order. */
  skipped: readonly string[];
}>;

/**
 * Chooses from the answer of a PAC file or the system's proxy settings, as Chromium's
 * `resolveProxy` gives it: entries separated by `;`, tried in order. `PROXY`/`HTTP host:port` is an
 * HTTP CONNECT proxy, `SOCKS5 host:port` a SOCKS5 proxy, `DIRECT` no proxy. `SOCKS` (version 4),
 * `HTTPS` (TLS to the proxy) and `QUIC` cannot carry Courier's connections and are skipped; an
 * answer with nothing usable (or an empty one) means a direct connection.
 */
export function parsePacResult(text: string): PacChoice {
  const skipped: string[] = [];
  for (const raw of text.split(';')) {
    const entry = raw.trim();
    if (!entry) continue;
    const match = /^([A-Za-z0-9]+)(?:\s+(\S+))?$/.exec(entry);
    const scheme = match?.[1]!.toUpperCase() ?? '';
    if (scheme === 'DIRECT') return { proxy: null, skipped };
    const kind =
      scheme === 'PROXY' || scheme === 'HTTP' ? 'http' : scheme === 'SOCKS5' ? 'socks5' : null;
    const address = match?.[2] ? hostAndPort(match[2], kind === 'socks5' ? 1080 : 80) : null;
    if (!kind || !address) {
      skipped.push(entry);
      continue;
    }
    return { proxy: { kind, ...address }, skipped };
  }
  return { proxy: null, skipped };
}

/** `host:port`, `[v6]:port` or a bare host (with the scheme's usual port). */
function hostAndPort(text: string, defaultPort: number): { host: string; port: number } | null {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]\s]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return null;
  const port = match[2] ? Number(match[2]) : defaultPort;
  if (port < 1 || port > 65535) return null;
  return { host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port };
}
