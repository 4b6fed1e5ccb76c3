import { streamCsvBatches, type CsvPlan, type CsvPosition } from './csv-stream';
import {
  readWorkbook,
  type ReadWorkbookJob,
  type ReadWorkbookResult,
  type WorkbookPreview,
} from './workbook-jobs';

/** Reads a whole text export, counting rows and recording resume points. */
export type IndexCsvJob = Readonly<{
  job: 'index-csv';
  plan: CsvPlan;
  totalBytes: number;
  checkpointEvery?: number;
}>;
export type IndexCsvResult = Readonly<{ rowCount: number; checkpoints: readonly CsvPosition[] }>;

/** The jobs the reading worker runs. */
export type ReadJob = IndexCsvJob | ReadWorkbookJob;
export type ReadJobResult = IndexCsvResult | ReadWorkbookResult;

/** Progress of a job; `checkpoints` holds the CSV resume points found since the last report. */
export type ReadJobProgress = Readonly<{
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
  checkpoints: readonly CsvPosition[];
  /** Workbooks: the first records of the sheet read, sent once, as soon as they are known. */
  preview?: WorkbookPreview;
}>;

type Context = { progress: (p: ReadJobProgress) => void; signal: AbortSignal };

const REPORT_MS = 100;

/** Runs one reading job (in the worker; callable directly on this thread for text files). */
export async function runReadJob(request: ReadJob, context: Context): Promise<ReadJobResult> {
  switch (request.job) {
    case 'index-csv':
      return indexCsv(request, context);
    case 'read-workbook':
      return readWorkbook(request, {
        signal: context.signal,
        // Bytes as thousandths of the sheet: the caller scales them to the file's size.
        progress: p =>
          context.progress({
            bytesRead: Math.round(p.fraction * 1000),
            totalBytes: 1000,
            rowsRead: p.rowsRead,
            checkpoints: [],
            preview: p.preview,
          }),
      });
  }
}

async function indexCsv(request: IndexCsvJob, context: Context): Promise<IndexCsvResult> {
  const all: CsvPosition[] = [];
  let unsent: CsvPosition[] = [];
  let lastReport = 0;
  let rowCount = 0;
  let bytes = 0;
  const report = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastReport < REPORT_MS) return;
    lastReport = now;
    context.progress({
      bytesRead: bytes,
      totalBytes: request.totalBytes,
      rowsRead: rowCount,
      checkpoints: unsent,
    });
    unsent = [];
  };
  for await (const batch of streamCsvBatches(request.plan, {
    signal: context.signal,
    batchRecords: request.checkpointEvery ?? 1000,
    onCheckpoint: position => {
      all.push(position);
      unsent.push(position);
    },
    onProgress: (bytesRead, rowsRead) => {
      bytes = bytesRead;
      rowCount = rowsRead;
      report(false);
    },
  })) {
    rowCount = batch[batch.length - 1]!.index + 1;
  }
  report(true);
  return { rowCount, checkpoints: all };
}
