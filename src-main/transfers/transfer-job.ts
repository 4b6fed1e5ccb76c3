import type { Transport } from '../../src-core/destinations/transport';
import type { WorkerJobContext } from '../workers/serve-worker';
import type { LoginSecrets } from './secret-reader';
import type { TransferProgress, TransferResult } from './transfer';
import { toTransferFailure, type TransferFailure } from './transfer-errors';
import { resumeQueue, uploadFiles, type OutgoingFile } from './upload-files';

/** What the transfer worker is asked to do (plain data: it crosses to the worker thread). */
export type TransferJob =
  | Readonly<{
      kind: 'upload';
      home: string;
      destinationName: string;
      transport: Transport;
      /** Read from the keychain by the main thread; only ever held in memory. */
      secrets: LoginSecrets;
      files: readonly OutgoingFile[];
      force: boolean;
      /** The destination's names are the same every run: the ledger renames none. */
      sameNameEveryRun?: boolean;
    }>
  | Readonly<{
      kind: 'resume';
      home: string;
      secrets: LoginSecrets;
      ids: readonly string[];
      /**
       * Take over these files from ended runs of this process (a paused upload's stopped worker:
       * the default). The start-up resume says false: a send started since then keeps its files.
       */
      takeOverOwnProcess?: boolean;
    }>;

/** The worker's answer: failures come back as data so trust fingerprints survive the crossing. */
export type TransferJobResult = Readonly<{ ok: true; result: TransferResult }> | Readonly<{ ok: false; failure: TransferFailure }>;

/**
 * Runs one transfer job (in the worker, or in-process in tests). Aborting the signal cancels the
 * upload; the caller decides whether that was a pause (queue kept) or a cancel.
 */
export async function runTransferJob(job: TransferJob, context: WorkerJobContext<TransferProgress>): Promise<TransferJobResult> {
  const options = {
    home: job.home,
    secrets: job.secrets,
    onProgress: context.progress,
    // The worker is terminated on pause: a terminated worker is a crash the queue already survives.
    onTransfer: (transfer: { pause: () => void }) => context.signal.addEventListener('abort', () => transfer.pause(), { once: true }),
    log: context.log,
  };
  try {
    if (job.kind === 'upload') {
      return { ok: true, result: await uploadFiles({ ...options, destinationName: job.destinationName, transport: job.transport, files: job.files, force: job.force, sameNameEveryRun: job.sameNameEveryRun ?? false }) };
    }
    const [outcome] = await resumeQueue({ ...options, only: job.ids, takeOverOwnProcess: job.takeOverOwnProcess ?? true });
    if (!outcome) return { ok: false, failure: { code: 'upload.nothing-queued', message: 'Nothing of this upload is waiting to be sent.' } };
    return outcome.error ? { ok: false, failure: outcome.error } : { ok: true, result: outcome.result! };
  } catch (error) {
    return { ok: false, failure: toTransferFailure(error) };
  }
}
