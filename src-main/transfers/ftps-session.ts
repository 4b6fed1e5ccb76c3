import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isIP, type Socket } from 'node:net';
import { posix } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { TLSSocket, connect as connectTls, type ConnectionOptions } from 'node:tls';
import {
  Client,
  FTPError,
  enterPassiveModeIPv6,
  type FTPContext,
  type FTPResponse,
} from 'basic-ftp';
import { connectForPassiveTransfer, parsePasvResponse } from 'basic-ftp/dist/transfer.js';
import { normaliseTlsFingerprint, sameTlsFingerprint } from './fingerprints';
import { connectThroughProxy, type ProxyEndpoint } from './proxy';
import type { RemoteEntry, RemoteSession, WriteOptions } from './remote-session';
import {
  TransferError,
  cancelledError,
  toTransferError,
  type ConnectionStep,
} from './transfer-errors';

/** What an FTPS (or allowed plain FTP) login needs. */
export type FtpsLogin = Readonly<{
  protocol: 'ftps' | 'ftps-implicit' | 'ftp';
  host: string;
  port: number;
  user: string;
  password: string;
  /** The pinned certificate fingerprint; without it the system's trusted CAs decide. */
  tlsFingerprint?: string;
  tlsMaxVersion?: 'TLSv1.2' | 'TLSv1.3';
  timeoutMs?: number;
  /** Control and passive data connections go through this proxy (each its own request). */
  proxy?: ProxyEndpoint;
  /** Aborting closes the connection at once, in whatever step it is. */
  signal?: AbortSignal;
  /** Told as each step starts (connect, secure connection, login). */
  onStep?: (step: ConnectionStep) => void;
}>;

/**
 * The host a passive data connection goes to.
 *
 * Servers behind NAT announce their private (or 0.0.0.0) address in the PASV reply; that address
 * is replaced by the control connection's. A different public address is also replaced: following
 * it would allow an FTP bounce, and no drop we serve needs it.
 */
export function passiveDataHost(announced: string, controlHost: string): string {
  const control = controlHost.replace(/^::ffff:/i, '');
  if (announced === control) return announced;
  return control;
}

function codeOf(error: unknown): number | undefined {
  return error instanceof FTPError ? error.code : undefined;
}

function tlsErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

const certificateErrors = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
]);

/** Connects the control connection (TLS for FTPS) without logging in. */
async function connectControl(
  client: Client,
  login: FtpsLogin,
  tls: ConnectionOptions
): Promise<void> {
  if (login.proxy) return connectControlThroughProxy(client, login, tls, login.proxy);
  if (login.protocol === 'ftps-implicit')
    await client.connectImplicitTLS(login.host, login.port, tls);
  else {
    await client.connect(login.host, login.port);
    login.onStep?.('secure');
    if (login.protocol === 'ftps') await client.useTLS(tls);
  }
}

/**
 * The same through a proxy: basic-ftp opens its own sockets, so the proxied socket is handed to
 * TLS (implicit) or set as the control socket before the greeting is read (explicit, plain).
 */
async function connectControlThroughProxy(
  client: Client,
  login: FtpsLogin,
  tls: ConnectionOptions,
  proxy: ProxyEndpoint
): Promise<void> {
  const socket = await connectThroughProxy(
    proxy,
    { host: login.host, port: login.port },
    login.timeoutMs ?? 30_000
  );
  if (login.protocol === 'ftps-implicit') {
    await client.connectImplicitTLS(login.host, login.port, { ...tls, socket });
    return;
  }
  const internals = client as unknown as { _handleConnectResponse?: () => Promise<FTPResponse> };
  // basic-ftp internals (6.x): `connect` would open a direct socket; read the greeting ourselves.
  if (typeof internals._handleConnectResponse !== 'function') {
    socket.destroy();
    throw new Error('This version of basic-ftp cannot connect through a proxy.');
  }
  client.ftp.reset();
  client.ftp.socket = socket;
  await internals._handleConnectResponse.call(client);
  if (login.protocol === 'ftps') await client.useTLS(tls);
}

