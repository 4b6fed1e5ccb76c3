import type { Stats } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import Papa from 'papaparse';
import { detectDialect } from '../../src-core/reading/detect-dialect';
import {
  detectHeaderRecord,
  fitToWidth,
  isBlankRecord,
  tableWidth,
  uniqueColumnNames,
  type RawRecord,
} from '../../src-core/reading/detect-header';
import { readError, readLimits } from '../../src-core/reading/read-errors';
import { sniffBytes, type TextEncoding } from '../../src-core/reading/sniff-bytes';
import type { DetectedFormat, SourceNote, SourceRow } from '../../src-core/reading/source-table';
import {
  dropRecordCr,
  FULL_READ_CHUNK_BYTES,
  mapFsError,
  parserNewline,
  streamCsvBatches,
  textDecoder,
  type CsvPlan,
} from './csv-stream';
import { READ_AHEAD_MIN_BYTES, readAheadBatches } from './read-ahead';
import { flattenBatches } from './row-iterator';
import {
  openWorkbook,
  readWorkbookRows,
  type OpenedWorkbook,
  type WorkbookPlan,
  type WorkbookReading,
} from './workbook-source';
import { chooseDataSheet, sheetsOf } from './workbook-sheets';
import { findXlsxPackage } from './xlsx-package';
import { declaresBomb, extractEntry, isClutter, listZip } from './zip-file';

export type OpenSourceOptions = Readonly<{
  sheet?: string;
  headerRow?: number;
  signal?: AbortSignal;
  /** How long parsing a workbook's first rows may take before it is stopped (default 60 s). */
  workbookTimeoutMs?: number;
  /**
   * The size and modification time the file must still have (what was hashed for the history,
   * or what a watched folder found stable): a file that differs is refused with `read.changed`.
   */
  expected?: FileStamp;
}>;

/** What tells that a file is still the one that was opened. */
export type FileStamp = Readonly<{ size: number; mtimeMs: number }>;

export type ReadProgress = Readonly<{ bytesRead: number; totalBytes: number; rowsRead: number }>;

export type RowsOptions = {
  signal?: AbortSignal;
  onProgress?: (p: ReadProgress) => void;
  /**
   * Read a big text export in another thread while this one uses the rows (`readAheadBatches`):
   * for a consumer whose own work per row is about as heavy as reading it, such as preparing the
   * rows for a destination. A consumer that does little with each row reads faster without it.
   */
  readAhead?: boolean;
};

/** A file Courier has recognised: how it is written, its columns, its first rows. */
export type OpenedSource = Readonly<{
  path: string;
  format: DetectedFormat;
  /** Unique readable names ("Column 7", "Email (2)"). */
  columns: readonly string[];
  /** The first rows (up to 100), available within a second. */
  preview: readonly SourceRow[];
  /** The file's size in bytes. */
  sizeBytes: number;
  /** How to read the file again (plain data: it can be sent to a worker). */
  plan: SourcePlan;
  /** Streams every data row from disk in order (re-reads the file; memory stays bounded). */
  rows(options?: RowsOptions): AsyncIterable<SourceRow>;
  /**
   * The same rows as `rows()`, a few hundred at a time: for consumers of millions of rows, this
   * saves the cost of one promise per row (about a third of a full read's time).
   */
  batches(options?: RowsOptions): AsyncIterable<readonly SourceRow[]>;
  /** Workbooks: the single background pass over the sheet that `rows()` and the index read from. */
  workbook?: WorkbookReading;
  /**
   * Removes temporary files (a file unzipped from a zip, a workbook's records) and stops a
   * workbook's background pass; safe to call more than once. Call it when done with the source.
   */
  dispose?: () => Promise<void>;
}>;

/** How to read a source again, whatever its format; plain data so a worker can receive it. */
export type SourcePlan =
  Readonly<{ kind: 'csv'; csv: CsvPlan }> | Readonly<{ kind: 'workbook'; workbook: WorkbookPlan }>;

const HEAD_BYTES = 1 << 20;
const SAMPLE_RECORDS = 200;

/**
 * Opens an export: detects what it is and how it is written, and reads its first rows.
 *
 * Bad input fails with a `CourierError` whose code starts with `read.` and whose message says
 * what is wrong in plain words.
 */
