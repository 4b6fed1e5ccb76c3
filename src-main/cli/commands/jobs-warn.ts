import type { Run } from '../../../src-core/history/run';
import { MAX_WARN_AFTER_DAYS } from '../../../src-core/jobs/job';
import { ExitCode, UsageError, parseCommandArgs, printJson, type CommandContext } from '../cli-io';

/**
 * Reads `--warn-after-days N` (a whole number of days, 1 to a year) or `off` (never): the quiet
 * spell after which a job's run warns that nothing new has come.
 */
export function readWarnAfterDays(value: string): number | null {
  if (value.trim().toLowerCase() === 'off') return null;
  const days = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || days < 1 || days > MAX_WARN_AFTER_DAYS)
    throw new UsageError(
      `--warn-after-days is a whole number of days from 1 to ${MAX_WARN_AFTER_DAYS}, or off (got “${value}”).`
    );
  return days;
}

/** The warning lines of finished runs (a job quiet for N days), for standard error. */
export function warningLines(runs: readonly Run[], withJob: boolean): string {
  return runs
    .filter(run => run.warning)
    .map(
      run => `${withJob && run.job ? `${run.job.name}: ` : ''}Warning: ${run.warning!.message}\n`
    )
    .join('');
}

/** Whether a run is only the carrier of a quiet warning (no file was looked at). */
export const isQuietOnly = (run: Run): boolean =>
  run.outcome === 'nothing-new' && run.source === null && run.reports === undefined;

/** `courier jobs set JOB --warn-after-days N|off`: changes a saved job's settings. */
export async function setJob(
  { io, services }: CommandContext,
  rest: readonly string[]
): Promise<number> {
  const { values, positionals } = parseCommandArgs(rest, {
    'warn-after-days': { type: 'string' },
    json: { type: 'boolean' },
  });
  const idOrName = positionals.join(' ').trim();
  if (!idOrName) throw new UsageError('jobs set needs a JOB (its name or id).');
  if (values['warn-after-days'] === undefined)
    throw new UsageError('jobs set needs something to change, e.g. --warn-after-days 7.');
  const warnAfterDays = readWarnAfterDays(values['warn-after-days']);
  const { service } = services.jobs;
  const job = await service.store.getJob(idOrName);
  // Through the job service, as the app's form saves it.
  const saved = await service.save({ ...job, warnAfterDays });
  await service.flush();
  if (values.json) printJson(io, { job: saved });
  else
    io.stdout.write(
      saved.warnAfterDays === null
        ? `Job “${saved.name}” does not warn when nothing new comes.\n`
        : `Job “${saved.name}” warns when nothing new has come for ${saved.warnAfterDays} day${saved.warnAfterDays === 1 ? '' : 's'}.\n`
    );
  return ExitCode.ok;
}
