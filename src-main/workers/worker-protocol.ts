import type { PlainError } from '../../src-core/errors';
import type { LogFields, LogLevel } from '../logging/logger';
import type { SettingsProblem } from '../settings/settings-file';

/** Messages from the main thread to a worker. */
export type ToWorker<Request> =
  | { type: 'start'; request: Request }
  | { type: 'cancel' }
  /** The main thread has taken one progress message: a paced job may send one more (see `paceWindow`). */
  | { type: 'more' }
  /**
   * The job is over (done, failed, cancelled or timed out): the worker exits by itself, from its
   * message handler. Terminating a thread from outside can stop it inside a library's constructor
   * (Node aborts the whole process when a zlib stream was cut between its creation and its
   * initialisation: "close before init"), so `terminate()` is only the fallback for a thread that
   * does not answer.
   */
  | { type: 'stop' };

/** Messages from a worker to the main thread. */
export type FromWorker<Progress, Result> =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: Result }
  /** A log line for the main log (written there, through its redacting logger). */
  | { type: 'log'; level: LogLevel; message: string; fields?: LogFields }
  /** A settings file the worker could not read (kept aside): told by the main thread (CLI stderr, app notice). */
  | { type: 'settings-problem'; problem: SettingsProblem }
  | { type: 'error'; error: PlainError };

/**
 * How many progress messages a paced job (one whose progress carries the data itself, such as
 * rows read ahead) may have sent that the main thread has not yet taken: enough to keep both
 * threads busy, few enough that a slow consumer keeps the memory bounded.
 */
export const paceWindow = 4;
