import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Transport } from '../../../src-core/destinations/transport';
import { Run } from '../../../src-core/history/run';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { resolveSchedule } from '../../../src-main/jobs/job-service';
import { createJobStore } from '../../../src-main/jobs/job-store';
import { lockFile, tryLockFile } from '../../../src-main/settings/file-lock';
import { openLedger } from '../../../src-main/transfers/ledger';
import {
  newClaim,
  openTransferQueue,
  queuePath,
  type QueueItem,
} from '../../../src-main/transfers/transfer-queue';
import { uploadFiles } from '../../../src-main/transfers/upload-files';
import { freePort } from '../../harness/servers/ports';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { queueItem } from './queue-item';
import {
  fileHash,
  namesIn,
  randomFile,
  sftpTransport,
  sha256,
} from '../transfers/transfer-helpers';
import { tempHome } from '../../harness/temp-home';

const CHILD = join(import.meta.dirname, 'shared-state-child.ts');

type Child = Readonly<{
  process: ChildProcessWithoutNullStreams;
  /** Resolves with the next JSON line the child prints. */
  next: () => Promise<unknown>;
  send: (word: string) => void;
  exited: Promise<number | null>;
}>;

/** Starts one Courier process of shared-state-child.ts and waits until it is ready. */
async function startChild(part: Record<string, unknown>): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(part)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: unknown[] = [];
  const readers: ((value: unknown) => void)[] = [];
  let buffer = '';
  let errors = '';
  child.stderr.on('data', d => (errors += String(d)));
  child.stdout.on('data', d => {
    buffer += String(d);
    let at;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, at)) as unknown;
      buffer = buffer.slice(at + 1);
      const reader = readers.shift();
      if (reader) reader(line);
      else lines.push(line);
    }
  });
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
  const next = () =>
    lines.length > 0
      ? Promise.resolve(lines.shift())
      : Promise.race([
          new Promise<unknown>(resolve => readers.push(resolve)),
          exited.then(code => {
            throw new Error(`The child process ended (exit ${code}) before saying more: ${errors}`);
          }),
        ]);
  const ready = await next();
  expect(ready).toBe('ready');
  return { process: child, next, send: word => child.stdin.write(`${word}\n`), exited };
}

/** Starts every child, then lets them all go at once; resolves with what each said. */
async function runTogether(parts: Record<string, unknown>[]): Promise<unknown[]> {
  const children = await Promise.all(parts.map(startChild));
  for (const child of children) child.send('go');
  const said = await Promise.all(children.map(child => child.next()));
  const codes = await Promise.all(children.map(child => child.exited));
  expect(codes).toEqual(children.map(() => 0));
  return said;
}

