import { createHash } from 'node:crypto';
import { open as openLocal } from 'node:fs/promises';
import { connect as connectTcp, type Socket } from 'node:net';
import { posix } from 'node:path';
import { createRequire } from 'node:module';
import ssh2, { type ConnectConfig, type SFTPWrapper } from 'ssh2';
import { sshKeyFingerprint } from './fingerprints';
import type { RemoteEntry, RemoteSession, WriteOptions } from './remote-session';
import {
  TransferError,
  cancelledError,
  toTransferError,
  type ConnectionStep,
} from './transfer-errors';

/**
 * ssh2's own crypto (a WebAssembly module it starts compiling when loaded). ssh2 starts a
 * connection's protocol only once it is ready (lib/client.js: `cryptoInit.then(() =>
 * proto.start())`); a socket closed in between — a cancel or a time limit, in a fresh worker on a
 * busy machine — makes that start throw inside ssh2's promise: an unhandled rejection (seen once
 * in CI, "Instance unusable after fatal error"). Connecting only once it is ready closes the window.
 */
const sshCryptoReady: Promise<void> = (
  createRequire(import.meta.url)('ssh2/lib/protocol/crypto.js') as { init: Promise<void> }
).init;

/** What an SFTP login needs. */
export type SftpLogin = Readonly<{
  host: string;
  port: number;
  user: string;
  auth: 'password' | 'key' | 'key-and-password';
  password?: string;
  privateKey?: string;
  passphrase?: string;
  /** The SSH agent's socket: the key login is made by the agent, the key never leaves it. */
  agent?: string;
  /** The pinned host key fingerprint (`SHA256:…`); without it the connection is refused. */
  hostKey?: string;
  timeoutMs?: number;
  /** Aborting closes the connection at once, in whatever step it is. */
  signal?: AbortSignal;
  /** Told as each step starts (connect, secure connection, login). */
  onStep?: (step: ConnectionStep) => void;
}>;

/** The write size: OpenSSH's sftp-server accepts writes up to 255 KiB (its limits@openssh.com). */
export const sftpChunkSize = 255 * 1024;
/** Writes in flight: enough to keep a fast link busy, few enough to keep memory small. */
export const sftpWritesInFlight = 32;

// ssh2 is CommonJS; Node's ESM loader cannot see all its named exports (tsx, the CLI, workers).
const { Client, utils } = ssh2;
type Client = InstanceType<typeof Client>;

const SFTP_NO_SUCH_FILE = 2;
const SFTP_PERMISSION_DENIED = 3;

function sftpFailure(
  error: unknown,
  what: 'write' | 'rename' | 'remove' | 'read' | 'list',
  path: string
): TransferError {
  const code = (error as { code?: unknown })?.code;
  if (code === SFTP_PERMISSION_DENIED) {
    if (what === 'write') {
      // The refusal names the folder (the temporary name means nothing to the user).
      const folder = posix.dirname(path);
      return new TransferError(
        'transfer.folder-not-writable',
        `The server does not let this account write in the folder "${folder}". Check the folder, or ask the provider for write access.`,
        {
          cause: error,
          params: { path: folder, file: posix.basename(path) },
        }
      );
    }
    if (what === 'rename')
      return new TransferError(
        'transfer.rename-refused',
        `The server refused to rename the uploaded file to "${path}".`,
        { cause: error, params: { path } }
      );
    return new TransferError('transfer.not-readable', `This account may not read "${path}".`, {
      cause: error,
      params: { path },
    });
  }
  if (code === SFTP_NO_SUCH_FILE) {
    if (what === 'write') {
      const folder = posix.dirname(path);
      return new TransferError(
        'transfer.folder-missing',
        `The folder "${folder}" does not exist on the server. Check the destination's folder.`,
        { cause: error, params: { path: folder } }
      );
    }
    return new TransferError('transfer.not-found', `"${path}" is not on the server.`, {
      cause: error,
      params: { path },
    });
  }
  if (what === 'rename' && code === 4) {
    return new TransferError(
      'transfer.rename-refused',
      `The server refused to rename the uploaded file to "${path}" (a file with that name may already be there).`,
      { cause: error, params: { path } }
    );
  }
  return toTransferError(error);
}

