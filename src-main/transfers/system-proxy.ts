import { proxyFromEnvironment, type ProxyUrl } from '../../src-core/destinations/proxy-setting';

/**
 * Says which proxy the computer's settings choose for a connection to `host:port` (null: direct).
 * The app installs Electron's (`src-main/electron/system-proxy.ts`: the OS settings and PAC files);
 * elsewhere (the command line, a server) the environment's proxy variables are the system's.
 */
export type SystemProxyResolver = (host: string, port: number) => Promise<ProxyUrl | null>;

let installed: SystemProxyResolver | null = null;

/** Sets the resolver of the computer's proxy settings for this process (the app, at start). */
export function setSystemProxyResolver(resolver: SystemProxyResolver | null): void {
  installed = resolver;
}

/**
 * The proxy a destination set to `system` goes through for `host:port`, resolved in the main
 * thread before a login (transfer workers are handed the answer with the login's secrets).
 */
export async function resolveSystemProxy(
  host: string,
  port: number,
  env: Readonly<Record<string, string | undefined>> = process.env
): Promise<ProxyUrl | null> {
  if (installed) return installed(host, port);
  return proxyFromEnvironment(env, host, port);
}
