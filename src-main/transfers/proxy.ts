import { connect as connectTcp, isIP, type Socket } from 'node:net';
import type { ProxyUrl } from '../../src-core/destinations/proxy-setting';
import { TransferError, toTransferError } from './transfer-errors';

/**
 * A proxy a connection goes through: an HTTP CONNECT proxy or a SOCKS5 proxy, as core reads it
 * from a URL; its `password` is read from the keychain (or the environment's URL), never logged.
 */
export type ProxyEndpoint = ProxyUrl;

/** Where the connection should end up, through the proxy. */
export type ProxyTarget = Readonly<{ host: string; port: number }>;

/** `http://host:port` or `socks5://user@host:port`, without a password: safe to show. */
export function describeProxy(
  proxy: Pick<ProxyEndpoint, 'kind' | 'host' | 'port' | 'user'>
): string {
  const host = isIP(proxy.host) === 6 ? `[${proxy.host}]` : proxy.host;
  return `${proxy.kind}://${proxy.user ? `${encodeURIComponent(proxy.user)}@` : ''}${host}:${proxy.port}`;
}

function authRequired(proxy: ProxyEndpoint, detail: string): TransferError {
  const where = describeProxy(proxy);
  return new TransferError(
    'proxy.auth-failed',
    proxy.user
      ? `The proxy ${where} refused the user name or password (${detail}). Check the proxy user and password.`
      : `The proxy ${where} asks for a user name and password (${detail}). Set the proxy user and password of this destination.`,
    { params: { proxy: where, detail } }
  );
}

function refused(proxy: ProxyEndpoint, target: ProxyTarget, detail: string): TransferError {
  const where = describeProxy(proxy);
  return new TransferError(
    'proxy.refused',
    `The proxy ${where} refused to connect to ${target.host}:${target.port} (${detail}). Ask your network administrator whether the proxy lets connections to this server and port through.`,
    { params: { proxy: where, server: `${target.host}:${target.port}`, detail } }
  );
}

/** The proxy itself cannot be reached: named as the proxy's fault, not the server's. */
function unreachable(proxy: ProxyEndpoint, error: unknown): TransferError {
  const plain = toTransferError(error);
  const where = describeProxy(proxy);
  return new TransferError(
    'proxy.unreachable',
    `The proxy ${where} cannot be reached (${plain.message}) Check the proxy's address and port.`,
    { retryable: plain.retryable, cause: error, params: { proxy: where } }
  );
}

/**
 * Reads from a socket in paused mode until `done` says the handshake reply is complete; what the
 * server sent after it (an SSH banner, an FTP greeting) is put back for the next reader.
 */
function readReply(socket: Socket, done: (buffer: Buffer) => number | null): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const cleanup = () => {
      socket.removeListener('readable', onReadable);
      socket.removeListener('error', onError);
      socket.removeListener('end', onEnd);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onEnd = () => {
      cleanup();
      reject(Object.assign(new Error('The proxy closed the connection.'), { code: 'ECONNRESET' }));
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while ((chunk = socket.read() as Buffer | null) !== null) {
        buffer = Buffer.concat([buffer, chunk]);
        const length = done(buffer);
        if (length !== null) {
          cleanup();
          if (length < buffer.length) socket.unshift(buffer.subarray(length));
          resolve(buffer.subarray(0, length));
          return;
        }
        if (buffer.length > 64 * 1024) {
          cleanup();
          reject(new Error('The proxy sent an answer that is too long.'));
          return;
        }
      }
    };
    socket.on('readable', onReadable);
    socket.once('error', onError);
    socket.once('end', onEnd);
  });
}

