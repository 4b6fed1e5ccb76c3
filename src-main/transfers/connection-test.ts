import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { defaultPort, type Transport } from '../../src-core/destinations/transport';
import type { ErrorParams } from '../../src-core/errors';
import {
  connectionAdvice,
  connectionStepTexts,
  fillTemplate,
  type ConnectionStepKey,
} from '../../src-core/transfers/connection-steps';
import { assertProtocolAllowed, openSession, proxyFor } from './open-session';
import { connectThroughProxy, describeProxy, type ProxyEndpoint } from './proxy';
import { remoteJoin, type RemoteSession } from './remote-session';
import { readLoginSecrets, type LoginSecrets, type SecretReader } from './secret-reader';
import { connectNoDelay } from './sftp-session';
import { toTransferError, type TransferError } from './transfer-errors';
import { redact, redactParams } from '../logging/redact';

export type ConnectionStepId =
  | 'protocol'
  | 'proxy'
  | 'lookup'
  | 'tcp'
  | 'handshake'
  | 'trust'
  | 'login'
  | 'folder'
  | 'write'
  | 'data-connection';

/**
 * What a step says, for the app to say it in the user's language: a catalogue key and its params.
 *
 * A failed step says `error.<code>` with the error's params; the others a `connection.*` key of
 * `connectionStepTexts`. `message` stays the English sentence (the CLI prints it).
 */
export type StepSays = Readonly<{ key: string; params?: ErrorParams }>;

/** One step of a connection test, in plain words (plain JSON: crosses IPC). */
export type ConnectionStep = Readonly<{
  id: ConnectionStepId;
  status: 'ok' | 'warning' | 'failed' | 'skipped';
  message: string;
  says: StepSays;
  /** The error code when the step failed. */
  code?: string;
  /** A fingerprint to confirm and pin (trust step). */
  fingerprint?: string;
  /** What to check or ask the provider (its translation is `connection.advice.<code>`). */
  advice?: string;
}>;

export type ConnectionTestResult = Readonly<{
  ok: boolean;
  steps: readonly ConnectionStep[];
  /** Set when FTPS only worked capped at TLS 1.2: save it in the destination. */
  tlsMaxVersion?: 'TLSv1.2';
  /** Set when the server refused the probe's name starting with a dot but took one without: save it. */
  dotNamesRefused?: true;
}>;

const advice: Readonly<Record<string, string>> = connectionAdvice;

/** A step that went as it should (or with a warning), said with one of `connectionStepTexts`. */
function said(
  id: ConnectionStepId,
  status: 'ok' | 'warning' | 'skipped',
  key: ConnectionStepKey,
  params?: ErrorParams
): ConnectionStep {
  return {
    id,
    status,
    message: fillTemplate(connectionStepTexts[key], params),
    says: params ? { key, params } : { key },
  };
}

