import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CourierError } from '../../src-core/errors';
import {
  isOwnerAlive,
  readLockHolder,
  tryLockFile,
  writeFileAtomic,
  type HeldLock,
} from '../settings/file-lock';

const lockName = (jobId: string) => jobId.replace(/[^A-Za-z0-9_-]/g, '_');
const lockPath = (home: string, jobId: string) =>
  join(home, 'job-locks', `${lockName(jobId)}.lock`);

/**
 * Takes the job's run lock `<home>/job-locks/<id>.lock`, so the app's scheduler and a
 * `courier jobs run` from cron never run the same job at once. A lock left by a process that no
 * longer exists (a crash) is taken over; a live one is never, however long the run takes.
 * Returns the lock held (`release` it when the run is over).
 */
export async function lockJob(
  home: string,
  job: Readonly<{ id: string; name: string }>
): Promise<HeldLock> {
  const attempt = await tryLockFile(lockPath(home, job.id), { staleMs: null });
  if ('lock' in attempt) return attempt.lock;
  const holder = attempt.busy;
  throw new CourierError(
    'jobs.already-running',
    holder
      ? `The job “${job.name}” is running already (since ${holder.startedAt}). Try again when it has finished.`
      : `The job “${job.name}” is being started by another Courier at this moment. Try again in a moment.`
  );
}

/** Whether a live Courier process holds the job's run lock (the CLI's `jobs list` shows it). */
export async function isJobLocked(home: string, jobId: string): Promise<boolean> {
  const holder = await readLockHolder(lockPath(home, jobId));
  return !!holder && isOwnerAlive({ pid: holder.pid, at: holder.startedAt, host: holder.host });
}

type SlotRecord = Readonly<{ slot: string; startedAt: string; pid: number }>;

/**
 * Claims a scheduled slot of a job for this process: false if a scheduled run of the job already
 * started at or after the slot was due (another Courier ran it, or a catch-up run covered it).
 *
 * Call it while holding the job's run lock (`lockJob`): the app's scheduler and `courier jobs
 * run-due` from cron can both decide a slot is due before either runs it; the one that gets the
 * lock second finds it claimed here and skips it. Kept in `<home>/job-locks/<id>.slot.json`.
 */
export async function claimJobSlot(
  home: string,
  jobId: string,
  slot: Date,
  /** The job's run lock, held (from `lockJob`): only its holder records a slot. */
  held: HeldLock,
  now: () => Date = () => new Date()
): Promise<boolean> {
  const file = join(home, 'job-locks', `${lockName(jobId)}.slot.json`);
  const started = now();
  // No record (or a torn one) means no run of this job has claimed a slot yet.
  const last = await readFile(file, 'utf8')
    .then(text => JSON.parse(text) as SlotRecord)
    .catch(() => null);
  const lastStarted = last ? Date.parse(last.startedAt) : NaN;
  // A run recorded “in the future” means the clock was set back: it covers nothing.
  if (
    Number.isFinite(lastStarted) &&
    lastStarted >= slot.getTime() &&
    lastStarted <= started.getTime()
  )
    return false;
  const record: SlotRecord = {
    slot: slot.toISOString(),
    startedAt: started.toISOString(),
    pid: process.pid,
  };
  await writeFileAtomic(file, `${JSON.stringify(record)}\n`, held);
  return true;
}
