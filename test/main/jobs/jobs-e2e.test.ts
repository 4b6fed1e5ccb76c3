import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { addSftpDestination, courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';
import { findSecrets } from '../secrets/find-secret';
import { FakeClock } from './fake-clock';
import { createJobService } from '../../../src-main/jobs/job-service';
import { createPipelineRunSend } from '../../../src-main/jobs/pipeline-send';
import { nextRunAfter } from '../../../src-main/jobs/next-run';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { NotificationService } from '../../../src-main/electron/notifications/notification-service';
import type { Run } from '../../../src-core/history/run';
import { tempHome } from '../../harness/temp-home';

// A scheduled job end to end: a destination with its password in the real keychain, a watched
// folder that an "export" is written into slowly, the scheduler (fake clock) firing at 02:00 in
// Brussels, the real pipeline uploading to the real sshd, and the run in the history. Then the
// same job from the command line: nothing new to send, then a new export with a bad row.

const header = 'E-mail;Taal;Voornaam;Achternaam;Winkel';
const rows = [
  'wendy@example.be;nl;Wendy;De Vos;Brussel',
  'jean@example.fr;FR;Jean;Dupont;Liège',
  'anna@example.nl;en-GB;Anna;Jansen;Gent',
];
const expected = [
  'Email;Language;FirstName;LastName;Department;CustomId',
  'wendy@example.be;NL;Wendy;De Vos;Brussel;',
  'jean@example.fr;FR;Jean;Dupont;Liège;',
  'anna@example.nl;EN;Anna;Jansen;Gent;',
  '',
].join('\r\n');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('a scheduled job, end to end against the real sshd', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-jobs-e2e-', { shared: true });
  let inbox: string;
  const name = `jobs-sftp-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    inbox = join(home.path, '..', `${home.path.split('/').pop()}-inbox`);
    await mkdir(inbox);
  });
  afterAll(async () => {
    await courier(['destinations', 'remove', name], { home: home.path }).catch(() => undefined);
    await sshd?.stop();
    await rm(inbox, { recursive: true, force: true, maxRetries: 10 });
  });

  it('runs at 02:00, picks the finished export once, uploads it and records the run', async () => {
    const user = sshd.users[0]!;
    const add = await addSftpDestination(home.path, name, sshd, user);
    expect(add.stderr).toBe('');
    const job = await courier(
      [
        'jobs',
        'add',
        'Nightly',
        '--watch',
        inbox,
        '--pattern',
        'export-*.csv',
        '--destination',
        name,
        '--schedule',
        'every day at 02:00 in Europe/Brussels',
        '--json',
      ],
      { home: home.path }
    );
    expect(job.stderr).toBe('');
    const { createdAt, schedule } = JSON.parse(job.stdout).job;

    // The export is written slowly, line by line, as a CRM would.
    const exportPath = join(inbox, 'export-1.csv');
    for (const line of [header, ...rows]) {
      await appendFile(exportPath, Buffer.from(`${line}\r\n`, 'latin1'));
      await new Promise(resolve => setTimeout(resolve, 40));
    }

    const clock = new FakeClock(createdAt);
    const finished: Run[] = [];
    const notified: string[] = [];
    const notifications = new NotificationService({
      createNotification: options => ({
        show: () => notified.push(String(options.title)),
        close: () => undefined,
        on: () => undefined,
      }),
      openRun: () => undefined,
      notifyOnSuccess: () => true,
    });
    const service = createJobService({
      home: home.path,
      runSend: createPipelineRunSend({ home: home.path, secrets: new SecretStore() }),
      now: clock.now,
      setTimer: clock.setTimer,
      clearTimer: clock.clearTimer,
      picker: { settleMs: 200 },
      onRunFinished: run => {
        finished.push(run);
        notifications.notifyRun(run);
      },
    });
    await service.start();
    const slot = nextRunAfter(schedule, new Date(createdAt))!;
    expect([0, 1]).toContain(slot.getUTCHours()); // 02:00 in Brussels
    await clock.advanceTo(new Date(slot.getTime() - 60_000).toISOString());
    expect(finished).toHaveLength(0);
    await clock.advanceTo(new Date(slot.getTime() + 1000).toISOString());
    await service.scheduler.whenIdle();
    service.stop();

    expect(finished).toHaveLength(1);
    const run = finished[0]!;
    expect(run).toMatchObject({
      trigger: 'job',
      job: { name: 'Nightly' },
      outcome: 'sent',
      destination: name,
      rows: { read: 3, sent: 3, excluded: 0 },
      transfer: { status: 'uploaded' },
    });
    expect(run.source).toMatchObject({
      fileName: 'export-1.csv',
      sha256: sha(await readFile(exportPath)),
    });
    const uploaded = (await readdir(user.uploadDir)).filter(f => f.endsWith('.csv'));
    expect(uploaded).toHaveLength(1);
    const onServer = await readFile(join(user.uploadDir, uploaded[0]!));
    expect(onServer.toString('utf8')).toBe(expected);
    expect(run.outputFiles).toEqual([
      { name: uploaded[0], bytes: onServer.length, sha256: sha(onServer) },
    ]);
    expect(notified).toEqual(['“Nightly” sent']);

    // The same job from the command line: the export was already sent, so nothing is.
    const again = await courier(['jobs', 'run', 'Nightly', '--json'], { home: home.path });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      runs: [],
      nothingToSend: expect.stringContaining('No new finished file'),
    });

    // The platform collects the file from the drop (the preset names files per day, and Courier
    // never overwrites one).
    await rm(join(user.uploadDir, uploaded[0]!));

    // A new export with one bad address: the valid rows go, the bad one is left out and reported.
    await writeFile(
      join(inbox, 'export-2.csv'),
      Buffer.from(`${header}\r\n${rows[0]}\r\nnot-an-address;nl;Bad;Row;Gent\r\n`, 'latin1')
    );
    // Both exports finished a while ago, the new one last (the CLI still looks twice, two seconds
    // apart, before taking it). The old one's new time does not fool the ledger: it knows its hash.
    const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
    await utimes(exportPath, minutesAgo(2), minutesAgo(2));
    await utimes(join(inbox, 'export-2.csv'), minutesAgo(1), minutesAgo(1));
    const second = await courier(['jobs', 'run', 'Nightly', '--json'], { home: home.path });
    expect(second.stderr).toBe('');
    expect(second.code, second.stdout).toBe(0);
    const report = JSON.parse(second.stdout);
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0]).toMatchObject({
      trigger: 'cli',
      job: { name: 'Nightly' },
      outcome: 'sent-with-exclusions',
      rows: { read: 2, sent: 1, excluded: 1 },
      source: { fileName: 'export-2.csv' },
    });
    const secondUpload = (await readdir(user.uploadDir)).filter(f => f.endsWith('.csv'));
    expect(secondUpload).toHaveLength(1);
    expect(await readFile(join(user.uploadDir, secondUpload[0]!), 'utf8')).toBe(
      `${expected.split('\r\n').slice(0, 2).join('\r\n')}\r\n`
    );

    const history = JSON.parse((await courier(['history', '--json'], { home: home.path })).stdout)
      .runs as Run[];
    expect(history.map(r => [r.trigger, r.outcome])).toEqual([
      ['cli', 'sent-with-exclusions'],
      ['job', 'sent'],
    ]);
    // The history holds no row contents and no e-mail addresses, and no secret is anywhere.
    const stored = await readFile(join(home.path, 'history.jsonl'), 'utf8');
    expect(stored).not.toMatch(/@example\.|Wendy|Dupont|not-an-address/);
    expect(
      await findSecrets({
        folders: [home.path],
        texts: { job: job.stdout, again: again.stdout, second: second.stdout },
        secrets: { password: user.password },
      })
    ).toEqual([]);
  });
});
