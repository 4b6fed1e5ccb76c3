import { CourierError, toPlainError, type PlainError } from '../../src-core/errors';
import type { SourceRow } from '../../src-core/reading/source-table';
import { runWorker } from '../workers/run-worker';
import { streamCsvBatches, type CsvPosition } from './csv-stream';
import type { OpenedSource } from './open-source';
import { runReadJob, type ReadJob, type ReadJobProgress, type ReadJobResult } from './read-jobs';

/** Where a background read stands. */
export type IndexProgress = Readonly<{
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
  done: boolean;
  /** Known once the read is done. */
  rowCount?: number;
}>;

/** A source being read in full in the background, whose rows can be fetched by window. */
export type SourceIndex = Readonly<{
  /** Resolves with the number of data rows when the full read ends; rejects with its error. */
  finished: Promise<number>;
  progress: () => IndexProgress;
  /** The data rows `start` (inclusive) to `end` (exclusive), re-read from disk. */
  getRows: (start: number, end: number) => Promise<SourceRow[]>;
  /** Stops the background read (rows already indexed stay reachable). */
  cancel: () => void;
}>;

export type IndexOptions = Readonly<{
  onProgress?: (progress: IndexProgress) => void;
  onError?: (error: PlainError) => void;
  /** Run the full read on this thread (the CLI and tests); the app uses a worker. */
  inProcess?: boolean;
  /** Records between resume points; smaller means faster windows, more memory. */
  checkpointEvery?: number;
}>;

/** Most rows one window may hold (the grid asks for a screenful). */
export const maxWindowRows = 5000;

/**
 * Starts reading a source in full in the background and keeps a small row index.
 *
 * The index records a byte offset every `checkpointEvery` records, so `getRows(start, end)`
 * re-reads only a slice of the file: a million rows never sit in memory as JS strings. Windows
 * can be fetched while the read is still running.
 */
export function indexSource(source: OpenedSource, options: IndexOptions = {}): SourceIndex {
  const controller = new AbortController();
  const plan = source.plan.csv;
  const checkpoints: CsvPosition[] = [];
  let state: IndexProgress = { bytesRead: 0, totalBytes: source.sizeBytes, rowsRead: 0, done: false };
  const onProgress = (p: ReadJobProgress) => {
    checkpoints.push(...p.checkpoints);
    state = { bytesRead: p.bytesRead, totalBytes: p.totalBytes, rowsRead: p.rowsRead, done: false };
    options.onProgress?.(state);
  };
  const job: ReadJob = { job: 'index-csv', plan, totalBytes: source.sizeBytes, checkpointEvery: options.checkpointEvery };
  const run: Promise<ReadJobResult> = options.inProcess
    ? runReadJob(job, { progress: onProgress, signal: controller.signal })
    : runWorker<ReadJob, ReadJobProgress, ReadJobResult>('read', job, { onProgress, signal: controller.signal });
  const finished = run.then(
    result => {
      checkpoints.length = 0;
      checkpoints.push(...result.checkpoints);
      state = { bytesRead: source.sizeBytes, totalBytes: source.sizeBytes, rowsRead: result.rowCount, done: true, rowCount: result.rowCount };
      options.onProgress?.(state);
      return result.rowCount;
    },
    error => {
      options.onError?.(toPlainError(error));
      throw error;
    }
  );
  // Nobody may be awaiting `finished` (the UI listens to events instead): do not crash on it.
  finished.catch(() => undefined);

  const getRows = async (start: number, end: number): Promise<SourceRow[]> => {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
      throw new CourierError('read.bad-window', `Rows ${start}–${end} is not a valid range of rows.`);
    }
    const stop = Math.min(end, start + maxWindowRows);
    if (state.done && start >= (state.rowCount ?? 0)) return [];
    if (stop <= source.preview.length) return source.preview.slice(start, stop);
    let from: CsvPosition | undefined;
    // The last resume point at or before `start` (checkpoints arrive in file order).
    let lo = 0;
    let hi = checkpoints.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (checkpoints[mid]!.dataIndex <= start) {
        from = checkpoints[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const rows: SourceRow[] = [];
    for await (const batch of streamCsvBatches(plan, { from, batchRecords: 250 })) {
      for (const row of batch) {
        if (row.index >= stop) return rows;
        if (row.index >= start) rows.push(row);
      }
      if (batch[batch.length - 1]!.index >= stop - 1) return rows;
    }
    return rows;
  };

  return {
    finished,
    progress: () => state,
    getRows,
    cancel: () => controller.abort(),
  };
}
