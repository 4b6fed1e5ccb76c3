import { pipeline as pipe, type Readable } from 'node:stream';
import { CourierError } from '../../src-core/errors';
import {
  effectiveWidth,
  isBlankRecord,
  type RawRecord,
} from '../../src-core/reading/detect-header';
import { readError, readLimits } from '../../src-core/reading/read-errors';
import { excelCellText } from './excel-cell-text';
import { leavesOutReferencesIn, numberRowsAndCells } from './sheet-row-numbers';
import type { XlsxSheet } from './workbook-sheets';
import { XmlOutsideSubset, XmlScanner, type XmlHandlers, type XmlNode } from './xml-scanner';
import type { XlsxPackage } from './xlsx-package';
import {
  NotSure,
  STRICT_MAIN,
  isPending,
  readBookFormats,
  sheetHandlers,
  type RowState,
} from './xlsx-preview';
import { inflateEntry, type ZipEntry } from './zip-file';

/**
 * The full read of an XLSX sheet without exceljs: one streaming pass over the sheet's zip entry,
 * tokenized by `XmlScanner`, with exceljs's cell semantics (the state machine of its streaming
 * WorksheetReader, shared with the fast preview: `sheetHandlers`, `excelCellText`). The shared
 * strings are read first, as exceljs reads them, into `CompactStrings` (a few large strings, not
 * one object per string), so a million-row export stays within bounded memory.
 *
 * Anything the fast path is not sure of throws `FastReadDeclined`; the caller then reads the
 * sheet with exceljs as before. Errors exceljs's read reports the same way (a row too wide, a
 * damaged zip entry, cancelling) are thrown as they are.
 */

/** Why the fast full read stepped aside (the exceljs read decides); never shown. */
export class FastReadDeclined extends Error {}

/** Every non-blank record of one sheet, in order. */
export type SheetRecords = AsyncIterable<RawRecord>;

/** Inflated chunks four times zlib's default: fewer, larger steps through the stream machinery. */
const CHUNK_BYTES = 64 * 1024;

/** How many strings share one page of `CompactStrings`. */
const PAGE_BITS = 12;
const PAGE_SIZE = 1 << PAGE_BITS;

/**
 * A list of strings kept as pages of joined text plus each string's start in its page: a few
 * bytes per string of overhead instead of a string object and an array slot each.
 */
export class CompactStrings {
  private readonly pages: string[] = [];
  private starts = new Uint32Array(PAGE_SIZE);
  private parts: string[] = [];
  private pageLength = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(text: string): void {
    if (this.count === this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = this.pageLength;
    this.parts.push(text);
    this.pageLength += text.length;
    if ((this.count & (PAGE_SIZE - 1)) === 0) this.flush();
  }

  /** The `index`th string; '' past the end (exceljs's missing string shows as an empty cell). */
  get(index: number): string {
    if (!(index >= 0 && index < this.count)) return '';
    // The page still being filled: its strings are still whole.
    if (index >>> PAGE_BITS === this.pages.length) return this.parts[index & (PAGE_SIZE - 1)]!;
    const page = this.pages[index >>> PAGE_BITS]!;
    const next = index + 1;
    const end =
      (next & (PAGE_SIZE - 1)) === 0 || next === this.count ? page.length : this.starts[next]!;
    return page.slice(this.starts[index]!, end);
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    // A page joined once is one flat string; the parts it was made of are garbage.
    this.pages.push(this.parts.join(''));
    this.parts = [];
    this.pageLength = 0;
  }
}

/** Feeds a zip entry's bytes through a scanner, chunk by chunk. */
async function scanEntry(
  bytes: Readable,
  handlers: XmlHandlers,
  signal: AbortSignal
): Promise<void> {
  const scanner = new XmlScanner(handlers);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of bytes as AsyncIterable<Buffer>) {
      if (signal.aborted) throw new CourierError('cancelled', 'Cancelled.');
      scanner.write(decoder.decode(chunk, { stream: true }));
    }
    const rest = decoder.decode();
    if (rest) scanner.write(rest);
    scanner.end();
  } finally {
    bytes.destroy();
  }
}

/** Checks the root element as the preview does (a strict-OOXML or unexpected root is left to exceljs). */
function withRoot(root: string, handlers: XmlHandlers): XmlHandlers {
  let depth = 0;
  return {
    open: node => {
      if (depth++ === 0 && (node.name !== root || node.attributes.xmlns === STRICT_MAIN))
        throw new FastReadDeclined(`root <${node.name}>`);
      handlers.open(node);
    },
    text: handlers.text,
    close: node => {
      depth--;
      handlers.close(node);
    },
  };
}

/**
 * `sharedStrings.xml` as exceljs's `_parseSharedStrings` reads it, event for event (a `<t>`
 * restarts the text, rich text runs joined), each kept as the text its cell shows.
 */
