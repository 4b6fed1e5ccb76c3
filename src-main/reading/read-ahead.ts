import type { SourceRow } from '../../src-core/reading/source-table';
import { changeSignal } from '../async/change-signal';
import { runWorker } from '../workers/run-worker';
import type { WorkerJobContext } from '../workers/serve-worker';
import { FULL_READ_CHUNK_BYTES, streamCsvBatches, type CsvPlan } from './csv-stream';
import { packedBuffers, packRows, unpackRows, type PackedRows } from './packed-rows';

/** A whole text export to read ahead (in the read-ahead worker). */
export type ReadAheadJob = Readonly<{ plan: CsvPlan; totalBytes: number }>;

/** What the read-ahead worker sends: how far it has read, and (most messages) the next rows. */
export type ReadAheadProgress = Readonly<{
  bytesRead: number;
  rowsRead: number;
  rows?: PackedRows;
}>;

/**
 * From this size on, a full read of a text export asked to read ahead (`RowsOptions.readAhead`)
 * happens in a worker of its own, ahead of the thread that uses the rows: reading and parsing
 * (about 1.1 s for a million rows, packing included) then overlap with preparing the rows (about
 * 1.35 s) instead of adding up. Below it, starting the worker would cost more than it saves.
 */
export const READ_AHEAD_MIN_BYTES = 8 << 20;

/**
 * The rows of a text export, read and parsed by the read-ahead worker while this thread uses the
 * batches already read. The same rows, lines, progress and errors as `streamCsvBatches`, which
 * the worker runs; at most `paceWindow` batches wait here, however slow the consumer.
 */
export async function* readAheadBatches(
  plan: CsvPlan,
  totalBytes: number,
  options: { signal?: AbortSignal; onProgress?: (bytesRead: number, rowsRead: number) => void } = {}
): AsyncGenerator<SourceRow[]> {
  // Stopped by the caller's signal, or by this generator when its consumer stops early.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  // Messages not yet taken, in the order sent: batches with the progress as of their reading.
  const waiting: ReadAheadProgress[] = [];
  let ended = false;
  let failure: unknown = null;
  const arrivals = changeSignal();
  let taken: () => void = () => undefined;
  let lastBytes = -1;
  const report = (p: ReadAheadProgress) => {
    if (p.bytesRead === lastBytes) return;
    lastBytes = p.bytesRead;
    options.onProgress?.(p.bytesRead, p.rowsRead);
  };
  const reading = runWorker<ReadAheadJob, ReadAheadProgress, number>(
    'read-ahead',
    { plan, totalBytes },
    {
      signal,
      // A young generation of 12 MB is plenty for the batches in flight: V8's default (about 32 MB)
      // only adds to the memory of the preparation beside it (a million rows: 187 MB peak, not 197).
      // Not much smaller: at 6 MB and below, the worker spends its time collecting and reads at half speed.
      resourceLimits: { maxYoungGenerationSizeMb: 12 },
      onPace: tell => (taken = tell),
      onProgress: p => {
        waiting.push(p);
        arrivals.changed();
      },
    }
  );
  void reading
    .catch((error: unknown) => (failure = error))
    .finally(() => {
      ended = true;
      arrivals.changed();
    });
  try {
    for (;;) {
      const message = waiting.shift();
      if (message) {
        taken();
        report(message);
        if (message.rows) yield unpackRows(message.rows);
        continue;
      }
      if (ended) {
        if (failure) throw failure;
        return;
      }
      await arrivals.until(() => waiting.length > 0 || ended);
    }
  } finally {
    // A consumer that stops early (a preview, an error of its own) stops the worker too.
    if (!ended) stop.abort();
  }
}

/**
 * The read-ahead worker's job: reads the whole file as `streamCsvBatches` does and sends each batch
 * packed, at the pace the other thread takes them. Resolves with the number of rows.
 */
export async function readAhead(
  job: ReadAheadJob,
  context: WorkerJobContext<ReadAheadProgress>
): Promise<number> {
  let bytesRead = 0;
  let rowsRead = 0;
  for await (const batch of streamCsvBatches(job.plan, {
    signal: context.signal,
    chunkBytes: FULL_READ_CHUNK_BYTES,
    // Batches of 250 rows: each packed batch (about 35,000 characters) stays a small young object.
    batchRecords: 250,
    onProgress: (bytes, rows) => {
      bytesRead = bytes;
      rowsRead = rows;
    },
  })) {
    const rows = packRows(batch);
    await context.paced();
    context.progress({ bytesRead, rowsRead, rows }, packedBuffers(rows));
  }
  // The last figures (the whole file), known only after the last batch.
  context.progress({ bytesRead, rowsRead });
  return rowsRead;
}