/**
 * Opens a passive data connection through the proxy, TLS-wrapped as basic-ftp does it: resuming
 * the control connection's TLS session (the server insists) and keeping the newest ticket.
 */
async function connectDataThroughProxy(
  ftp: FTPContext,
  host: string,
  port: number,
  proxy: ProxyEndpoint
): Promise<void> {
  const raw = await connectThroughProxy(proxy, { host, port }, ftp.timeout || 30_000);
  let socket: Socket = raw;
  if (ftp.socket instanceof TLSSocket) {
    const tlsSocket = connectTls({
      ...ftp.tlsOptions,
      socket: raw,
      session: ftp.tlsSessionStore ?? ftp.socket.getSession(),
    });
    tlsSocket.on('session', session => {
      ftp.tlsSessionStore = session;
    });
    socket = tlsSocket;
  }
  ftp.dataSocket = socket;
}

/**
 * Reads a server's certificate fingerprint without trusting it, to show the user what to pin.
 *
 * Only the handshake happens on this connection: no login, nothing sent.
 */
export async function probeCertificateFingerprint(login: FtpsLogin): Promise<string | null> {
  const client = new Client(login.timeoutMs ?? 15_000);
  try {
    await connectControl(client, login, {
      host: login.host,
      rejectUnauthorized: false,
      ...(isIP(login.host) ? {} : { servername: login.host }),
    });
    const cert = (client.ftp.socket as TLSSocket).getPeerX509Certificate?.();
    return cert ? normaliseTlsFingerprint(cert.fingerprint256) : null;
  } catch {
    // No certificate to show: the caller reports the connection's own error, not this probe's.
    return null;
  } finally {
    client.close();
  }
}

/**
 * The TLS options for a login.
 *
 * Without a pin, the certificate must chain to a CA the system trusts and name the host. With a
 * pin, chain verification is set aside for this connection only, and the certificate's SHA-256
 * is compared to the pin right after the handshake, before the user name or password is sent
 * (see `checkPinnedCertificate`). Data connections resume the control connection's TLS session
 * (the server insists), so they talk to the same, already checked peer.
 */
function tlsOptions(login: FtpsLogin): ConnectionOptions {
  return {
    host: login.host,
    ...(isIP(login.host) ? {} : { servername: login.host }),
    minVersion: 'TLSv1.2',
    ...(login.tlsMaxVersion ? { maxVersion: login.tlsMaxVersion } : {}),
    ...(login.tlsFingerprint ? { rejectUnauthorized: false } : {}),
  };
}

function checkPinnedCertificate(socket: TLSSocket, pin: string): void {
  const cert = socket.getPeerX509Certificate?.();
  const seen = cert ? normaliseTlsFingerprint(cert.fingerprint256) : '';
  if (!cert || !sameTlsFingerprint(seen, pin)) {
    socket.destroy();
    throw new TransferError(
      'trust.certificate-changed',
      `The server's certificate is not the one you confirmed before (it is now ${seen || 'missing'}). Do not send anything until the provider confirms they changed it.`,
      { fingerprint: seen || undefined, params: { fingerprint: seen || '?' } }
    );
  }
}

/**
 * Holds a data connection to the certificate pin too, not only the control connection.
 *
 * With a pin, certificate-chain verification is off (the certificate is self-signed), so a data
 * connection that does not resume the control connection's TLS session (resumption is bound to
 * the session whose certificate was checked) must show the pinned certificate itself; otherwise
 * someone who took over the data port could receive the file. Checked when its handshake ends.
 */
