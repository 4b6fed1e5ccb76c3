import { open, type FileHandle } from 'node:fs/promises';
import Papa from 'papaparse';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { CourierError } from '../../src-core/errors';
import { readError, readLimits } from '../../src-core/reading/read-errors';
import { isBlankRecord } from '../../src-core/reading/detect-header';
import type { TextEncoding } from '../../src-core/reading/sniff-bytes';
import {
  countInvalidBytes,
  decodeUtf8Escaping,
  incompleteUtf8Tail,
} from '../../src-core/reading/odd-characters';
import type { SourceRow } from '../../src-core/reading/source-table';
import { breaksIn, strictDelimiter, strictRecords } from '../../src-core/reading/strict-csv';

/** Everything needed to read a text export again from disk, in plain data (it crosses to workers). */
export type CsvPlan = Readonly<{
  path: string;
  fileName: string;
  encoding: TextEncoding;
  bomLength: number;
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
  /** Index (among all records, blank ones included) of the header record; records up to it are not data. */
  headerRecord: number;
  /** Number of columns; 0 while it is still being worked out (rows are then left as read). */
  width: number;
}>;

/** A record boundary from which reading can resume: a byte offset and what is known there. */
export type CsvPosition = Readonly<{
  byteOffset: number;
  /** The 1-based line where the next record starts. */
  line: number;
  /** Index of the next record among all records. */
  record: number;
  /** Index of the next data row. */
  dataIndex: number;
}>;

export type CsvStreamOptions = Readonly<{
  from?: CsvPosition;
  signal?: AbortSignal;
  /** Records per papaparse call; a checkpoint is offered after each full batch. */
  batchRecords?: number;
  /**
   * Bytes decoded and parsed at a time (default 1 MB; the disk is read in pieces of at least
   * 256 kB, `DISK_READ_BYTES`). A full read without checkpoints parses 64 kB at a time
   * (`FULL_READ_CHUNK_BYTES`): see there. A batch is full, and offers a checkpoint, only when one
   * chunk's text holds `batchRecords` records.
   */
  chunkBytes?: number;
  /** Called after each chunk, at most about once per megabyte read, and at the end. */
  onProgress?: (bytesRead: number, rowsRead: number) => void;
  /** Called at record boundaries (at most once per batch) with an exact resume point. */
  onCheckpoint?: (position: CsvPosition) => void;
}>;

const CHUNK_BYTES = 1 << 20;
/** The least a read from disk asks for (see `streamCsvBatches`). */
const DISK_READ_BYTES = 1 << 18;
const PROGRESS_BYTES = 1 << 20;

/**
 * The chunk size of a full read that needs no checkpoints (`rows()`, `batches()`): its decoded
 * text (at most 128 kB) stays in V8's young generation, where the cells sliced from it are freed
 * cheaply; 1 MB chunks make 2 MB strings that live in the large-object space until a full
 * garbage collection, which raised a million-row read's peak memory by about 100 MB.
 */
export const FULL_READ_CHUNK_BYTES = 1 << 16;

/**
 * The record separator papaparse is given. A file of CRLF lines is parsed on LF, and the CR left
 * at the end of a record is dropped (`dropRecordCr`): exports that mix CRLF and LF lines (rows
 * appended by another program) then keep one record per line instead of merging two into one.
 */
export const parserNewline = (newline: CsvPlan['newline']): '\n' | '\r' =>
  newline === '\r' ? '\r' : '\n';

/**
 * Drops the CR a CRLF line leaves at the end of its record's last cell (see `parserNewline`).
 * A quoted last cell that itself ends with a CR loses it too: a line break at the very end of a
 * value means nothing to any platform.
 */
export function dropRecordCr(cells: string[]): void {
  const last = cells.length - 1;
  const cell = cells[last];
  if (cell !== undefined && cell.charCodeAt(cell.length - 1) === 13)
    cells[last] = cell.slice(0, -1);
}

type PapaError = { code: string; row?: number };

const cancelled = () => new CourierError('cancelled', 'Cancelled.');

/** A streaming decoder: text from each chunk, characters split across chunks kept whole. */
export type StreamDecoder = { write: (chunk: Buffer) => string; end: () => string };

/**
 * A streaming decoder. UTF-8 keeps every byte that is not valid UTF-8 as an escaped byte (see
 * `decodeUtf8Escaping`), over the whole file and not only the head the encoding was judged on, so
 * the preparation can say which rows hold them; every other encoding goes through iconv-lite,
 * because Node 20's TextDecoder maps Windows-1252's 0x80–0x9F to control characters
 * (nodejs/node#56542).
 */
export function textDecoder(encoding: TextEncoding): StreamDecoder {
  if (encoding === 'utf-8') return utf8EscapingDecoder();
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return { write: chunk => decoder.write(chunk), end: () => decoder.end() ?? '' };
}

/**
 * UTF-8 that never replaces: a chunk that is valid UTF-8 (nearly all of them) is decoded natively;
 * only a chunk holding an invalid sequence is decoded byte by byte. The bytes of a character cut
 * at the chunk's end wait for the next chunk.
 */
