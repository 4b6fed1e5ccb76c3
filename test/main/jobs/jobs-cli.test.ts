import { beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../../src-main/cli/run-cli';
import { captureIo } from './cli-io-capture';
import { tempHome } from '../../harness/temp-home';

const root = tempHome('courier-jobs-cli-');
let home: string;
beforeEach(async () => {
  home = join(root.path, 'home');
  await mkdir(home);
});

async function courier(...argv: string[]) {
  const c = captureIo();
  const code = await runCli([...argv, '--home', home], c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('courier jobs', () => {
  it('adds, lists and removes jobs', async () => {
    const mappingFile = join(root.path, 'mapping.json');
    await writeFile(mappingFile, JSON.stringify({ Email: 'E-mail', Language: 'Taal' }));
    const added = await courier(
      'jobs',
      'add',
      'Nightly respondents',
      '--watch',
      join(root.path, 'inbox'),
      '--pattern',
      'export-*.csv',
      '--destination',
      'hello-customer',
      '--mapping',
      mappingFile,
      '--schedule',
      'every day at 02:00 in Europe/Brussels',
      '--invalid',
      'hold'
    );
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toContain('Saved job “Nightly respondents”');
    expect(added.out).toContain('every day at 02:00 in Europe/Brussels');
    const second = await courier(
      'jobs',
      'add',
      'Weekly',
      '--source',
      join(root.path, 'weekly.csv'),
      '--destination',
      'hello-customer',
      '--mapping',
      'Email=mail,Language=lang',
      '--schedule',
      'mondays and thursdays at 07:30',
      '--no-catch-up',
      '--keep-copies',
      '--header-change',
      'continue',
      '--json'
    );
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).job).toMatchObject({
      name: 'Weekly',
      mapping: { Email: 'mail', Language: 'lang' },
      catchUp: false,
      keepCopies: true,
      headerChange: 'continue',
      source: { kind: 'file' },
    });

    const listed = await courier('jobs', 'list', '--json');
    const { jobs, paused } = JSON.parse(listed.out) as {
      jobs: {
        name: string;
        scheduleText: string;
        nextRunAt: string;
        invalidRows: string;
        source: unknown;
        mapping: unknown;
      }[];
      paused: boolean;
    };
    expect(paused).toBe(false);
    expect(jobs.map(j => j.name)).toEqual(['Nightly respondents', 'Weekly']);
    expect(jobs[0]).toMatchObject({
      scheduleText: 'every day at 02:00 in Europe/Brussels',
      invalidRows: 'hold',
      source: { kind: 'folder', pattern: 'export-*.csv', pick: 'newest' },
      mapping: { Email: 'E-mail', Language: 'Taal' },
    });
    expect(Date.parse(jobs[0]!.nextRunAt)).toBeGreaterThan(Date.now());
    const text = await courier('jobs', 'list');
    expect(text.out).toContain('mondays and thursdays at 07:30');

    const stored = JSON.parse(await readFile(join(home, 'jobs.json'), 'utf8'));
    expect(stored.jobs).toHaveLength(2);

    // A job another Courier process is running shows as running.
    const weeklyId = (stored.jobs as { id: string; name: string }[]).find(
      j => j.name === 'Weekly'
    )!.id;
    await mkdir(join(home, 'job-locks'));
    await writeFile(
      join(home, 'job-locks', `${weeklyId}.lock`),
      JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() })
    );
    const busy = JSON.parse((await courier('jobs', 'list', '--json')).out) as {
      jobs: { name: string; running: boolean }[];
    };
    expect(busy.jobs.map(j => [j.name, j.running])).toEqual([
      ['Nightly respondents', false],
      ['Weekly', true],
    ]);
    expect((await courier('jobs', 'list')).out).toContain('Weekly (running now)');
    await rm(join(home, 'job-locks'), { recursive: true });

    const removed = await courier('jobs', 'remove', 'weekly');
    expect(removed.out).toBe('Removed job “Weekly”.\n');
    expect(JSON.parse((await courier('jobs', 'list', '--json')).out).jobs).toHaveLength(1);
  });

  it('refuses bad arguments with exit code 2 and plain errors with exit code 1', async () => {
    expect((await courier('jobs', 'add', 'X', '--destination', 'hello-customer')).code).toBe(2);
    expect(
      (
        await courier(
          'jobs',
          'add',
          'X',
          '--source',
          'a.csv',
          '--watch',
          'dir',
          '--pattern',
          '*',
          '--destination',
          'hello-customer'
        )
      ).code
    ).toBe(2);
    expect(
      (await courier('jobs', 'add', 'X', '--watch', 'dir', '--destination', 'hello-customer')).code
    ).toBe(2);
    expect(
      (
        await courier(
          'jobs',
          'add',
          'X',
          '--source',
          'a.csv',
          '--destination',
          'hello-customer',
          '--invalid',
          'maybe'
        )
      ).code
    ).toBe(2);
    expect((await courier('jobs', 'frobnicate')).code).toBe(2);
    expect(
      (
        await courier(
          'jobs',
          'add',
          'X',
          '--source',
          'a.csv',
          '--destination',
          'A',
          '--header-change',
          'maybe'
        )
      ).code
    ).toBe(2);
    const schedule = await courier(
      'jobs',
      'add',
      'X',
      '--source',
      'a.csv',
      '--destination',
      'hello-customer',
      '--schedule',
      'now and then'
    );
    expect(schedule.code).toBe(1);
    expect(schedule.err).toContain('did not understand the schedule');
    await courier('jobs', 'add', 'X', '--source', 'a.csv', '--destination', 'hello-customer');
    const duplicate = await courier(
      'jobs',
      'add',
      'x',
      '--source',
      'b.csv',
      '--destination',
      'hello-customer'
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain('already exists');
    const typo = await courier('jobs', 'add', 'Y', '--source', 'a.csv', '--destination', 'Hello Custmer');
    expect(typo.code).toBe(1);
    expect(typo.err).toContain('There is no destination called “Hello Custmer”');
    const missing = await courier('jobs', 'run', 'Nope', '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toEqual({
      error: { code: 'jobs.not-found', message: expect.stringContaining('no job called “Nope”') },
    });
    expect((await courier('jobs', 'remove', 'Nope')).code).toBe(1);
  });

  it('run-due runs each job whose schedule has come, once, then nothing until the next slot', async () => {
    const source = join(root.path, 'export.csv');
    await writeFile(source, 'Email\nwendy@example.be\n');
    await courier(
      'jobs',
      'add',
      'Quarterly',
      '--source',
      source,
      '--destination',
      'hello-customer',
      '--schedule',
      'every 15 minutes'
    );
    await courier('jobs', 'add', 'Manual', '--source', source, '--destination', 'hello-customer');
    // The job was saved an hour ago: four slots have passed since, and one run is made.
    const file = join(home, 'jobs.json');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    for (const job of stored.jobs) job.createdAt = new Date(Date.now() - 3_600_000).toISOString();
    await writeFile(file, JSON.stringify(stored));

    const due = await courier('jobs', 'run-due', '--json');
    const { runs } = JSON.parse(due.out) as {
      runs: {
        trigger: string;
        job: { name: string };
        outcome: string;
        error: { code: string };
      }[];
    };
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      trigger: 'job',
      job: { name: 'Quarterly' },
      outcome: 'held',
    });
    expect(runs[0]!.error.code).toBe('send.nothing-to-send');
    expect(due.code).not.toBe(0);

    const again = await courier('jobs', 'run-due');
    expect(again.code).toBe(0);
    expect(again.out).toBe('No job is due.\n');

    // Paused, nothing runs; resumed, the slots missed while paused are not made up.
    for (const job of stored.jobs) job.createdAt = new Date(Date.now() - 3_600_000).toISOString();
    await writeFile(file, JSON.stringify(stored));
    await writeFile(
      join(home, 'job-state.json'),
      JSON.stringify({ version: 1, paused: false, lastSlot: {} })
    );
    expect((await courier('jobs', 'pause')).out).toBe('All scheduled runs are paused.\n');
    expect(JSON.parse((await courier('jobs', 'list', '--json')).out).paused).toBe(true);
    expect((await courier('jobs', 'run-due')).out).toBe('No job is due.\n');
    expect((await courier('jobs', 'resume')).code).toBe(0);
    expect((await courier('jobs', 'run-due')).out).toBe('No job is due.\n');
    expect((await courier('jobs', 'disable', 'quarterly')).out).toBe('Job “Quarterly” is off.\n');
    expect(JSON.parse((await courier('jobs', 'list', '--json')).out).jobs[0]).toMatchObject({
      enabled: false,
      nextRunAt: null,
    });
    expect((await courier('jobs', 'enable', 'Quarterly')).out).toBe('Job “Quarterly” is on.\n');
    expect(
      JSON.parse(await readFile(join(home, 'job-state.json'), 'utf8')).lastSlot
    ).toHaveProperty(stored.jobs[0].id);
  });

  it('prints its usage with --help', async () => {
    const help = await courier('jobs', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('courier jobs add NAME');
  });
});
