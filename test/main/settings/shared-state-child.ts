// One Courier process of shared-state.test.ts: node --import tsx shared-state-child.ts <JSON>.
// It prints “ready”, waits for “go” on standard input (so every process starts at once), does its
// part on the shared settings folder, prints one JSON line with what it did, and exits. `hold-*`
// parts keep what they hold until they read “release”.
import { createInterface } from 'node:readline';
import { basename } from 'node:path';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { createJobService } from '../../../src-main/jobs/job-service';
import { createJobStore } from '../../../src-main/jobs/job-store';
import { rememberMapping } from '../../../src-main/settings/mapping-store';
import { lockFile } from '../../../src-main/settings/file-lock';
import { newClaim, openTransferQueue } from '../../../src-main/transfers/transfer-queue';
import { resumeQueue } from '../../../src-main/transfers/upload-files';
import { queueItem } from './queue-item';

type Part =
  | { part: 'queue-hammer'; home: string; prefix: string; count: number }
  | { part: 'claim'; home: string }
  | { part: 'hold-claim'; home: string; only: string[] }
  | { part: 'hold-lock'; file: string }
  | { part: 'resume'; home: string; password: string }
  | { part: 'run-due'; home: string }
  | { part: 'history-append'; home: string; prefix: string; count: number; old: boolean }
  | { part: 'jobs-save'; home: string; prefix: string; count: number }
  | { part: 'mapping-remember'; home: string; prefix: string; count: number };

const part = JSON.parse(process.argv[2]!) as Part;
const lines = createInterface({ input: process.stdin });
const waiting = new Map<string, () => void>();
lines.on('line', line => waiting.get(line.trim())?.());
const heard = (word: string) => new Promise<void>(resolve => waiting.set(word, resolve));
const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

const go = heard('go');
say('ready');
await go;

switch (part.part) {
  case 'queue-hammer': {
    // Each change is its own read-modify-write of queue.json, as the upload path makes them.
    const queue = openTransferQueue(part.home);
    const ids = Array.from({ length: part.count }, (_, i) => `${part.prefix}-${i}`);
    for (const id of ids) await queue.add([queueItem(id)]);
    for (const [i, id] of ids.entries()) await queue.update(id, { writtenOffset: i + 1 });
    for (const [i, id] of ids.entries()) if (i % 2 === 0) await queue.remove(id);
    say({ done: ids.length });
    break;
  }
  case 'claim': {
    const claim = newClaim();
    say({
      pid: process.pid,
      claimed: (await openTransferQueue(part.home).claim(claim)).map(item => item.id),
    });
    break;
  }
  case 'hold-claim': {
    const release = heard('release');
    const claim = newClaim();
    say({
      pid: process.pid,
      claimed: (await openTransferQueue(part.home).claim(claim, { only: part.only })).map(
        item => item.id
      ),
    });
    await release;
    break;
  }
  case 'hold-lock': {
    const release = heard('release');
    const lock = await lockFile(part.file);
    say({ locked: process.pid });
    await release;
    await lock.release();
    break;
  }
  case 'resume': {
    const outcomes = await resumeQueue({ home: part.home, secrets: { password: part.password } });
    say({
      pid: process.pid,
      sent: outcomes.flatMap(o => o.result?.files.map(f => f.remoteName) ?? []),
      errors: outcomes.flatMap(o => (o.error ? [o.error.code] : [])),
    });
    break;
  }
  case 'run-due': {
    // `courier jobs run-due` with a send pipeline that records a run as the real one does.
    const history = createHistoryStore(part.home);
    const service = createJobService({
      home: part.home,
      history,
      runSend: async request =>
        history.append({
          startedAt: new Date().toISOString(),
          trigger: request.trigger,
          job: request.job,
          outcome: 'sent',
          source: { fileName: basename(request.path), sha256: 'x' },
          destination: request.destination,
        }),
    });
    await service.start();
    await service.scheduler.whenIdle();
    service.stop();
    await service.flush();
    say({ pid: process.pid });
    break;
  }
  case 'history-append': {
    const store = createHistoryStore(part.home);
    const ids: string[] = [];
    for (let i = 0; i < part.count; i++) {
      // An old run is beyond retention: appending it makes the store rewrite the file.
      const startedAt = part.old
        ? new Date(Date.now() - 400 * 86_400_000).toISOString()
        : new Date().toISOString();
      const run = await store.append({
        id: `${part.prefix}-${i}`,
        startedAt,
        trigger: 'cli',
        outcome: 'sent',
      });
      ids.push(run.id);
    }
    say({ appended: ids });
    break;
  }
  case 'jobs-save': {
    // The app's Jobs screen and `courier jobs add` saving at the same moment.
    const store = createJobStore(part.home);
    for (let i = 0; i < part.count; i++) {
      await store.saveJob({ name: `${part.prefix}-${i}`, source: { kind: 'file', path: '/x.csv' }, destination: 'd' });
      await store.updateState(state => ({ ...state, lastSlot: { ...state.lastSlot, [`${part.prefix}-${i}`]: new Date().toISOString() } }));
    }
    say({ saved: part.count });
    break;
  }
  case 'mapping-remember': {
    for (let i = 0; i < part.count; i++) await rememberMapping(part.home, 'd', [`${part.prefix}-${i}`], { Email: `${part.prefix}-${i}` });
    say({ remembered: part.count });
    break;
  }
}
lines.close();
