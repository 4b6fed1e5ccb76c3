/**
 * Lock overhead of the shared settings files: 1,000 changes of `queue.json` (10 items queued, as
 * an upload's checkpoints make them) through the locked `TransferQueue`, beside the same
 * read-modify-write with no lock (what each change cost before), and the same 1,000 locked
 * changes made in each of two processes at once (each waiting for the other). Prints ms per change.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, type HeldLock } from '../src-main/settings/file-lock';
import { openTransferQueue, queuePath, type QueueItem } from '../src-main/transfers/transfer-queue';
import { queueItem } from '../test/main/settings/queue-item';

const CHANGES = 1000;

const item = queueItem;

async function locked(home: string, count: number, offset = 0): Promise<void> {
  const queue = openTransferQueue(home);
  for (let i = 0; i < count; i++)
    await queue.update(`item-${i % 10}`, { writtenOffset: offset + i });
}

if (process.argv[2] === 'child') {
  const count = Number(process.argv[4]);
  const began = performance.now();
  await locked(process.argv[3]!, count, Number(process.argv[5]));
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - began, count })}\n`);
  process.exit(0);
}

const home = await mkdtemp(join(tmpdir(), 'courier-lock-bench-'));
try {
  await openTransferQueue(home).add(Array.from({ length: 10 }, (_, i) => item(`item-${i}`)));

  // The same write with no lock taken: a guard that is always held (what the lock costs is the rest).
  const noLock = {
    release: async () => undefined,
    stillHeld: async () => true,
    holder: { pid: process.pid, startedAt: new Date().toISOString(), host: 'bench' },
  } as unknown as HeldLock;
  const bareChanges = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const queue = JSON.parse(await readFile(queuePath(home), 'utf8')) as { items: QueueItem[] };
      queue.items = queue.items.map(it =>
        it.id === `item-${i % 10}` ? { ...it, writtenOffset: i } : it
      );
      await writeFileAtomic(queuePath(home), JSON.stringify(queue, null, 1), noLock);
    }
  };
  const timed = async (work: () => Promise<void>) => {
    const began = performance.now();
    await work();
    return (performance.now() - began) / CHANGES;
  };
  // Warm up both, then take the best of three rounds of each (the machine is shared).
  await bareChanges(100);
  await locked(home, 100);
  let bare = Infinity;
  let one = Infinity;
  for (let round = 0; round < 3; round++) {
    bare = Math.min(bare, await timed(() => bareChanges(CHANGES)));
    one = Math.min(one, await timed(() => locked(home, CHANGES)));
  }

  // Two processes, each making CHANGES changes: each one's time per change while the other waits
  // for the lock too (a child's time starts once it runs, not counting its start-up).
  const children = await Promise.all(
    [0, 1].map(
      n =>
        new Promise<{ ms: number; count: number }>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            [
              '--import',
              'tsx',
              import.meta.filename,
              'child',
              home,
              String(CHANGES),
              String(n * CHANGES),
            ],
            { stdio: ['ignore', 'pipe', 'inherit'] }
          );
          let out = '';
          child.stdout.on('data', d => (out += String(d)));
          child.once('exit', code =>
            code === 0
              ? resolve(JSON.parse(out) as { ms: number; count: number })
              : reject(new Error(`exit ${code}`))
          );
        })
    )
  );
  const two = children.map(c => (c.ms / c.count).toFixed(3)).join(' / ');
  const final = JSON.parse(await readFile(queuePath(home), 'utf8')) as { items: QueueItem[] };
  if (final.items.length !== 10) throw new Error('An item was lost.');

  console.log(`queue.json change, no lock (before):        ${bare.toFixed(3)} ms`);
  console.log(
    `queue.json change, locked, one process:     ${one.toFixed(3)} ms (lock overhead ${(one - bare).toFixed(3)} ms)`
  );
  console.log(`queue.json change, locked, two processes:   ${two} ms per change in each process`);
} finally {
  await rm(home, { recursive: true, force: true });
}
