import { createServer, type Server, type Socket } from 'node:net';

/** A listener on 127.0.0.1 that greets like an FTP server and records every line a client sends. */
export type RecordingFtp = Readonly<{
  port: number;
  /** Every command line received, in order (`USER alice`, `PASS …`). */
  lines: readonly string[];
  stop: () => Promise<void>;
}>;

/**
 * A stranger's server, for proving what Courier would send to it: answers the greeting, asks
 * for a password after USER, refuses every login. Real TCP on 127.0.0.1, nothing faked on
 * Courier's side.
 */
export async function startRecordingFtp(): Promise<RecordingFtp> {
  const lines: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer(socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.write('220 Welcome\r\n');
    let buffer = '';
    socket.on('data', chunk => {
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        lines.push(line);
        const verb = line.split(' ')[0]!.toUpperCase();
        if (verb === 'USER') socket.write('331 Password required\r\n');
        else if (verb === 'PASS') socket.write('530 Login incorrect\r\n');
        else if (verb === 'QUIT') socket.end('221 Bye\r\n');
        else socket.write('502 Command not implemented\r\n');
      }
    });
  });
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string')
    throw new Error('The recording FTP listener has no port.');
  return {
    port: address.port,
    lines,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise(done => server.close(done));
    },
  };
}
