import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { defaultPort, type Transport } from '../../src-core/destinations/transport';
import { assertProtocolAllowed, openSession, plainFtpWarning } from './open-session';
import { remoteJoin, type RemoteSession } from './remote-session';
import { readLoginSecrets, type LoginSecrets, type SecretReader } from './secret-reader';
import { connectNoDelay } from './sftp-session';
import { toTransferError, type TransferError } from './transfer-errors';

export type ConnectionStepId = 'protocol' | 'lookup' | 'tcp' | 'handshake' | 'trust' | 'login' | 'folder' | 'write' | 'data-connection';

/** One step of a connection test, in plain words (plain JSON: crosses IPC). */
export type ConnectionStep = Readonly<{
  id: ConnectionStepId;
  status: 'ok' | 'warning' | 'failed' | 'skipped';
  message: string;
  /** The error code when the step failed. */
  code?: string;
  /** A fingerprint to confirm and pin (trust step). */
  fingerprint?: string;
  /** What to check or ask the provider. */
  advice?: string;
}>;

export type ConnectionTestResult = Readonly<{
  ok: boolean;
  steps: readonly ConnectionStep[];
  /** Set when FTPS only worked capped at TLS 1.2: save it in the destination. */
  tlsMaxVersion?: 'TLSv1.2';
}>;

const advice: Record<string, string> = {
  'connection.name-not-found': 'Check the spelling of the server name, or ask the provider for the exact host name.',
  'connection.refused': 'Check the port, and whether this is explicit FTPS (usually 21), implicit FTPS (990) or SFTP (22). Ask the provider whether the server is up.',
  'connection.timeout': 'A firewall (yours or the provider\'s) may block the port. Ask your IT team, or ask the provider to allow your IP address.',
  'connection.unreachable': 'Check your network connection.',
  'connection.tls-failed': 'Check whether the server uses explicit FTPS (AUTH TLS, usually port 21) or implicit FTPS (usually port 990).',
  'trust.unknown-certificate': 'Ask the provider to confirm the certificate fingerprint shown, then pin it.',
  'trust.certificate-changed': 'Ask the provider whether they replaced their certificate, and get the new fingerprint from them directly.',
  'trust.unknown-host-key': 'Ask the provider to confirm the host key fingerprint shown, then pin it.',
  'trust.host-key-changed': 'Ask the provider whether they changed the server\'s host key, and get the new fingerprint from them directly.',
  'auth.login-failed': 'Check the user name and password (or key). Ask the provider to confirm the account is active.',
  'auth.key-unreadable': 'Check the key file and its passphrase.',
  'auth.key-missing': 'Import or choose the private key for this destination.',
  'auth.password-missing': 'Enter the password for this destination.',
  'transfer.not-found': 'Check the folder in the destination, or ask the provider for the exact folder.',
  'transfer.folder-missing': 'Check the folder in the destination, or ask the provider for the exact folder.',
  'transfer.folder-not-writable': 'Ask the provider to give this account write access to the folder.',
  'connection.lost': 'The server closed the data connection: ask the provider whether passive mode ports are open on their firewall.',
  'transfer.plain-ftp-refused': 'Ask the provider for FTPS or SFTP access, or allow plain FTP for this destination if you accept the risk.',
};

function failed(id: ConnectionStepId, error: TransferError): ConnectionStep {
  return {
    id,
    status: 'failed',
    message: error.message,
    code: error.code,
    ...(error.fingerprint ? { fingerprint: error.fingerprint } : {}),
    ...(advice[error.code] ? { advice: advice[error.code] } : {}),
  };
}

const handshakeName = (transport: Transport) => (transport.protocol === 'sftp' ? 'SSH' : 'TLS');

/**
 * Tests a destination step by step and explains what is wrong in plain words.
 *
 * Steps: protocol allowed, name lookup, TCP connection, TLS/SSH handshake, trust (pinned
 * certificate or host key), login, the folder (and, for FTPS, the passive data connection), and
 * writing there (a tiny probe file is uploaded and deleted). Each finished step is passed to
 * `onStep` as it happens. Steps after a failure are reported as skipped. Never throws for a
 * server problem. When FTPS only works at TLS 1.2, the result says so (save `tlsMaxVersion`).
 */
