import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendHandlers } from '../../../src-main/pipeline/send-handlers';
import { runCli } from '../../../src-main/cli/run-cli';
import { fixedSecrets } from '../../../src-main/transfers/secret-reader';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { freePort } from '../../harness/servers/ports';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { addSftpDestination } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';
import { tempHome } from '../../harness/temp-home';

// Issue 15, items 4 and 9 through the public surfaces: the app's send handlers (upload in the
// transfer worker) and `courier send` (Ctrl-C as its interrupt signal). A listener that accepts
// and never answers, a closed port, and the real sshd for the two steps of progress.

type Progress = {
  phase: string;
  stage?: string;
  rows?: number | null;
  bytes: number;
  totalBytes: number;
  step?: string | null;
  tries?: { attempt: number; of: number } | null;
};

const fakeHostKey = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function until(test: () => boolean): Promise<void> {
  return new Promise(resolve => {
    const timer = setInterval(() => {
      if (test()) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
}

/** `courier` in-process with a terminal-like stderr and a Ctrl-C signal the test can press. */
async function courierWithCtrlC(
  argv: readonly string[],
  onStderr: (text: string, ctrlC: () => void) => void = () => undefined
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: true });
  const interrupt = new AbortController();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
    onStderr(err, () => interrupt.abort());
  });
  const code = await runCli(argv, {
    stdout,
    stderr,
    stdin: Readable.from([]),
    env: { ...process.env, COURIER_HOME: undefined },
    interrupt: interrupt.signal,
  });
  return { code, stdout: out, stderr: err };
}

describe('waiting and progress through the app and the CLI', () => {
  let silent: Server;
  let silentPort: number;
  const sockets: Socket[] = [];
  let closedPort: number;
  let sshd: SshdServer;
  const home = tempHome('courier-send-waiting-', { shared: true });
  let source: string;
  let handlers: ReturnType<typeof createSendHandlers>;
  const progress: Progress[] = [];

  beforeAll(async () => {
    requireKeychain();
    silent = createServer(socket => {
      sockets.push(socket);
      socket.on('error', () => undefined);
      socket.resume();
    });
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    silentPort = (silent.address() as { port: number }).port;
    closedPort = await freePort();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    // Added as IT would, the password in the real keychain (the CLI reads it from there).
    for (const [name, port] of [
      ['Silent', silentPort],
      ['Closed', closedPort],
    ] as const) {
      const added = await addSftpDestination(
        home.path,
        name,
        { port, hostKeyFingerprint: fakeHostKey },
        { name: 'nobody', password: 'not-a-real-password' }
      );
      expect(added.stderr).toBe('');
    }
    source = join(home.path, 'contacts.csv');
    // Columns Hello Customer needs, as the CLI test's export has them.
    const lines = ['E-mail;Taal;Voornaam;Achternaam;Winkel'];
    for (let i = 0; i < 5000; i++) lines.push(`contact.${i}@example.be;nl;Wendy;De Vos;Brussel`);
    await writeFile(source, `${lines.join('\r\n')}\r\n`);
    const context = {
      home: home.path,
      appVersion: '1',
      locale: 'en',
      emit: ((channel: string, payload: Progress) =>
        channel === 'send:progress' && progress.push(payload)) as never,
    };
    handlers = createSendHandlers(context, fixedSecrets({ password: 'not-used' }));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    silent?.close();
    await sshd?.stop();
  });

  it('app: Cancel while the server never answers stops at once and closes the connection', async () => {
    progress.length = 0;
    const before = sockets.length;
    const sending = handlers['send:start']({ path: source, destination: 'Silent' });
    // Connected; the SSH greeting never comes (the worker says which step it waits on).
    await until(() => progress.some(p => p.step === 'secure') && sockets.length > before);
    const closed = once(sockets.at(-1)!, 'close');
    expect(await handlers['send:cancel'](undefined)).toEqual({ cancelled: true });
    expect(await sending).toMatchObject({ outcome: 'failed', error: { code: 'cancelled' } });
    await closed;
    // The steps were said as they came: preparing (with rows), then connecting.
    expect(progress.find(p => p.phase === 'reading')).toMatchObject({ stage: 'preparing' });
    expect(progress.find(p => p.phase === 'connecting')).toMatchObject({
      stage: 'uploading',
      rows: 5000,
      tries: { attempt: 1, of: 6 },
    });
  });

  it('app: a refused connection is said as refused, with no retry', async () => {
    progress.length = 0;
    const outcome = await handlers['send:start']({ path: source, destination: 'Closed' });
    expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'connection.refused' } });
    expect(outcome.error?.message).toContain('refused the connection');
    expect(progress.some(p => p.phase === 'retrying')).toBe(false);
    expect(progress.filter(p => p.phase === 'connecting' && p.step === 'connect')).toHaveLength(1);
  });

  it('CLI: Ctrl-C while the server never answers cancels the send', async () => {
    let pressed = false;
    const result = await courierWithCtrlC(
      ['--home', home.path, 'send', source, '--destination', 'Silent'],
      (text, ctrlC) => {
        if (!pressed && text.includes('Setting up the secure connection')) {
          pressed = true;
          ctrlC();
        }
      }
    );
    expect(pressed).toBe(true);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('courier: The upload was cancelled.');
    expect(result.stderr).toContain('Step 1 of 2 · Preparing');
    expect(result.stderr).toContain('Step 2 of 2 · Connecting to the server…');
  });

  it('CLI: a refused connection fails at once with the reason, never "trying again"', async () => {
    const result = await courierWithCtrlC([
      '--home',
      home.path,
      'send',
      source,
      '--destination',
      'Closed',
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('refused the connection');
    expect(result.stderr).not.toMatch(/Trying again/i);
    // One try: refused is an answer, not a cut to retry.
    expect(result.stderr).not.toMatch(/tried \d+ times/);
  });

  it('CLI and app: preparing and uploading are two steps, with rows and bytes', async () => {
    const user = sshd.users[0]!;
    const added = await addSftpDestination(home.path, 'Drop', sshd, user);
    expect(added.stderr).toBe('');
    const result = await courierWithCtrlC([
      '--home',
      home.path,
      'send',
      source,
      '--destination',
      'Drop',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /Step 1 of 2 · Preparing \[#+\] 100% 5,000 rows read · \d+ kB of \d+ kB/
    );
    expect(result.stderr).toMatch(
      /Step 2 of 2 · Uploading \[#+\] 100% 5,000 rows · \d+ kB of \d+ kB/
    );
    // The two steps stay on their own lines.
    expect(result.stderr).toMatch(/Preparing[^\n]*\n[^\n]*Step 2 of 2/);
    const runs = await createHistoryStore(home.path).listRuns();
    expect(runs[0]).toMatchObject({ outcome: 'sent', rows: { sent: 5000 } });
  });
});
