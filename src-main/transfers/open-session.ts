import { readFile } from 'node:fs/promises';
import { defaultPort, type Transport } from '../../src-core/destinations/transport';
import { proxyFromEnvironment } from '../../src-core/destinations/proxy-setting';
import { connectThroughProxy, type ProxyEndpoint } from './proxy';
import type { RemoteSession } from './remote-session';
import type { LoginSecrets } from './secret-reader';
import { TransferError, type ConnectionStep } from './transfer-errors';

/** Options of a connection beyond the destination itself. */
export type OpenOptions = Readonly<{
  timeoutMs?: number;
  /** Aborting closes the connection at once, whatever step it is in (cancel, a step's time limit). */
  signal?: AbortSignal;
  /** Told as each step starts (connect, secure connection, login), so each gets its own time limit. */
  onStep?: (step: ConnectionStep) => void;
}>;

/** Refuses plain FTP unless the destination explicitly allows it. */
export function assertProtocolAllowed(transport: Transport): void {
  if (transport.protocol === 'ftp' && !transport.allowPlainFtp) {
    throw new TransferError(
      'transfer.plain-ftp-refused',
      'This destination uses plain FTP, which sends the password and the file unencrypted. Courier refuses it unless the destination is set to allow plain FTP.'
    );
  }
}

/**
 * The proxy a destination's connections go through now, or null for a direct connection: its own
 * proxy (with the `proxy-password` secret) or the environment's (`ALL_PROXY`, `HTTPS_PROXY`,
 * `NO_PROXY`, lower-case first).
 */
export function proxyFor(
  transport: Transport,
  secrets: LoginSecrets,
  env: Readonly<Record<string, string | undefined>> = process.env
): ProxyEndpoint | null {
  const setting = transport.proxy;
  if (!setting || setting.kind === 'none') return null;
  if (
    setting.kind === 'environment' ||
    (setting.kind === 'system' && !('systemProxy' in secrets))
  ) {
    // `system` outside the app, or not resolved before the login: the environment is the system's.
    return proxyFromEnvironment(
      env,
      transport.host,
      transport.port ?? defaultPort[transport.protocol]
    );
  }
  if (setting.kind === 'system') return secrets.systemProxy ?? null;
  if (setting.user !== undefined && secrets.proxyPassword === undefined) {
    throw new TransferError(
      'proxy.password-missing',
      `This destination's proxy logs in as ${setting.user}, and no proxy password is set.`,
      {
        params: { user: setting.user },
      }
    );
  }
  return {
    kind: setting.kind,
    host: setting.host,
    port: setting.port,
    ...(setting.user !== undefined ? { user: setting.user, password: secrets.proxyPassword } : {}),
  };
}

/** The warning shown whenever plain FTP is used. */
export const plainFtpWarning = 'Plain FTP: the password and the file travel unencrypted.';

/**
 * Connects and logs in to a destination's server with the given secrets.
 *
 * The private key comes from `transport.keyFile` when set, else from the keychain.
 */
export async function openSession(
  transport: Transport,
  secrets: LoginSecrets,
  options: OpenOptions = {}
): Promise<RemoteSession> {
  assertProtocolAllowed(transport);
  const port = transport.port ?? defaultPort[transport.protocol];
  const proxy = proxyFor(transport, secrets);
  if (transport.protocol === 'sftp') {
    let privateKey = secrets.privateKey;
    if (transport.auth !== 'password' && transport.keyFile && !secrets.agent) {
      try {
        privateKey = await readFile(transport.keyFile, 'utf8');
      } catch (error) {
        throw new TransferError(
          'auth.key-missing',
          `The private key file ${transport.keyFile} cannot be read.`,
          { cause: error, params: { file: transport.keyFile } }
        );
      }
    }
    options.onStep?.('connect');
    const socket = proxy
      ? await connectThroughProxy(proxy, { host: transport.host, port }, options.timeoutMs)
      : undefined;
    try {
      // The SSH and FTP libraries load when a connection opens, not when the app or a command starts.
      const { openSftpSession } = await import('./sftp-session');
      return await openSftpSession(
        {
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
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.onStep ? { onStep: options.onStep } : {}),
        },
        socket
      );
    } catch (error) {
      socket?.destroy();
      throw error;
    }
  }
  if (secrets.password === undefined)
    throw new TransferError(
      'auth.password-missing',
      'This destination logs in with a password, and none is set.'
    );
  const { openFtpsSession } = await import('./ftps-session');
  return openFtpsSession({
    protocol: transport.protocol,
    host: transport.host,
    port,
    user: transport.user,
    password: secrets.password,
    tlsFingerprint: transport.tlsFingerprint,
    tlsMaxVersion: transport.tlsMaxVersion,
    timeoutMs: options.timeoutMs,
    ...(proxy ? { proxy } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
}