function pinDataConnection(socket: unknown, pin: string): void {
  if (!(socket instanceof TLSSocket)) return;
  const check = () => {
    if (socket.isSessionReused()) return;
    try {
      checkPinnedCertificate(socket, pin);
    } catch (error) {
      socket.destroy(error as Error);
    }
  };
  if ((socket as TLSSocket & { _secureEstablished?: boolean })._secureEstablished) check();
  else socket.once('secureConnect', check);
}

/** How long a broken data connection waits for the server's reply on the control connection. */
const replyGraceMs = 3_000;

/**
 * Lets the server's reply decide when a data connection breaks during a transfer.
 *
 * ProFTPD closes (resets) the data connection before it answers an upload it refuses (`550` for
 * a missing folder or no permission, `451` for an append it does not allow); basic-ftp closed the
 * whole client on the data socket's error, so the refusal was reported as a cut connection and
 * retried. Here a data socket's error waits up to `replyGraceMs` for the control connection's
 * reply: a `4xx`/`5xx` settles the transfer as that FTP error (with its words); without a reply
 * the connection is closed as before.
 */
function awaitReplyOnDataErrors(ftp: FTPContext): void {
  const context = ftp as FTPContext & {
    _setupDefaultErrorHandlers: (socket: Socket, identifier: string) => void;
    _task?: unknown;
  };
  // basic-ftp internals (6.x): without them, its own handling stays (a refusal reads as a cut).
  if (typeof context._setupDefaultErrorHandlers !== 'function') return;
  const original = context._setupDefaultErrorHandlers.bind(context);
  context._setupDefaultErrorHandlers = (socket, identifier) => {
    if (identifier !== 'data socket') return original(socket, identifier);
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      const task = context._task;
      if (!task) return ftp.closeWithError(error);
      const timer = setTimeout(() => {
        // Still the same transfer, still unanswered: the connection was really cut.
        if (context._task === task && !ftp.closed) ftp.closeWithError(error);
      }, replyGraceMs);
      timer.unref?.();
    };
    socket.once('error', error => {
      error.message += ` (${identifier})`;
      fail(error);
    });
    socket.once('close', hadError => {
      if (hadError) fail(new Error(`Socket closed due to transmission error (${identifier})`));
    });
    socket.once('timeout', () => {
      socket.destroy();
      ftp.closeWithError(new Error(`Timeout (${identifier})`));
    });
  };
}

/**
 * Opens and logs in an FTPS session (explicit AUTH TLS or implicit TLS) with basic-ftp.
 *
 * Plain FTP is only opened when the caller already checked the destination allows it.
 */
export async function openFtpsSession(login: FtpsLogin): Promise<RemoteSession> {
  const client = new Client(login.timeoutMs ?? 30_000);
  awaitReplyOnDataErrors(client.ftp);
  const secure = login.protocol !== 'ftp';
  let epsv: boolean | undefined;
  // EPSV first (the address is always the control connection's), PASV when the server lacks it.
  const openDataConnection = async (ftp: FTPContext): Promise<FTPResponse> => {
    // Through a proxy the control socket's peer is the proxy: the data goes to the server's
    // name, each data connection its own proxy request.
    if (login.proxy) {
      const proxy = login.proxy;
      if (epsv !== false) {
        try {
          const res = await ftp.request('EPSV');
          const port = Number(/[|!]{3}(\d+)[|!]/.exec(res.message)?.[1]);
          if (!port) throw new Error(`Can't parse response to 'EPSV': ${res.message}`);
          epsv = true;
          await connectDataThroughProxy(ftp, login.host, port, proxy);
          return res;
        } catch (error) {
          if (epsv === true || !(error instanceof FTPError)) throw error;
          epsv = false;
        }
      }
      const res = await ftp.request('PASV');
      const target = parsePasvResponse(res.message);
      await connectDataThroughProxy(
        ftp,
        passiveDataHost(target.host, login.host),
        target.port,
        proxy
      );
      return res;
    }
    if (epsv !== false) {
      try {
        const res = await enterPassiveModeIPv6(ftp);
        epsv = true;
        return res;
      } catch (error) {
        if (epsv === true || !(error instanceof FTPError)) throw error;
        epsv = false;
      }
    }
    const res = await ftp.request('PASV');
    const target = parsePasvResponse(res.message);
    await connectForPassiveTransfer(
      passiveDataHost(target.host, ftp.socket.remoteAddress ?? login.host),
      target.port,
      ftp
    );
    return res;
  };
  client.prepareTransfer = async (ftp: FTPContext): Promise<FTPResponse> => {
    const res = await openDataConnection(ftp);
    if (secure && login.tlsFingerprint) pinDataConnection(ftp.dataSocket, login.tlsFingerprint);
    return res;
  };
  if (login.signal?.aborted) throw cancelledError();
  const closeOnAbort = () => client.close();
  login.signal?.addEventListener('abort', closeOnAbort, { once: true });
  try {
    return await connectAndLogin(client, login, secure);
  } catch (error) {
    if (login.signal?.aborted) throw cancelledError();
    throw error;
  } finally {
    login.signal?.removeEventListener('abort', closeOnAbort);
  }
}

