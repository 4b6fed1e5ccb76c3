import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CourierError } from '../../src-core/errors';
import {
  detectHeaderRecord,
  fitToWidth,
  tableWidth,
  uniqueColumnNames,
} from '../../src-core/reading/detect-header';
import { readError, readLimits } from '../../src-core/reading/read-errors';
import type { DetectedFormat, SourceRow } from '../../src-core/reading/source-table';
import { runWorker, type RunWorkerOptions } from '../workers/run-worker';
import type { ReadJob, ReadJobProgress, ReadJobResult } from './read-jobs';
import { streamRowsFile } from './rows-file';
import type {
  ReadWorkbookJob,
  ReadWorkbookResult,
  RecordsCheckpoint,
  WorkbookPreview,
} from './workbook-jobs';
import type { XlsxSheet } from './workbook-sheets';
import type { ZipEntry } from './zip-file';

/** How the rows of a workbook sheet are read back: from the records file the worker writes. */
export type WorkbookPlan = Readonly<{
  path: string;
  fileName: string;
  format: 'xlsx' | 'xls';
  sheet: string;
  headerRow: number;
  /** Index of the header among the sheet's non-blank records (those before it are not data). */
  headerRecord: number;
  width: number;
  /** The JSON-lines file of the sheet's records (`[line, ...cells]`). */
  recordsFile: string;
}>;

/** The one pass over a workbook sheet, still running or done; its records file is removed by `dispose`. */
export type WorkbookReading = Readonly<{
  done: Promise<ReadWorkbookResult>;
  rowsRead: () => number;
  /** Calls `listener` with the records read so far and how far through the sheet (0–1); returns an unsubscribe function. */
  listen: (listener: (recordsRead: number, fraction: number) => void) => () => void;
  dispose: () => Promise<void>;
}>;

/** A resume point in the records file, with the data row it starts. */
export type RecordsPosition = RecordsCheckpoint & Readonly<{ dataIndex: number }>;

const PREVIEW_TIMEOUT_MS = 60_000;
const READ_TIMEOUT_MS = 30 * 60_000;
const WORKBOOK_MEMORY_MB = 1536;

// Records files left behind by a source nobody disposed go when the process exits.
const liveFolders = new Set<string>();
let exitHookInstalled = false;
function track(folder: string): void {
  liveFolders.add(folder);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const f of liveFolders) rmSync(f, { recursive: true, force: true });
  });
}

/** Runs a workbook job in the reading worker with a timeout and memory limits. */
export async function runWorkbookJob<Result extends ReadJobResult>(
  job: ReadJob,
  fileName: string,
  options: Pick<RunWorkerOptions<ReadJobProgress>, 'signal' | 'onProgress'> & {
    timeoutMs?: number;
  } = {}
): Promise<Result> {
  try {
    return await runWorker<ReadJob, ReadJobProgress, Result>('read', job, {
      ...options,
      timeoutMs: options.timeoutMs ?? READ_TIMEOUT_MS,
      timeoutError: () => readError('too-slow', fileName),
      resourceLimits: { maxOldGenerationSizeMb: WORKBOOK_MEMORY_MB, maxYoungGenerationSizeMb: 64 },
    });
  } catch (error) {
    if (error instanceof CourierError && error.code === 'worker.out-of-memory')
      throw readError('too-large', fileName);
    if (error instanceof CourierError && error.code === 'worker.failed')
      throw readError('workbook-corrupt', fileName, error.message);
    throw error;
  }
}

export type OpenedWorkbook = Readonly<{
  format: DetectedFormat;
  columns: string[];
  preview: SourceRow[];
  plan: WorkbookPlan;
  reading: WorkbookReading;
}>;

/**
 * Starts the single pass over the sheet in the worker and answers as soon as its first records
 * are in: the sheet chosen, the header row found, the preview. The pass goes on in the
 * background; `rows()` and the row index read its records file.
 */
