import { beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../../src-main/cli/run-cli';
import { serveLine } from '../../../src-main/cli/commands/jobs-serve';
import { createJobStore } from '../../../src-main/jobs/job-store';
import { parseSchedule } from '../../../src-core/schedule/parse-schedule';
import { captureIo } from './cli-io-capture';
import { FakeClock } from './fake-clock';
import { tempHome } from '../../harness/temp-home';

// `courier jobs … --warn-after-days N`: the setting is saved from `jobs add` and changed with
// `jobs set`; a run of a quiet job prints the warning on standard error and still exits 0.

const root = tempHome('courier-jobs-quiet-');
let home: string;
beforeEach(async () => {
  home = join(root.path, 'home');
  await mkdir(home);
  await mkdir(join(root.path, 'inbox'));
});

async function courier(...argv: string[]) {
  const c = captureIo();
  const code = await runCli([...argv, '--home', home], c.io);
  return { code, out: c.out(), err: c.err() };
}

const saved = async () =>
  (
    JSON.parse(await readFile(join(home, 'jobs.json'), 'utf8')) as {
      jobs: { name: string; warnAfterDays: number | null; createdAt: string }[];
    }
  ).jobs;

describe('courier jobs and the warning when nothing new comes', () => {
  it('jobs add --warn-after-days saves it; jobs set changes it or turns it off; nonsense is refused', async () => {
    const add = (name: string, days: string) =>
      courier(
        'jobs',
        'add',
        name,
        '--watch',
        join(root.path, 'inbox'),
        '--pattern',
        'export-*.csv',
        '--destination',
        'hello-customer',
        '--warn-after-days',
        days
      );
    const added = await add('Weekly export', '5');
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect((await saved())[0]).toMatchObject({ name: 'Weekly export', warnAfterDays: 5 });
    for (const bad of ['0', '2.5', 'soon', '400']) {
      const refused = await add(`Bad ${bad}`, bad);
      expect(refused.code, bad).toBe(2);
      expect(refused.err).toContain(
        '--warn-after-days is a whole number of days from 1 to 366, or off'
      );
    }
    const off = await courier('jobs', 'set', 'Weekly export', '--warn-after-days', 'off');
    expect(off).toMatchObject({
      code: 0,
      out: 'Job “Weekly export” does not warn when nothing new comes.\n',
    });
    expect((await saved())[0]!.warnAfterDays).toBeNull();
    const on = await courier('jobs', 'set', 'Weekly export', '--warn-after-days', '14');
    expect(on.out).toBe('Job “Weekly export” warns when nothing new has come for 14 days.\n');
    expect((await saved()).map(j => j.warnAfterDays)).toEqual([14]);
    expect((await courier('jobs', 'set', 'Weekly export')).code).toBe(2);
  });

  it('a run of a job quiet past its days prints the warning, exits 0, and does not repeat it at once', async () => {
    // Made on a fake clock's day long ago: the quiet spell started then.
    const clock = new FakeClock('2026-01-01T09:00:00.000Z');
    const store = createJobStore(home, { now: clock.now });
    for (const name of ['Old export', 'Old export json'])
      await store.saveJob({
        name,
        source: { kind: 'folder', folder: join(root.path, 'inbox'), pattern: 'export-*.csv' },
        destination: 'hello-customer',
        warnAfterDays: 7,
      });
    const first = await courier('jobs', 'run', 'Old export');
    expect(first.code).toBe(0);
    expect(first.out).toBe(
      `No new finished file matching “export-*.csv” in ${join(root.path, 'inbox')}.\n`
    );
    expect(first.err).toMatch(
      /^Warning: Nothing new has come for the job “Old export” for \d+ days \(since 2026-01-01\)\. Check that the export it waits for is still made\.\n$/
    );
    // Warned just now: the next run is calm again.
    const second = await courier('jobs', 'run', 'Old export');
    expect(second).toMatchObject({ code: 0, err: '' });
    // --json: the run carries the warning.
    const json = await courier('jobs', 'run', 'Old export json', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      runs: [
        {
          outcome: 'nothing-new',
          source: null,
          warning: { code: 'jobs.nothing-new-for-days', params: { day: '2026-01-01' } },
        },
      ],
    });
    // run-due (cron): a scheduled job made then, overdue, catches up once and warns; exit 0.
    await store.saveJob({
      name: 'Nightly quiet',
      source: { kind: 'folder', folder: join(root.path, 'inbox'), pattern: 'export-*.csv' },
      destination: 'hello-customer',
      schedule: parseSchedule('every day at 02:00'),
      warnAfterDays: 7,
    });
    const due = await courier('jobs', 'run-due');
    expect(due.code).toBe(0);
    expect(due.out).toBe('');
    expect(due.err).toMatch(
      /^Nightly quiet: Warning: Nothing new has come for the job “Nightly quiet” for \d+ days \(since 2026-01-01\)/
    );
    // History lists the warning run, in words.
    const history = await courier('history');
    expect(history.out).toMatch(
      /\(no file\) → hello-customer: nothing new to send; no new file came — Warning: Nothing new has come for the job “Old export” for \d+ days/
    );
  });

  it('jobs serve says the warning in its one line per run', () => {
    expect(
      serveLine({
        event: 'run-finished',
        job: 'Old export',
        outcome: 'nothing-new',
        rowsSent: 0,
        rowsRead: 0,
        warning: { code: 'jobs.nothing-new-for-days', message: 'Nothing new has come for 9 days.' },
      })
    ).toBe(
      'Job “Old export” had nothing new to send: 0 of 0 rows sent. Warning [jobs.nothing-new-for-days]: Nothing new has come for 9 days.'
    );
  });

  it('jobs serve says a reports job that found nothing as such, not in rows', () => {
    const line = (outcome: 'nothing-new' | 'failed' | 'downloaded') =>
      serveLine({
        event: 'run-finished',
        job: 'Daily reports',
        reports: true,
        outcome,
        rowsSent: 0,
        rowsRead: 0,
        ...(outcome === 'failed'
          ? { error: { code: 'connection.refused', message: 'The server refused the connection.' } }
          : {}),
      });
    expect(line('nothing-new')).toBe('Job “Daily reports” found no new reports.');
    expect(line('downloaded')).toBe('Job “Daily reports” downloaded new reports.');
    expect(line('failed')).toBe(
      'Job “Daily reports” FAILED [connection.refused]: The server refused the connection.'
    );
  });
});