function call<T>(
  run: (cb: (error: Error | null | undefined, value: T) => void) => void
): Promise<T> {
  return new Promise<T>((resolve, reject) =>
    run((error, value) => (error ? reject(error) : resolve(value)))
  );
}

/** Opens a TCP connection with Nagle's algorithm off (without it a streamed put ran at 1.8 MB/s). */
export function connectNoDelay(
  host: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError());
    const socket = connectTcp({ host, port });
    const onAbort = () => {
      clearTimeout(timer);
      socket.destroy();
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.setNoDelay(true);
      resolve(socket);
    });
    socket.once('error', error => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
  });
}

/**
 * Opens and logs in an SFTP session with ssh2, checking the host key against the pin.
 *
 * An unpinned host key fails with `trust.unknown-host-key`, a different one with
 * `trust.host-key-changed`; both carry the fingerprint the server showed.
 */
export async function openSftpSession(login: SftpLogin, socket?: Socket): Promise<RemoteSession> {
  const timeoutMs = login.timeoutMs ?? 30_000;
  const client = new Client();
  let seenKey: string | undefined;
  const authList: NonNullable<ConnectConfig['authHandler']> = [];
  if (login.auth !== 'password' && login.agent) {
    authList.push({ type: 'agent', username: login.user, agent: login.agent } as never);
  } else if (login.auth !== 'password') {
    if (!login.privateKey)
      throw new TransferError(
        'auth.key-missing',
        'This destination logs in with a private key, and none is set.'
      );
    // Read the key first: ssh2 would otherwise report a bad passphrase as a refused login.
    const parsed = utils.parseKey(login.privateKey, login.passphrase);
    if (parsed instanceof Error) {
      const encrypted = /encrypted|passphrase/i.test(parsed.message) && !login.passphrase;
      throw new TransferError(
        'auth.key-unreadable',
        encrypted
          ? 'The private key is protected by a passphrase, and none is set.'
          : 'The private key could not be read: the passphrase is wrong or the key file is damaged.'
      );
    }
    authList.push({
      type: 'publickey',
      username: login.user,
      key: login.privateKey,
      ...(login.passphrase ? { passphrase: login.passphrase } : {}),
    } as never);
  }
  if (login.auth !== 'key') {
    if (login.password === undefined)
      throw new TransferError(
        'auth.password-missing',
        'This destination logs in with a password, and none is set.'
      );
    authList.push({ type: 'password', username: login.user, password: login.password } as never);
  }
  let sock: Socket;
  try {
    await sshCryptoReady;
    sock = socket ?? (await connectNoDelay(login.host, login.port, timeoutMs, login.signal));
  } catch (error) {
    throw toTransferError(error);
  }
  // Connected: the SSH key exchange (the secure connection), then the login.
  login.onStep?.('secure');
  const closeOnAbort = () => {
    // The socket first: ssh2's end() before its handshake may throw.
    sock.destroy();
    try {
      client.end();
    } catch {
      // Closed already.
    }
  };
  login.signal?.addEventListener('abort', closeOnAbort, { once: true });
  try {
    if (login.signal?.aborted) throw cancelledError();
    await new Promise<void>((resolve, reject) => {
      client.once('ready', () => resolve());
      client.once('error', reject);
      client.once('close', () =>
        reject(Object.assign(new Error('connection closed during login'), { code: 'ECONNRESET' }))
      );
      client.connect({
        sock,
        username: login.user,
        readyTimeout: timeoutMs,
        keepaliveInterval: 10_000,
        keepaliveCountMax: 3,
        authHandler: authList,
        hostVerifier: (key: Buffer) => {
          seenKey = sshKeyFingerprint(key);
          const trusted = login.hostKey !== undefined && seenKey === login.hostKey;
          if (trusted) login.onStep?.('login');
          return trusted;
        },
      });
    });
  } catch (error) {
    client.end();
    sock.destroy();
    if (login.signal?.aborted) throw cancelledError();
    if (seenKey && seenKey !== login.hostKey) {
      if (!login.hostKey) {
        throw new TransferError(
          'trust.unknown-host-key',
          `This server is not known yet. Its host key fingerprint is ${seenKey}. If the provider confirms it, pin it to trust this server.`,
          {
            fingerprint: seenKey,
            cause: error,
            params: { fingerprint: seenKey },
          }
        );
      }
      throw new TransferError(
        'trust.host-key-changed',
        `The server's host key has changed (it is now ${seenKey}, not the one you confirmed). This can mean someone is intercepting the connection: do not send anything until the provider confirms the new key.`,
        { fingerprint: seenKey, cause: error, params: { fingerprint: seenKey } }
      );
    }
    throw toTransferError(error);
  } finally {
    login.signal?.removeEventListener('abort', closeOnAbort);
  }
  client.removeAllListeners('error');
  client.removeAllListeners('close');
  // Errors after login (a cut connection) surface through the pending SFTP calls.
  client.on('error', () => undefined);
  let sftp: SFTPWrapper;
  try {
    sftp = await call<SFTPWrapper>(cb => client.sftp(cb));
  } catch (error) {
    client.end();
    throw new TransferError(
      'sftp.subsystem-missing',
      'The server accepted the login but does not offer SFTP for this account.',
      { cause: error }
    );
  }
  return createSftpSession(client, sftp);
}