export async function openSource(
  path: string,
  options: OpenSourceOptions = {}
): Promise<OpenedSource> {
  const fileName = basename(path);
  const before = await stat(path).catch(error => {
    throw mapFsError(error, fileName);
  });
  if (options.expected && !sameStamp(options.expected, before))
    throw readError('changed', fileName);
  const unchanged = () => ensureUnchanged(path, fileName, before);
  const opened = await openFile(path, path, fileName, options, false);
  try {
    await unchanged();
  } catch (error) {
    await opened.dispose?.();
    throw error;
  }
  const batches = (rowsOptions?: RowsOptions) =>
    checkedBatches(opened.batches(rowsOptions), unchanged);
  // flattenBatches only reads the batches it is given.
  return {
    ...opened,
    rows: rowsOptions => flattenBatches(batches(rowsOptions) as AsyncIterable<SourceRow[]>),
    batches,
  };
}

const sameStamp = (a: FileStamp, b: FileStamp): boolean =>
  a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * Fails with `read.changed` unless the file still has the size, modification time and identity
 * (inode) it had when it was opened: rows read from a file that is being rewritten, truncated or
 * appended to would be a mix of two exports, or half of one.
 */
async function ensureUnchanged(path: string, fileName: string, before: Stats): Promise<void> {
  const now = await stat(path).catch(() => null);
  const sameFile =
    now !== null &&
    (now.ino === 0 || before.ino === 0 || (now.ino === before.ino && now.dev === before.dev));
  if (!now || !sameFile || !sameStamp(before, now)) throw readError('changed', fileName);
}

/**
 * A full read checked at both ends: the file must be the one opened when the read starts and
 * when it ends (or fails: a file cut short mid-read is a changed file, not a damaged one).
 */
async function* checkedBatches<Batch>(
  batches: AsyncIterable<Batch>,
  unchanged: () => Promise<void>
): AsyncGenerator<Batch> {
  await unchanged();
  try {
    yield* batches;
  } catch (error) {
    await unchanged();
    throw error;
  }
  await unchanged();
}

const readableInZip = /\.(csv|tsv|tab|txt|xls|xlsx|xlsm)$/i;

async function openFile(
  path: string,
  shownPath: string,
  fileName: string,
  options: OpenSourceOptions,
  insideZip: boolean
): Promise<OpenedSource> {
  const info = await stat(path).catch(error => {
    throw mapFsError(error, fileName);
  });
  if (info.isDirectory()) throw readError('not-a-file', fileName);
  if (!info.isFile()) throw readError('not-text', fileName, 'a device or a special file');
  if (info.size === 0) throw readError('empty-file', fileName);
  const head = await readHead(path, fileName, Math.min(info.size, HEAD_BYTES));
  const kind = sniffBytes(head);
  switch (kind.kind) {
    case 'binary':
      throw readError('not-text', fileName, kind.looksLike ?? '');
    case 'text':
      return openText(
        path,
        shownPath,
        fileName,
        info.size,
        head,
        kind.encoding,
        kind.bomLength,
        options
      );
    case 'ole':
      if (await isEncryptedOffice(path, info.size, head))
        throw readError('workbook-encrypted', fileName);
      return fromWorkbook(
        shownPath,
        info.size,
        await openWorkbook(path, fileName, 'xls', [], [], options)
      );
    case 'biff':
      // Excel 2.x–4 files (and bare Excel 5 worksheets): SheetJS reads them as it reads XLS.
      return fromWorkbook(
        shownPath,
        info.size,
        await openWorkbook(path, fileName, 'xls', [], [], options)
      );
    case 'zip':
      return openZip(path, shownPath, fileName, info.size, options, insideZip);
  }
}

/** A password-protected Office file is an OLE container holding an `EncryptedPackage` stream. */
async function isEncryptedOffice(path: string, size: number, head: Uint8Array): Promise<boolean> {
  const marker = Buffer.from('EncryptedPackage', 'utf16le');
  if (Buffer.from(head.buffer, head.byteOffset, head.length).includes(marker)) return true;
  if (size <= head.length) return false;
  const handle = await open(path, 'r');
  try {
    const length = Math.min(size, HEAD_BYTES);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    return tail.includes(marker);
  } finally {
    await handle.close();
  }
}

