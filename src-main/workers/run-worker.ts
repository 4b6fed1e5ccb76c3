import { Worker, type ResourceLimits } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { CourierError } from '../../src-core/errors';
import { receivedErrorCode } from '../../src-core/error-codes';
import type { Logger } from '../logging/logger';
import { tellSettingsProblem } from '../settings/settings-file';
import type { FromWorker, ToWorker } from './worker-protocol';

/**
 * The worker entry points, by name: `name` ↦ the `<name>.worker.ts` source file, relative to this
 * module. The source file runs when running from source (tests, CLI under tsx); the built app
 * runs `out/main/<name>.worker.js` (electron.vite.config.ts builds every `*.worker.ts`).
 */
export const workerEntries = {
  read: '../reading/read.worker.ts',
  'read-ahead': '../reading/read-ahead.worker.ts',
  prepare: '../preparation/prepare.worker.ts',
  transfer: '../transfers/transfer.worker.ts',
} as const satisfies Record<string, string>;

export type WorkerName = keyof typeof workerEntries;

const fromSource = import.meta.url.endsWith('.ts');

function workerUrl(name: WorkerName | URL): URL {
  if (name instanceof URL) return name;
  const entries: Record<string, string> = workerEntries;
  return fromSource
    ? new URL(entries[name]!, import.meta.url)
    : new URL(`./${name}.worker.js`, import.meta.url);
}

export type RunWorkerOptions<Progress> = Readonly<{
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** The job fails with `timeoutError` after this long, and the worker is stopped. */
  timeoutMs?: number;
  timeoutError?: () => Error;
  resourceLimits?: ResourceLimits;
  /** Where the worker's log lines go (the main log); dropped without one. */
  logger?: Logger;
  /**
   * Given, once the worker runs, what tells a paced job (see `WorkerJobContext.paced`) that one
   * more progress message has been taken: for progress that carries data consumed at its own pace.
   */
  onPace?: (taken: () => void) => void;
}>;

/** How long a worker asked to stop may take before it is terminated from outside. */
const stopGraceMs = 2000;

/**
 * Ends a worker whose job is over: it is asked to exit by itself (a safe point, see `ToWorker`'s
 * `stop`), and terminated only if it has not exited after `stopGraceMs` (a thread stuck in a loop
 * cannot read its messages).
 */
function stopWorker(worker: Worker): void {
  worker.postMessage({ type: 'stop' } satisfies ToWorker<never>);
  const fallback = setTimeout(() => void worker.terminate(), stopGraceMs);
  fallback.unref();
  worker.once('exit', () => clearTimeout(fallback));
}

/** A fresh worker thread running `name` (through tsx's loader when running from source). */
function startWorker(name: WorkerName | URL, resourceLimits?: ResourceLimits): Worker {
  const url = workerUrl(name);
  return url.pathname.endsWith('.ts')
    ? new Worker(new URL('./worker-boot.mjs', import.meta.url), {
        workerData: { __courierEntry: url.href },
        resourceLimits,
      })
    : new Worker(fileURLToPath(url), { resourceLimits });
}

/**
 * Runs one job in a fresh worker thread and resolves with its result.
 *
 * Progress is forwarded; aborting the signal cancels the job at once and asks the worker to exit;
 * a timeout or a worker that dies (out of memory, crash) rejects with a plain-language error.
 */
export function runWorker<Request, Progress, Result>(
  /** A registered worker, or (tests) the URL of a worker module. */
  name: WorkerName | URL,
  request: Request,
  options: RunWorkerOptions<Progress> = {}
): Promise<Result> {
  return new Promise<Result>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new CourierError('cancelled', 'Cancelled.'));
      return;
    }
    const worker = startWorker(name, options.resourceLimits);
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      action();
      stopWorker(worker);
    };
    const timer = options.timeoutMs
      ? setTimeout(
          () =>
            finish(() =>
              reject(
                options.timeoutError?.() ??
                  new CourierError('worker.timeout', 'This took too long and was stopped.')
              )
            ),
          options.timeoutMs
        )
      : undefined;
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' } satisfies ToWorker<Request>);
      finish(() => reject(new CourierError('cancelled', 'Cancelled.')));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: FromWorker<Progress, Result>) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'log')
        options.logger?.[message.level](message.message, message.fields);
      else if (message.type === 'settings-problem') tellSettingsProblem(message.problem);
      else if (message.type === 'done') finish(() => resolve(message.result));
      else
        finish(() =>
          reject(
            new CourierError(receivedErrorCode(message.error.code), message.error.message, {
              params: message.error.params,
            })
          )
        );
    });
    worker.on('error', error => {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(() =>
        reject(
          outOfMemory
            ? new CourierError(
                'worker.out-of-memory',
                'This file needs more memory than Courier allows for reading it.'
              )
            : new CourierError('worker.failed', `A background task failed: ${error.message}`)
        )
      );
    });
    worker.on('exit', code =>
      finish(() =>
        reject(
          new CourierError(
            'worker.failed',
            `A background task stopped unexpectedly (exit ${code}).`
          )
        )
      )
    );
    options.onPace?.(() => {
      if (!settled) worker.postMessage({ type: 'more' } satisfies ToWorker<Request>);
    });
    worker.postMessage({ type: 'start', request } satisfies ToWorker<Request>);
  });
}
