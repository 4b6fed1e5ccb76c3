import { randomBytes } from 'node:crypto';
import { appendFile, chown, mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../../src-core/history/run';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { tempHome } from '../../harness/temp-home';
import { courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';

/**
 * A job watching a folder for EvaluAgent's records, with the folder of their recordings: a
 * records file whose recordings are not all there, or still being written, waits (and is offered
 * again); once they are all there and finished, they go to the real sshd, the records last.
 */
describe('a job with call recordings', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-recordings-job-', { shared: true });
  const past = new Date(Date.now() - 60_000);
  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    const user = sshd.users[0]!;
    await mkdir(join(user.uploadDir, 'recordings'));
    await chown(join(user.uploadDir, 'recordings'), user.uid, user.gid);
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  /** Writes a file as finished a minute ago (a watched folder takes it as stable). */
  const finished = async (path: string, data: string | Buffer) => {
    await writeFile(path, data);
    await utimes(path, past, past);
  };
  const runJob = async (): Promise<Run[]> => {
    const ran = await courier(['jobs', 'run', 'Calls nightly', '--json'], { home: home.path });
    return JSON.parse(ran.stdout).runs as Run[];
  };

  it('waits for missing and still-written recordings, then sends them before the records', async () => {
    const user = sshd.users[0]!;
    const add = await courier(
      [
        'destinations',
        'add',
        'Calls',
        'recordings.column=Recording',
        'recordings.folder=upload/recordings',
        '--preset',
        'evaluagent',
        '--protocol',
        'sftp',
        '--host',
        '127.0.0.1',
        '--port',
        String(sshd.port),
        '--user',
        user.name,
        '--folder',
        'upload',
        '--host-key',
        sshd.hostKeyFingerprint,
        '--password-stdin',
      ],
      { home: home.path, stdin: `${user.password}\n` }
    );
    expect(add.code, add.stderr).toBe(0);
    const drop = join(home.path, 'drop');
    const recordings = join(home.path, 'recordings');
    await mkdir(drop);
    await mkdir(recordings);
    const job = await courier(
      [
        'jobs',
        'add',
        'Calls nightly',
        '--watch',
        drop,
        '--pattern',
        'calls-*.csv',
        '--destination',
        'Calls',
        '--recordings',
        recordings,
        '--json',
      ],
      { home: home.path }
    );
    expect(job.code, job.stderr).toBe(0);
    expect(JSON.parse(job.stdout).job.recordingsFolder).toBe(recordings);

    await finished(join(recordings, 'call-1.wav'), randomBytes(1000));
    await finished(
      join(drop, 'calls-1.csv'),
      [
        'Contact ID,Agent Email,Date,Recording',
        'C-1,one@example.com,2026-12-01,call-1.wav',
        'C-2,two@example.com,2026-12-01,call-2.wav',
        '',
      ].join('\n')
    );
    // call-2.wav has not arrived: the file waits, nothing is sent.
    const [waiting] = await runJob();
    expect(waiting).toMatchObject({
      outcome: 'held',
      error: {
        code: 'recordings.not-all-there',
        message:
          '1 row names a recording that is not in the folder yet. The file is sent with its recordings once they are all there.',
      },
    });
    expect(await readdir(join(user.uploadDir, 'recordings'))).toEqual([]);

    // It arrives, but is still being written while the job runs: the file waits again.
    const growing = join(recordings, 'call-2.wav');
    await writeFile(growing, randomBytes(1000));
    const writer = setInterval(() => void appendFile(growing, randomBytes(10)), 100);
    let arriving: Run | undefined;
    try {
      [arriving] = await runJob();
    } finally {
      clearInterval(writer);
    }
    await writeFile(growing, randomBytes(2000));
    expect(arriving).toMatchObject({
      outcome: 'held',
      error: { code: 'recordings.still-arriving' },
    });

    // Finished: the same records file is offered again and goes, with both recordings.
    await utimes(join(recordings, 'call-2.wav'), past, past);
    const [sent] = await runJob();
    expect(sent).toMatchObject({
      outcome: 'sent',
      source: { fileName: 'calls-1.csv' },
      recordings: { count: 2, uploaded: 2, bytes: 3000, remoteFolder: 'upload/recordings' },
    });
    expect((await readdir(join(user.uploadDir, 'recordings'))).sort()).toEqual([
      'call-1.wav',
      'call-2.wav',
    ]);
    expect(await readdir(user.uploadDir)).toContain(sent!.outputFiles[0]!.name);
    // Taken now: the next run has nothing new.
    const after = await courier(['jobs', 'run', 'Calls nightly', '--json'], { home: home.path });
    expect(JSON.parse(after.stdout).runs).toEqual([]);
  }, 120_000);
});