/** The connection, the certificate check and the login of `openFtpsSession`. */
async function connectAndLogin(
  client: Client,
  login: FtpsLogin,
  secure: boolean
): Promise<RemoteSession> {
  try {
    login.onStep?.('connect');
    await connectControl(client, login, tlsOptions(login));
    if (secure && login.tlsFingerprint)
      checkPinnedCertificate(client.ftp.socket as TLSSocket, login.tlsFingerprint);
  } catch (error) {
    client.close();
    if (login.signal?.aborted) throw cancelledError();
    if (error instanceof TransferError) throw error;
    const code = tlsErrorCode(error);
    if (code && certificateErrors.has(code)) {
      const fingerprint = await probeCertificateFingerprint(login);
      throw new TransferError(
        'trust.unknown-certificate',
        `The server's certificate is not signed by an authority this computer trusts (${code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? 'it is made out to another name' : 'it may be self-signed'}). If the provider confirms its fingerprint is ${fingerprint ?? 'unknown'}, pin it to trust this server.`,
        {
          fingerprint: fingerprint ?? undefined,
          cause: error,
          params: { fingerprint: fingerprint ?? '?' },
        }
      );
    }
    const plain = toTransferError(error);
    if (
      plain.code === 'transfer.failed' &&
      /wrong version number|handshake|ssl|tls/i.test(String((error as Error)?.message))
    ) {
      throw new TransferError(
        'connection.tls-failed',
        'The secure (TLS) connection could not be set up. Check whether the server uses explicit or implicit FTPS and the port.',
        { cause: error }
      );
    }
    throw plain;
  }
  try {
    login.onStep?.('login');
    await client.login(login.user, login.password);
    await client.useDefaultSettings();
  } catch (error) {
    client.close();
    const code = codeOf(error);
    if (code === 530 || code === 331 || code === 332) {
      throw new TransferError(
        'auth.login-failed',
        'The server refused the login. Check the user name and password.',
        { cause: error }
      );
    }
    if (code === 534 || code === 522) {
      throw new TransferError(
        'connection.tls-required',
        'The server refused the secure login settings.',
        { cause: error }
      );
    }
    throw toTransferError(error);
  }
  return createFtpsSession(client, login.protocol === 'ftp' ? 'ftp' : 'ftps');
}

