import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { resumeQueueInWorker } from '../../../src-main/pipeline/worker-upload';
import { workerRunner, type TransferRunner } from '../../../src-main/transfers/transfer-runner';
import type { TransferJob } from '../../../src-main/transfers/transfer-job';
import { newClaim, openTransferQueue } from '../../../src-main/transfers/transfer-queue';
import { openLedger } from '../../../src-main/transfers/ledger';
import { fixedSecrets } from '../../../src-main/transfers/secret-reader';
import {
  fileHash,
  localFolder,
  namesIn,
  randomFile,
  sftpTransport,
  sha256,
} from './transfer-helpers';

// The app's start-up resume of the upload queue goes through the transfer worker job (as every
// upload does), one destination at a time, against the real sshd.

describe('resuming the queue at start-up', () => {
  let server: SshdServer;
  let local: Awaited<ReturnType<typeof localFolder>>;
  beforeAll(async () => {
    server = await startSshd({ users: [{ auth: 'password' }] });
    local = await localFolder();
  });
  afterAll(async () => {
    await server?.stop();
    await local?.cleanup();
  });

  it('runs a transfer-worker resume job per destination, delivers the file and leaves a live run’s files alone', async () => {
    const user = server.users[0]!;
    const home = join(local.dir, 'home');
    const left = await randomFile(local.dir, 'left.csv', 200_000);
    const live = await randomFile(local.dir, 'live.csv', 1000);
    const transport = sftpTransport(server, user);
    const queue = openTransferQueue(home);
    const item = (id: string, file: { path: string; data: Buffer }, name: string) => ({
      id,
      destination: 'Shop survey',
      transport,
      localPath: file.path,
      remoteName: name,
      size: file.data.length,
      sha256: sha256(file.data),
      createdAt: new Date().toISOString(),
    });
    // One file left by a run that ended with the last Courier (no claim), one held by a send of
    // this process that is running right now.
    const running = newClaim();
    await queue.add([
      item('left-1', left, 'left.csv'),
      { ...item('live-1', live, 'live.csv'), claim: running },
    ]);

    const jobs: TransferJob[] = [];
    const runner: TransferRunner = (job, onProgress, signal) => {
      jobs.push(job);
      return workerRunner(job, onProgress, signal);
    };
    const outcomes = await resumeQueueInWorker(home, fixedSecrets({ password: user.password }), {
      runner,
    });

    expect(jobs).toEqual([
      expect.objectContaining({
        kind: 'resume',
        home,
        ids: ['left-1', 'live-1'],
        takeOverOwnProcess: false,
        secrets: { password: user.password },
      }),
    ]);
    expect(outcomes).toEqual([
      {
        destination: 'Shop survey',
        result: expect.objectContaining({
          files: [expect.objectContaining({ remoteName: 'left.csv' })],
        }),
      },
    ]);
    expect(await fileHash(join(user.uploadDir, 'left.csv'))).toBe(sha256(left.data));
    expect(await namesIn(user.uploadDir)).not.toContain('live.csv');
    expect((await queue.list()).map(i => [i.id, i.claim?.token])).toEqual([
      ['live-1', running.token],
    ]);
    expect((await openLedger(home).entries()).map(e => e.remoteName)).toEqual(['left.csv']);
    running.done();
  });
});
