import type { PlainError } from '../../src-core/errors';
import { toPlainError } from '../../src-core/errors';
import type { RunOutcome } from '../../src-core/history/run';
import type { DestinationService } from '../destinations/destination-service';
import type { HistoryStore } from '../history/history-store';
import type { Logger } from '../logging/logger';
import { redact } from '../logging/redact';
import {
  createWorkerUpload,
  resumeQueueInWorker,
  type Upload,
  type UploadControl,
} from '../pipeline/worker-upload';
import type { SecretReader } from '../transfers/secret-reader';
import { workerRunner, type TransferRunner } from '../transfers/transfer-runner';
import { createAppJobs, type AppJobs, type AppJobsDeps } from './app-jobs';
import { changeSignal } from '../async/change-signal';

/** One thing `courier jobs serve` tells its log (journald, a container's output): no personal data. */
export type ServeEvent =
  | Readonly<{ event: 'started'; jobs: number; paused: boolean; next: NextRun | null }>
  | Readonly<{ event: 'resumed'; destination: string; files: number }>
  | Readonly<{ event: 'resume-failed'; destination: string; error: PlainError }>
  | Readonly<{ event: 'run-started'; job: string }>
  | Readonly<{
      event: 'run-finished';
      job: string;
      /** A reports job fetches files: its runs are not said in rows. */
      reports?: boolean;
      outcome: RunOutcome;
      rowsSent: number;
      rowsRead: number;
      error?: PlainError;
      /** Nothing new has come for the job's `warnAfterDays`. */
      warning?: PlainError;
    }>
  | Readonly<{ event: 'stopping'; reason: string }>
  | Readonly<{ event: 'parked'; job: string }>
  | Readonly<{ event: 'stopped'; parked: number }>;

type NextRun = Readonly<{ job: string; at: string }>;

export type JobServerDeps = Readonly<{
  home: string;
  secrets: SecretReader;
  history: HistoryStore;
  destinations: Pick<DestinationService, 'resolve'>;
  logger: Logger;
  onEvent: (event: ServeEvent) => void;
  /** How transfers run (the transfer worker; tests may wrap it). */
  runner?: TransferRunner;
  /** The schedules' clock and timers (a fake clock in tests). */
  clock?: AppJobsDeps['clock'];
}>;

/** The scheduler without the app: started once, stopped once (SIGTERM, a service stop). */
export type JobServer = Readonly<{
  /** Resumes the uploads a previous stop parked, then starts the schedules. */
  start: () => Promise<void>;
  /**
   * Stops the schedules; a run that is uploading is parked in the upload queue (what reached the
   * server stays under its temporary name, the next start continues it), a run still preparing
   * is let finish its preparation and then parked, a run about to finish finishes, and an upload
   * to a destination that allows no rename finishes (parked, it would leave a partial file under
   * its final name). Resolves when nothing runs.
   */
  stop: (reason: string) => Promise<void>;
  jobs: AppJobs;
}>;

type Sending = { control: UploadControl | null; parkable: boolean };

/**
 * The same job service as the tray's (`createAppJobs`: scheduler, catch-up, no overlap, history),
 * run headless for `courier jobs serve`, with what a clean stop needs: every upload and every
 * transfer worker is tracked, so a stop parks uploads in the queue instead of cutting them.
 */
