import { createServer } from 'node:net';

/** A TCP port that is free on `host` right now (the kernel picks it: listen on port 0). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise(resolve => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * `count` consecutive free ports on every host in `hosts` (for an FTP server's passive range).
 *
 * The kernel cannot hand out a range, so random bases are tried; each test process picks its own
 * so parallel servers do not share passive ports.
 */
export async function freePortRange(
  count: number,
  hosts: readonly string[] = ['127.0.0.1']
): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    let ok = true;
    for (let port = base; ok && port < base + count; port++) {
      for (const host of hosts) if (!(await canListen(port, host))) ok = false;
    }
    if (ok) return base;
  }
  throw new Error(`No ${count} consecutive free ports found.`);
}

/** Resolves once something accepts TCP connections on host:port, or fails after `timeoutMs`. */
export async function waitForPort(
  port: number,
  host = '127.0.0.1',
  timeoutMs = 10_000
): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>(resolve => {
      const socket = connect({ port, host });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`Nothing listened on ${host}:${port} after ${timeoutMs} ms.`);
    await new Promise(r => setTimeout(r, 50));
  }
}
