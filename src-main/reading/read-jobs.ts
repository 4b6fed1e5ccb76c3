import { streamCsvBatches, type CsvPlan, type CsvPosition } from './csv-stream';

/** The jobs the reading worker runs. */
export type ReadJob = Readonly<{ job: 'index-csv'; plan: CsvPlan; totalBytes: number; checkpointEvery?: number }>;

/** Progress of a full read; `checkpoints` holds the resume points found since the last report. */
export type ReadJobProgress = Readonly<{
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
  checkpoints: readonly CsvPosition[];
}>;

export type ReadJobResult = Readonly<{ rowCount: number; checkpoints: readonly CsvPosition[] }>;

const REPORT_MS = 100;

/** Runs one reading job (in the worker; callable directly in tests). */
export async function runReadJob(
  request: ReadJob,
  context: { progress: (p: ReadJobProgress) => void; signal: AbortSignal }
): Promise<ReadJobResult> {
  const all: CsvPosition[] = [];
  let unsent: CsvPosition[] = [];
  let lastReport = 0;
  let rowCount = 0;
  let bytes = 0;
  const report = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastReport < REPORT_MS) return;
    lastReport = now;
    context.progress({ bytesRead: bytes, totalBytes: request.totalBytes, rowsRead: rowCount, checkpoints: unsent });
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
