import type { PlainError } from '../errors';
import type { Run } from '../history/run';
import type { Job } from './job';

/** The code of the warning a job gives when nothing new has come for its `warnAfterDays`. */
export const QUIET_WARNING_CODE = 'jobs.nothing-new-for-days';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a run shows that something new came: a file was sent, held, or failed while being
 * read or sent. "Nothing new to send", and a failure before any file was found (a missing
 * folder), do not.
 */
export function broughtSomethingNew(run: Run): boolean {
  if (run.outcome === 'nothing-new') return false;
  return run.outcome !== 'failed' || run.source !== null;
}

/** Whether a run carries the quiet-spell warning. */
export const isQuietWarning = (run: Run): boolean => run.warning?.code === QUIET_WARNING_CODE;

/**
 * The warning a run of `job` that ends with nothing new should carry, or null.
 *
 * The quiet spell starts at the job's last run that brought something new (or when the job was
 * made); once it has lasted `warnAfterDays` days, the run says so — and again each further
 * `warnAfterDays` days of quiet, not at every run (an hourly job would otherwise warn hourly).
 * `runs` is the history (any order, any job's: the job's own are picked out).
 */
export function quietWarning(job: Job, runs: readonly Run[], now: Date): PlainError | null {
  const days = job.warnAfterDays;
  if (days === null) return null;
  const mine = runs.filter(run => run.job?.id === job.id);
  const latest = (list: readonly Run[]): number =>
    list.reduce((max, run) => Math.max(max, Date.parse(run.startedAt) || 0), 0);
  const since = Math.max(Date.parse(job.createdAt) || 0, latest(mine.filter(broughtSomethingNew)));
  const warned = latest(
    mine.filter(run => isQuietWarning(run) && Date.parse(run.startedAt) > since)
  );
  const quietDays = Math.floor((now.getTime() - since) / DAY_MS);
  if (quietDays < days) return null;
  if (warned > 0 && now.getTime() - warned < days * DAY_MS) return null;
  const sinceDay = new Date(since).toISOString().slice(0, 10);
  return {
    code: QUIET_WARNING_CODE,
    message: `Nothing new has come for the job “${job.name}” for ${quietDays} days (since ${sinceDay}). Check that the export it waits for is still made.`,
    params: { job: job.name, days: quietDays, day: sinceDay },
  };
}
