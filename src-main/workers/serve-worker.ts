import { parentPort, type TransferListItem } from 'node:worker_threads';
import { toPlainError } from '../../src-core/errors';
import type { FromWorker, ToWorker } from './worker-protocol';

/** What a worker job can use while it runs. */
export type WorkerJobContext<Progress> = Readonly<{
  progress: (progress: Progress) => void;
  /** Aborted when the main thread cancels the job. */
  signal: AbortSignal;
}>;

/**
 * The worker side of `runWorker`: waits for a `start` message, runs `job`, and reports progress,
 * the result or the error (rebuilt as a PlainError on the other side).
 */
export function serveWorker<Request, Progress, Result>(
  job: (request: Request, context: WorkerJobContext<Progress>) => Promise<Result>,
  transfer?: (result: Result) => TransferListItem[]
): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorker must run inside a worker thread.');
  const controller = new AbortController();
  const post = (message: FromWorker<Progress, Result>, list?: TransferListItem[]) => port.postMessage(message, list as never);
  port.on('message', (message: ToWorker<Request>) => {
    if (message.type === 'cancel') {
      controller.abort();
      return;
    }
    job(message.request, { progress: progress => post({ type: 'progress', progress }), signal: controller.signal }).then(
      result => post({ type: 'done', result }, transfer?.(result)),
      error => post({ type: 'error', error: toPlainError(error) })
    );
  });
}
