import type { Run } from '../../src-core/history/run';
import type { Job } from '../../src-core/jobs/job';
import { createHistoryStore } from '../history/history-store';
import { SecretStore } from '../secrets/secret-store';
import type { SecretReader } from '../transfers/secret-reader';
import { createBackgroundSettings, type BackgroundSettingsStore } from './background-settings';
import { createJobService, type JobService } from './job-service';
import { createPipelineRunSend } from './pipeline-send';
import { createWorkerUpload } from '../pipeline/worker-upload';
import { createWorkerPreparer } from '../preparation/send-preparation';

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

const byHome = new Map<string, AppJobs>();

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

/**
 * The one job service of the app for a settings folder, sending through the real pipeline with
 * the OS keychain. IPC handlers, the tray and notifications all share it. It is not started here:
 * the Electron entry starts the schedules (`service.start()`), tests and the CLI need not.
 */
export function appJobs(home: string, secrets: SecretReader = new SecretStore()): AppJobs {
  const existing = byHome.get(home);
  if (existing) return existing;
  const changes = hub<[{ paused: boolean; running: string[] }]>();
  const progress = hub<[string, number]>();
  const jobRuns = hub<[Run, Job]>();
  const history = createHistoryStore(home);
  const service = createJobService({
    home,
    history,
    runSend: createPipelineRunSend({ home, secrets, onProgress: progress.fire, receipt: { mode: 'background', timeoutMs: 60 * 60_000 }, upload: createWorkerUpload(), prepare: createWorkerPreparer() }),
    onChange: changes.fire,
    onRunFinished: jobRuns.fire,
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
  byHome.set(home, jobs);
  return jobs;
}
