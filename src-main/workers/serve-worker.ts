import { format } from 'node:util';
import { parentPort, type TransferListItem } from 'node:worker_threads';
import { toPlainError } from '../../src-core/errors';
import type { LogFields, LogLevel, Logger } from '../logging/logger';
import { changeSignal } from '../async/change-signal';
import { onSettingsProblem } from '../settings/settings-file';
import { paceWindow, type FromWorker, type ToWorker } from './worker-protocol';

/** What a worker job can use while it runs. */
export type WorkerJobContext<Progress> = Readonly<{
  /** Sends progress; `transfer` moves its buffers instead of copying them. */
  progress: (progress: Progress, transfer?: TransferListItem[]) => void;
  /**
   * Resolves once the main thread has taken enough of the progress sent that one more message
   * fits in `paceWindow` (at once when cancelled): for progress that carries the data itself.
   */
  paced: () => Promise<void>;
  /** Aborted when the main thread cancels the job. */
  signal: AbortSignal;
  /** Lines for the main log: sent to the main thread, which writes them through its redacting logger. */
  log: Logger;
}>;

/** A Logger whose lines travel to the main thread as messages (as plain JSON: they cross threads). */
function forwardingLogger(
  post: (message: FromWorker<never, never>) => void,
  base: LogFields = {}
): Logger {
  const line = (level: LogLevel) => (message: string, fields?: LogFields) =>
    post({
      type: 'log',
      level,
      message,
      fields: JSON.parse(JSON.stringify({ ...base, ...fields })) as LogFields,
    });
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    child: fields => forwardingLogger(post, { ...base, ...fields }),
    // Messages are delivered in order, before the job's result.
    flush: async () => undefined,
  };
}

/**
 * Sends what libraries write to the console in this thread to the main log instead.
 *
 * A worker's console is the process's stdout and stderr, which the command line keeps for its
 * own output (`--json` on stdout, one sentence on stderr). Libraries do write there: SheetJS says
 * "Missing Info for XLS Record 0x…" for each unknown record of a damaged .xls, which appeared
 * before `courier inspect`'s own sentence.
 */
function quietConsole(log: Logger): void {
  const to = (level: 'debug' | 'warn') => (...args: unknown[]) => log[level](format(...args));
  /* eslint-disable no-console -- replacing the console's methods, not writing to it */
  console.log = to('debug');
  console.info = to('debug');
  console.debug = to('debug');
  console.warn = to('warn');
  console.error = to('warn');
  /* eslint-enable no-console */
}

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
  const post = (message: FromWorker<Progress, Result>, list?: TransferListItem[]) =>
    port.postMessage(message, list as never);
  quietConsole(forwardingLogger(post, { from: 'console' }));
  // A settings file this thread had to keep aside is said where the person looks: the main thread
  // tells it (CLI stderr, app notice), as if it had read the file itself.
  onSettingsProblem(problem =>
    post({
      type: 'settings-problem',
      problem: JSON.parse(JSON.stringify(problem)) as typeof problem,
    })
  );
  // Pacing: progress messages sent, and taken by the main thread.
  let sent = 0;
  let taken = 0;
  const pace = changeSignal();
  controller.signal.addEventListener('abort', pace.changed);
  const paced = () => pace.until(() => sent - taken < paceWindow || controller.signal.aborted);
  port.on('message', (message: ToWorker<Request>) => {
    if (message.type === 'cancel') {
      controller.abort();
      return;
    }
    if (message.type === 'more') {
      taken++;
      pace.changed();
      return;
    }
    if (message.type === 'stop') {
      controller.abort();
      // From a message handler, so never in the middle of a constructor: a safe point to end.
      process.exit(0);
    }
    job(message.request, {
      progress: (progress, transfer) => {
        sent++;
        post({ type: 'progress', progress }, transfer);
      },
      paced,
      signal: controller.signal,
      log: forwardingLogger(post),
    }).then(
      result => post({ type: 'done', result }, transfer?.(result)),
      error => post({ type: 'error', error: toPlainError(error) })
    );
  });
}