/** Maps an FTP reply to a transfer error, in the words of the operation that failed. */
function ftpReplyFailure(
  error: unknown,
  what: 'write' | 'rename' | 'remove' | 'read' | 'list',
  path: string
): TransferError {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (
    code === 522 ||
    (code === 425 && /reuse|session/i.test(message)) ||
    /session reuse required/i.test(message)
  ) {
    return new TransferError(
      'ftps.session-reuse-failed',
      'The server asks for TLS session reuse on data connections and refused ours.',
      { retryable: true, cause: error }
    );
  }
  if (
    what === 'write' &&
    (code === 451 || code === 550 || code === 553 || code === 504 || code === 502) &&
    (/(append|restart|resum)\w*\W+(is\s+)?(not|disabled)/i.test(message) ||
      /\b(APPE|REST)\b/.test(message))
  ) {
    return new TransferError(
      'transfer.resume-refused',
      'The server does not let an upload continue where it stopped; it has to start again from the beginning.',
      { cause: error }
    );
  }
  if (code === 553 || code === 550 || code === 552 || code === 532) {
    if (what === 'write') {
      return new TransferError(
        'transfer.folder-not-writable',
        `The server does not let this account write "${path}". Check the folder, or ask the provider for write access.`,
        { cause: error, params: { path } }
      );
    }
    if (what === 'rename')
      return new TransferError(
        'transfer.rename-refused',
        `The server refused to rename the uploaded file to "${path}".`,
        { cause: error, params: { path } }
      );
    return new TransferError(
      'transfer.not-found',
      `"${path}" is not on the server or cannot be read.`,
      { cause: error, params: { path } }
    );
  }
  if (code === 421 || code === 425 || code === 426 || code === 451) {
    return new TransferError(
      'connection.lost',
      'The data connection was cut. Courier will try again.',
      { retryable: true, cause: error }
    );
  }
  return toTransferError(error);
}

/**
 * An empty upload source that ends only once the data connection's TLS handshake is done.
 *
 * basic-ftp pipes the source as soon as the data socket is writable; an empty source then closes
 * the connection in the middle of the TLS handshake and the server answers with a decode_error
 * alert (seen with vsftpd on TLS 1.2 and 1.3), so zero-byte files and markers never arrived.
 */
function endAfterHandshake(client: Client): Readable {
  return new Readable({
    read() {
      const socket = client.ftp.dataSocket;
      const end = () => this.push(null);
      if (
        socket instanceof TLSSocket &&
        !(socket as TLSSocket & { _secureEstablished?: boolean })._secureEstablished
      )
        socket.once('secureConnect', end);
      else end();
    },
  });
}

