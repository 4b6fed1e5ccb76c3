import type { Handler } from '../ipc/ipc-router';
import type { ServiceContext } from '../services/main-handlers';
import { runWorker } from '../workers/run-worker';
import { testDestination } from './destination-test';
import type { SecretReader } from './secret-reader';
import type { TransferProgress } from './transfer';
import type { TransferJob, TransferJobResult } from './transfer-job';
import type { Logger } from '../logging/logger';

type TransferHandlers = {
  'destinations:test': Handler<'destinations:test'>;
};

/** Runs transfer jobs; the worker thread in the app, replaceable in tests. */
export type TransferRunner = (job: TransferJob, onProgress: (p: TransferProgress) => void, signal: AbortSignal, logger?: Logger) => Promise<TransferJobResult>;

/** The real runner: `transfer.worker.ts` through runWorker (used by the send pipeline's uploads). */
export const workerRunner: TransferRunner = (job, onProgress, signal, logger) => runWorker<TransferJob, TransferProgress, TransferJobResult>('transfer', job, { onProgress, signal, logger });

/**
 * The IPC handler of the step-by-step connection test; each step is also sent as a
 * `destinations:test-step` event as it completes. Uploads go through the send pipeline
 * (src-main/pipeline/send-handlers.ts), which runs them in the transfer worker.
 */
export function createTransferHandlers(context: ServiceContext, secrets: SecretReader): TransferHandlers {
  return {
    'destinations:test': async ({ name }) => {
      const result = await testDestination(context.home, name, secrets, step => context.emit('destinations:test-step', { name, step }));
      return { ok: result.ok, steps: [...result.steps], ...(result.tlsMaxVersion ? { tlsMaxVersion: result.tlsMaxVersion } : {}) };
    },
  };
}