async function httpConnect(
  socket: Socket,
  proxy: ProxyEndpoint,
  target: ProxyTarget
): Promise<void> {
  const authority = `${isIP(target.host) === 6 ? `[${target.host}]` : target.host}:${target.port}`;
  const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`];
  if (proxy.user !== undefined) {
    const token = Buffer.from(`${proxy.user}:${proxy.password ?? ''}`).toString('base64');
    lines.push(`Proxy-Authorization: Basic ${token}`);
  }
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  const head = await readReply(socket, buffer => {
    const end = buffer.indexOf('\r\n\r\n');
    return end < 0 ? null : end + 4;
  });
  const status = /^HTTP\/\d\.\d\s+(\d{3})\s*([^\r\n]*)/.exec(head.toString('latin1'));
  if (!status) throw refused(proxy, target, 'not an HTTP proxy');
  const code = Number(status[1]);
  if (code >= 200 && code < 300) return;
  const detail = `${code}${status[2] ? ` ${status[2].trim().slice(0, 80)}` : ''}`;
  // 407 is the standard answer; tinyproxy answers a CONNECT with wrong credentials with 401.
  if (code === 407 || code === 401) throw authRequired(proxy, detail);
  throw refused(proxy, target, detail);
}

const socksReplies: Readonly<Record<number, string>> = {
  1: 'general failure',
  2: 'not allowed by the proxy rules',
  3: 'network unreachable',
  4: 'host unreachable',
  5: 'connection refused by the server',
  6: 'time out',
  7: 'command not supported',
  8: 'address type not supported',
};

async function socks5Connect(
  socket: Socket,
  proxy: ProxyEndpoint,
  target: ProxyTarget
): Promise<void> {
  const fixed = (n: number) => (buffer: Buffer) => (buffer.length >= n ? n : null);
  const withAuth = proxy.user !== undefined;
  socket.write(Buffer.from(withAuth ? [5, 2, 0, 2] : [5, 1, 0]));
  const choice = await readReply(socket, fixed(2));
  if (choice[0] !== 5) throw refused(proxy, target, 'not a SOCKS5 proxy');
  if (choice[1] === 2 && withAuth) {
    // RFC 1929 user/password sub-negotiation.
    const user = Buffer.from(proxy.user!, 'utf8');
    const password = Buffer.from(proxy.password ?? '', 'utf8');
    if (user.length > 255 || password.length > 255)
      throw authRequired(proxy, 'user or password longer than 255 bytes');
    socket.write(
      Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([password.length]), password])
    );
    const status = await readReply(socket, fixed(2));
    if (status[1] !== 0) throw authRequired(proxy, 'SOCKS5 authentication failed');
  } else if (choice[1] !== 0) {
    throw authRequired(proxy, 'SOCKS5 authentication required');
  }
  const family = isIP(target.host);
  let address: Buffer;
  if (family === 4) address = Buffer.from([1, ...target.host.split('.').map(Number)]);
  else if (family === 6) {
    // Expand `::` and write the eight 16-bit groups.
    const [head = '', tail = ''] = target.host.split('::');
    const a = head ? head.split(':') : [];
    const b = target.host.includes('::') ? (tail ? tail.split(':') : []) : [];
    const groups = [...a, ...Array(8 - a.length - b.length).fill('0'), ...b];
    address = Buffer.alloc(17);
    address[0] = 4;
    groups.forEach((g, i) => address.writeUInt16BE(parseInt(g, 16), 1 + i * 2));
  } else {
    // A name: resolved by the proxy (socks5h), as the machine behind a proxy often cannot.
    const name = Buffer.from(target.host, 'utf8');
    address = Buffer.concat([Buffer.from([3, name.length]), name]);
  }
  const port = Buffer.alloc(2);
  port.writeUInt16BE(target.port);
  socket.write(Buffer.concat([Buffer.from([5, 1, 0]), address, port]));
  const reply = await readReply(socket, buffer => {
    if (buffer.length < 5) return null;
    const size = buffer[3] === 1 ? 4 : buffer[3] === 4 ? 16 : 1 + buffer[4]!;
    return buffer.length >= 4 + size + 2 ? 4 + size + 2 : null;
  });
  if (reply[1] !== 0)
    throw refused(proxy, target, `SOCKS5: ${socksReplies[reply[1]!] ?? `reply ${reply[1]}`}`);
}

/**
 * Opens a TCP connection to `target` through an HTTP CONNECT or SOCKS5 proxy.
 *
 * The returned socket is connected end to end and carries nothing of the handshake: ssh2 and TLS
 * can use it as if it were a direct connection. Each call is its own proxy request (an FTPS data
 * connection opens its own).
 */
export function connectThroughProxy(
  proxy: ProxyEndpoint,
  target: ProxyTarget,
  timeoutMs = 30_000
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host: proxy.host, port: proxy.port });
    let connected = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        connected
          ? new TransferError(
              'proxy.timeout',
              `The proxy ${describeProxy(proxy)} did not answer in time.`,
              {
                retryable: true,
                params: { proxy: describeProxy(proxy) },
              }
            )
          : unreachable(proxy, Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }))
      );
    }, timeoutMs);
    timer.unref?.();
    const fail = (error: unknown) => {
      clearTimeout(timer);
      socket.destroy();
      reject(
        error instanceof TransferError
          ? error
          : connected
            ? toTransferError(error)
            : unreachable(proxy, error)
      );
    };
    socket.once('error', fail);
    socket.once('connect', () => {
      connected = true;
      socket.setNoDelay(true);
      socket.removeListener('error', fail);
      const handshake =
        proxy.kind === 'http'
          ? httpConnect(socket, proxy, target)
          : socks5Connect(socket, proxy, target);
      handshake.then(() => {
        clearTimeout(timer);
        resolve(socket);
      }, fail);
    });
  });
}
