import type { SourceRow } from '../../src-core/reading/source-table';

/**
 * A batch of rows in a form that crosses threads cheaply: every cell's text in one string, and
 * numbers in two typed arrays that are moved, not copied. Sending the rows as they are would copy
 * each of their millions of small strings one by one on both sides, which costs more than reading
 * them did.
 */
export type PackedRows = Readonly<{
  /** Every cell of every row, one after the other. */
  text: string;
  /** Where each cell ends in `text` (the next one starts there). */
  ends: Int32Array;
  /** Per row: its index, its line and its number of cells. */
  rows: Int32Array;
}>;

/** Packs a batch of rows (`unpackRows` gives them back, equal). */
export function packRows(batch: readonly SourceRow[]): PackedRows {
  let cellCount = 0;
  for (let r = 0; r < batch.length; r++) cellCount += batch[r]!.cells.length;
  const ends = new Int32Array(cellCount);
  const rows = new Int32Array(batch.length * 3);
  let text = '';
  let k = 0;
  for (let r = 0; r < batch.length; r++) {
    const { index, line, cells } = batch[r]!;
    rows[r * 3] = index;
    rows[r * 3 + 1] = line;
    rows[r * 3 + 2] = cells.length;
    for (let c = 0; c < cells.length; c++) {
      text += cells[c]!;
      ends[k++] = text.length;
    }
  }
  return { text, ends, rows };
}

/** The rows `packRows` was given. */
export function unpackRows({ text, ends, rows }: PackedRows): SourceRow[] {
  const batch = new Array<SourceRow>(rows.length / 3);
  let k = 0;
  let at = 0;
  for (let r = 0; r < batch.length; r++) {
    const count = rows[r * 3 + 2]!;
    const cells = new Array<string>(count);
    for (let c = 0; c < count; c++) {
      const end = ends[k++]!;
      cells[c] = text.slice(at, end);
      at = end;
    }
    batch[r] = { index: rows[r * 3]!, line: rows[r * 3 + 1]!, cells };
  }
  return batch;
}

/** The buffers a packed batch moves to the other thread. */
export const packedBuffers = (packed: PackedRows): ArrayBuffer[] => [
  packed.ends.buffer as ArrayBuffer,
  packed.rows.buffer as ArrayBuffer,
];
