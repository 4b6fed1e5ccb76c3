import { describe, expect, it } from 'vitest';
import { createWorkerUpload } from '../../../src-main/pipeline/worker-upload';
import { newClaim, openTransferQueue } from '../../../src-main/transfers/transfer-queue';
import type { TransferRunner } from '../../../src-main/transfers/transfer-runner';
import { queueItem } from '../settings/queue-item';
import { tempHome } from '../../harness/temp-home';

const home = tempHome('courier-worker-died-');

const transport = queueItem('x').transport;

describe('a transfer worker that dies', () => {
  it('leaves its files queued and free for the next try, with the reason, instead of "being sent" until a restart', async () => {
    // The worker queued and claimed the file, then died (out of memory) before letting go of it:
    // its claim names this process, from a thread that no longer runs.
    const runner: TransferRunner = async job => {
      if (job.kind !== 'upload') throw new Error(`unexpected ${job.kind}`);
      const claim = newClaim();
      await openTransferQueue(home.path).add(job.files.map(file => ({ ...queueItem(file.id!), claim })));
      claim.done();
      return { ok: false, failure: { code: 'worker.out-of-memory', message: 'This file needs more memory than Courier allows.' } };
    };
    const upload = createWorkerUpload(runner);
    await expect(
      upload({ home: home.path, secrets: { password: 'p' }, destinationName: 'CG', transport, files: [{ localPath: '/nowhere/a.csv', remoteName: 'a.csv', id: 'a' }] })
    ).rejects.toMatchObject({ code: 'worker.out-of-memory' });
    const [item] = await openTransferQueue(home.path).list();
    expect(item!.id).toBe('a');
    expect(item!.claim).toBeUndefined();
    expect(item!.lastError).toMatchObject({ code: 'worker.out-of-memory' });
  });

  it('never lets go of files a live run holds, in this process or another', async () => {
    const live = newClaim();
    await openTransferQueue(home.path).add([{ ...queueItem('b'), claim: live }]);
    const runner: TransferRunner = async () => ({ ok: false, failure: { code: 'worker.failed', message: 'A background task stopped unexpectedly.' } });
    await expect(
      createWorkerUpload(runner)({ home: home.path, secrets: { password: 'p' }, destinationName: 'CG', transport, files: [{ localPath: '/nowhere/b.csv', remoteName: 'b.csv', id: 'b' }] })
    ).rejects.toMatchObject({ code: 'worker.failed' });
    expect((await openTransferQueue(home.path).list())[0]!.claim).toEqual(expect.objectContaining({ token: live.token }));
    live.done();
  });
});
