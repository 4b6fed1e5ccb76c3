import { connect, createServer, type Server, type Socket } from 'node:net';

/** One forwarded port: connections to `listenHost:listenPort` go to `targetHost:targetPort`. */
export type ProxyRoute = Readonly<{ listenPort: number; targetHost: string; targetPort: number }>;

export type FaultProxyOptions = Readonly<{
  routes: readonly ProxyRoute[];
  listenHost?: string;
  /**
   * Bytes a new connection may carry from client to server (the upload direction) before it is
   * cut; called once per connection. Return Infinity to leave a connection alone.
   */
  cutAfter: () => number;
  /** Stop cutting after this many cuts (so the transfer can finish). */
  maxCuts: number;
  /** Limits the upload direction to this many bytes per second (a slow line). */
  bytesPerSecond?: number;
}>;

/** A loopback TCP proxy that cuts connections at random byte offsets. */
export type FaultProxy = Readonly<{
  /** How many connections were cut so far. */
  cuts: () => number;
  connections: () => number;
  stop: () => Promise<void>;
}>;

/**
 * Starts a TCP proxy on loopback that forwards each route and destroys connections (both sides,
 * without a clean close) once they have carried a random number of bytes: a dropped connection
 * in the middle of a transfer, as a flaky network or a server restart would cause.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const listenHost = options.listenHost ?? '127.0.0.1';
  let cuts = 0;
  let connections = 0;
  const sockets = new Set<Socket>();
  const servers: Server[] = [];
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  for (const route of options.routes) {
    const server = createServer(client => {
      connections++;
      track(client);
      const upstream = connect({ host: route.targetHost, port: route.targetPort });
      track(upstream);
      upstream.setNoDelay(true);
      client.setNoDelay(true);
      const limit = cuts < options.maxCuts ? options.cutAfter() : Infinity;
      let carried = 0;
      let cut = false;
      const count = (chunk: Buffer) => {
        carried += chunk.length;
        if (!cut && carried >= limit && cuts < options.maxCuts) {
          cut = true;
          cuts++;
          // The client sees its connection reset; the server gets what was already sent, then
          // an end (a reset would make its kernel drop data it had not read yet, so nothing
          // the client sent would ever land and no upload could make progress).
          client.resetAndDestroy();
          upstream.end();
          return false;
        }
        return true;
      };
      const started = Date.now();
      let sent = 0;
      client.on('data', chunk => {
        if (!count(chunk)) return;
        sent += chunk.length;
        if (!upstream.write(chunk)) client.pause();
        else if (options.bytesPerSecond) {
          const ahead = (sent / options.bytesPerSecond) * 1000 - (Date.now() - started);
          if (ahead > 5) {
            client.pause();
            setTimeout(() => client.resume(), ahead);
          }
        }
      });
      upstream.on('data', chunk => {
        if (!cut && !client.write(chunk)) upstream.pause();
      });
      upstream.on('drain', () => client.resume());
      client.on('drain', () => upstream.resume());
      client.on('end', () => upstream.end());
      upstream.on('end', () => client.end());
      client.on('error', () => {
        if (!cut) upstream.destroy();
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => {
        if (!cut) upstream.destroy();
      });
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(route.listenPort, listenHost, () => resolve());
    });
    servers.push(server);
  }
  return {
    cuts: () => cuts,
    connections: () => connections,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map(server => new Promise(resolve => server.close(resolve))));
    },
  };
}
