import type { Run, RunTrigger } from '../../src-core/history/run';
import type { JobListEntry, JobSaveRequest, JobsOverview } from '../../src-core/jobs/job-ipc';
import type { Job } from '../../src-core/jobs/job';
import { parseSchedule } from '../../src-core/schedule/parse-schedule';
import { describeSchedule } from '../../src-core/schedule/schedule';
import { createHistoryStore, type HistoryStore } from '../history/history-store';
import { createFolderPicker, type FolderPickerOptions } from './folder-picker';
import {
  createJobRunner,
  type JobRunResult,
  type JobRunner,
  type RunReports,
  type RunSend,
} from './job-runner';
import { createJobStore, type JobStore } from './job-store';
import { Scheduler, type TimerHandle, type UpcomingRun } from './scheduler';
import { toPlainError } from '../../src-core/errors';
import { checkReportsDestination } from '../reports/reports-job';
import { createLogger, type Logger } from '../logging/logger';
import { isJobLocked } from './job-lock';

export type JobServiceDeps = Readonly<{
  home: string;
  /** The one send pipeline. */
  runSend: RunSend;
  /** How a reports job fetches its reports (`reports/reports-job.ts`). */
  runReports?: RunReports;
  now?: () => Date;
  setTimer?: (callback: () => void, ms: number) => TimerHandle;
  clearTimer?: (handle: TimerHandle) => void;
  picker?: FolderPickerOptions;
  history?: HistoryStore;
  /** Told about every finished run (notifications, tray, `history:added`). */
  onRunFinished?: (run: Run, job: Job) => void;
  /** Told when jobs, running state or the pause switch change (tray, `jobs:changed`). */
  onChange?: (state: { paused: boolean; running: string[] }) => void;
  /** The redacting log (default: the settings folder's). */
  logger?: Logger;
  /**
   * Finds the destination a job names; a job is saved only when it does. The app and the CLI give
   * the destination service's `resolve` (`createServices`); without it nothing is checked.
   */
  resolveDestination?: (reference: string) => Promise<unknown>;
}>;

/** Jobs, their schedules and their runs, for the app (IPC, tray) and the CLI. */
export type JobService = Readonly<{
  store: JobStore;
  history: HistoryStore;
  runner: JobRunner;
  scheduler: Scheduler;
  /** Loads the jobs and what the scheduler remembered, and starts the schedules. */
  start: () => Promise<void>;
  /**
   * Loads the jobs and what the scheduler remembered without starting any schedule: a CLI command
   * then switches, pauses or lists jobs with the app's rules (a job switched on or resumed does
   * not make up the runs it missed meanwhile) and `flush` writes what changed.
   */
  load: () => Promise<void>;
  stop: () => void;
  overview: () => Promise<JobsOverview>;
  save: (request: JobSaveRequest) => Promise<Job>;
  remove: (idOrName: string) => Promise<Job>;
  setEnabled: (idOrName: string, enabled: boolean) => Promise<Job>;
  setPaused: (paused: boolean) => void;
  /** Starts a run in the background (never two of the same job at once). */
  runNow: (idOrName: string) => Promise<'started' | 'already-running'>;
  /** Runs a job and waits for it (the CLI). */
  runAndWait: (idOrName: string, trigger: RunTrigger) => Promise<JobRunResult>;
  upcoming: () => UpcomingRun[];
  /** Resolves once what the scheduler remembers has been written to `job-state.json`. */
  flush: () => Promise<void>;
}>;

/** What the scheduler remembers, as one comparable text (times as the scheduler writes them). */
function memoryKey(
  memory: Readonly<{ paused: boolean; lastSlot: Readonly<Record<string, string>> }>
) {
  const slots = Object.entries(memory.lastSlot)
    .map(([id, iso]) => [id, Number.isFinite(Date.parse(iso)) ? new Date(iso).toISOString() : iso])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
  return JSON.stringify([memory.paused, slots]);
}

/** Applies `scheduleText` (words) to a save request. */
export function resolveSchedule(request: JobSaveRequest): JobSaveRequest {
  const { scheduleText, ...rest } = request;
  if (scheduleText === undefined) return rest;
  return { ...rest, schedule: scheduleText.trim() === '' ? null : parseSchedule(scheduleText) };
}

