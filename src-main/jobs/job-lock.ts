import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CourierError } from '../../src-core/errors';

type LockInfo = Readonly<{ pid: number; startedAt: string }>;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the job's run lock `<home>/job-locks/<id>.lock`, so the app's scheduler and a
 * `courier jobs run` from cron never run the same job at once. A lock left by a process that no
 * longer exists (a crash) is taken over. Returns the release function.
 */
export async function lockJob(
  home: string,
  job: Readonly<{ id: string; name: string }>,
  now: () => Date = () => new Date()
): Promise<() => Promise<void>> {
  const folder = join(home, 'job-locks');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const file = join(folder, `${job.id.replace(/[^A-Za-z0-9_-]/g, '_')}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      try {
        await handle.writeFile(
          JSON.stringify({ pid: process.pid, startedAt: now().toISOString() } satisfies LockInfo)
        );
      } finally {
        await handle.close();
      }
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readFile(file, 'utf8')
        .then(text => JSON.parse(text) as LockInfo)
        .catch(() => null);
      if (holder && typeof holder.pid === 'number' && alive(holder.pid)) {
        throw new CourierError(
          'jobs.already-running',
          `The job “${job.name}” is running already (since ${holder.startedAt}). Try again when it has finished.`
        );
      }
      // Left by a process that has gone: take it over.
      await rm(file, { force: true });
    }
  }
  throw new CourierError(
    'jobs.already-running',
    `The job “${job.name}” is being started by another Courier at this moment. Try again in a moment.`
  );
}

/** Whether a live Courier process holds the job's run lock (the CLI's `jobs list` shows it). */
export async function isJobLocked(home: string, jobId: string): Promise<boolean> {
  const file = join(home, 'job-locks', `${jobId.replace(/[^A-Za-z0-9_-]/g, '_')}.lock`);
  const holder = await readFile(file, 'utf8')
    .then(text => JSON.parse(text) as LockInfo)
    .catch(() => null);
  return !!holder && typeof holder.pid === 'number' && alive(holder.pid);
}