export async function testConnection(
  destinationName: string,
  transport: Transport,
  secrets: SecretReader | LoginSecrets,
  onStep: (step: ConnectionStep) => void = () => undefined,
  options: Readonly<{ timeoutMs?: number }> = {}
): Promise<ConnectionTestResult> {
  const steps: ConnectionStep[] = [];
  const order: ConnectionStepId[] = ['protocol', 'lookup', 'tcp', 'handshake', 'trust', 'login', 'folder', 'data-connection', 'write'];
  const applicable = order.filter(id => id !== 'data-connection' || transport.protocol !== 'sftp');
  const push = (step: ConnectionStep) => {
    steps.push(step);
    onStep(step);
  };
  const finish = (extra: Partial<ConnectionTestResult> = {}): ConnectionTestResult => {
    const ok = !steps.some(s => s.status === 'failed');
    if (!ok) {
      for (const id of applicable) if (!steps.some(s => s.id === id)) push({ id, status: 'skipped', message: 'Not tested (an earlier step failed).' });
    }
    return { ok, steps, ...extra };
  };
  const timeoutMs = options.timeoutMs ?? 15_000;
  const port = transport.port ?? defaultPort[transport.protocol];

  try {
    assertProtocolAllowed(transport);
    push(transport.protocol === 'ftp' ? { id: 'protocol', status: 'warning', message: plainFtpWarning } : { id: 'protocol', status: 'ok', message: `${transport.protocol === 'sftp' ? 'SFTP' : transport.protocol === 'ftps' ? 'Explicit FTPS' : 'Implicit FTPS'}, port ${port}.` });
  } catch (error) {
    push(failed('protocol', toTransferError(error)));
    return finish();
  }

  try {
    const { address } = await lookup(transport.host);
    push({ id: 'lookup', status: 'ok', message: `${transport.host} is ${address}.` });
  } catch (error) {
    push(failed('lookup', toTransferError(error)));
    return finish();
  }

  try {
    const socket = await connectNoDelay(transport.host, port, timeoutMs);
    socket.destroy();
    push({ id: 'tcp', status: 'ok', message: `The server answers on port ${port}.` });
  } catch (error) {
    push(failed('tcp', toTransferError(error)));
    return finish();
  }

  let login: LoginSecrets;
  try {
    login = typeof (secrets as SecretReader).get === 'function' ? await readLoginSecrets(secrets as SecretReader, destinationName) : (secrets as LoginSecrets);
  } catch (error) {
    push(failed('login', toTransferError(error)));
    return finish();
  }

  let current = transport;
  let fellBack = false;
  for (;;) {
    let session: RemoteSession | undefined;
    const at = steps.length;
    const rewind = () => steps.splice(at);
    try {
      try {
        session = await openSession(current, login, { timeoutMs });
      } catch (caught) {
        const error = toTransferError(caught);
        if (error.code.startsWith('trust.')) {
          push({ id: 'handshake', status: 'ok', message: `The ${handshakeName(current)} handshake worked.` });
          push(failed('trust', error));
        } else if (error.code.startsWith('auth.')) {
          push({ id: 'handshake', status: 'ok', message: `The ${handshakeName(current)} handshake worked.` });
          push({ id: 'trust', status: 'ok', message: current.protocol === 'sftp' ? `The host key is the pinned one (${current.hostKey}).` : 'The certificate is trusted.' });
          push(failed('login', error));
        } else push(failed('handshake', error));
        return finish();
      }
      const tls = session.tlsVersion();
      push({ id: 'handshake', status: 'ok', message: `The ${handshakeName(current)} handshake worked${tls ? ` (${tls})` : ''}.` });
      push({
        id: 'trust',
        status: 'ok',
        message:
          current.protocol === 'sftp'
            ? `The host key is the pinned one (${current.hostKey}).`
            : current.tlsFingerprint
              ? 'The certificate is the pinned one.'
              : current.protocol === 'ftp'
                ? 'Plain FTP: nothing to verify.'
                : 'The certificate is signed by an authority this computer trusts.',
      });
      push({ id: 'login', status: 'ok', message: `Logged in as ${current.user}.` });
      try {
        await session.list(current.folder);
        push({ id: 'folder', status: 'ok', message: `The folder ${current.folder} exists.` });
        if (current.protocol !== 'sftp') {
          push({
            id: 'data-connection',
            status: fellBack ? 'warning' : 'ok',
            message: fellBack
              ? 'The server asks for session reuse on data connections; Courier retried with TLS 1.2 and it worked. This destination will use TLS 1.2.'
              : 'The passive data connection works.',
          });
        }
      } catch (caught) {
        const error = toTransferError(caught);
        if (error.code === 'ftps.session-reuse-failed' && !fellBack && current.tlsMaxVersion !== 'TLSv1.2') {
          // Known basic-ftp problem with TLS 1.3 session reuse (patrickjuchli/basic-ftp#60).
          fellBack = true;
          current = { ...current, tlsMaxVersion: 'TLSv1.2' };
          rewind();
          continue;
        }
        if (error.code === 'transfer.not-found' || error.code === 'transfer.folder-missing' || error.code === 'transfer.not-readable') {
          push(failed('folder', error));
        } else if (current.protocol !== 'sftp') {
          push({ id: 'folder', status: 'skipped', message: 'Not tested (the data connection failed).' });
          push(failed('data-connection', error));
        } else push(failed('folder', error));
        return finish();
      }
      const probe = remoteJoin(current.folder, `.courier-probe-${randomBytes(4).toString('hex')}.tmp`);
      try {
        await session.put(probe, new TextEncoder().encode('Courier connection test: this file is deleted at once.\n'));
        await session.remove(probe);
        push({ id: 'write', status: 'ok', message: 'A test file could be written to the folder and deleted.' });
      } catch (caught) {
        push(failed('write', toTransferError(caught)));
      }
      return finish(fellBack ? { tlsMaxVersion: 'TLSv1.2' } : {});
    } finally {
      await session?.close();
    }
  }
}
