import { runWorker } from '../workers/run-worker';
import type { Logger } from '../logging/logger';
import type { TransferProgress } from './transfer';
import type { TransferJob, TransferJobResult } from './transfer-job';

/** Runs transfer jobs; the worker thread in the app, replaceable in tests. */
export type TransferRunner = (
  job: TransferJob,
  onProgress: (p: TransferProgress) => void,
  signal: AbortSignal,
  logger?: Logger
) => Promise<TransferJobResult>;

/** The real runner: `transfer.worker.ts` through runWorker (used by the send pipeline's uploads). */
export const workerRunner: TransferRunner = (job, onProgress, signal, logger) =>
  runWorker<TransferJob, TransferProgress, TransferJobResult>('transfer', job, {
    onProgress,
    signal,
    logger,
  });
