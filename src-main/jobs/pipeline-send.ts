import { runPipeline, type PipelineDeps, type SendProgress } from '../pipeline/run-pipeline';
import type { SecretReader } from '../transfers/secret-reader';
import type { JobRunRequest, RunSend } from './job-runner';
import type { Language } from '../../src-core/words/i18n';

export type PipelineSendDeps = Readonly<{
  home: string;
  secrets: SecretReader;
  /**
   * Follow the platform's receipt after a send: the app records it in the background (a rejected
   * one notifies); the CLI does not wait (cron must not hang on it).
   */
  receipt?: PipelineDeps['receipt'];
  /** How files are uploaded (the app: in the transfer worker). */
  upload?: PipelineDeps['upload'];
  /** How files are prepared (default: in the preparation worker). */
  prepare?: PipelineDeps['prepare'];
  /** The jobs' clock: a run's time in History is the schedule's time (a fake clock in tests). */
  now?: () => Date;
  /** Progress of the job's send (the tray shows it in its tooltip). */
  onProgress?: (jobId: string, fraction: number) => void;
  /** The language of the rows left out, kept for History (default English). */
  language?: Language;
}>;

/** How far along a send is, from 0 to 1: reading counts for the first fifth, the upload for the rest. */
export function sendFraction(progress: SendProgress): number {
  if (progress.phase === 'reading') {
    const { bytesRead, totalBytes } = progress.read;
    return totalBytes > 0 ? 0.2 * Math.min(1, bytesRead / totalBytes) : 0;
  }
  const { bytes, totalBytes } = progress.transfer;
  return 0.2 + (totalBytes > 0 ? 0.8 * Math.min(1, bytes / totalBytes) : 0);
}

/**
 * A job's send through the one pipeline (`runPipeline`): the same code as the Send button and
 * `courier send`. The job's policies become the pipeline's options.
 */
export function createPipelineRunSend(deps: PipelineSendDeps): RunSend {
  return async (request: JobRunRequest) => {
    const result = await runPipeline(
      {
        path: request.path,
        ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
        ...(request.headerRow !== undefined ? { headerRow: request.headerRow } : {}),
        destination: request.destination,
        ...(request.mapping ? { mapping: request.mapping } : {}),
        fixes: request.fixes,
        excludeInvalid: request.excludeInvalid,
        holdOnHeaderChange: request.headerChange === 'hold',
        expectedHeaders: request.expectedHeaders,
        trigger: request.trigger,
        job: request.job,
        ...(request.expectedSource ? { expectedSource: request.expectedSource } : {}),
        ...(request.quietWarning ? { quietWarning: request.quietWarning } : {}),
        // A job waits for every recording its rows name (nobody is there to send them later).
        ...(request.recordingsFolder
          ? { recordingsFolder: request.recordingsFolder, waitForRecordings: true }
          : {}),
        ...(request.related ? { related: request.related } : {}),
        ...(deps.language ? { language: deps.language } : {}),
      },
      {
        home: deps.home,
        secrets: deps.secrets,
        keepPreparedCopies: request.keepCopies,
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.receipt ? { receipt: deps.receipt } : {}),
        ...(deps.upload ? { upload: deps.upload } : {}),
        ...(deps.prepare ? { prepare: deps.prepare } : {}),
        ...(deps.onProgress
          ? { onProgress: (p: SendProgress) => deps.onProgress!(request.job.id, sendFraction(p)) }
          : {}),
      }
    );
    return result.run;
  };
}
