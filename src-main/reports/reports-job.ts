import { basename } from 'node:path';
import { CourierError } from '../../src-core/errors';
import type { Destination } from '../../src-core/destinations/destination';
import type { Run, RunTrigger } from '../../src-core/history/run';
import type { Job } from '../../src-core/jobs/job';
import type { HistoryStore } from '../history/history-store';
import type { RunReports } from '../jobs/job-runner';
import type { SecretReader } from '../transfers/secret-reader';
import { downloadReports } from './report-downloads';

/**
 * The optional job that fetches a Digitaleo destination's reports on its schedule: the same
 * download as `courier reports download` (each zip once, verified, never over a local file),
 * recorded in History with each zip's files and row counts (never a cell of them).
 */

/** Refuses a destination that keeps no reports (only Digitaleo does). */
export function checkReportsDestination(destination: unknown): void {
  const found = destination as Partial<Destination> | null;
  if (!found || found.presetId === 'digitaleo') return;
  throw new CourierError(
    'reports.not-digitaleo',
    `${found.name ?? 'This destination'} is not a Digitaleo destination: only Digitaleo keeps reports to download.`,
    { params: { name: found.name ?? '' } }
  );
}

export type RunReportsDeps = Readonly<{
  home: string;
  secrets: SecretReader;
  history: HistoryStore;
  /** Finds the destination a job names (the destination service's `resolve`). */
  resolveDestination: (reference: string) => Promise<Destination>;
  now?: () => Date;
}>;

/** A reports job's run over the real download; what it saved goes into the run it records. */
export function createRunReports(deps: RunReportsDeps): RunReports {
  const now = deps.now ?? (() => new Date());
  return async (job: Job & { source: { kind: 'reports'; out: string } }, trigger: RunTrigger) => {
    const started = now();
    const destination = await deps.resolveDestination(job.destination);
    const result = await downloadReports({
      home: deps.home,
      destination,
      secrets: deps.secrets,
      out: job.source.out,
      now: started,
    });
    const run: Run = await deps.history.append({
      startedAt: started.toISOString(),
      durationMs: Math.max(0, now().getTime() - started.getTime()),
      trigger,
      job: { id: job.id, name: job.name },
      outcome: result.downloaded.length > 0 ? 'downloaded' : 'nothing-new',
      destination: destination.name,
      transfer: { status: 'not-attempted' },
      reports: result.downloaded.map(report => ({
        day: report.day,
        name: report.name,
        savedAs: basename(report.savedAs),
        bytes: report.bytes,
        entries: report.entries.map(entry => ({ name: entry.name, rows: entry.rows })),
      })),
    });
    return run;
  };
}
