import { z } from 'zod';

/**
 * How a destination's connections reach its server: directly (`none`), through the proxy the
 * environment names (`environment`: `ALL_PROXY`, `HTTPS_PROXY`, `NO_PROXY`), through the
 * computer's proxy settings (`system`: in the app, what the system resolves for the server, PAC
 * files included; in the command line, the environment), or through a given HTTP CONNECT or
 * SOCKS5 proxy. A proxy password is a keychain secret (`proxy-password`), never here.
 */
export const ProxySetting = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('environment') }),
  z.object({ kind: z.literal('system') }),
  z.object({
    kind: z.enum(['http', 'socks5']),
    host: z
      .string()
      .trim()
      .min(1, 'The proxy address is missing.')
      .refine(v => !/[\s/@]/.test(v), 'The proxy address cannot contain spaces, / or @.'),
    port: z.number().int().min(1).max(65535),
    user: z.string().min(1).optional(),
  }),
]);
export type ProxySetting = z.infer<typeof ProxySetting>;

/** A proxy as a URL names it; `password` only when the URL carries one (an environment variable). */
export type ProxyUrl = Readonly<{
  kind: 'http' | 'socks5';
  host: string;
  port: number;
  user?: string;
  password?: string;
}>;

/**
 * Reads `http://[user[:password]@]host[:port]` or `socks5://…` (also `socks5h://`, `socks://`).
 * A URL without a scheme is an HTTP proxy, as curl reads it. Null when it is not a proxy URL.
 */
export function parseProxyUrl(text: string): ProxyUrl | null {
  const value = text.trim();
  if (!value) return null;
  // Parsed by hand: src-core runs without Node's or the browser's URL.
  const match =
    /^(?:([a-z][a-z0-9+.-]*):\/\/)?(?:([^:@/]*)(?::([^@/]*))?@)?(\[[0-9a-f:.]+\]|[^:/@\s[\]]+)(?::(\d{1,5}))?\/?$/i.exec(
      value
    );
  if (!match) return null;
  const scheme = (match[1] ?? 'http').toLowerCase();
  const kind =
    scheme === 'http' || scheme === 'https' ? 'http' : /^socks5?h?$/.test(scheme) ? 'socks5' : null;
  if (!kind) return null;
  const host = match[4]!.replace(/^\[(.*)\]$/, '$1');
  const port = match[5]
    ? Number(match[5])
    : kind === 'http'
      ? scheme === 'https'
        ? 443
        : 80
      : 1080;
  if (port < 1 || port > 65535) return null;
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const url = {
    username: match[2] ? decode(match[2]) : '',
    password: match[3] ? decode(match[3]) : '',
  };
  return {
    kind,
    host,
    port,
    ...(url.username ? { user: url.username } : {}),
    ...(url.password ? { password: url.password } : {}),
  };
}

/**
 * The proxy setting a `--proxy` value names: a URL, `env`, `system` or `none` (a password in it
 * is refused).
 */
export function proxySettingFromText(text: string): ProxySetting | { error: string } {
  const value = text.trim().toLowerCase();
  if (value === 'none' || value === 'direct') return { kind: 'none' };
  if (value === 'env' || value === 'environment') return { kind: 'environment' };
  if (value === 'system') return { kind: 'system' };
  const url = parseProxyUrl(text);
  if (!url)
    return {
      error: `"${text}" is not a proxy: use http://host:port, socks5://host:port, env, system or none.`,
    };
  if (url.password !== undefined)
    return {
      error:
        'Do not put the proxy password in the address: give it on standard input (--proxy-password-stdin).',
    };
  return {
    kind: url.kind,
    host: url.host,
    port: url.port,
    ...(url.user ? { user: url.user } : {}),
  };
}

/** The identity a proxy password is bound to (`http://alice@proxy:3128`), as server identities are. */
export function proxyIdentity(
  proxy: Readonly<{ kind: 'http' | 'socks5'; host: string; port: number; user?: string }>
): string {
  return `${proxy.kind}://${encodeURIComponent(proxy.user ?? '')}@${proxy.host.trim().toLowerCase()}:${proxy.port}`;
}

/** Whether `NO_PROXY` exempts `host[:port]` (`*`, names and their subdomains, `.suffix`, `host:port`). */
export function bypassesProxy(noProxy: string, host: string, port: number): boolean {
  const name = host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  for (const raw of noProxy.split(/[,\s]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const withPort = /^(.*[^:]):(\d+)$/.exec(entry);
    if (withPort && !entry.includes('::')) {
      if (Number(withPort[2]) !== port) continue;
      entry = withPort[1]!;
    }
    entry = entry.replace(/^\[(.*)\]$/, '$1').replace(/^\*?\./, '.');
    if (entry.startsWith('.')) {
      if (name.endsWith(entry) || name === entry.slice(1)) return true;
    } else if (name === entry || name.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/**
 * The proxy the environment names for a connection to `host:port`, or null for a direct one.
 *
 * `ALL_PROXY` (meant for every protocol) wins over `HTTPS_PROXY`; lower-case names win over
 * upper-case ones, as curl reads them; `NO_PROXY` exempts hosts.
 */
export function proxyFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  host: string,
  port: number
): ProxyUrl | null {
  const read = (name: string) => env[name.toLowerCase()] || env[name.toUpperCase()] || '';
  const noProxy = read('no_proxy');
  if (noProxy && bypassesProxy(noProxy, host, port)) return null;
  const value = read('all_proxy') || read('https_proxy');
  return value ? parseProxyUrl(value) : null;
}
