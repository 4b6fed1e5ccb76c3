import { CourierError, toPlainError, type PlainError } from '../../src-core/errors';
import type { SourceRow } from '../../src-core/reading/source-table';
import { runWorker } from '../workers/run-worker';
import { streamCsvBatches, type CsvPlan, type CsvPosition } from './csv-stream';
import type { OpenedSource } from './open-source';
import {
  runReadJob,
  type IndexCsvJob,
  type IndexCsvResult,
  type ReadJob,
  type ReadJobProgress,
  type ReadJobResult,
} from './read-jobs';
import {
  dataPositions,
  workbookBatches,
  type RecordsPosition,
  type WorkbookPlan,
} from './workbook-source';

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
  /** Stops the background read (text files: rows already indexed stay reachable). */
  cancel: () => void;
  /** Stops the read and removes its temporary files. */
  close: () => Promise<void>;
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
 * Text files: the index records a byte offset every `checkpointEvery` records, so
 * `getRows(start, end)` re-reads only a slice of the file: a million rows never sit in memory as
 * JS strings, and windows can be fetched while the read is still running. Workbooks: windows are
 * read from the records file the source's single pass over the sheet writes (with the same kind
 * of offsets); the source's `dispose()` removes it.
 */
export function indexSource(source: OpenedSource, options: IndexOptions = {}): SourceIndex {
  return source.plan.kind === 'csv'
    ? indexText(source, source.plan.csv, options)
    : indexWorkbook(source, source.plan.workbook, options);
}

function checkWindow(start: number, end: number): number {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new CourierError(
      'read.bad-window',
      `Rows ${start}–${end} is not a valid range of rows.`,
      { params: { start, end } }
    );
  }
  return Math.min(end, start + maxWindowRows);
}

/** The last element at or before `start` (positions arrive in file order). */
function lastAtOrBefore<T extends { dataIndex: number }>(
  positions: readonly T[],
  start: number
): T | undefined {
  let found: T | undefined;
  let lo = 0;
  let hi = positions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]!.dataIndex <= start) {
      found = positions[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Collects the rows `start`..`stop` from batches that begin at or before `start`. */
async function collect(
  batches: AsyncIterable<SourceRow[]>,
  start: number,
  stop: number
): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const batch of batches) {
    for (const row of batch) {
      if (row.index >= stop) return rows;
      if (row.index >= start) rows.push(row);
    }
  }
  return rows;
}

/**
 * What an index reports while its pass runs, and how the pass ends: `finished` resolves to the
 * row count (the last progress says done), or its failure is told through `onError`. The same for
 * text files and workbooks.
 */
function indexProgress(source: OpenedSource, options: IndexOptions, rowsRead = 0) {
  let state: IndexProgress = { bytesRead: 0, totalBytes: source.sizeBytes, rowsRead, done: false };
  return {
    current: (): IndexProgress => state,
    reading: (bytesRead: number, rows: number) => {
      state = { bytesRead, totalBytes: source.sizeBytes, rowsRead: rows, done: false };
      options.onProgress?.(state);
    },
    settle: (pass: Promise<number>, after: () => void = () => undefined): Promise<number> => {
      const finished = pass.then(
        rowCount => {
          after();
          state = {
            bytesRead: source.sizeBytes,
            totalBytes: source.sizeBytes,
            rowsRead: rowCount,
            done: true,
            rowCount,
          };
          options.onProgress?.(state);
          return rowCount;
        },
        error => {
          after();
          options.onError?.(toPlainError(error));
          throw error;
        }
      );
      // Told through onError above and to whoever awaits `finished`; this only marks it handled.
      finished.catch(() => undefined);
      return finished;
    },
  };
}

function indexText(source: OpenedSource, plan: CsvPlan, options: IndexOptions): SourceIndex {
  const controller = new AbortController();
  const checkpoints: CsvPosition[] = [];
  const progress = indexProgress(source, options);
  const onProgress = (p: ReadJobProgress) => {
    checkpoints.push(...p.checkpoints);
    progress.reading(p.bytesRead, p.rowsRead);
  };
  const job: IndexCsvJob = {
    job: 'index-csv',
    plan,
    totalBytes: source.sizeBytes,
    checkpointEvery: options.checkpointEvery,
  };
  const run = (
    options.inProcess
      ? runReadJob(job, { progress: onProgress, signal: controller.signal })
      : runWorker<ReadJob, ReadJobProgress, ReadJobResult>('read', job, {
          onProgress,
          signal: controller.signal,
        })
  ) as Promise<IndexCsvResult>;
  const finished = progress.settle(
    run.then(result => {
      checkpoints.length = 0;
      checkpoints.push(...result.checkpoints);
      return result.rowCount;
    })
  );
  return {
    finished,
    progress: progress.current,
    getRows: async (start, end) => {
      const stop = checkWindow(start, end);
      const state = progress.current();
      if (state.done && start >= (state.rowCount ?? 0)) return [];
      if (stop <= source.preview.length) return source.preview.slice(start, stop);
      const from = lastAtOrBefore(checkpoints, start);
      return collect(streamCsvBatches(plan, { from, batchRecords: 250 }), start, stop);
    },
    cancel: () => controller.abort(),
    close: async () => controller.abort(),
  };
}

function indexWorkbook(
  source: OpenedSource,
  plan: WorkbookPlan,
  options: IndexOptions
): SourceIndex {
  const reading = source.workbook;
  if (!reading)
    throw new CourierError('read.not-open', 'This workbook is no longer open. Open it again.');
  const dataRows = (records: number) => Math.max(0, records - plan.headerRecord - 1);
  const progress = indexProgress(source, options, dataRows(reading.rowsRead()));
  const stop = reading.listen((records, fraction) =>
    progress.reading(Math.round(fraction * source.sizeBytes), dataRows(records))
  );
  let positions: RecordsPosition[] = [];
  const finished = progress.settle(
    reading.done.then(result => {
      positions = dataPositions(plan, result.checkpoints);
      return dataRows(result.recordCount);
    }),
    stop
  );
  return {
    finished,
    progress: progress.current,
    getRows: async (start, end) => {
      const stopAt = checkWindow(start, end);
      if (stopAt <= source.preview.length) return source.preview.slice(start, stopAt);
      const rowCount = await finished;
      if (start >= rowCount) return [];
      return collect(workbookBatches(plan, lastAtOrBefore(positions, start)), start, stopAt);
    },
    // The pass belongs to the source (its `dispose` stops it): the index only stops listening.
    cancel: () => stop(),
    close: async () => stop(),
  };
}