function createSftpSession(client: Client, sftp: SFTPWrapper): RemoteSession {
  const stat = (path: string) => call<{ size: number }>(cb => sftp.stat(path, cb as never));
  return {
    protocol: 'sftp',
    async size(path) {
      try {
        return (await stat(path)).size;
      } catch (error) {
        if ((error as { code?: unknown }).code === SFTP_NO_SUCH_FILE) return null;
        throw sftpFailure(error, 'read', path);
      }
    },
    write: (localPath, remotePath, from, options) =>
      pipelinedWrite(client, sftp, localPath, remotePath, from, options),
    async matchingPrefix(remotePath, localPath, from, to) {
      const local = await openLocal(localPath, 'r');
      let handle: Buffer | undefined;
      try {
        handle = await call<Buffer>(cb => sftp.open(remotePath, 'r', cb));
        const remoteBuffer = Buffer.allocUnsafe(sftpChunkSize);
        const localBuffer = Buffer.allocUnsafe(sftpChunkSize);
        let offset = from;
        while (offset < to) {
          const length = Math.min(sftpChunkSize, to - offset);
          const openHandle = handle;
          const got = await call<number>(cb =>
            sftp.read(openHandle, remoteBuffer, 0, length, offset, cb as never)
          );
          const { bytesRead } = await local.read(localBuffer, 0, got, offset);
          let same = 0;
          while (same < Math.min(got, bytesRead) && remoteBuffer[same] === localBuffer[same])
            same++;
          offset += same;
          if (same < length) break;
        }
        return offset;
      } catch (error) {
        throw sftpFailure(error, 'read', remotePath);
      } finally {
        const openHandle = handle;
        // The read's own outcome (or error) is what counts; the server drops the handle with the session anyway.
        if (openHandle)
          await call<void>(cb => sftp.close(openHandle, cb as never)).catch(() => undefined);
        await local.close();
      }
    },
    async rename(from, to) {
      try {
        await call<void>(cb => sftp.rename(from, to, cb as never));
      } catch (error) {
        throw sftpFailure(error, 'rename', to);
      }
    },
    async remove(path) {
      try {
        await call<void>(cb => sftp.unlink(path, cb as never));
      } catch (error) {
        throw sftpFailure(error, 'remove', path);
      }
    },
    async list(folder): Promise<RemoteEntry[]> {
      try {
        const entries = await call<
          Array<{ filename: string; attrs: { size: number; isDirectory: () => boolean } }>
        >(cb => sftp.readdir(folder, cb as never));
        return entries.map(e => ({
          name: e.filename,
          size: e.attrs.size,
          isDirectory: e.attrs.isDirectory(),
        }));
      } catch (error) {
        throw sftpFailure(error, 'list', folder);
      }
    },
    async sha256(path, readBackLimit) {
      try {
        // OpenSSH offers no hash extension: read the file back when it is small enough.
        const { size } = await stat(path);
        if (size > readBackLimit) return null;
        const hash = createHash('sha256');
        await new Promise<void>((resolve, reject) => {
          const stream = sftp.createReadStream(path, { highWaterMark: 256 * 1024 });
          stream.on('data', (chunk: Buffer) => hash.update(chunk));
          stream.once('end', () => resolve());
          stream.once('error', reject);
        });
        return hash.digest('hex');
      } catch (error) {
        throw sftpFailure(error, 'read', path);
      }
    },
    async download(remotePath, localPath) {
      try {
        await call<void>(cb => sftp.fastGet(remotePath, localPath, cb as never));
      } catch (error) {
        throw sftpFailure(error, 'read', remotePath);
      }
    },
    async put(path, data) {
      try {
        await call<void>(cb => sftp.writeFile(path, Buffer.from(data), cb as never));
      } catch (error) {
        throw sftpFailure(error, 'write', path);
      }
    },
    tlsVersion: () => null,
    async close() {
      client.end();
    },
  };
}

