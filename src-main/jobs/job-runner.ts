import { stat } from 'node:fs/promises';
import { CourierError, toPlainError, type PlainError } from '../../src-core/errors';
import { readError } from '../../src-core/reading/read-errors';
import type { Run, RunTrigger } from '../../src-core/history/run';
import type { HeaderChangePolicy, Job } from '../../src-core/jobs/job';
import type { SendRequest } from '../../src-core/pipeline/send-request';
import type { HistoryStore } from '../history/history-store';
import { hashFile, type FolderPicker, type PickedFile } from './folder-picker';
import { claimJobSlot, lockJob } from './job-lock';
import type { JobStore } from './job-store';
import { quietWarning } from '../../src-core/jobs/quiet-spell';

/**
 * What one job run asks of the send pipeline: one file, sent as the job says. What to send is
 * core's `SendRequest` (as the Send button and `courier send` say it): the sheet and header line
 * chosen when the job was set up (absent: detected), the job's mapping (absent when it saved none:
 * the remembered one), its fixes, and its invalid-rows policy as `excludeInvalid`.
 */
export type JobRunRequest = SendRequest &
  Readonly<{
    headerChange: HeaderChangePolicy;
    expectedHeaders: readonly string[] | null;
    keepCopies: boolean;
    trigger: RunTrigger;
    job: Readonly<{ id: string; name: string }>;
    /**
     * A watched folder's file: the size and modification time it had when it was found stable.
     * A file that differs when it is read is refused (`read.changed`) and offered again later.
     */
    expectedSource?: Readonly<{ size: number; mtimeMs: number }>;
    /** The warning to record if the run ends with nothing new to send (a long quiet spell). */
    quietWarning?: PlainError;
  }>;

/**
 * The one send pipeline (read, map, validate, fix, prepare, upload, record the run in history).
 *
 * It resolves with the Run it recorded; if it rejects, it recorded nothing and the job runner
 * records the failure itself.
 */
export type RunSend = (request: JobRunRequest) => Promise<Run>;

/**
 * A reports job's run (`reports/reports-job.ts`): downloads its destination's reports and records
 * the run; if it rejects, it recorded nothing and the job runner records the failure itself.
 */
export type RunReports = (
  job: Job & { source: { kind: 'reports' } },
  trigger: RunTrigger
) => Promise<Run>;

/** What running a job did. */
export type JobRunResult = Readonly<{
  job: Job;
  /** One run per file sent (a watched folder in `each-new` mode may send several). */
  runs: readonly Run[];
  /** Set when there was nothing to send (no new file in the watched folder), in words. */
  nothingToSend: string | null;
  /** True when the scheduled slot had already been run (by another Courier): nothing was done. */
  slotAlreadyRun?: boolean;
}>;

/** How a run was started: a scheduled run names the slot it is for. */
export type JobRunOptions = Readonly<{
  /** The schedule slot this run is for; it is skipped if a run for it has started already. */
  slot?: Date;
}>;

export type JobRunnerDeps = Readonly<{
  /** The settings folder (for the run locks shared with other Courier processes). */
  home: string;
  jobs: JobStore;
  history: HistoryStore;
  picker: FolderPicker;
  runSend: RunSend;
  /** How a reports job fetches its reports (every entry point gives it; see `createRunReports`). */
  runReports?: RunReports;
  now?: () => Date;
  /** Told about every finished run (notifications, tray). */
  onRunFinished?: (run: Run, job: Job) => void;
}>;

export type JobRunner = Readonly<{
  /** Runs a job now: picks its file(s) and sends each through the pipeline. */
  runJob: (
    idOrName: string | Job,
    trigger: RunTrigger,
    options?: JobRunOptions
  ) => Promise<JobRunResult>;
}>;

// A failure of the connection or the server: the file was not the problem, so the watched folder
// offers it again next time instead of recording it as taken.
const RETRYABLE = /^(transfer|connection|connect|network|auth|trust|secrets|keychain|ftp|sftp)\./;

const WAITING_FOR_RECORDINGS = new Set(['recordings.not-all-there', 'recordings.still-arriving']);

function shouldMarkPicked(run: Run): boolean {
  // Its recordings have not all arrived (or are still being written): it is offered again later.
  if (run.error && WAITING_FOR_RECORDINGS.has(run.error.code)) return false;
  if (run.outcome !== 'failed') return true;
  // Changed after it was found stable: it is being written again, so it is judged again later.
  if (run.error?.code === 'read.changed') return false;
  if (run.transfer.status === 'failed') return false;
  return !(run.error && RETRYABLE.test(run.error.code));
}

/**
 * Runs saved jobs through the one send pipeline.
 *
 * A file source is sent as it is every time; a watched folder offers only stable files it has
 * not given this job before. Anything that goes wrong before the pipeline could record it (a
 * missing file or folder) is recorded here as a failed run, so a person sees it in the history.
 */
