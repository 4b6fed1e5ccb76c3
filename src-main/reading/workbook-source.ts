import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CourierError } from '../../src-core/errors';
import { detectHeaderRecord, fitToWidth, tableWidth, uniqueColumnNames } from '../../src-core/reading/detect-header';
import { readError, readLimits } from '../../src-core/reading/read-errors';
import type { DetectedFormat, SourceRow } from '../../src-core/reading/source-table';
import { runWorker, type RunWorkerOptions } from '../workers/run-worker';
import type { ReadJob, ReadJobProgress, ReadJobResult } from './read-jobs';
import { streamRowsFile } from './rows-file';
import type { ConvertWorkbookJob, ConvertWorkbookResult, ProbeWorkbookJob, ProbeWorkbookResult } from './workbook-jobs';
import type { XlsxSheet } from './workbook-sheets';
import type { ZipEntry } from './zip-file';

/** How to read a workbook sheet again: plain data. */
export type WorkbookPlan = Readonly<{
  path: string;
  fileName: string;
  format: 'xlsx' | 'xls';
  sheet: string;
  /** The sheet's part number in an XLSX (`sheet3.xml`); -1 for XLS. */
  fileNo: number;
  headerRow: number;
  width: number;
  /** An XLSX's zip entries (empty for XLS). */
  entries: readonly ZipEntry[];
}>;

/** Workbook parses get this long before they are stopped (a damaged or hostile file). */
const PROBE_TIMEOUT_MS = 60_000;
const CONVERT_TIMEOUT_MS = 15 * 60_000;
const WORKBOOK_MEMORY_MB = 1536;

/** Runs a workbook job in the reading worker with a timeout and memory limits. */
export async function runWorkbookJob<Result extends ReadJobResult>(
  job: ReadJob,
  fileName: string,
  options: Pick<RunWorkerOptions<ReadJobProgress>, 'signal' | 'onProgress'> & { timeoutMs?: number } = {}
): Promise<Result> {
  try {
    return await runWorker<ReadJob, ReadJobProgress, Result>('read', job, {
      ...options,
      timeoutMs: options.timeoutMs ?? (job.job === 'probe-workbook' ? PROBE_TIMEOUT_MS : CONVERT_TIMEOUT_MS),
      timeoutError: () => readError('too-slow', fileName),
      resourceLimits: { maxOldGenerationSizeMb: WORKBOOK_MEMORY_MB, maxYoungGenerationSizeMb: 64 },
    });
  } catch (error) {
    if (error instanceof CourierError && error.code === 'worker.out-of-memory') throw readError('too-large', fileName);
    if (error instanceof CourierError && error.code === 'worker.failed') throw readError('workbook-corrupt', fileName, error.message);
    throw error;
  }
}

export type OpenedWorkbook = Readonly<{
  format: DetectedFormat;
  columns: string[];
  preview: SourceRow[];
  plan: WorkbookPlan;
}>;

/** Lists the sheets, reads the first records of the chosen sheet, finds its header row. */
export async function openWorkbook(
  path: string,
  fileName: string,
  format: 'xlsx' | 'xls',
  sheets: readonly XlsxSheet[],
  entries: readonly ZipEntry[],
  options: Readonly<{ sheet?: string; headerRow?: number; signal?: AbortSignal; workbookTimeoutMs?: number }>
): Promise<OpenedWorkbook> {
  const probe = await runWorkbookJob<ProbeWorkbookResult>(
    { job: 'probe-workbook', path, fileName, format, entries, sheets, sheet: options.sheet, records: 300 } satisfies ProbeWorkbookJob,
    fileName,
    { signal: options.signal, timeoutMs: options.workbookTimeoutMs }
  );
  const records = probe.records;
  let headerIndex: number;
  if (options.headerRow !== undefined) {
    headerIndex = records.findIndex(r => r.line === options.headerRow);
    if (headerIndex < 0) throw readError('header-row-out-of-range', fileName, `“${options.headerRow}”`);
  } else {
    headerIndex = detectHeaderRecord(records);
    if (headerIndex < 0) throw readError('sheet-empty', fileName, `sheet “${probe.sheet}”`);
  }
  const header = records[headerIndex]!;
  const data = records.slice(headerIndex + 1, headerIndex + 1 + readLimits.previewRows);
  const width = Math.max(1, tableWidth(header.cells, data.map(r => r.cells)));
  if (width > readLimits.maxColumns) throw readError('too-many-columns', fileName, width.toLocaleString('en'));
  return {
    format: { format, encoding: null, delimiter: null, sheet: probe.sheet, sheets: probe.sheets, headerRow: header.line },
    columns: uniqueColumnNames(header.cells.slice(0, width), width),
    preview: data.map((r, index) => ({ index, line: r.line, cells: fitToWidth(r.cells, width) })),
    plan: {
      path,
      fileName,
      format,
      sheet: probe.sheet,
      fileNo: sheets.find(s => s.name === probe.sheet)?.fileNo ?? -1,
      headerRow: header.line,
      width,
      entries,
    },
  };
}

/** A sheet's data rows converted to a rows file in a temporary folder (remove it with `dispose`). */
export type ConvertedSheet = ConvertWorkbookResult & Readonly<{ file: string; dispose: () => Promise<void> }>;

/** Converts the whole sheet in the worker, reporting rows read. */
export async function convertSheet(
  plan: WorkbookPlan,
  checkpointEvery: number,
  options: { signal?: AbortSignal; onProgress?: (p: ReadJobProgress) => void } = {}
): Promise<ConvertedSheet> {
  const dir = await mkdtemp(join(tmpdir(), 'courier-sheet-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const file = join(dir, 'rows.jsonl');
  try {
    const job: ConvertWorkbookJob = { job: 'convert-workbook', ...plan, out: file, checkpointEvery };
    const result = await runWorkbookJob<ConvertWorkbookResult>(job, plan.fileName, options);
    return { ...result, file, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** Streams every data row of a sheet (converted by the worker first, then read from disk). */
export async function* readWorkbookRows(
  plan: WorkbookPlan,
  totalBytes: number,
  options: { signal?: AbortSignal; onProgress?: (p: { bytesRead: number; totalBytes: number; rowsRead: number }) => void } = {}
): AsyncGenerator<SourceRow> {
  const onProgress = options.onProgress;
  const converted = await convertSheet(plan, 1_000_000_000, {
    signal: options.signal,
    onProgress: onProgress ? p => onProgress({ bytesRead: 0, totalBytes, rowsRead: p.rowsRead }) : undefined,
  });
  try {
    for await (const batch of streamRowsFile(converted.file, undefined, options.signal)) yield* batch;
    onProgress?.({ bytesRead: totalBytes, totalBytes, rowsRead: converted.rowCount });
  } finally {
    await converted.dispose();
  }
}