async function readSharedStrings(
  path: string,
  fileName: string,
  entry: ZipEntry,
  signal: AbortSignal
): Promise<CompactStrings> {
  const strings = new CompactStrings();
  let text: string | null = null;
  let runs: (string | null)[] = [];
  const handlers: XmlHandlers = {
    open: (node: XmlNode) => {
      if (node.name === 'si') {
        runs = [];
        text = null;
      } else if (node.name === 't') text = null;
    },
    text: value => {
      text = text ? text + value : value;
    },
    close: (node: XmlNode) => {
      if (node.name === 'r') {
        runs.push(text);
        text = null;
      } else if (node.name === 'si') {
        strings.push(runs.length ? runs.map(r => r ?? '').join('') : (text ?? ''));
        runs = [];
        text = null;
      }
    },
  };
  await scanEntry(
    await inflateEntry(path, fileName, entry, { signal, chunkBytes: CHUNK_BYTES }),
    withRoot('sst', handlers),
    signal
  );
  return strings;
}

/** A finished row as the full read's record (`excelRecord` in workbook-jobs), or null when blank. */
function toRecord(
  row: RowState,
  shared: CompactStrings | null,
  fileName: string
): RawRecord | null {
  const count = row.cells.length;
  if (count > readLimits.maxColumns * 4)
    throw readError('too-many-columns', fileName, count.toLocaleString('en'));
  const cells: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const cell = row.cells[i];
    if (!cell) {
      cells[i] = '';
      continue;
    }
    const value = cell.value;
    cells[i] = isPending(value)
      ? shared!.get(value.sharedString)
      : excelCellText({ value, numFmt: cell.numFmt });
  }
  if (count > readLimits.maxColumns && effectiveWidth(cells) > readLimits.maxColumns)
    throw readError('too-many-columns', fileName, effectiveWidth(cells).toLocaleString('en'));
  return isBlankRecord(cells) ? null : { line: row.number, cells };
}

const declined = (error: unknown): unknown =>
  error instanceof NotSure || error instanceof XmlOutsideSubset
    ? new FastReadDeclined(error.message)
    : error;

/**
 * Reads `sheets` (in workbook order) of an XLSX, handing each to `visit` until it returns false,
 * as the exceljs read does. Throws `FastReadDeclined` when not sure, possibly after records were
 * handed on (the caller then starts over with exceljs).
 */
export async function eachXlsxSheetFast(
  target: Readonly<{ path: string; fileName: string }>,
  pkg: XlsxPackage,
  sheets: readonly XlsxSheet[],
  signal: AbortSignal,
  visit: (sheet: XlsxSheet, records: SheetRecords) => Promise<boolean>,
  onFraction?: (fraction: number) => void
): Promise<void> {
  const { path, fileName } = target;
  try {
    const { parts, styles, date1904 } = await readBookFormats(
      { path, fileName, package: pkg },
      signal
    );
    const shared = pkg.sharedStrings
      ? await readSharedStrings(path, fileName, pkg.sharedStrings, signal)
      : null;
    for (const sheet of sheets) {
      const entry = pkg.sheets.find(s => s.fileNo === sheet.fileNo)?.entry;
      if (!entry) throw new FastReadDeclined('a missing sheet part');
      const numbered = await leavesOutReferencesIn(path, fileName, entry, signal);
      const records: SheetRecords = {
        async *[Symbol.asyncIterator]() {
          const inflated = await inflateEntry(path, fileName, entry, {
            signal,
            chunkBytes: CHUNK_BYTES,
          });
          // Rows and cells without `r` numbered as the exceljs read numbers them.
          const bytes = numbered
            ? (pipe([inflated, numberRowsAndCells()], () => undefined) as unknown as Readable)
            : inflated;
          const rows: RowState[] = [];
          const scanner = new XmlScanner(
            withRoot('worksheet', sheetHandlers(parts, styles, date1904, shared !== null, rows))
          );
          const decoder = new TextDecoder('utf-8');
          let inflatedBytes = 0;
          try {
            for await (const chunk of bytes as AsyncIterable<Buffer>) {
              if (signal.aborted) throw new CourierError('cancelled', 'Cancelled.');
              inflatedBytes += chunk.length;
              scanner.write(decoder.decode(chunk, { stream: true }));
              for (const row of rows.splice(0)) {
                const record = toRecord(row, shared, fileName);
                if (record) yield record;
              }
              if (entry.size > 0) onFraction?.(Math.min(1, inflatedBytes / entry.size));
            }
            const rest = decoder.decode();
            if (rest) scanner.write(rest);
            scanner.end();
            for (const row of rows.splice(0)) {
              const record = toRecord(row, shared, fileName);
              if (record) yield record;
            }
          } finally {
            bytes.destroy();
          }
        },
      };
      if (!(await visit(sheet, records))) break;
    }
  } catch (error) {
    throw declined(error);
  }
}