export function createJobRunner(deps: JobRunnerDeps): JobRunner {
  const now = deps.now ?? (() => new Date());

  async function recordFailure(
    job: Job,
    trigger: RunTrigger,
    started: Date,
    error: unknown,
    source: PickedFile | null
  ): Promise<Run> {
    return deps.history.append({
      startedAt: started.toISOString(),
      durationMs: Math.max(0, now().getTime() - started.getTime()),
      trigger,
      job: { id: job.id, name: job.name },
      outcome: 'failed',
      source: source ? { fileName: source.name, sha256: source.sha256, bytes: source.size } : null,
      destination: job.destination,
      error: toPlainError(error),
    });
  }

  /** A run with nothing to send that says how long nothing new has come. */
  async function recordQuiet(job: Job, trigger: RunTrigger, warning: PlainError): Promise<Run> {
    return deps.history.append({
      startedAt: now().toISOString(),
      trigger,
      job: { id: job.id, name: job.name },
      outcome: 'nothing-new',
      destination: job.destination,
      warning,
    });
  }

  async function send(
    job: Job,
    trigger: RunTrigger,
    file: PickedFile | null,
    path: string,
    warning: PlainError | null
  ): Promise<Run> {
    const started = now();
    try {
      return await deps.runSend({
        path,
        ...job.reading,
        destination: job.destination,
        // A job saved without a mapping uses the remembered one (or confident suggestions), as a send does.
        ...(Object.keys(job.mapping).length > 0 ? { mapping: { ...job.mapping } } : {}),
        fixes: [...job.fixes],
        excludeInvalid: job.invalidRows === 'send-valid',
        headerChange: job.headerChange,
        expectedHeaders: job.expectedHeaders,
        keepCopies: job.keepCopies,
        trigger,
        job: { id: job.id, name: job.name },
        ...(file ? { expectedSource: { size: file.size, mtimeMs: file.mtimeMs } } : {}),
        ...(warning ? { quietWarning: warning } : {}),
        ...(job.recordingsFolder ? { recordingsFolder: job.recordingsFolder } : {}),
        ...(job.related?.length ? { related: job.related.map(r => ({ ...r })) } : {}),
      });
    } catch (error) {
      return recordFailure(job, trigger, started, error, file);
    }
  }

  return {
    runJob: async (idOrName, trigger, options = {}) => {
      const job = typeof idOrName === 'string' ? await deps.jobs.getJob(idOrName) : idOrName;
      const held = await lockJob(deps.home, job);
      try {
        // Checked inside the lock: another process may have run this slot since it was found due.
        if (options.slot && !(await claimJobSlot(deps.home, job.id, options.slot, held, now)))
          return { job, runs: [], nothingToSend: null, slotAlreadyRun: true };
        return await runLocked(job, trigger);
      } finally {
        await held.release();
      }
    },
  };

  async function runLocked(job: Job, trigger: RunTrigger): Promise<JobRunResult> {
    const runs: Run[] = [];
    const finished = (run: Run): void => {
      runs.push(run);
      deps.onRunFinished?.(run, job);
    };
    // Said by the run only if it ends with nothing new (see `quietWarning`).
    let warning =
      job.warnAfterDays === null ? null : quietWarning(job, await deps.history.listRuns(), now());
    const source = job.source;
    if (source.kind === 'reports') {
      const started = now();
      try {
        if (!deps.runReports) throw new Error('This Courier cannot run reports jobs.');
        finished(await deps.runReports({ ...job, source }, trigger));
      } catch (error) {
        finished(await recordFailure(job, trigger, started, error, null));
      }
      return { job, runs, nothingToSend: null };
    }
    if (source.kind === 'file') {
      const started = now();
      // Gone or unreadable: recorded below as a failed run that names the file.
      const info = await stat(source.path).catch(() => null);
      if (!info || !info.isFile()) {
        const error = new CourierError(
          'jobs.source-missing',
          `The job “${job.name}” sends ${source.path}, but that file does not exist (any more). Check the job's source.`
        );
        finished(await recordFailure(job, trigger, started, error, null));
        return { job, runs, nothingToSend: null };
      }
      finished(await send(job, trigger, null, source.path, warning));
      return { job, runs, nothingToSend: null };
    }

    let files: PickedFile[];
    try {
      files = await deps.picker.pick(source, job.id);
    } catch (error) {
      finished(await recordFailure(job, trigger, now(), error, null));
      return { job, runs, nothingToSend: null };
    }
    if (files.length === 0) {
      // A quiet folder is not a run, unless it has been quiet long enough to say so in History.
      if (warning) finished(await recordQuiet(job, trigger, warning));
      return {
        job,
        runs,
        nothingToSend: `No new finished file matching “${source.pattern}” in ${source.folder}.`,
      };
    }
    for (const file of files) {
      // The file must still be the one found stable (same content): otherwise it is being
      // written again, and is refused now and judged again at the next run.
      const current = await hashFile(file.path).catch(() => null);
      if (current !== file.sha256) {
        const changed = readError('changed', file.name);
        finished(await recordFailure(job, trigger, now(), changed, file));
        continue;
      }
      const run = await send(job, trigger, file, file.path, warning);
      if (run.warning) warning = null;
      if (shouldMarkPicked(run)) await deps.picker.markPicked(file, job.id);
      finished(run);
    }
    return { job, runs, nothingToSend: null };
  }
}