export function createJobServer(deps: JobServerDeps): JobServer {
  const baseRunner = deps.runner ?? workerRunner;
  const sending = new Set<Sending>();
  let busyRunners = 0;
  let stopping = false;
  const stopAll = new AbortController();
  const { changed, until } = changeSignal();

  // Every transfer worker is counted: the process ends only once each has stopped at a safe point.
  const trackedRunner =
    (linkStop: boolean): TransferRunner =>
    (job, onProgress, signal, logger) => {
      const own = new AbortController();
      const abort = () => own.abort();
      signal.addEventListener('abort', abort, { once: true });
      if (signal.aborted) own.abort();
      if (linkStop) {
        stopAll.signal.addEventListener('abort', abort, { once: true });
        if (stopAll.signal.aborted) own.abort();
      }
      busyRunners++;
      return baseRunner(job, onProgress, own.signal, logger).finally(() => {
        busyRunners--;
        signal.removeEventListener('abort', abort);
        stopAll.signal.removeEventListener('abort', abort);
        changed();
      });
    };

  const workerUpload = createWorkerUpload(trackedRunner(false));
  // Pausing (not cancelling) keeps the prepared file and the queue item: the next start resumes.
  const upload: Upload = async request => {
    // A destination that takes files under their final names only (no rename) would keep a
    // partial file under that name if parked: its upload is let finish instead.
    const entry: Sending = {
      control: null,
      parkable: request.transport.uploadThenRename !== false,
    };
    sending.add(entry);
    try {
      return await workerUpload({
        ...request,
        onTransfer: control => {
          entry.control = control;
          if (stopping && entry.parkable) control.pause();
          request.onTransfer?.(control);
          changed();
        },
      });
    } finally {
      sending.delete(entry);
      changed();
    }
  };

  const jobs = createAppJobs({
    home: deps.home,
    secrets: deps.secrets,
    history: deps.history,
    upload,
    destinations: deps.destinations,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const service = jobs.service;
  const names = new Map<string, string>();
  const nameOf = (id: string) => names.get(id) ?? id;
  let running = new Set<string>();
  jobs.onChange(state => {
    for (const id of state.running) {
      if (running.has(id)) continue;
      if (names.has(id)) deps.onEvent({ event: 'run-started', job: nameOf(id) });
      // A job saved since the start (`courier jobs add` while serving): its name is read first.
      else
        void rememberNames()
          .catch(() => undefined)
          .then(() => deps.onEvent({ event: 'run-started', job: nameOf(id) }));
    }
    running = new Set(state.running);
    changed();
  });
  jobs.onJobRun((run, job) => {
    deps.onEvent({
      event: 'run-finished',
      job: job.name,
      ...(job.source.kind === 'reports' ? { reports: true } : {}),
      outcome: run.outcome,
      rowsSent: run.rows.sent,
      rowsRead: run.rows.read,
      ...(run.error ? { error: { code: run.error.code, message: redact(run.error.message) } } : {}),
      ...(run.warning
        ? { warning: { code: run.warning.code, message: redact(run.warning.message) } }
        : {}),
    });
  });

  const rememberNames = async () => {
    for (const job of await service.store.listJobs()) names.set(job.id, job.name);
  };

  let starting: Promise<void> | null = null;
  const start = async () => {
    await rememberNames();
    // Uploads parked by the last stop (or cut by a crash) continue first, from what the server has.
    const outcomes = await resumeQueueInWorker(deps.home, deps.secrets, {
      runner: trackedRunner(true),
      logger: deps.logger,
    }).catch(error => [{ destination: '?', error: toPlainError(error) }]);
    for (const outcome of outcomes) {
      if (outcome.error && !stopping)
        deps.onEvent({
          event: 'resume-failed',
          destination: outcome.destination,
          error: { code: outcome.error.code, message: redact(outcome.error.message) },
        });
      else if ('result' in outcome && outcome.result && outcome.result.files.length > 0)
        deps.onEvent({
          event: 'resumed',
          destination: outcome.destination,
          files: outcome.result.files.length,
        });
    }
    if (stopping) return;
    await service.start();
    await rememberNames();
    const overview = await service.overview();
    const next = service.upcoming()[0];
    deps.onEvent({
      event: 'started',
      jobs: overview.jobs.length,
      paused: overview.paused,
      next: next ? { job: next.jobName, at: next.at.toISOString() } : null,
    });
  };

  return {
    jobs,
    start: () => (starting ??= start()),
    stop: async reason => {
      if (stopping) return;
      stopping = true;
      deps.onEvent({ event: 'stopping', reason });
      // The start-up resume stops at a safe point; a start under way ends before the schedules stop.
      stopAll.abort();
      await starting?.catch(() => undefined);
      service.stop();
      for (const entry of sending) if (entry.parkable) entry.control?.pause();
      const parkedCount = () => [...sending].filter(e => e.control?.paused).length;
      // Done when no worker runs and every job still running has its upload parked.
      await until(
        () => busyRunners === 0 && service.scheduler.runningJobs().length <= parkedCount()
      );
      for (const id of service.scheduler.runningJobs())
        deps.onEvent({ event: 'parked', job: nameOf(id) });
      await service.flush();
      deps.onEvent({ event: 'stopped', parked: service.scheduler.runningJobs().length });
    },
  };
}