function utf8EscapingDecoder(): StreamDecoder {
  let carry: Buffer | null = null;
  // Given whole characters only, so it never holds bytes back; its streaming mode is what is fast
  // in Node 20 (about half the time of a one-off decode or Buffer.toString on accented text).
  const native = new TextDecoder('utf-8', { ignoreBOM: true });
  const decode = (bytes: Buffer): string =>
    isUtf8(bytes) ? native.decode(bytes, { stream: true }) : decodeUtf8Escaping(bytes);
  return {
    write: chunk => {
      const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      const tail = incompleteUtf8Tail(bytes);
      carry = tail > 0 ? Buffer.from(bytes.subarray(bytes.length - tail)) : null;
      return decode(tail > 0 ? bytes.subarray(0, bytes.length - tail) : bytes);
    },
    // A character the file cuts short is invalid too: its bytes are kept as escaped bytes.
    end: () => {
      const rest = carry;
      carry = null;
      return rest ? decodeUtf8Escaping(rest) : '';
    },
  };
}

/** The LFs and the lone CRs (not followed by LF) in `text` before `end`. */
function countBreaks(text: string, end: number): { lf: number; cr: number } {
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lf++;
  let cr = 0;
  for (let i = text.indexOf('\r'); i !== -1 && i < end; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) cr++;
  }
  return { lf, cr };
}

function byteLengthOf(encoding: TextEncoding): (text: string) => number {
  // An escaped byte (see `decodeUtf8Escaping`) was one byte in the file, not the three of U+FFFD
  // that Buffer.byteLength counts for a lone surrogate.
  if (encoding === 'utf-8')
    return text => Buffer.byteLength(text, 'utf8') - 2 * countInvalidBytes(text);
  if (encoding === 'windows-1252') return text => text.length;
  return text => text.length * 2;
}

/**
 * Streams the data rows of a text export in batches, with papaparse as the parser.
 *
 * The file is decoded with iconv-lite before papaparse sees it (papaparse splits multi-byte
 * characters at raw Buffer edges, and Node 20's TextDecoder maps Windows-1252's 0x80–0x9F to
 * control characters). Papaparse's low-level Parser is driven with `preview` batches so that
 * every batch ends on a record boundary whose byte offset is known: that is what the row index
 * stores. A record longer than `readLimits.maxRecordChars` stops the read (papaparse would
 * otherwise re-scan an ever-growing partial record, and hold all of it in memory).
 */