export async function openWorkbook(
  path: string,
  fileName: string,
  format: 'xlsx' | 'xls',
  sheets: readonly XlsxSheet[],
  entries: readonly ZipEntry[],
  options: Readonly<{
    sheet?: string;
    headerRow?: number;
    signal?: AbortSignal;
    workbookTimeoutMs?: number;
  }>
): Promise<OpenedWorkbook> {
  const folder = await mkdtemp(join(tmpdir(), 'courier-sheet-'));
  track(folder);
  const recordsFile = join(folder, 'records.jsonl');
  const controller = new AbortController();
  const listeners = new Set<(recordsRead: number, fraction: number) => void>();
  let recordsRead = 0;
  let previewArrived: (preview: WorkbookPreview) => void = () => undefined;
  let previewFailed: (error: unknown) => void = () => undefined;
  const previewReady = new Promise<WorkbookPreview>((resolve, reject) => {
    previewArrived = resolve;
    previewFailed = reject;
  });
  const job: ReadWorkbookJob = {
    job: 'read-workbook',
    path,
    fileName,
    format,
    entries,
    sheets,
    sheet: options.sheet,
    previewRecords: 300,
    out: recordsFile,
    checkpointEvery: 1000,
  };
  const done = runWorkbookJob<ReadWorkbookResult>(job, fileName, {
    signal: controller.signal,
    onProgress: p => {
      recordsRead = p.rowsRead;
      if (p.preview) previewArrived(p.preview);
      const fraction = p.totalBytes > 0 ? p.bytesRead / p.totalBytes : 0;
      for (const listener of listeners) listener(recordsRead, fraction);
    },
  });
  done.catch(previewFailed);
  const dispose = async () => {
    controller.abort();
    liveFolders.delete(folder);
    await rm(folder, { recursive: true, force: true });
  };
  const reading: WorkbookReading = {
    done,
    rowsRead: () => recordsRead,
    listen: listener => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose,
  };
  const onAbort = () => previewFailed(new CourierError('cancelled', 'Cancelled.'));
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(
    () => previewFailed(readError('too-slow', fileName)),
    options.workbookTimeoutMs ?? PREVIEW_TIMEOUT_MS
  );
  let first: WorkbookPreview;
  try {
    first = await previewReady;
  } catch (error) {
    await dispose();
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
  // Nobody may wait for the end of the pass (a preview only): its failure is reported to readers.
  done.catch(() => undefined);

  const records = first.records;
  let headerIndex: number;
  if (options.headerRow !== undefined) {
    headerIndex = records.findIndex(r => r.line === options.headerRow);
    if (headerIndex < 0) {
      await dispose();
      throw readError('header-row-out-of-range', fileName, `“${options.headerRow}”`);
    }
  } else {
    headerIndex = detectHeaderRecord(records);
  }
  const header = records[headerIndex]!;
  const data = records.slice(headerIndex + 1, headerIndex + 1 + readLimits.previewRows);
  const width = Math.max(
    1,
    tableWidth(
      header.cells,
      data.map(r => r.cells)
    )
  );
  if (width > readLimits.maxColumns) {
    await dispose();
    throw readError('too-many-columns', fileName, width.toLocaleString('en'));
  }
  return {
    format: {
      format,
      encoding: null,
      delimiter: null,
      sheet: first.sheet,
      sheets: first.sheets,
      headerRow: header.line,
    },
    columns: uniqueColumnNames(header.cells.slice(0, width), width),
    preview: data.map((r, index) => ({ index, line: r.line, cells: fitToWidth(r.cells, width) })),
    plan: {
      path,
      fileName,
      format,
      sheet: first.sheet,
      headerRow: header.line,
      headerRecord: headerIndex,
      width,
      recordsFile,
    },
    reading,
  };
}

/** The resume points of the records file, as data rows. */
export function dataPositions(
  plan: WorkbookPlan,
  checkpoints: readonly RecordsCheckpoint[]
): RecordsPosition[] {
  return checkpoints
    .filter(c => c.record > plan.headerRecord)
    .map(c => ({ ...c, dataIndex: c.record - plan.headerRecord - 1 }));
}

/** Streams the sheet's data rows from the records file (from a resume point), in batches. */
export async function* workbookBatches(
  plan: WorkbookPlan,
  from?: RecordsPosition,
  signal?: AbortSignal
): AsyncGenerator<SourceRow[]> {
  const start = from ? { byteOffset: from.byteOffset, dataIndex: from.record } : undefined;
  for await (const batch of streamRowsFile(plan.recordsFile, start, signal)) {
    const rows: SourceRow[] = [];
    for (const record of batch) {
      if (record.index <= plan.headerRecord) continue;
      rows.push({
        index: record.index - plan.headerRecord - 1,
        line: record.line,
        cells: fitToWidth(record.cells, plan.width),
      });
    }
    if (rows.length > 0) yield rows;
  }
}

/** Every data row of the sheet, once the pass over it is done (progress meanwhile). */
export async function* readWorkbookRows(
  plan: WorkbookPlan,
  reading: WorkbookReading,
  totalBytes: number,
  options: {
    signal?: AbortSignal;
    onProgress?: (p: { bytesRead: number; totalBytes: number; rowsRead: number }) => void;
  } = {}
): AsyncGenerator<SourceRow[]> {
  const onProgress = options.onProgress;
  const dataRows = (records: number) => Math.max(0, records - plan.headerRecord - 1);
  const stop = onProgress
    ? reading.listen((n, fraction) =>
        onProgress({
          bytesRead: Math.round(fraction * totalBytes),
          totalBytes,
          rowsRead: dataRows(n),
        })
      )
    : undefined;
  try {
    await reading.done;
  } finally {
    stop?.();
  }
  yield* workbookBatches(plan, undefined, options.signal);
  onProgress?.({ bytesRead: totalBytes, totalBytes, rowsRead: dataRows(reading.rowsRead()) });
}
