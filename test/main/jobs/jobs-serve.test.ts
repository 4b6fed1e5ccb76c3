import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { findSecrets } from '../secrets/find-secret';
import { tempHome } from '../../harness/temp-home';

// `courier jobs serve` as a service runs it: the built CLI (out/main/cli.js) in a child process
// with no desktop session (no D-Bus, so no keychain: the password comes from an environment
// variable), two overdue jobs against the real sshd, SIGTERM while the big upload is under way.
// The upload is parked (nothing under its final name), the process exits 0, and the next start
// resumes it to a byte-identical file.

const root = join(import.meta.dirname, '..', '..', '..');
const bundle = join(root, 'out', 'main', 'cli.js');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * A loopback TCP forwarder to sshd that stops forwarding the upload direction of the first
 * connection that has carried more than `holdAfter` bytes, and keeps it hanging until `release`:
 * an upload that is certainly in progress when the test sends SIGTERM. Later connections pass
 * untouched.
 */
async function startGate(target: number, holdAfter: number) {
  let heldOne = false;
  let release: () => void = () => undefined;
  let onHeld: () => void = () => undefined;
  const held = new Promise<void>(resolve => (onHeld = resolve));
  const sockets = new Set<Socket>();
  const server: Server = createServer(client => {
    const upstream = connect({ host: '127.0.0.1', port: target });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    let carried = 0;
    client.on('data', (chunk: Buffer) => {
      carried += chunk.length;
      if (!heldOne && carried > holdAfter) {
        heldOne = true;
        // Stop reading from the client (TCP holds the rest back) until released.
        client.pause();
        release = () => {
          upstream.write(chunk);
          client.resume();
        };
        onHeld();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    held,
    /** Lets the held connection carry on. */
    release: () => release(),
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}

type Result = Readonly<{ code: number | null; stdout: string; stderr: string }>;

describe('courier jobs serve (a service without the app)', () => {
  let sshd: SshdServer;
  let gate: Awaited<ReturnType<typeof startGate>>;
  const dir = tempHome('courier-serve-', { shared: true });
  let home: string;
  const unique = randomBytes(3).toString('hex');
  const bigRows = 60_000;

  const env = (): NodeJS.ProcessEnv => {
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: dir.path,
      XDG_DATA_HOME: join(dir.path, 'data'),
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir.path, 'no-bus-here')}`,
      SERVE_TEST_PASSWORD: sshd.users[0]!.password,
    };
    for (const name of ['COURIER_TEST_KEYRING', 'COURIER_HOME', 'SSH_AUTH_SOCK'])
      delete childEnv[name];
    return childEnv;
  };

  const start = (
    args: readonly string[]
  ): { child: ChildProcess; done: Promise<Result>; saw: (text: string) => Promise<void> } => {
    if (!existsSync(bundle))
      throw new Error('Build first (scripts/test.mjs does): out/main/cli.js is missing.');
    const child = spawn(process.execPath, [bundle, '--home', home, ...args], {
      cwd: dir.path,
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      for (const [text, resolve] of waiting) if (stdout.includes(text)) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const waiting = new Map<string, () => void>();
    const done = new Promise<Result>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', code => resolve({ code, stdout, stderr }));
    });
    const handle = {
      child,
      done,
      /** Resolves once the output has shown `text`. */
      saw: (text: string) =>
        new Promise<void>(resolve => {
          if (stdout.includes(text)) resolve();
          else waiting.set(text, resolve);
        }),
    };
    return handle;
  };
  const courier = (args: readonly string[]) => start(args).done;

  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    gate = await startGate(sshd.port, 400_000);
    home = join(dir.path, 'home');
    const header = 'E-mail;Taal;Voornaam';
    await writeFile(join(dir.path, 'small.csv'), `${header}\r\nwendy@example.be;nl;Wendy\r\n`);
    const rows = Array.from(
      { length: bigRows },
      (_, i) => `contact${i}.${unique}@example.be;nl;Name${i}`
    );
    await writeFile(join(dir.path, 'big.csv'), `${header}\r\n${rows.join('\r\n')}\r\n`);
  });
  afterAll(async () => {
    await gate?.stop();
    await sshd?.stop();
  });

  it('runs due jobs, parks the upload on SIGTERM, refuses a second instance, resumes at the next start', async () => {
    const user = sshd.users[0]!;
    // Two destinations on the same server, so the two files have names of their own.
    for (const [destination, fileName] of [
      ['vendor', 'small_{date:YYYYMMDD}.csv'],
      ['vendor-big', 'big_{date:YYYYMMDD}.csv'],
    ] as const) {
      const add = await courier([
        'destinations',
        'add',
        destination,
        '--protocol',
        'sftp',
        '--host',
        '127.0.0.1',
        '--port',
        String(gate.port),
        '--user',
        user.name,
        '--folder',
        'upload',
        '--host-key',
        sshd.hostKeyFingerprint,
        '--secret-source',
        'env:SERVE_TEST_PASSWORD',
      ]);
      expect(add.stderr).toBe('');
      expect(add.code).toBe(0);
      const set = await courier(['destinations', 'set', destination, `file-name=${fileName}`]);
      expect(set.code, set.stderr).toBe(0);
    }
    for (const name of ['small', 'big']) {
      const job = await courier([
        'jobs',
        'add',
        name,
        '--source',
        join(dir.path, `${name}.csv`),
        '--destination',
        name === 'big' ? 'vendor-big' : 'vendor',
        '--schedule',
        'every day at 02:00',
      ]);
      expect(job.code, job.stderr).toBe(0);
    }
    // Both jobs were saved three days ago: a 02:00 slot was missed, and they catch up at start.
    const jobsFile = join(home, 'jobs.json');
    const saved = JSON.parse(await readFile(jobsFile, 'utf8')) as {
      jobs: { createdAt: string }[];
    };
    const longAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();
    for (const job of saved.jobs) job.createdAt = longAgo;
    await writeFile(jobsFile, JSON.stringify(saved));

    const first = start(['jobs', 'serve']);
    await first.saw('Job “small” sent');
    await gate.held;

    // A second instance on the same settings folder is refused, in plain words.
    const second = await courier(['jobs', 'serve']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('already running for this settings folder');

    first.child.kill('SIGTERM');
    const stopped = await first.done;
    expect(stopped.stderr).toBe('');
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain('Stopping (SIGTERM)');
    expect(stopped.stdout).toContain('Job “big”: its upload is parked in the queue');
    expect(stopped.stdout).toMatch(/Stopped \(1 upload parked\)\.\n$/);

    // Parked: in the queue with what it will be, and nothing under its final name on the server.
    const queue = JSON.parse(await readFile(join(home, 'queue.json'), 'utf8')) as {
      items: { remoteName: string; sha256: string; size: number }[];
    };
    expect(queue.items).toHaveLength(1);
    const parked = queue.items[0]!;
    const onServer = await readdir(user.uploadDir);
    expect(onServer).not.toContain(parked.remoteName);

    // The next start resumes it first (JSON lines this time), then serves; SIGTERM stops it.
    const again = start(['jobs', 'serve', '--json']);
    await again.saw('"event":"started"');
    again.child.kill('SIGTERM');
    const second2 = await again.done;
    expect(second2.code).toBe(0);
    const events = second2.stdout
      .trim()
      .split('\n')
      .map(line => JSON.parse(line) as { event: string; files?: number; level: string });
    expect(events.map(e => e.event)).toEqual(['resumed', 'started', 'stopping', 'stopped']);
    expect(events[0]!.files).toBe(1);
    const delivered = await readFile(join(user.uploadDir, parked.remoteName));
    expect(delivered.length).toBe(parked.size);
    expect(sha(delivered)).toBe(parked.sha256);
    expect(delivered.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(bigRows + 1);
    const after = JSON.parse(await readFile(join(home, 'queue.json'), 'utf8')) as {
      items: unknown[];
    };
    expect(after.items).toHaveLength(0);
    // The runs the scheduler made are in the history; no secret is in any file Courier wrote.
    const history = await courier(['history', '--json']);
    expect(history.stdout).toContain('"small"');
    expect(
      await findSecrets({
        folders: [home],
        texts: { first: stopped.stdout, again: second2.stdout },
        secrets: { password: user.password },
      })
    ).toEqual([]);
  });
  it('lets an upload to a destination without rename finish on SIGTERM (no partial file under its final name)', async () => {
    const user = sshd.users[0]!;
    home = join(dir.path, 'home-no-rename');
    const direct = await startGate(sshd.port, 400_000);
    try {
      const add = await courier([
        'destinations',
        'add',
        'direct',
        '--protocol',
        'sftp',
        '--host',
        '127.0.0.1',
        '--port',
        String(direct.port),
        '--user',
        user.name,
        '--folder',
        'upload',
        '--host-key',
        sshd.hostKeyFingerprint,
        '--secret-source',
        'env:SERVE_TEST_PASSWORD',
      ]);
      expect(add.code, add.stderr).toBe(0);
      expect(
        (await courier(['destinations', 'set', 'direct', 'file-name=direct_{date:YYYYMMDD}.csv']))
          .code
      ).toBe(0);
      // This vendor takes files under their final names only (no temporary name, no rename).
      const file = join(home, 'destinations', 'direct.json');
      const saved = JSON.parse(await readFile(file, 'utf8')) as {
        transport: Record<string, unknown>;
      };
      saved.transport.uploadThenRename = false;
      await writeFile(file, JSON.stringify(saved));
      const job = await courier([
        'jobs',
        'add',
        'direct-big',
        '--source',
        join(dir.path, 'big.csv'),
        '--destination',
        'direct',
        '--schedule',
        'every day at 02:00',
      ]);
      expect(job.code, job.stderr).toBe(0);
      const jobsFile = join(home, 'jobs.json');
      const jobs = JSON.parse(await readFile(jobsFile, 'utf8')) as {
        jobs: { createdAt: string }[];
      };
      for (const j of jobs.jobs) j.createdAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
      await writeFile(jobsFile, JSON.stringify(jobs));

      const serving = start(['jobs', 'serve']);
      await direct.held;
      serving.child.kill('SIGTERM');
      await serving.saw('Stopping (SIGTERM)');
      // Still uploading: the stop waits for it. Let the line carry on.
      direct.release();
      const stopped = await serving.done;
      expect(stopped.stderr).toBe('');
      expect(stopped.code).toBe(0);
      expect(stopped.stdout).toContain('Job “direct-big” sent');
      expect(stopped.stdout).not.toContain('its upload is parked');
      expect(stopped.stdout).toMatch(/Stopped\.\n$/);
      const queue = JSON.parse(await readFile(join(home, 'queue.json'), 'utf8')) as {
        items: unknown[];
      };
      expect(queue.items).toHaveLength(0);
      const names = (await readdir(user.uploadDir)).filter(n => n.startsWith('direct_'));
      expect(names).toHaveLength(1);
      const delivered = await readFile(join(user.uploadDir, names[0]!), 'utf8');
      expect(delivered.split('\r\n').filter(Boolean)).toHaveLength(bigRows + 1);
    } finally {
      await direct.stop();
    }
  });
});