async function openZip(
  path: string,
  shownPath: string,
  fileName: string,
  size: number,
  options: OpenSourceOptions,
  insideZip: boolean
): Promise<OpenedSource> {
  const looksLikeWorkbook = /\.xls[xm]$/i.test(fileName);
  const entries = await listZip(path, fileName, size).catch(error => {
    // A damaged .xlsx is a damaged workbook to the user, not a damaged zip.
    if (looksLikeWorkbook && (error as { code?: string }).code === 'read.zip-corrupt') {
      throw readError('workbook-corrupt', fileName, 'its contents are cut short or damaged');
    }
    throw error;
  });
  const has = (name: string) => entries.some(e => e.name === name);
  // A workbook is found by following the package's relationships, wherever its parts are.
  if (has('xl/workbook.xml') && declaresBomb(entries)) throw readError('zip-bomb', fileName);
  const pkg = await findXlsxPackage(path, fileName, entries);
  if (pkg) {
    if (declaresBomb(entries)) throw readError('zip-bomb', fileName);
    // Not blindly the first sheet: a "Read me" sheet often comes before the data.
    const sheet =
      options.sheet ?? (await chooseDataSheet(path, fileName, entries, pkg.sheets)) ?? undefined;
    const opened = await openWorkbook(path, fileName, 'xlsx', sheetsOf(pkg), entries, {
      ...options,
      sheet,
    });
    // Macros (VBA, Excel 4 macro sheets) are never read, run or kept: only the cells are.
    return fromWorkbook(shownPath, size, opened, pkg.macros ? ['macros-ignored'] : []);
  }
  if (has('word/document.xml')) throw readError('not-text', fileName, 'a Word document');
  if (entries.some(e => e.name.startsWith('ppt/')))
    throw readError('not-text', fileName, 'a PowerPoint presentation');
  if (has('[Content_Types].xml') || has('mimetype'))
    throw readError('not-text', fileName, 'an office document that is not a spreadsheet');
  if (insideZip) throw readError('zip-unsupported', fileName, 'another zip file');
  const files = entries.filter(e => !isClutter(e));
  if (files.length === 0) throw readError('zip-empty', fileName);
  if (files.length > 1) {
    const names = files
      .slice(0, 3)
      .map(e => basename(e.name))
      .join(', ');
    throw readError('zip-several-files', fileName, files.length > 3 ? `${names}…` : names);
  }
  const entry = files[0]!;
  const innerName = basename(entry.name);
  if (!readableInZip.test(innerName))
    throw readError('zip-unsupported', fileName, `“${innerName}”`);
  if (declaresBomb(entries)) throw readError('zip-bomb', fileName);
  const dir = await mkdtemp(join(tmpdir(), 'courier-unzip-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const target = join(dir, innerName.replace(/[^\w.\- ]/g, '_'));
    await extractEntry(path, fileName, entry, target, options.signal);
    const inner = await openFile(target, shownPath, innerName, options, true);
    return {
      ...inner,
      dispose: async () => {
        await inner.dispose?.();
        await dispose();
      },
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function fromWorkbook(
  shownPath: string,
  sizeBytes: number,
  book: OpenedWorkbook,
  notes: readonly SourceNote[] = []
): OpenedSource {
  return {
    path: shownPath,
    format: notes.length > 0 ? { ...book.format, notes } : book.format,
    columns: book.columns,
    preview: book.preview,
    sizeBytes,
    plan: { kind: 'workbook', workbook: book.plan },
    workbook: book.reading,
    rows: rowsOptions =>
      flattenBatches(readWorkbookRows(book.plan, book.reading, sizeBytes, rowsOptions)),
    batches: rowsOptions => readWorkbookRows(book.plan, book.reading, sizeBytes, rowsOptions),
    dispose: book.reading.dispose,
  };
}

async function readHead(path: string, fileName: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r').catch(error => {
    throw mapFsError(error, fileName);
  });
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
  } catch (error) {
    throw mapFsError(error, fileName);
  } finally {
    await handle.close();
  }
}

/** Reads the first records of a sample with the same parser and line counting as the full read. */
function sampleRecords(sample: string, plan: CsvPlan, complete: boolean): RawRecord[] {
  const newline = parserNewline(plan.newline);
  const parser = new Papa.Parser({
    delimiter: plan.delimiter,
    newline,
    quoteChar: '"',
    fastMode: false,
    preview: SAMPLE_RECORDS,
  });
  const result = parser.parse(sample, 0, !complete) as { data: string[][] };
  let line = 1;
  return result.data.map(cells => {
    if (newline === '\n') dropRecordCr(cells);
    const record = { line, cells };
    for (const cell of cells) line += (cell.match(/\r\n|\r|\n/g) ?? []).length;
    line++;
    return record;
  });
}

async function openText(
  path: string,
  shownPath: string,
  fileName: string,
  sizeBytes: number,
  head: Uint8Array,
  encoding: TextEncoding,
  bomLength: number,
  options: OpenSourceOptions
): Promise<OpenedSource> {
  const complete = head.length >= sizeBytes;
  const decoder = textDecoder(encoding);
  const sample =
    decoder.write(Buffer.from(head.buffer, head.byteOffset + bomLength, head.length - bomLength)) +
    (complete ? decoder.end() : '');
  if (sample.trim() === '' && complete) throw readError('no-data', fileName);
  const extension = extname(fileName).toLowerCase();
  const dialect = detectDialect(sample, extension === '.tsv' || extension === '.tab' ? '\t' : ',');
  const draft: CsvPlan = {
    path,
    fileName,
    encoding,
    bomLength,
    delimiter: dialect.delimiter,
    newline: dialect.newline,
    headerRecord: -1,
    width: 0,
  };
  const records = sampleRecords(sample, draft, complete);
  const firstCandidate = dialect.sepLine ? 1 : 0;
  let headerRecord: number;
  if (options.headerRow !== undefined) {
    headerRecord = records.findIndex(r => r.line === options.headerRow && !isBlankRecord(r.cells));
    if (headerRecord < firstCandidate) {
      throw readError('header-row-out-of-range', fileName, `“${options.headerRow}”`);
    }
  } else {
    const found = detectHeaderRecord(records.slice(firstCandidate));
    if (found < 0) {
      if (complete || records.length > 0) throw readError('no-data', fileName);
      throw readError('line-too-long', fileName, 'line 1');
    }
    headerRecord = found + firstCandidate;
  }
  const header = records[headerRecord]!;
  if (header.cells.length > readLimits.maxColumns) {
    throw readError('too-many-columns', fileName, header.cells.length.toLocaleString('en'));
  }
  const raw: SourceRow[] = [];
  try {
    for await (const batch of streamCsvBatches(
      { ...draft, headerRecord },
      { signal: options.signal, batchRecords: 200 }
    )) {
      raw.push(...batch.slice(0, readLimits.previewRows - raw.length));
      if (raw.length >= readLimits.previewRows) break;
    }
  } catch (error) {
    // Show the rows before a runaway line: the full read reports the problem with its line.
    if (raw.length === 0 || (error as { code?: string }).code !== 'read.line-too-long') throw error;
  }
  const width = Math.max(
    1,
    tableWidth(
      header.cells,
      raw.map(r => r.cells)
    )
  );
  const plan: CsvPlan = { ...draft, headerRecord, width };
  const preview = raw.map(r => ({ ...r, cells: fitToWidth(r.cells, width) }));
  const format: DetectedFormat = {
    format: plan.delimiter === '\t' ? 'tsv' : 'csv',
    encoding: encoding === 'utf-8' && bomLength > 0 ? 'utf-8-bom' : encoding,
    delimiter: plan.delimiter,
    sheet: null,
    sheets: [],
    headerRow: header.line,
  };
  return {
    path: shownPath,
    format,
    columns: uniqueColumnNames(header.cells.slice(0, width), width),
    preview,
    sizeBytes,
    plan: { kind: 'csv', csv: plan },
    rows: rowsOptions => flattenBatches(readCsvBatches(plan, sizeBytes, rowsOptions)),
    batches: rowsOptions => readCsvBatches(plan, sizeBytes, rowsOptions),
  };
}

function readCsvBatches(
  plan: CsvPlan,
  totalBytes: number,
  options: RowsOptions = {}
): AsyncIterable<SourceRow[]> {
  const onProgress = options.onProgress;
  const progress = onProgress
    ? (bytesRead: number, rowsRead: number) => onProgress({ bytesRead, totalBytes, rowsRead })
    : undefined;
  if (options.readAhead && totalBytes >= READ_AHEAD_MIN_BYTES) {
    return readAheadBatches(plan, totalBytes, { signal: options.signal, onProgress: progress });
  }
  return streamCsvBatches(plan, {
    signal: options.signal,
    chunkBytes: FULL_READ_CHUNK_BYTES,
    onProgress: progress,
  });
}