/** Builds the job service over `<home>`: store, history, picker, runner and scheduler. */
export function createJobService(deps: JobServiceDeps): JobService {
  const now = deps.now ?? (() => new Date());
  const store = createJobStore(deps.home, { now });
  const log = (deps.logger ?? createLogger({ home: deps.home })).child({ scope: 'jobs' });
  const history = deps.history ?? createHistoryStore(deps.home, { now });
  // The picker compares modification times with the real clock, whatever clock the schedules use.
  const picker = createFolderPicker(deps.home, { ...deps.picker });
  const runner = createJobRunner({
    home: deps.home,
    jobs: store,
    history,
    picker,
    runSend: deps.runSend,
    ...(deps.runReports ? { runReports: deps.runReports } : {}),
    now,
    ...(deps.onRunFinished ? { onRunFinished: deps.onRunFinished } : {}),
  });
  let jobs: Job[] = [];
  let persisting: Promise<unknown> = Promise.resolve();
  // The pause state as this service last read or wrote it (only its own changes are written).
  let savedPaused = false;
  // The memory as last read or written (see saveMemory).
  let savedMemory = '';

  const scheduler = new Scheduler({
    now,
    setTimer: deps.setTimer ?? ((callback, ms) => setTimeout(callback, ms)),
    clearTimer: deps.clearTimer ?? (handle => clearTimeout(handle as NodeJS.Timeout)),
    // A run that fails before the pipeline or the runner could record it (its lock, the history
    // file): nothing is in History, so the log says what happened.
    onError: (job, error) =>
      log.error('A job run failed before it could be recorded', {
        job: job.id,
        error: toPlainError(error),
      }),
    runJob: async (job, reason) => {
      const current = jobs.find(j => j.id === job.id);
      if (!current) return;
      if (reason.kind === 'manual') await runner.runJob(current, 'user');
      else await runner.runJob(current, 'job', { slot: reason.scheduledFor });
    },
    saveMemory: memory => {
      // Only a change is written: loading the jobs (`courier jobs list`) writes nothing, and a
      // damaged state file stays as it is until a person changes something.
      const key = memoryKey(memory);
      if (key === savedMemory) return;
      savedMemory = key;
      // Merged into what is on disk, not written over it: another Courier (`courier jobs pause`,
      // a `run-due` from cron) may have changed the file since this one read it.
      const pausedChanged = memory.paused !== savedPaused;
      savedPaused = memory.paused;
      persisting = persisting
        .then(() =>
          store.updateState(state => {
            const lastSlot = { ...state.lastSlot };
            for (const [id, iso] of Object.entries(memory.lastSlot)) {
              const known = lastSlot[id];
              if (known === undefined || Date.parse(iso) > Date.parse(known)) lastSlot[id] = iso;
            }
            return { ...state, paused: pausedChanged ? memory.paused : state.paused, lastSlot };
          })
        )
        // The schedules run on from memory; the next change writes the state again.
        .catch(error =>
          log.warn('The jobs’ schedule state could not be saved', { error: toPlainError(error) })
        );
    },
    onChange: () => deps.onChange?.({ paused: scheduler.paused, running: scheduler.runningJobs() }),
  });

  async function reload(): Promise<void> {
    jobs = await store.listJobs();
    scheduler.setJobs(jobs);
  }

  const entry = async (job: Job, upcoming: readonly UpcomingRun[]): Promise<JobListEntry> => ({
    ...job,
    scheduleText: job.schedule ? describeSchedule(job.schedule) : null,
    nextRunAt: upcoming.find(u => u.jobId === job.id)?.at.toISOString() ?? null,
    // Running here, or in another Courier (`courier jobs run`, a cron `run-due`, the app).
    running: scheduler.isRunning(job.id) || (await isJobLocked(deps.home, job.id)),
  });

  const load = async () => {
    // What the scheduler remembered is restored before it sees the jobs, so missed runs are noticed.
    const state = await store.readState();
    savedPaused = state.paused;
    scheduler.restore(state);
    savedMemory = memoryKey(state);
    await reload();
  };

  return {
    store,
    history,
    runner,
    scheduler,
    start: async () => {
      await load();
      scheduler.start();
    },
    load,
    stop: () => scheduler.stop(),
    overview: async () => {
      // Re-read: the CLI may have added or changed a job while the app runs.
      await reload();
      const upcoming = scheduler.upcoming();
      return {
        jobs: await Promise.all(jobs.map(j => entry(j, upcoming))),
        paused: scheduler.paused,
      };
    },
    save: async request => {
      // A destination that does not exist (a typo, a removed one) fails now, not at 02:00 —
      // for the app and the CLI alike.
      const resolved = resolveSchedule(request);
      const destination = await deps.resolveDestination?.(request.destination);
      // Only Digitaleo keeps reports: a reports job for another platform fails now, not at 07:00.
      if (resolved.source.kind === 'reports' && destination) checkReportsDestination(destination);
      const job = await store.saveJob(resolved);
      await reload();
      return job;
    },
    remove: async idOrName => {
      const job = await store.removeJob(idOrName);
      await reload();
      return job;
    },
    setEnabled: async (idOrName, enabled) => {
      const job = await store.setEnabled(idOrName, enabled);
      await reload();
      return job;
    },
    setPaused: paused => scheduler.setPaused(paused),
    runNow: async idOrName => {
      const job = await store.getJob(idOrName);
      if (!jobs.some(j => j.id === job.id)) await reload();
      const outcome = scheduler.runNow(job.id);
      return outcome === 'already-running' ? 'already-running' : 'started';
    },
    runAndWait: (idOrName, trigger) => runner.runJob(idOrName, trigger),
    upcoming: () => scheduler.upcoming(),
    flush: async () => {
      await persisting;
    },
  };
}
