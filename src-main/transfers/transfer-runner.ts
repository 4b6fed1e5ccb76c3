import { runWorker } from '../workers/run-worker';
import type { TransferProgress } from './transfer';
import type { TransferJob, TransferJobResult } from './transfer-job';

/** Runs transfer jobs; the worker thread in the app, replaceable in tests. */
export type TransferRunner = (
  job: TransferJob,
  onProgress: (p: TransferProgress) => void,
  signal: AbortSignal
) => Promise<TransferJobResult>;

/** The real runner: `transfer.worker.ts` through runWorker (used by the send pipeline's uploads). */
export const workerRunner: TransferRunner = (job, onProgress, signal) =>
  runWorker<TransferJob, TransferProgress, TransferJobResult>('transfer', job, {
    onProgress,
    signal,
  });
