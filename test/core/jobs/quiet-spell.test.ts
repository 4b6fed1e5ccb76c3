import { describe, expect, it } from 'vitest';
import { Run, type RunInput } from '../../../src-core/history/run';
import { Job } from '../../../src-core/jobs/job';
import {
  QUIET_WARNING_CODE,
  broughtSomethingNew,
  quietWarning,
} from '../../../src-core/jobs/quiet-spell';

// Issue 15, item 5: "an optional warning when nothing new has come for N days". When a job's run
// ends with nothing new, it says so once the quiet spell has lasted the job's `warnAfterDays` —
// and again every further N days, not at every run.

const job = Job.parse({
  id: 'j1',
  name: 'Weekly export',
  source: { kind: 'folder', folder: '/exports', pattern: '*.csv' },
  destination: 'Partner',
  createdAt: '2026-03-01T08:00:00.000Z',
  warnAfterDays: 3,
});

let n = 0;
const run = (at: string, fields: Partial<RunInput> = {}): Run =>
  Run.parse({
    id: `r${++n}`,
    startedAt: at,
    trigger: 'job',
    job: { id: 'j1', name: 'Weekly export' },
    outcome: 'sent',
    source: { fileName: 'export.csv', sha256: 'ab' },
    ...fields,
  });
const day = (d: number) => new Date(Date.parse('2026-03-01T08:00:00.000Z') + d * 86_400_000);

describe('quietWarning', () => {
  it('is off unless the job asks for it', () => {
    expect(quietWarning({ ...job, warnAfterDays: null }, [], day(100))).toBeNull();
  });

  it('counts from the job’s creation when nothing ever came, from N days on', () => {
    expect(quietWarning(job, [], day(2.9))).toBeNull();
    expect(quietWarning(job, [], day(3))).toEqual({
      code: QUIET_WARNING_CODE,
      message:
        'Nothing new has come for the job “Weekly export” for 3 days (since 2026-03-01). Check that the export it waits for is still made.',
      params: { job: 'Weekly export', days: 3, day: '2026-03-01' },
    });
  });

  it('counts from the last run that brought a file (sent, held, or failed with a file)', () => {
    for (const outcome of ['sent', 'held', 'sent-with-exclusions', 'failed'] as const) {
      const runs = [run(day(5).toISOString(), { outcome })];
      expect(quietWarning(job, runs, day(7.9)), outcome).toBeNull();
      expect(quietWarning(job, runs, day(8))?.params).toMatchObject({ days: 3 });
    }
    // "Nothing new", another job's file, a failure before any file: the spell goes on.
    const quiet = [
      run(day(5).toISOString(), { outcome: 'nothing-new' }),
      run(day(5).toISOString(), { job: { id: 'other', name: 'Other' } }),
      run(day(5).toISOString(), { outcome: 'failed', source: null }),
    ];
    expect(quiet.map(broughtSomethingNew)).toEqual([false, true, false]);
    expect(quietWarning(job, quiet, day(6))?.params).toMatchObject({ days: 6 });
  });

  it('warns again only after N more days of quiet', () => {
    const warned = run(day(3).toISOString(), {
      outcome: 'nothing-new',
      source: null,
      warning: quietWarning(job, [], day(3)),
    });
    expect(quietWarning(job, [warned], day(4))).toBeNull();
    expect(quietWarning(job, [warned], day(5.99))).toBeNull();
    expect(quietWarning(job, [warned], day(6))?.params).toMatchObject({ days: 6 });
    // A file came after the warning: a new spell, counted from it.
    const sent = run(day(7).toISOString());
    expect(quietWarning(job, [warned, sent], day(9))).toBeNull();
    expect(quietWarning(job, [warned, sent], day(10))?.params).toMatchObject({
      days: 3,
      day: '2026-03-08',
    });
  });

  it('a job keeps its setting through the schema: a whole number of days, 1 to 366, or none', () => {
    expect(Job.parse({ ...job, warnAfterDays: undefined }).warnAfterDays).toBeNull();
    for (const bad of [0, 1.5, 367, -2])
      expect(Job.safeParse({ ...job, warnAfterDays: bad }).success).toBe(false);
    // A run recorded before this setting existed reads with no warning.
    expect(run(day(1).toISOString()).warning).toBeNull();
  });
});