/**
 * Writes a local file from `from` to the end with up to `sftpWritesInFlight` 255 KiB writes in
 * flight (as ssh2's fastPut does, which is what makes SFTP fast), and reports the contiguous
 * acknowledged offset: with writes in flight, the remote size can run ahead of a hole left by a
 * lost write, so only that offset is safe to resume from.
 */
async function pipelinedWrite(
  client: Client,
  sftp: SFTPWrapper,
  localPath: string,
  remotePath: string,
  from: number,
  options: WriteOptions
): Promise<void> {
  if (options.signal.aborted) throw cancelledError();
  const local = await openLocal(localPath, 'r');
  let handle: Buffer | undefined;
  const onAbort = () => client.end();
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const size = (await local.stat()).size;
    try {
      // 'r+' keeps what the server already has; 'w' starts over.
      handle = await call<Buffer>(cb => sftp.open(remotePath, from === 0 ? 'w' : 'r+', cb));
    } catch (error) {
      throw sftpFailure(error, 'write', remotePath);
    }
    const openHandle = handle;
    const inFlight = new Set<number>();
    const pool: Buffer[] = [];
    let next = from;
    let failed: unknown;
    await new Promise<void>((resolve, reject) => {
      const contiguous = () => (inFlight.size === 0 ? next : Math.min(...inFlight));
      const pump = () => {
        if (failed !== undefined) return;
        if (next >= size && inFlight.size === 0) {
          resolve();
          return;
        }
        while (inFlight.size < sftpWritesInFlight && next < size) {
          const offset = next;
          const length = Math.min(sftpChunkSize, size - offset);
          next += length;
          inFlight.add(offset);
          // Buffers are reused once their write is acknowledged (no garbage per chunk).
          const buffer = pool.pop() ?? Buffer.allocUnsafe(sftpChunkSize);
          local
            .read(buffer, 0, length, offset)
            .then(({ bytesRead }) => {
              if (bytesRead !== length)
                throw new TransferError(
                  'transfer.local-file-changed',
                  'The file changed while it was being sent. Prepare it again and resend.'
                );
              sftp.write(openHandle, buffer, 0, length, offset, error => {
                if (error) {
                  failed ??= error;
                  reject(error);
                  return;
                }
                inFlight.delete(offset);
                pool.push(buffer);
                options.onWritten(contiguous());
                pump();
              });
            })
            // A failed read, or the check above: fail this upload (never an unhandled rejection).
            .catch(error => {
              failed ??= error;
              reject(error);
            });
        }
      };
      pump();
    });
    await call<void>(cb => sftp.close(openHandle, cb as never));
    handle = undefined;
  } catch (error) {
    if (options.signal.aborted) throw cancelledError();
    if (error instanceof TransferError) throw error;
    throw sftpFailure(error, 'write', remotePath);
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    await local.close();
  }
}
