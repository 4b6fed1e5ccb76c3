import type { Session } from 'electron';
import { parsePacResult } from '../../src-core/destinations/pac-result';
import { setSystemProxyResolver } from '../transfers/system-proxy';

/**
 * Lets destinations set to the `system` proxy use the computer's proxy settings (the OS's, a PAC
 * file, WPAD) as Chromium resolves them for the server, in the same proxy code as `--proxy`.
 * Kept thin: the parsing of the answer is `parsePacResult` in core.
 */
export function installSystemProxy(session: Pick<Session, 'resolveProxy'>): void {
  setSystemProxyResolver(async (host, port) => {
    // SFTP and FTPS are tunnelled like HTTPS (CONNECT), so the proxy for https://host:port is the one.
    const authority = host.includes(':') ? `[${host}]` : host;
    return parsePacResult(await session.resolveProxy(`https://${authority}:${port}`)).proxy;
  });
}