/** The id of a process that has ended (a crashed Courier). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise(resolve => child.once('exit', resolve));
  return child.pid!;
}

const readQueue = async (home: string): Promise<QueueItem[]> =>
  (JSON.parse(await readFile(queuePath(home), 'utf8')) as { items: QueueItem[] }).items;

const root = tempHome('courier-shared-');
let home: string;
beforeEach(async () => {
  home = join(root.path, 'home');
  await mkdir(home);
});

describe('the lock file', () => {
  it('waits for a live holder in another process, gives up in words after its bound, and takes over a dead holder’s lock', async () => {
    const file = join(home, 'queue.json.lock');
    const holder = await startChild({ part: 'hold-lock', file });
    holder.send('go');
    expect(await holder.next()).toEqual({ locked: holder.process.pid });

    await expect(
      lockFile(file, { timeoutMs: 150, what: 'the upload queue' })
    ).rejects.toMatchObject({
      code: 'settings.busy',
      message: expect.stringContaining('the upload queue'),
    });
    // A waiter gets the lock as soon as the holder lets go.
    const waiting = lockFile(file, { timeoutMs: 30_000 });
    holder.send('release');
    expect(await holder.exited).toBe(0);
    const lock = await waiting;
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });

    // Left by a process that has gone (a crash): taken over at once, even with no waiting at all.
    await writeFile(
      file,
      JSON.stringify({ pid: await deadPid(), startedAt: new Date().toISOString() })
    );
    const taken = await tryLockFile(file, { timeoutMs: 0 });
    expect('lock' in taken).toBe(true);
    if ('lock' in taken) await taken.lock.release();

    // Held by a live process for longer than the bound (hung): taken over too.
    const hung = await startChild({ part: 'hold-lock', file });
    hung.send('go');
    await hung.next();
    const held = JSON.parse(await readFile(file, 'utf8')) as { startedAt: string };
    await writeFile(
      file,
      JSON.stringify({ ...held, startedAt: new Date(Date.now() - 60_000).toISOString() })
    );
    const overtaken = await lockFile(file, { staleMs: 10_000, timeoutMs: 0 });
    // The hung process letting go later does not remove the lock that is no longer its own.
    hung.send('release');
    expect(await hung.exited).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      pid: process.pid,
      token: overtaken.holder.token,
    });
    await overtaken.release();
  });

  it('keeps an empty lock file (being written this instant) as held', async () => {
    const file = join(home, 'x.lock');
    await writeFile(file, '');
    expect(await tryLockFile(file)).toEqual({ busy: null });
  });
});

describe('queue.json shared by several processes', () => {
  it('loses no update when four processes change it at once', async () => {
    const count = 40;
    const prefixes = ['a', 'b', 'c', 'd'];
    await runTogether(prefixes.map(prefix => ({ part: 'queue-hammer', home, prefix, count })));
    const items = await readQueue(home);
    // Every odd item stays, with its checkpoint; no removed item comes back.
    const expected = prefixes.flatMap(prefix =>
      Array.from({ length: count }, (_, i) => i)
        .filter(i => i % 2 === 1)
        .map(i => [`${prefix}-${i}`, i + 1])
    );
    expect(items.map(item => [item.id, item.writtenOffset]).sort()).toEqual(expected.sort());
    expect(await stat(`${queuePath(home)}.lock`).catch(() => null)).toBeNull();
  });

  it('gives each queued file to one of two resumers started at once', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `item-${i}`);
    await openTransferQueue(home).add(ids.map(queueItem));
    // Both stay alive until both have claimed (a claim of a process that has ended is free).
    const resumers = await Promise.all(
      [0, 1].map(() => startChild({ part: 'hold-claim', home, only: ids }))
    );
    for (const resumer of resumers) resumer.send('go');
    const said = (await Promise.all(resumers.map(resumer => resumer.next()))) as {
      pid: number;
      claimed: string[];
    }[];
    const all = said.flatMap(s => s.claimed);
    expect(all.sort()).toEqual([...ids].sort());
    expect(new Set(all).size).toBe(ids.length);
    // The queue says who has each one.
    const owner = new Map(said.flatMap(s => s.claimed.map(id => [id, s.pid] as const)));
    for (const item of await readQueue(home)) expect(item.claim?.pid).toBe(owner.get(item.id));
    for (const resumer of resumers) resumer.send('release');
    expect(await Promise.all(resumers.map(resumer => resumer.exited))).toEqual([0, 0]);
  });

  it('leaves files a live process is sending and takes over those of a process that died', async () => {
    await openTransferQueue(home).add(['live-1', 'live-2', 'dead-1', 'free-1'].map(queueItem));
    const sender = await startChild({ part: 'hold-claim', home, only: ['live-1', 'live-2'] });
    sender.send('go');
    expect(await sender.next()).toMatchObject({ claimed: ['live-1', 'live-2'] });
    const gone = await deadPid();
    await openTransferQueue(home).update('dead-1', {
      claim: { pid: gone, token: 'crashed', at: new Date().toISOString() },
    });

    const claim = newClaim();
    const claimed = await openTransferQueue(home).claim(claim);
    expect(claimed.map(item => item.id)).toEqual(['dead-1', 'free-1']);
    // Even asked for by id (resuming a paused upload), another live process's files stay its own.
    expect(
      await openTransferQueue(home).claim(newClaim(), {
        only: ['live-1'],
        takeOverOwnProcess: true,
      })
    ).toEqual([]);
    // A checkpoint of a run that no longer holds an item changes nothing.
    await openTransferQueue(home).update('live-1', { writtenOffset: 99 }, claim);
    expect(
      (await readQueue(home)).find(item => item.id === 'live-1')?.writtenOffset
    ).toBeUndefined();

    sender.send('release');
    expect(await sender.exited).toBe(0);
    // Its process has ended without letting go (a crash): now they are free.
    const later = newClaim();
    expect((await openTransferQueue(home).claim(later)).map(item => item.id)).toEqual([
      'live-1',
      'live-2',
    ]);
    await openTransferQueue(home).release(later, { only: ['live-1'], patch: { writtenOffset: 5 } });
    const items = await readQueue(home);
    expect(items.find(item => item.id === 'live-1')).toMatchObject({ writtenOffset: 5 });
    expect(items.find(item => item.id === 'live-1')?.claim).toBeUndefined();
    expect(items.find(item => item.id === 'live-2')?.claim?.token).toBe(later.token);
    claim.done();
    later.done();
  });

  it('does not start a second upload of a file another process is sending, and replaces a copy left by a failed run', async () => {
    const { path, data } = await randomFile(root.path, 'contacts.csv', 1000);
    const content = sha256(data);
    // Being sent to CG by another Courier (cron's `courier send`, say).
    await openTransferQueue(home).add([{ ...queueItem('sending'), sha256: content }]);
    const sender = await startChild({ part: 'hold-claim', home, only: ['sending'] });
    sender.send('go');
    expect(await sender.next()).toMatchObject({ claimed: ['sending'] });
    // Nothing listens on this port: an upload that starts fails at once.
    const transport = Transport.parse({
      protocol: 'sftp',
      host: '127.0.0.1',
      port: await freePort(),
      user: 'u',
      auth: 'password',
      folder: '/',
      hostKey: `SHA256:${'A'.repeat(43)}`,
    });
    const request = {
      home,
      destinationName: 'CG',
      transport,
      secrets: { password: 'x' },
      files: [{ localPath: path, remoteName: 'contacts.csv' }],
      retry: { attemptsWithoutProgress: 1, baseDelayMs: 1, maxDelayMs: 1 },
    };
    await expect(uploadFiles(request)).rejects.toMatchObject({
      code: 'transfer.already-queued',
      message: expect.stringContaining('“CG”'),
    });
    expect((await readQueue(home)).map(item => item.id)).toEqual(['sending']);

    // That process has gone; its copy is left queued. A new upload replaces it (one copy queued).
    sender.send('release');
    expect(await sender.exited).toBe(0);
    await expect(uploadFiles(request)).rejects.toMatchObject({ code: 'connection.refused' });
    const left = await readQueue(home);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ sha256: content, lastError: { code: 'connection.refused' } });
    expect(left[0]!.id).not.toBe('sending');
    expect(left[0]!.claim).toBeUndefined();
  });

  it('finishes a copy whose rename had started instead of sending the same content again under a new name', async () => {
    const { path, data } = await randomFile(root.path, 'contacts.csv', 1000);
    const transport = Transport.parse({
      protocol: 'sftp',
      host: '127.0.0.1',
      port: await freePort(),
      user: 'u',
      auth: 'password',
      folder: '/',
      hostKey: `SHA256:${'A'.repeat(43)}`,
    });
    // A run that died after starting the rename: the file may be on the server already.
    await openTransferQueue(home).add([{ ...queueItem('renaming'), transport, sha256: sha256(data), localPath: path, renameStarted: true }]);
    await expect(
      uploadFiles({
        home,
        destinationName: 'CG',
        transport,
        secrets: { password: 'x' },
        files: [{ localPath: path, remoteName: 'contacts.csv' }],
        retry: { attemptsWithoutProgress: 1, baseDelayMs: 1, maxDelayMs: 1 },
      })
    ).rejects.toMatchObject({ code: 'connection.refused' });
    // The earlier copy was the one tried (and stays, for the rename check), not a new one.
    const left = await readQueue(home);
    expect(left.map(item => [item.id, item.renameStarted, item.lastError?.code, item.claim])).toEqual([['renaming', true, 'connection.refused', undefined]]);
  });

  it('takes over, within this process, only the files of a run that has ended when asked to', async () => {
    await openTransferQueue(home).add(['x', 'y'].map(queueItem));
    const running = newClaim();
    await openTransferQueue(home).claim(running, { only: ['x'] });
    const ended = newClaim();
    await openTransferQueue(home).claim(ended, { only: ['y'] });
    ended.done();
    // The app's start-up resume leaves both (they belong to this process's uploads).
    expect(await openTransferQueue(home).claim(newClaim())).toEqual([]);
    // Resuming a paused upload by id takes the ended run's file, never the running one's.
    const resumed = await openTransferQueue(home).claim(newClaim(), {
      only: ['x', 'y'],
      takeOverOwnProcess: true,
    });
    expect(resumed.map(item => item.id)).toEqual(['y']);
    running.done();
  });
});

describe('two resumers of the same queue (real sshd)', () => {
  let server: SshdServer;
  beforeAll(async () => {
    server = await startSshd({ users: [{ auth: 'password' }] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('uploads each queued file once', async () => {
    const user = server.users[0]!;
    const transport = sftpTransport(server, user);
    const files = await Promise.all(
      Array.from({ length: 4 }, (_, i) => randomFile(root.path, `part-${i}.csv`, 300_000))
    );
    await openTransferQueue(home).add(
      files.map((file, i) => ({
        ...queueItem(`q${i}`),
        destination: 'CG',
        transport,
        localPath: file.path,
        remoteName: `part-${i}.csv`,
        size: file.data.length,
        sha256: sha256(file.data),
      }))
    );
    // A claim left by a crashed app is no obstacle.
    await openTransferQueue(home).update('q0', {
      claim: { pid: await deadPid(), token: 'crashed', at: new Date().toISOString() },
    });

    const said = (await runTogether([
      { part: 'resume', home, password: user.password },
      { part: 'resume', home, password: user.password },
    ])) as { sent: string[]; errors: string[] }[];
    expect(said.flatMap(s => s.errors)).toEqual([]);
    expect(said.flatMap(s => s.sent).sort()).toEqual(files.map((_, i) => `part-${i}.csv`));
    const ledger = await openLedger(home).entries();
    expect(ledger.map(e => e.remoteName).sort()).toEqual(files.map((_, i) => `part-${i}.csv`));
    expect(await namesIn(user.uploadDir)).toEqual(files.map((_, i) => `part-${i}.csv`));
    for (const [i, file] of files.entries())
      expect(await fileHash(join(user.uploadDir, `part-${i}.csv`))).toBe(sha256(file.data));
    expect(await readQueue(home)).toEqual([]);
  });
});

describe('scheduled slots shared by the app and cron', () => {
  async function dueJob(): Promise<{ id: string; stateBefore: string | null }> {
    const source = join(root.path, 'export.csv');
    await writeFile(source, 'Email\nwendy@example.be\n');
    const store = createJobStore(home);
    const job = await store.saveJob(
      resolveSchedule({
        name: 'Quarterly',
        source: { kind: 'file', path: source },
        destination: 'CG',
        scheduleText: 'every 15 minutes',
      })
    );
    // Saved an hour ago: a slot is due (missed slots make one run).
    const file = join(home, 'jobs.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { jobs: { createdAt: string }[] };
    for (const j of stored.jobs) j.createdAt = new Date(Date.now() - 3_600_000).toISOString();
    await writeFile(file, JSON.stringify(stored));
    return {
      id: job.id,
      stateBefore: await readFile(join(home, 'job-state.json'), 'utf8').catch(() => null),
    };
  }
  const runsOf = async (jobId: string) =>
    (await createHistoryStore(home).listRuns()).filter(run => run.job?.id === jobId);

  it('runs a due slot once when two processes run the due jobs at the same moment', async () => {
    const { id } = await dueJob();
    await runTogether([
      { part: 'run-due', home },
      { part: 'run-due', home },
    ]);
    expect(await runsOf(id)).toHaveLength(1);
  });

  it('does not run a slot again that another process found due earlier and ran first', async () => {
    const { id, stateBefore } = await dueJob();
    await runTogether([{ part: 'run-due', home }]);
    expect(await runsOf(id)).toHaveLength(1);
    // The second process decided before the first had written that the slot was handled.
    if (stateBefore === null) await rm(join(home, 'job-state.json'), { force: true });
    else await writeFile(join(home, 'job-state.json'), stateBefore);
    await runTogether([{ part: 'run-due', home }]);
    expect(await runsOf(id)).toHaveLength(1);
  });
});

describe('run history shared by several processes', () => {
  it('loses no run when retention rewrites the file while others append', async () => {
    // Kept: the last 2,000 runs of the last 30 days. The file is large enough that every append
    // looks at the whole file, and each run past 30 days makes the store rewrite it.
    await createHistoryStore(home).setRetention({ days: 30, count: 2000 });
    const earlier = Array.from({ length: 1500 }, (_, i) =>
      Run.parse({
        id: `earlier-${i}`,
        startedAt: new Date(Date.now() - 86_400_000).toISOString(),
        trigger: 'job',
        outcome: 'sent',
      })
    );
    await writeFile(
      join(home, 'history.jsonl'),
      earlier.map(run => `${JSON.stringify(run)}\n`).join('')
    );
    const count = 30;
    const said = (await runTogether([
      { part: 'history-append', home, prefix: 'new-a', count, old: false },
      { part: 'history-append', home, prefix: 'new-b', count, old: false },
      // Each of its runs is past retention: every one of its appends rewrites the file.
      { part: 'history-append', home, prefix: 'old', count, old: true },
    ])) as { appended: string[] }[];
    expect(said.map(s => s.appended.length)).toEqual([count, count, count]);
    const lines = (await readFile(join(home, 'history.jsonl'), 'utf8')).split('\n').filter(Boolean);
    const ids = lines.map(line => (JSON.parse(line) as { id: string }).id);
    const expected = [
      ...earlier.map(run => run.id),
      ...['new-a', 'new-b'].flatMap(prefix =>
        Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
      ),
    ];
    // Every run kept, once; every run past retention dropped.
    expect([...ids].sort()).toEqual(expected.sort());
  });
});

describe('jobs and remembered mappings shared by several processes', () => {
  it('loses no saved job, scheduler state or remembered mapping when three processes save at once', async () => {
    const count = 12;
    const prefixes = ['a', 'b', 'c'];
    await runTogether(prefixes.map(prefix => ({ part: 'jobs-save', home, prefix, count })));
    const names = prefixes.flatMap(prefix => Array.from({ length: count }, (_, i) => `${prefix}-${i}`)).sort();
    const jobs = (JSON.parse(await readFile(join(home, 'jobs.json'), 'utf8')) as { jobs: Array<{ name: string }> }).jobs;
    expect(jobs.map(job => job.name).sort()).toEqual(names);
    const state = JSON.parse(await readFile(join(home, 'job-state.json'), 'utf8')) as { lastSlot: Record<string, string> };
    expect(Object.keys(state.lastSlot).sort()).toEqual(names);

    await runTogether(prefixes.map(prefix => ({ part: 'mapping-remember', home, prefix, count })));
    const [file] = await readdir(join(home, 'mappings'));
    const remembered = JSON.parse(await readFile(join(home, 'mappings', file!), 'utf8')) as { entries: Array<{ headers: string[] }> };
    expect(remembered.entries.map(entry => entry.headers[0]).sort()).toEqual(names);
    expect(await readdir(join(home, 'mappings'))).toHaveLength(1);
  });
});
