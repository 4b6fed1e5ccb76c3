import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Transport } from '../../../src-core/destinations/transport';
import {
  Transfer,
  type TransferClock,
  type TransferProgress,
} from '../../../src-main/transfers/transfer';
import { freePort } from '../../harness/servers/ports';
import { localFolder, randomFile } from './transfer-helpers';

// Issue 15, item 4: a server that accepts the connection and never answers, and a closed port.
// Each connection step has a time limit said in words; refused is said as refused and not
// retried; tries are counted; cancel closes the connection at once. Time is a fake clock: the
// limits pass when the test says so, never by waiting.

/** A clock whose time moves only when the test advances it. */
function fakeClock() {
  let now = 0;
  const sleepers = new Set<{ at: number; wake: () => void }>();
  const clock: TransferClock & { advance: (ms: number) => void; waiting: () => number } = {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>(resolve => {
        if (signal.aborted) return resolve();
        const sleeper = { at: now + ms, wake: () => (sleepers.delete(sleeper), resolve()) };
        sleepers.add(sleeper);
        signal.addEventListener('abort', sleeper.wake, { once: true });
      }),
    advance: ms => {
      now += ms;
      for (const sleeper of [...sleepers]) if (sleeper.at <= now) sleeper.wake();
    },
    waiting: () => sleepers.size,
  };
  return clock;
}

/** A listener on 127.0.0.1 that accepts connections and never says a word. */
async function silentServer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer(socket => {
    sockets.push(socket);
    // Reads what the client says (so its closing is seen) and never answers.
    socket.resume();
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as { port: number }).port, sockets };
}

/** Resolves when `test` holds (checked as events come; no sleeps in the assertions). */
function until(test: () => boolean): Promise<void> {
  return new Promise(resolve => {
    const timer = setInterval(() => {
      if (test()) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
}

const transportFor = (protocol: 'sftp' | 'ftps', port: number) =>
  Transport.parse({
    protocol,
    host: '127.0.0.1',
    port,
    user: 'nobody',
    auth: 'password',
    folder: '/upload',
    ...(protocol === 'sftp'
      ? { hostKey: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }
      : { tlsFingerprint: Array(32).fill('AA').join(':') }),
  });

describe('waiting on a server, said in words (fake clock)', () => {
  let silent: Awaited<ReturnType<typeof silentServer>>;
  let closedPort: number;
  let folder: Awaited<ReturnType<typeof localFolder>>;
  let file: string;

  beforeAll(async () => {
    silent = await silentServer();
    closedPort = await freePort();
    folder = await localFolder();
    file = (await randomFile(folder.dir, 'contacts.csv', 10_000)).path;
  });
  afterAll(async () => {
    for (const socket of silent.sockets) socket.destroy();
    silent.server.close();
    await folder.cleanup();
  });

  const transfer = (
    protocol: 'sftp' | 'ftps',
    port: number,
    clock: TransferClock,
    events: TransferProgress[],
    attemptsWithoutProgress = 2
  ) =>
    new Transfer({
      destinationName: 'Silent',
      transport: transportFor(protocol, port),
      secrets: { password: 'not-a-real-password' },
      files: [{ id: 'wait-1', localPath: file, remoteName: 'contacts.csv' }],
      clock,
      retry: { attemptsWithoutProgress, baseDelayMs: 1000, maxDelayMs: 1000 },
      progressIntervalMs: 0,
      onProgress: p => events.push(p),
    });

  it('SFTP: a server that never answers fails each try after 20 seconds, tries counted', async () => {
    const clock = fakeClock();
    const events: TransferProgress[] = [];
    const run = transfer('sftp', silent.port, clock, events).run();
    const outcome = run.catch(error => error);
    // Connected (TCP), now waiting on the secure connection (the SSH greeting never comes).
    await until(() => events.some(e => e.step === 'secure') && clock.waiting() > 0);
    clock.advance(20_000);
    await until(() => events.some(e => e.phase === 'retrying'));
    const retrying = events.find(e => e.phase === 'retrying')!;
    expect(retrying.problem).toMatchObject({
      code: 'connection.no-answer',
      message:
        'The server did not answer within 20 seconds (while setting up the secure connection).',
      params: { seconds: 20, step: 'secure' },
    });
    expect(retrying.tries).toEqual({ attempt: 2, of: 2 });
    // The pause before the second try (backoff), then its own 20 seconds.
    clock.advance(1_250);
    await until(() => events.filter(e => e.step === 'secure').length >= 2 && clock.waiting() > 0);
    expect(events.at(-1)).toMatchObject({ phase: 'connecting', tries: { attempt: 2, of: 2 } });
    clock.advance(20_000);
    const error = await outcome;
    expect(error).toMatchObject({
      code: 'connection.no-answer',
      params: { seconds: 20, attempts: 2 },
    });
    expect(error.message).toContain('The server did not answer within 20 seconds');
    expect(error.message).toContain('Courier tried 2 times and gave up');
  });

  it('FTPS: the greeting that never comes is the connect step’s time limit', async () => {
    const clock = fakeClock();
    const events: TransferProgress[] = [];
    const outcome = transfer('ftps', silent.port, clock, events, 1)
      .run()
      .catch(error => error);
    await until(() => events.some(e => e.step === 'connect') && clock.waiting() > 0);
    clock.advance(19_999);
    await new Promise(resolve => setImmediate(resolve));
    // Not yet: one millisecond short of the limit the try is still waiting.
    expect(events.some(e => e.phase === 'retrying')).toBe(false);
    clock.advance(1);
    expect(await outcome).toMatchObject({
      code: 'connection.no-answer',
      params: { seconds: 20, step: 'connect' },
    });
  });

  for (const protocol of ['sftp', 'ftps'] as const) {
    it(`${protocol.toUpperCase()}: a refused connection is said as refused, after one try`, async () => {
      const clock = fakeClock();
      const events: TransferProgress[] = [];
      const error = await transfer(protocol, closedPort, clock, events, 6)
        .run()
        .catch(e => e);
      expect(error).toMatchObject({ code: 'connection.refused' });
      expect(error.message).toMatch(/refused the connection/);
      expect(events.some(e => e.phase === 'retrying')).toBe(false);
      expect(events.filter(e => e.phase === 'connecting' && e.step === 'connect')).toHaveLength(1);
    });

    it(`${protocol.toUpperCase()}: cancel while the server is silent closes the connection at once`, async () => {
      const clock = fakeClock();
      const events: TransferProgress[] = [];
      const before = silent.sockets.length;
      const sending = transfer(protocol, silent.port, clock, events);
      const outcome = sending.run().catch(error => error);
      await until(() => silent.sockets.length > before && clock.waiting() > 0);
      const socket = silent.sockets.at(-1)!;
      const closed = once(socket, 'close');
      sending.cancel();
      // No time passes on the clock: cancel does not wait on any time limit.
      expect(await outcome).toMatchObject({ code: 'cancelled' });
      await closed;
      expect(socket.destroyed).toBe(true);
    });
  }
});
