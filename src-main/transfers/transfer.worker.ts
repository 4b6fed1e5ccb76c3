import { serveWorker } from '../workers/serve-worker';
import { runTransferJob, type TransferJob, type TransferJobResult } from './transfer-job';
import type { TransferProgress } from './transfer';

// The transfer worker: uploads (and queue resumes) run here, off the main thread.
serveWorker<TransferJob, TransferProgress, TransferJobResult>(runTransferJob);
