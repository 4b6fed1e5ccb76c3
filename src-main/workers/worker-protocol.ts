import type { PlainError } from '../../src-core/errors';

/** Messages from the main thread to a worker. */
export type ToWorker<Request> = { type: 'start'; request: Request } | { type: 'cancel' };

/** Messages from a worker to the main thread. */
export type FromWorker<Progress, Result> =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: Result }
  | { type: 'error'; error: PlainError };
