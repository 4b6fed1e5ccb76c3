import { createReadStream } from 'node:fs';
import { CourierError } from '../../src-core/errors';
import type { SourceRow } from '../../src-core/reading/source-table';

/** A place in a rows file: a byte offset where a row starts, and that row's index. */
export type RowsFilePosition = Readonly<{ byteOffset: number; dataIndex: number }>;

/**
 * Streams a JSON-lines rows file (`[line, ...cells]` per line, as the workbook conversion
 * writes it) from a position, in batches. Lines are split on raw bytes, so offsets stay exact.
 */
export async function* streamRowsFile(
  path: string,
  from: RowsFilePosition = { byteOffset: 0, dataIndex: 0 },
  signal?: AbortSignal
): AsyncGenerator<SourceRow[]> {
  let index = from.dataIndex;
  let carry: Buffer | null = null;
  const stream = createReadStream(path, { start: from.byteOffset, highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw new CourierError('cancelled', 'Cancelled.');
      const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      const rows: SourceRow[] = [];
      const last = data.lastIndexOf(10);
      if (last !== -1) {
        // Every whole line of the chunk in one JSON.parse (many small parses cost more): a raw
        // line break only ever ends a line, those inside cells are written escaped.
        const text = data.toString('utf8', 0, last).replace(/\n/g, ',');
        const records = JSON.parse(`[${text}]`) as [number, ...string[]][];
        for (const record of records) {
          const line = record.shift() as number;
          rows.push({ index: index++, line, cells: record as unknown as string[] });
        }
      }
      const start = last + 1;
      carry = start < data.length ? data.subarray(start) : null;
      if (rows.length > 0) yield rows;
    }
  } finally {
    stream.destroy();
  }
}
