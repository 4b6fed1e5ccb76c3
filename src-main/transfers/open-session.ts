import { readFile } from 'node:fs/promises';
import { defaultPort, type Transport } from '../../src-core/destinations/transport';
import { openFtpsSession } from './ftps-session';
import type { RemoteSession } from './remote-session';
import type { LoginSecrets } from './secret-reader';
import { openSftpSession } from './sftp-session';
import { TransferError } from './transfer-errors';

/** Options of a connection beyond the destination itself. */
export type OpenOptions = Readonly<{ timeoutMs?: number }>;

/** Refuses plain FTP unless the destination explicitly allows it. */
export function assertProtocolAllowed(transport: Transport): void {
  if (transport.protocol === 'ftp' && !transport.allowPlainFtp) {
    throw new TransferError(
      'transfer.plain-ftp-refused',
      'This destination uses plain FTP, which sends the password and the file unencrypted. Courier refuses it unless the destination is set to allow plain FTP.'
    );
  }
}

/** The warning shown whenever plain FTP is used. */
export const plainFtpWarning = 'Plain FTP: the password and the file travel unencrypted.';

/**
 * Connects and logs in to a destination's server with the given secrets.
 *
 * The private key comes from `transport.keyFile` when set, else from the keychain.
 */
export async function openSession(transport: Transport, secrets: LoginSecrets, options: OpenOptions = {}): Promise<RemoteSession> {
  assertProtocolAllowed(transport);
  const port = transport.port ?? defaultPort[transport.protocol];
  if (transport.protocol === 'sftp') {
    let privateKey = secrets.privateKey;
    if (transport.auth !== 'password' && transport.keyFile && !secrets.agent) {
      try {
        privateKey = await readFile(transport.keyFile, 'utf8');
      } catch (error) {
        throw new TransferError('auth.key-missing', `The private key file ${transport.keyFile} cannot be read.`, { cause: error, params: { file: transport.keyFile } });
      }
    }
    return openSftpSession({
      host: transport.host,
      port,
      user: transport.user,
      auth: transport.auth,
      password: secrets.password,
      privateKey,
      passphrase: secrets.passphrase,
      ...(secrets.agent ? { agent: secrets.agent } : {}),
      hostKey: transport.hostKey,
      timeoutMs: options.timeoutMs,
    });
  }
  if (secrets.password === undefined) throw new TransferError('auth.password-missing', 'This destination logs in with a password, and none is set.');
  return openFtpsSession({
    protocol: transport.protocol,
    host: transport.host,
    port,
    user: transport.user,
    password: secrets.password,
    tlsFingerprint: transport.tlsFingerprint,
    tlsMaxVersion: transport.tlsMaxVersion,
    timeoutMs: options.timeoutMs,
  });
}
