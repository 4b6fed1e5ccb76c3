import type { Run } from '../../src-core/history/run';
import type { Language } from '../../src-core/words/i18n';
import type { Job } from '../../src-core/jobs/job';
import type { HistoryStore } from '../history/history-store';
import type { SecretReader } from '../transfers/secret-reader';
import { createBackgroundSettings, type BackgroundSettingsStore } from './background-settings';
import { createJobService, type JobService, type JobServiceDeps } from './job-service';
import { createPipelineRunSend } from './pipeline-send';
import type { Upload } from '../pipeline/worker-upload';
import type { DestinationService } from '../destinations/destination-service';
import { createWorkerPreparer } from '../preparation/send-preparation';
import { createRunReports } from '../reports/reports-job';

/** The app's jobs: the service plus what the tray, notifications and IPC events listen to. */
export type AppJobs = Readonly<{
  service: JobService;
  settings: BackgroundSettingsStore;
  /** Jobs saved or removed, a run started or ended, the pause switch flipped. */
  onChange: (listener: (state: { paused: boolean; running: string[] }) => void) => () => void;
  /** A job's send progress (0..1). */
  onProgress: (listener: (jobId: string, fraction: number) => void) => () => void;
  /** A job run finished (after it was recorded). */
  onJobRun: (listener: (run: Run, job: Job) => void) => () => void;
  /** Any run was recorded (jobs, the Send button, the CLI in this process). */
  onRun: (listener: (run: Run) => void) => () => void;
  /** A recorded run changed (its receipt came back). */
  onRunUpdated: (listener: (run: Run) => void) => () => void;
}>;

function hub<A extends unknown[]>() {
  const listeners = new Set<(...args: A) => void>();
  return {
    add: (listener: (...args: A) => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    fire: (...args: A) => {
      for (const listener of [...listeners]) listener(...args);
    },
  };
}

/** What the app's jobs are built from (the composition root, `services/services.ts`, has them). */
export type AppJobsDeps = Readonly<{
  home: string;
  secrets: SecretReader;
  history: HistoryStore;
  /** How a job's files reach the server (the transfer worker in the app). */
  upload: Upload;
  /** The destination service: a job is saved only for a destination it knows. */
  destinations?: Pick<DestinationService, 'resolve'>;
  /** The schedules' clock and timers (tests give a fake clock; the real ones by default). */
  clock?: Pick<JobServiceDeps, 'now' | 'setTimer' | 'clearTimer'>;
  /** The language of the rows a job leaves out, kept for History (default English). */
  language?: Language;
}>;

/**
 * The job service of the app for a settings folder, sending through the real pipeline. Built once
 * by `createServices`; IPC handlers, the tray and notifications all share that one. It is not
 * started here: the Electron entry starts the schedules (`service.start()`), tests and the CLI
 * need not.
 */
export function createAppJobs({
  home,
  secrets,
  history,
  upload,
  destinations,
  clock,
  language,
}: AppJobsDeps): AppJobs {
  const changes = hub<[{ paused: boolean; running: string[] }]>();
  const progress = hub<[string, number]>();
  const jobRuns = hub<[Run, Job]>();
  const service = createJobService({
    home,
    history,
    runSend: createPipelineRunSend({
      home,
      secrets,
      onProgress: progress.fire,
      receipt: { mode: 'background', timeoutMs: 60 * 60_000 },
      upload,
      prepare: createWorkerPreparer(),
      ...(language ? { language } : {}),
      ...(clock?.now ? { now: clock.now } : {}),
    }),
    // Reports jobs fetch Digitaleo's reports through the destination service's destinations.
    ...(destinations
      ? {
          runReports: createRunReports({
            home,
            secrets,
            history,
            resolveDestination: destinations.resolve,
            ...(clock?.now ? { now: clock.now } : {}),
          }),
        }
      : {}),
    ...clock,
    onChange: changes.fire,
    onRunFinished: jobRuns.fire,
    ...(destinations ? { resolveDestination: destinations.resolve } : {}),
  });
  const jobs: AppJobs = {
    service,
    settings: createBackgroundSettings(home, history),
    onChange: changes.add,
    onProgress: progress.add,
    onJobRun: jobRuns.add,
    onRun: listener => history.onAdded(listener),
    onRunUpdated: listener => history.onUpdated(listener),
  };
  return jobs;
}
