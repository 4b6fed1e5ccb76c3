import type { PlainError } from '../../src-core/errors';
import type { LogFields, LogLevel } from '../logging/logger';

/** Messages from the main thread to a worker. */
export type ToWorker<Request> = { type: 'start'; request: Request } | { type: 'cancel' };

/** Messages from a worker to the main thread. */
export type FromWorker<Progress, Result> =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: Result }
  /** A log line for the main log (written there, through its redacting logger). */
  | { type: 'log'; level: LogLevel; message: string; fields?: LogFields }
  | { type: 'error'; error: PlainError };
