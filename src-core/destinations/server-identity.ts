import { defaultPort, type Transport } from './transport';

/** What names a server and the account on it (a draft destination may still miss some). */
export type ServerParts = Partial<Pick<Transport, 'protocol' | 'host' | 'port' | 'user'>>;

/**
 * The server a stored secret belongs to: protocol, host, port and user, as one string such as
 * `sftp://alice@files.example.com:22`.
 *
 * A password is only ever sent to the server it was entered for (README, "Security"): changing
 * any of these four parts of a destination makes its stored secrets ask to be entered again.
 * The host is compared without letter case; the port is always written out.
 */
export function serverIdentity(transport: ServerParts): string {
  const protocol = transport.protocol ?? '';
  const port = transport.port ?? (transport.protocol ? defaultPort[transport.protocol] : '');
  return `${protocol}://${encodeURIComponent(transport.user ?? '')}@${(transport.host ?? '').trim().toLowerCase()}:${port}`;
}

/** Whether two connections log in to the same server as the same user. */
export const sameServer = (a: ServerParts, b: ServerParts): boolean =>
  serverIdentity(a) === serverIdentity(b);