function failed(id: ConnectionStepId, error: TransferError): ConnectionStep {
  // Steps reach the renderer as answers and events, not as thrown errors: redacted here, as the
  // IPC router redacts errors (a library may quote what it was given).
  const params = redactParams(error.params);
  return {
    id,
    status: 'failed',
    message: redact(error.message),
    says: params ? { key: `error.${error.code}`, params } : { key: `error.${error.code}` },
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
  const order: ConnectionStepId[] = [
    'protocol',
    'proxy',
    'lookup',
    'tcp',
    'handshake',
    'trust',
    'login',
    'folder',
    'data-connection',
    'write',
  ];
  // Through a proxy, the proxy looks the name up and reaches the server: its step replaces those.
  let proxy: ProxyEndpoint | null = null;
  const applicable = () =>
    order.filter(
      id =>
        (id !== 'data-connection' || transport.protocol !== 'sftp') &&
        (proxy ? id !== 'lookup' && id !== 'tcp' : id !== 'proxy')
    );
  const push = (step: ConnectionStep) => {
    steps.push(step);
    onStep(step);
  };
  const finish = (extra: Partial<ConnectionTestResult> = {}): ConnectionTestResult => {
    const ok = !steps.some(s => s.status === 'failed');
    if (!ok) {
      for (const id of applicable())
        if (!steps.some(s => s.id === id))
          push(said(id, 'skipped', 'connection.skipped.earlier-failed'));
    }
    return { ok, steps, ...extra };
  };
  const timeoutMs = options.timeoutMs ?? 15_000;
  const port = transport.port ?? defaultPort[transport.protocol];

  try {
    assertProtocolAllowed(transport);
    push(
      transport.protocol === 'ftp'
        ? said('protocol', 'warning', 'connection.protocol.ftp')
        : said('protocol', 'ok', `connection.protocol.${transport.protocol}`, {
            port: String(port),
          })
    );
  } catch (error) {
    push(failed('protocol', toTransferError(error)));
    return finish();
  }

  let login: LoginSecrets | undefined;
  const readLogin = async (): Promise<LoginSecrets> =>
    typeof (secrets as SecretReader).get === 'function'
      ? await readLoginSecrets(secrets as SecretReader, destinationName, transport)
      : (secrets as LoginSecrets);
  if (transport.proxy && transport.proxy.kind !== 'none') {
    try {
      login = await readLogin();
    } catch (error) {
      push(failed('login', toTransferError(error)));
      return finish();
    }
    try {
      proxy = proxyFor(transport, login);
      if (proxy) {
        const socket = await connectThroughProxy(proxy, { host: transport.host, port }, timeoutMs);
        socket.destroy();
        push(
          said('proxy', 'ok', 'connection.proxy.ok', {
            proxy: describeProxy(proxy),
            server: `${transport.host}:${port}`,
          })
        );
      }
    } catch (error) {
      // Still a proxied test: the direct lookup and TCP steps do not apply (reported as skipped).
      proxy ??= { kind: 'http', host: '', port: 0 };
      push(failed('proxy', toTransferError(error)));
      return finish();
    }
  }

  if (!proxy)
    try {
      const { address } = await lookup(transport.host);
      push(said('lookup', 'ok', 'connection.lookup.ok', { host: transport.host, address }));
    } catch (error) {
      push(failed('lookup', toTransferError(error)));
      return finish();
    }

  if (!proxy)
    try {
      const socket = await connectNoDelay(transport.host, port, timeoutMs);
      socket.destroy();
      push(said('tcp', 'ok', 'connection.tcp.ok', { port: String(port) }));
    } catch (error) {
      push(failed('tcp', toTransferError(error)));
      return finish();
    }

  try {
    login ??= await readLogin();
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
          push(
            said('handshake', 'ok', 'connection.handshake.ok', {
              handshake: handshakeName(current),
            })
          );
          push(failed('trust', error));
        } else if (error.code.startsWith('auth.')) {
          push(
            said('handshake', 'ok', 'connection.handshake.ok', {
              handshake: handshakeName(current),
            })
          );
          push(
            current.protocol === 'sftp'
              ? said('trust', 'ok', 'connection.trust.host-key-pinned', {
                  fingerprint: current.hostKey ?? '',
                })
              : said('trust', 'ok', 'connection.trust.certificate-trusted')
          );
          push(failed('login', error));
        } else push(failed('handshake', error));
        return finish();
      }
      const tls = session.tlsVersion();
      push(
        tls
          ? said('handshake', 'ok', 'connection.handshake.ok-version', {
              handshake: handshakeName(current),
              version: tls,
            })
          : said('handshake', 'ok', 'connection.handshake.ok', {
              handshake: handshakeName(current),
            })
      );
      push(
        current.protocol === 'sftp'
          ? said('trust', 'ok', 'connection.trust.host-key-pinned', {
              fingerprint: current.hostKey ?? '',
            })
          : current.tlsFingerprint
            ? said('trust', 'ok', 'connection.trust.certificate-pinned')
            : current.protocol === 'ftp'
              ? said('trust', 'ok', 'connection.trust.plain-ftp')
              : said('trust', 'ok', 'connection.trust.certificate-authority')
      );
      push(said('login', 'ok', 'connection.login.ok', { user: current.user }));
      try {
        await session.list(current.folder);
        push(said('folder', 'ok', 'connection.folder.ok', { folder: current.folder }));
        if (current.protocol !== 'sftp') {
          push(
            fellBack
              ? said('data-connection', 'warning', 'connection.data-connection.tls12')
              : said('data-connection', 'ok', 'connection.data-connection.ok')
          );
        }
      } catch (caught) {
        const error = toTransferError(caught);
        if (
          error.code === 'ftps.session-reuse-failed' &&
          !fellBack &&
          current.tlsMaxVersion !== 'TLSv1.2'
        ) {
          // Known basic-ftp problem with TLS 1.3 session reuse (patrickjuchli/basic-ftp#60).
          fellBack = true;
          current = { ...current, tlsMaxVersion: 'TLSv1.2' };
          rewind();
          continue;
        }
        if (
          error.code === 'transfer.not-found' ||
          error.code === 'transfer.folder-missing' ||
          error.code === 'transfer.not-readable'
        ) {
          push(failed('folder', error));
        } else if (current.protocol !== 'sftp') {
          push(said('folder', 'skipped', 'connection.skipped.data-connection-failed'));
          push(failed('data-connection', error));
        } else push(failed('folder', error));
        return finish();
      }
      const probeName = (dot: boolean) =>
        `${dot ? '.' : ''}courier-probe-${randomBytes(4).toString('hex')}.tmp`;
      const content = new TextEncoder().encode(
        'Courier connection test: this file is deleted at once.\n'
      );
      let dotNamesRefused = false;
      try {
        const probe = remoteJoin(current.folder, probeName(!current.dotNamesRefused));
        try {
          await session.put(probe, content);
          await session.remove(probe);
        } catch (caught) {
          // Servers that forbid names starting with a dot (Pure-FTPd `-x`) refuse the hidden
          // probe, as they would Courier's temporary names: try a name without the dot.
          if (
            current.dotNamesRefused ||
            toTransferError(caught).code !== 'transfer.folder-not-writable'
          )
            throw caught;
          const plain = remoteJoin(current.folder, probeName(false));
          await session.put(plain, content);
          await session.remove(plain);
          dotNamesRefused = true;
        }
        push(
          dotNamesRefused
            ? said('write', 'ok', 'connection.write.ok-no-dot-names')
            : said('write', 'ok', 'connection.write.ok')
        );
      } catch (caught) {
        push(failed('write', toTransferError(caught)));
      }
      return finish({
        ...(fellBack ? { tlsMaxVersion: 'TLSv1.2' as const } : {}),
        ...(dotNamesRefused ? { dotNamesRefused: true as const } : {}),
      });
    } finally {
      await session?.close();
    }
  }
}
