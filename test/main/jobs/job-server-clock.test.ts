import { randomBytes } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { createJobServer, type ServeEvent } from '../../../src-main/jobs/job-server';
import { nextRunAfter } from '../../../src-main/jobs/next-run';
import { createLogger } from '../../../src-main/logging/logger';
import { createServices } from '../../../src-main/services/services';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { courier } from '../cli-destinations/run-captured';
import { FakeClock } from './fake-clock';
import { tempHome } from '../../harness/temp-home';

// The job server of `courier jobs serve` on a fake clock: two jobs saved for 02:00 run at 02:00
// (not before), through the real pipeline and transfer worker to the real sshd, each once; then a
// stop with nothing running ends at once, with nothing parked.
describe('the job server on its schedules (fake clock)', () => {
  let sshd: SshdServer;
  const dir = tempHome('courier-serve-clock-', { shared: true });
  let home: string;
  const variable = `SERVE_CLOCK_PW_${randomBytes(3).toString('hex').toUpperCase()}`;
  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    home = join(dir.path, 'home');
    process.env[variable] = sshd.users[0]!.password;
  });
  afterAll(async () => {
    delete process.env[variable];
    await sshd?.stop();
  });

  it('runs two due jobs at their time, once each, and stops cleanly', async () => {
    const user = sshd.users[0]!;
    const created: string[] = [];
    for (const name of ['first', 'second']) {
      const add = await courier(
        [
          'destinations',
          'add',
          name,
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
          '--secret-source',
          `env:${variable}`,
        ],
        { home }
      );
      expect(add.code, add.stderr).toBe(0);
      const set = await courier(
        ['destinations', 'set', name, `file-name=${name}_{date:YYYYMMDD}.csv`],
        { home }
      );
      expect(set.code, set.stderr).toBe(0);
      const source = join(dir.path, `${name}.csv`);
      await writeFile(source, `E-mail;Taal;Voornaam\r\n${name}@example.be;nl;${name}\r\n`);
      const job = await courier(
        [
          'jobs',
          'add',
          `${name} job`,
          '--source',
          source,
          '--destination',
          name,
          '--schedule',
          'every day at 02:00',
          '--json',
        ],
        { home }
      );
      expect(job.code, job.stderr).toBe(0);
      created.push(JSON.parse(job.stdout).job.createdAt as string);
    }
    const { schedule } = JSON.parse((await readFile(join(home, 'jobs.json'), 'utf8')).toString())
      .jobs[0];
    const start = created.sort().at(-1)!;
    const slot = nextRunAfter(schedule, new Date(start))!;

    const clock = new FakeClock(start);
    const events: ServeEvent[] = [];
    let finished = 0;
    let bothDone: () => void = () => undefined;
    const done = new Promise<void>(resolve => (bothDone = resolve));
    const services = createServices(home);
    const server = createJobServer({
      home,
      secrets: services.secrets,
      history: services.history,
      destinations: services.destinations,
      logger: createLogger({ home }),
      clock,
      onEvent: event => {
        events.push(event);
        if (event.event === 'run-finished' && ++finished === 2) bothDone();
      },
    });
    await server.start();
    await clock.advanceTo(new Date(slot.getTime() - 60_000).toISOString());
    expect(events.map(e => e.event)).toEqual(['started']);
    expect(events[0]).toMatchObject({ jobs: 2, paused: false, next: { at: slot.toISOString() } });

    await clock.advanceTo(new Date(slot.getTime() + 1000).toISOString());
    await done;
    await server.stop('test');
    const kinds = events.map(e => e.event);
    expect(kinds.filter(k => k === 'run-started')).toHaveLength(2);
    expect(kinds.slice(-2)).toEqual(['stopping', 'stopped']);
    expect(events.at(-1)).toEqual({ event: 'stopped', parked: 0 });
    const runs = events.filter(e => e.event === 'run-finished');
    expect(runs.map(r => [r.job, r.outcome, r.rowsSent]).sort()).toEqual([
      ['first job', 'sent', 1],
      ['second job', 'sent', 1],
    ]);
    const uploaded = (await readdir(user.uploadDir)).sort();
    expect(uploaded.filter(n => /^(first|second)_\d{8}\.csv$/.test(n))).toHaveLength(2);
    // Both runs are in History, as the tray's would be, marked as scheduled.
    const history = await createHistoryStore(home).listRuns();
    expect(history.filter(r => r.trigger === 'job')).toHaveLength(2);
  });
});