export async function* streamCsvBatches(
  plan: CsvPlan,
  options: CsvStreamOptions = {}
): AsyncGenerator<SourceRow[]> {
  const batch = options.batchRecords ?? 1000;
  const from = options.from ?? { byteOffset: plan.bomLength, line: 1, record: 0, dataIndex: 0 };
  const parser = new Papa.Parser({
    delimiter: plan.delimiter,
    newline: parserNewline(plan.newline),
    quoteChar: '"',
    fastMode: false,
    preview: batch,
  });
  const decoder = textDecoder(plan.encoding);
  const byteLength = byteLengthOf(plan.encoding);
  const { width, headerRecord } = plan;
  const newline = parserNewline(plan.newline);
  const onLf = newline === '\n';
  // Well-formed text is read by the strict fast path; papaparse reads the rest (and the end).
  const strict = strictDelimiter(plan.delimiter);
  let restByte = from.byteOffset;
  let line = from.line;
  let record = from.record;
  let dataIndex = from.dataIndex;
  let bytesRead = from.byteOffset;
  let rest = '';

  // `scan`: 0 when the batch has no line break inside a cell (every line is one record), 1 when
  // cells may hold LFs only, 2 when they may also hold lone CRs. Looking for breaks in every cell
  // costs as much as a fifth of the read, so it is done only where the batch's text says so.
  // `held`: the strict parser's count of line breaks inside each record's cells (its records
  // have their CR dropped already); `scan` is then unused.
  const take = (
    records: string[][],
    out: SourceRow[],
    scan: 0 | 1 | 2,
    held: number[] | null = null
  ): void => {
    for (let r = 0; r < records.length; r++) {
      const cells = records[r]!;
      if (onLf && !held) dropRecordCr(cells);
      const start = line;
      line++;
      if (held) line += held[r]!;
      else if (scan === 1) {
        for (let c = 0; c < cells.length; c++)
          if (cells[c]!.indexOf('\n') !== -1) line += breaksIn(cells[c]!);
      } else if (scan === 2) {
        for (let c = 0; c < cells.length; c++) {
          const cell = cells[c]!;
          if (cell.indexOf('\n') !== -1 || cell.indexOf('\r') !== -1) line += breaksIn(cell);
        }
      }
      const index = record++;
      // Most records end with a non-blank cell: check that before the full blank test.
      const last = cells[cells.length - 1]!;
      if (index <= headerRecord || (last.trim() === '' && isBlankRecord(cells))) continue;
      if (cells.length > readLimits.maxColumns) {
        throw readError('too-many-columns', plan.fileName, cells.length.toLocaleString('en'));
      }
      if (width > 0) {
        if (cells.length < width) for (let c = cells.length; c < width; c++) cells.push('');
        else if (cells.length > width) {
          // Extra cells that hold something are kept (never drop a value); blank ones go.
          let end = cells.length;
          while (end > width && cells[end - 1] === '') end--;
          cells.length = end;
        }
      }
      out.push({ index: dataIndex++, line: start, cells });
    }
  };

  // Parses as many whole batches as `rest` holds; keeps the unfinished record in `rest`.
  function* drain(final: boolean): Generator<SourceRow[]> {
    for (;;) {
      const fast = strict && !final ? strictRecords(rest, plan.delimiter, newline, batch) : null;
      const result = fast
        ? { data: fast.records, errors: [] as PapaError[], meta: { cursor: fast.consumed } }
        : (parser.parse(rest, 0, !final) as {
            data: string[][];
            errors: PapaError[];
            meta: { cursor: number };
          });
      const consumed = result.meta.cursor;
      // A quote never closed swallows the rest of the file into one value: say so rather than
      // read one column and no rows (only the last call can know the file ends inside it).
      const unclosed = final ? result.errors.find(e => e.code === 'MissingQuotes') : undefined;
      if (unclosed) {
        take(result.data.slice(0, unclosed.row ?? 0), [], 2);
        throw readError('unclosed-quote', plan.fileName, String(line));
      }
      const rows: SourceRow[] = [];
      // Every record of a non-final batch ends with one line break: any more sit inside cells.
      // The final call holds only the last record (maybe without a break): always look in it.
      let scan: 0 | 1 | 2 = 2;
      if (!final && !fast) {
        const { lf, cr } = countBreaks(rest, consumed);
        scan = lf + cr === result.data.length ? 0 : cr === 0 ? 1 : 2;
      }
      take(result.data, rows, scan, fast ? fast.breaks : null);
      if (consumed > 0) {
        if (options.onCheckpoint) restByte += byteLength(rest.slice(0, consumed));
        rest = rest.slice(consumed);
      }
      const full = result.data.length >= batch;
      if (full && options.onCheckpoint) {
        options.onCheckpoint({ byteOffset: restByte, line, record, dataIndex });
      }
      if (rows.length > 0) yield rows;
      if (!full || (final && rest.length === 0)) return;
    }
  }

  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  // The disk is read in bigger pieces than the text is decoded and parsed in: each read is a
  // round trip to libuv's thread pool, and with 64 kB reads the parser waited for the disk for
  // about a tenth of a million-row read. The bytes are outside V8's heap; only the text is kept small.
  const readBytes = Math.max(chunkBytes, DISK_READ_BYTES);
  // Two buffers, used in turn for the whole file: the next piece is read while this one is parsed
  // (its bytes are decoded, so no longer needed, before the buffer is read into again). A new
  // buffer per read, as a read stream makes, left the memory allocator holding about 10 MB more.
  const buffers = [Buffer.allocUnsafeSlow(readBytes), Buffer.allocUnsafeSlow(readBytes)];
  let file: FileHandle | null = null;
  let pending: Promise<{ bytesRead: number }> | null = null;
  let progressAt = 0;
  try {
    file = await open(plan.path, 'r');
    let position = from.byteOffset;
    let turn = 0;
    pending = file.read(buffers[turn]!, 0, readBytes, position);
    for (;;) {
      const { bytesRead: got } = await pending;
      pending = null;
      if (got === 0) break;
      const read = buffers[turn]!.subarray(0, got);
      position += got;
      turn ^= 1;
      pending = file.read(buffers[turn]!, 0, readBytes, position);
      for (let at = 0; at < read.length; at += chunkBytes) {
        const chunk =
          at === 0 && read.length <= chunkBytes ? read : read.subarray(at, at + chunkBytes);
        if (options.signal?.aborted) throw cancelled();
        bytesRead += chunk.length;
        const text = decoder.write(chunk);
        rest = rest.length === 0 ? text : rest + text;
        yield* drain(false);
        if (rest.length > readLimits.maxRecordChars) {
          throw readError('line-too-long', plan.fileName, `line ${line.toLocaleString('en')}`);
        }
        if (options.onProgress && bytesRead - progressAt >= PROGRESS_BYTES) {
          progressAt = bytesRead;
          options.onProgress(bytesRead, dataIndex);
        }
      }
    }
    const tail = decoder.end();
    if (tail) rest += tail;
    yield* drain(true);
    options.onProgress?.(bytesRead, dataIndex);
  } catch (error) {
    if (options.signal?.aborted) throw cancelled();
    throw mapFsError(error, plan.fileName);
  } finally {
    // A read still under way must end before its file is closed (and its failure is not news).
    await pending?.catch(() => undefined);
    await file?.close();
  }
}

/** Turns a file-system error into the reading error a person understands. */
export function mapFsError(error: unknown, fileName: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return readError('not-found', fileName);
  if (code === 'EACCES' || code === 'EPERM') return readError('permission-denied', fileName);
  if (code === 'EISDIR') return readError('not-a-file', fileName);
  return error;
}