function createFtpsSession(client: Client, protocol: 'ftps' | 'ftp'): RemoteSession {
  let features: Map<string, string> | undefined;
  // vsftpd answers a data connection without TLS session reuse with "522 … session reuse
  // required" and then hangs up; basic-ftp reports only the hang-up, so watch for the reply.
  let reuseRefused = false;
  client.ftp.socket.on('data', (chunk: Buffer) => {
    if (/^522 .*reuse/im.test(chunk.toString('latin1'))) reuseRefused = true;
  });
  const ftpFailure = (
    error: unknown,
    what: 'write' | 'rename' | 'remove' | 'read' | 'list',
    path: string
  ): TransferError =>
    reuseRefused
      ? new TransferError(
          'ftps.session-reuse-failed',
          'The server asks for TLS session reuse on data connections and refused ours.',
          { retryable: true, cause: error }
        )
      : ftpReplyFailure(error, what, path);
  const featureSet = async () => (features ??= await client.features());
  // A refused upload names the folder, and says whether it is missing (vsftpd and Pure-FTPd
  // answer `553`/`550` alike for a missing folder and for no permission): look at the folder.
  const writeFailure = async (error: unknown, remotePath: string): Promise<TransferError> => {
    const failure = ftpFailure(error, 'write', remotePath);
    if (failure.code !== 'transfer.folder-not-writable' || client.closed) return failure;
    const folder = posix.dirname(remotePath);
    try {
      const home = await client.pwd();
      await client.cd(folder);
      await client.cd(home);
    } catch (cdError) {
      if (codeOf(cdError) === 550) {
        return new TransferError(
          'transfer.folder-missing',
          `The folder "${folder}" does not exist on the server. Check the destination's folder.`,
          { cause: error, params: { path: folder } }
        );
      }
    }
    return new TransferError(
      'transfer.folder-not-writable',
      `The server does not let this account write in the folder "${folder}". Check the folder, or ask the provider for write access.`,
      {
        cause: error,
        params: { path: folder, file: posix.basename(remotePath) },
      }
    );
  };
  return {
    protocol,
    async size(path) {
      try {
        return await client.size(path);
      } catch (error) {
        const code = codeOf(error);
        if (code === 550 || code === 450) return null;
        throw ftpFailure(error, 'read', path);
      }
    },
    async write(localPath: string, remotePath: string, from: number, options: WriteOptions) {
      if (options.signal.aborted) throw cancelledError();
      const onAbort = () => client.close();
      options.signal.addEventListener('abort', onAbort, { once: true });
      client.trackProgress(info => options.onWritten(from + info.bytes));
      try {
        // APPE continues the remote file; STOR with a local start offset would truncate it.
        // 1 MiB reads: fewer, larger TLS writes than the 64 KiB default (measurably faster).
        const source = createReadStream(localPath, { start: from, highWaterMark: 1024 * 1024 });
        try {
          if (from === 0) await client.uploadFrom(source, remotePath);
          else await client.appendFrom(source, remotePath);
        } finally {
          source.destroy();
        }
      } catch (error) {
        if (options.signal.aborted) throw cancelledError();
        throw await writeFailure(error, remotePath);
      } finally {
        client.trackProgress();
        options.signal.removeEventListener('abort', onAbort);
      }
    },
    async rename(from, to) {
      try {
        await client.rename(from, to);
      } catch (error) {
        throw ftpFailure(error, 'rename', to);
      }
    },
    async remove(path) {
      try {
        await client.remove(path);
      } catch (error) {
        throw ftpFailure(error, 'remove', path);
      }
    },
    async list(folder): Promise<RemoteEntry[]> {
      try {
        // Some servers (vsftpd) list a missing folder as empty: change into it first, then back.
        const home = await client.pwd();
        await client.cd(folder);
        await client.cd(home);
        const entries = await client.list(folder);
        return entries.map(e => ({ name: e.name, size: e.size, isDirectory: e.isDirectory }));
      } catch (error) {
        throw ftpFailure(error, 'list', folder);
      }
    },
    async sha256(path, readBackLimit) {
      try {
        const feats = await featureSet();
        if (feats.has('HASH') && /SHA-256/i.test(feats.get('HASH') ?? '')) {
          await client.send('OPTS HASH SHA-256');
          const res = await client.send(`HASH ${path}`);
          const match = /\b([0-9a-f]{64})\b/i.exec(res.message);
          if (match) return match[1]!.toLowerCase();
        }
        if (feats.has('XSHA256')) {
          const res = await client.send(`XSHA256 ${path}`);
          const match = /\b([0-9a-f]{64})\b/i.exec(res.message);
          if (match) return match[1]!.toLowerCase();
        }
        const size = await client.size(path);
        if (size > readBackLimit) return null;
        const hash = createHash('sha256');
        await client.downloadTo(
          new Writable({
            write(chunk: Buffer, _enc, done) {
              hash.update(chunk);
              done();
            },
          }),
          path
        );
        return hash.digest('hex');
      } catch (error) {
        throw ftpFailure(error, 'read', path);
      }
    },
    async download(remotePath, localPath) {
      try {
        await client.downloadTo(localPath, remotePath);
      } catch (error) {
        throw ftpFailure(error, 'read', remotePath);
      }
    },
    async put(path, data) {
      try {
        await client.uploadFrom(
          data.length ? Readable.from([Buffer.from(data)]) : endAfterHandshake(client),
          path
        );
      } catch (error) {
        throw await writeFailure(error, path);
      }
    },
    tlsVersion: () => (client.ftp.socket as Partial<TLSSocket>).getProtocol?.() ?? null,
    async close() {
      client.close();
    },
  };
}
