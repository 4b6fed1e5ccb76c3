import { describe, expect, it } from 'vitest';
import { Job, jobSourcePath } from '../../../src-core/jobs/job';
import { Run } from '../../../src-core/history/run';

// Issue 16, Digitaleo: a reports job is a saved job whose source is the folder its reports go to;
// its run records each zip's files and row counts.
describe('reports jobs in the saved-job and run schemas', () => {
  const base = {
    id: 'j1',
    name: 'Reports',
    destination: 'Digitaleo',
    createdAt: '2026-12-03T00:00:00Z',
  };

  it('saves a reports source with its folder, and refuses one without', () => {
    const job = Job.parse({ ...base, source: { kind: 'reports', out: '/home/an/Reports' } });
    expect(job.source).toEqual({ kind: 'reports', out: '/home/an/Reports' });
    expect(jobSourcePath(job.source)).toBe('/home/an/Reports');
    const missing = Job.safeParse({ ...base, source: { kind: 'reports', out: '' } });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.message).toBe('The folder for the reports is missing.');
  });

  it('names the path of every kind of source', () => {
    expect(jobSourcePath({ kind: 'file', path: '/a.csv' })).toBe('/a.csv');
    expect(jobSourcePath({ kind: 'folder', folder: '/exports' })).toBe('/exports');
  });

  it('keeps a reports run’s zips with names and row counts; a send has none', () => {
    const run = Run.parse({
      id: 'r1',
      startedAt: '2026-12-03T07:00:00Z',
      trigger: 'job',
      outcome: 'downloaded',
      reports: [
        {
          day: '2026-12-02',
          name: 'd.zip',
          savedAs: 'd.zip',
          bytes: 10,
          entries: [{ name: 'openers.csv', rows: 2 }],
        },
      ],
    });
    expect(run.reports?.[0]?.entries).toEqual([{ name: 'openers.csv', rows: 2 }]);
    expect(
      Run.parse({ id: 'r2', startedAt: '2026-12-03T07:00:00Z', trigger: 'cli', outcome: 'sent' })
        .reports
    ).toBeUndefined();
  });
});
