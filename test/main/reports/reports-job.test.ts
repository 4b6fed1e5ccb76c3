import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDestinationService } from '../../../src-main/destinations/destination-service';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { createJobService } from '../../../src-main/jobs/job-service';
import { createJobServer, type ServeEvent } from '../../../src-main/jobs/job-server';
import { nextRunAfter } from '../../../src-main/jobs/next-run';
import { createLogger } from '../../../src-main/logging/logger';
import { createServices } from '../../../src-main/services/services';
import { serveLine } from '../../../src-main/cli/commands/jobs-serve';
import { createRunReports } from '../../../src-main/reports/reports-job';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { tempHome } from '../../harness/temp-home';
import { courier } from '../cli-destinations/run-captured';
import { FakeClock } from '../jobs/fake-clock';
import { requireKeychain } from '../secrets/keychain-harness';

// Issue 16, Digitaleo: the optional job that fetches a destination's reports on its schedule.
// Against the real sshd, whose reporting/<day>/ folders the test fills as Digitaleo would: the
// job is saved and run from the CLI, run by the scheduler at its time, and History lists each
// zip's files with their row counts and no personal data.
describe('reports jobs', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-reports-job-home-', { shared: true });
  const out = tempHome('courier-reports-job-out-', { shared: true });
  const name = `Digitaleo ${randomBytes(3).toString('hex')}`;
  const other = `Other ${randomBytes(3).toString('hex')}`;

  const reportZip = (files: Record<string, string>) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));

  async function addDestinations(at: string): Promise<void> {
    const user = sshd.users[0]!;
    for (const [n, preset] of [
      [name, 'digitaleo'],
      [other, 'hello-customer'],
    ] as const) {
      const added = await courier(
        [
          'destinations',
          'add',
          n,
          '--preset',
          preset,
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
          ...(preset === 'hello-customer' ? ['touchpoint=NPS'] : []),
        ],
        { home: at, stdin: `${user.password}\n` }
      );
      expect(added.code, added.stderr).toBe(0);
    }
  }

  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    const reporting = join(sshd.users[0]!.uploadDir, 'reporting');
    const put = async (day: string, file: string, bytes: Uint8Array) => {
      await mkdir(join(reporting, day), { recursive: true });
      await writeFile(join(reporting, day, file), bytes);
    };
    await put(
      '2026-12-01',
      '2026-12-01_Daily.zip',
      reportZip({
        'openers.csv': 'email,date\nanna@example.com,2026-12-01\nben@example.org,2026-12-01\n',
      })
    );
    await put(
      '2026-12-02',
      '2026-12-02_777_Winter sale.zip',
      reportZip({
        'clickers.csv': 'email,link\nanna@example.com,1\n',
        'unsubscribers.csv': 'email\nben@example.org\ncarla@example.net\n',
      })
    );
    await addDestinations(home.path);
  });
  afterAll(async () => {
    for (const n of [name, other]) await new SecretStore().deleteAll(n).catch(() => 0);
    await sshd?.stop();
  });

  it('courier jobs add --reports-of saves it, jobs run fetches each zip once and History lists files and rows', async () => {
    const refused = await courier(
      ['jobs', 'add', 'Not Digitaleo', '--reports-of', other, '--out', out.path],
      { home: home.path }
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not a Digitaleo destination');

    const added = await courier(
      [
        'jobs',
        'add',
        'Daily reports',
        '--reports-of',
        name,
        '--out',
        out.path,
        '--schedule',
        'every day at 07:00',
      ],
      { home: home.path }
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`reports of:  ${name}`);
    expect(added.stdout).toContain('schedule:    every day at 07:00');
    const listed = await courier(['jobs', 'list'], { home: home.path });
    expect(listed.stdout).toContain(`the reports, into ${out.path} → ${name}`);

    // A local file of a report's name stays as it is.
    await writeFile(join(out.path, '2026-12-01_Daily.zip'), 'mine');
    const ran = await courier(['jobs', 'run', 'Daily reports', '--json'], { home: home.path });
    expect(ran.code, ran.stderr).toBe(0);
    const run = JSON.parse(ran.stdout).runs[0];
    expect(run).toMatchObject({ outcome: 'downloaded', destination: name, trigger: 'cli' });
    expect(run.reports).toEqual([
      {
        day: '2026-12-01',
        name: '2026-12-01_Daily.zip',
        savedAs: '2026-12-01_Daily (2).zip',
        bytes: expect.any(Number),
        entries: [{ name: 'openers.csv', rows: 2 }],
      },
      {
        day: '2026-12-02',
        name: '2026-12-02_777_Winter sale.zip',
        savedAs: '2026-12-02_777_Winter sale.zip',
        bytes: expect.any(Number),
        entries: [
          { name: 'clickers.csv', rows: 1 },
          { name: 'unsubscribers.csv', rows: 2 },
        ],
      },
    ]);
    expect(await readFile(join(out.path, '2026-12-01_Daily.zip'), 'utf8')).toBe('mine');
    const remote = await readFile(
      join(sshd.users[0]!.uploadDir, 'reporting/2026-12-01/2026-12-01_Daily.zip')
    );
    expect((await readFile(join(out.path, '2026-12-01_Daily (2).zip'))).equals(remote)).toBe(true);

    const history = await courier(['history'], { home: home.path });
    expect(history.stdout).toContain(
      `  reports of ${name}: 2 new reports downloaded\n` +
        '  report 2026-12-01_Daily.zip (saved as 2026-12-01_Daily (2).zip): openers.csv 2 rows\n' +
        '  report 2026-12-02_777_Winter sale.zip: clickers.csv 1 row, unsubscribers.csv 2 rows\n'
    );
    // No personal data in History: names and counts only.
    const kept = await readFile(join(home.path, 'history.jsonl'), 'utf8');
    for (const address of ['anna@example.com', 'ben@example.org', 'carla@example.net'])
      expect(kept).not.toContain(address);

    const again = await courier(['jobs', 'run', 'Daily reports'], { home: home.path });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(`reports of ${name}: no new reports\n`);
    expect((await readdir(out.path)).sort()).toEqual([
      '2026-12-01_Daily (2).zip',
      '2026-12-01_Daily.zip',
      '2026-12-02_777_Winter sale.zip',
    ]);
  });

  it('courier jobs serve says a reports job that found nothing new as such, not in rows', async () => {
    // After the test above every report is here already: the job's next run finds none.
    const jobs = JSON.parse(await readFile(join(home.path, 'jobs.json'), 'utf8')) as {
      jobs: { name: string; schedule: Parameters<typeof nextRunAfter>[0] }[];
    };
    const saved = jobs.jobs.find(j => j.name === 'Daily reports')!;
    const slot = nextRunAfter(saved.schedule, new Date())!;
    const clock = new FakeClock(new Date(slot.getTime() - 60_000).toISOString());
    const events: ServeEvent[] = [];
    let finished: () => void = () => undefined;
    const done = new Promise<void>(resolve => (finished = resolve));
    const services = createServices(home.path);
    const server = createJobServer({
      home: home.path,
      secrets: services.secrets,
      history: services.history,
      destinations: services.destinations,
      logger: createLogger({ home: home.path }),
      clock,
      onEvent: event => {
        events.push(event);
        if (event.event === 'run-finished') finished();
      },
    });
    await server.start();
    await clock.advanceTo(new Date(slot.getTime() + 1000).toISOString());
    await done;
    await server.stop('test');
    const run = events.find(e => e.event === 'run-finished')!;
    expect(run).toMatchObject({ job: 'Daily reports', reports: true, outcome: 'nothing-new' });
    expect(serveLine(run)).toBe('Job “Daily reports” found no new reports.');
  });

  it('the scheduler runs a reports job at its time, as a job run', async () => {
    const schedHome = await import('node:fs/promises').then(fs =>
      fs.mkdtemp(join(home.path, 'scheduled-'))
    );
    const schedOut = join(schedHome, 'downloads');
    await addDestinations(schedHome);
    const clock = new FakeClock('2026-12-03T05:00:00Z');
    const secrets = new SecretStore();
    const history = createHistoryStore(schedHome, { now: clock.now });
    const destinations = createDestinationService({ home: schedHome, secrets });
    const service = createJobService({
      home: schedHome,
      history,
      now: clock.now,
      setTimer: clock.setTimer,
      clearTimer: clock.clearTimer,
      runSend: async () => {
        throw new Error('a reports job sends nothing');
      },
      runReports: createRunReports({
        home: schedHome,
        secrets,
        history,
        resolveDestination: destinations.resolve,
        now: clock.now,
      }),
      resolveDestination: destinations.resolve,
    });
    await service.start();
    await service.save({
      name: 'Morning reports',
      source: { kind: 'reports', out: schedOut },
      destination: name,
      scheduleText: 'every day at 07:00 in UTC',
    });
    await clock.advanceTo('2026-12-03T06:59:00Z');
    await service.scheduler.whenIdle();
    expect(await history.listRuns()).toEqual([]);
    await clock.advanceTo('2026-12-03T07:01:00Z');
    await service.scheduler.whenIdle();
    service.stop();
    await service.flush();
    const runs = await history.listRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      trigger: 'job',
      job: { name: 'Morning reports' },
      outcome: 'downloaded',
    });
    expect(runs[0]!.reports?.map(r => r.name)).toEqual([
      '2026-12-01_Daily.zip',
      '2026-12-02_777_Winter sale.zip',
    ]);
    expect((await readdir(schedOut)).sort()).toEqual([
      '2026-12-01_Daily.zip',
      '2026-12-02_777_Winter sale.zip',
    ]);
  });
});
