import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname } from 'node:path';
import type ExcelJS from 'exceljs';
import type * as XLSX from '@e965/xlsx';
import { CourierError } from '../../src-core/errors';
import { dateToIso, formatNumber, generalNumber } from '../../src-core/reading/cell-text';
import {
  effectiveWidth,
  isBlankRecord,
  type RawRecord,
} from '../../src-core/reading/detect-header';
import { readError, readLimits } from '../../src-core/reading/read-errors';
import { diskFullError, isDiskFull } from './disk-space';
import { excelCellText, type ExcelCell } from './excel-cell-text';
import { readXlsxPackage, type XlsxSheet } from './workbook-sheets';
import { exceljsPackageParts, type XlsxPackage } from './xlsx-package';
import { leavesOutReferencesIn, numberRowsAndCells } from './sheet-row-numbers';
import { decodeExceljsWholeCharacters } from './exceljs-parts';
import { readXlsxPreview, type XlsxPreview } from './xlsx-preview';
import { reorderedZip, type RebuiltPart, type ZipEntry } from './zip-file';
import { eachXlsxSheetFast, FastReadDeclined } from './xlsx-sheet-reader';

/** Which workbook, and where; for an XLSX, its zip entries (read beforehand in main). */
export type WorkbookTarget = Readonly<{
  path: string;
  fileName: string;
  format: 'xlsx' | 'xls';
  entries: readonly ZipEntry[];
}>;

/**
 * Reads one sheet of a workbook in a single pass: every non-blank record goes to a JSON-lines
 * file (`[line, ...cells]`, a byte offset noted every `checkpointEvery` records), and the first
 * `previewRecords` records are posted as soon as they are read, so the preview does not wait for
 * the rest. The sheet is the one named, or the first (in workbook order) that is not empty.
 */
export type ReadWorkbookJob = WorkbookTarget &
  Readonly<{
    job: 'read-workbook';
    /** XLSX: the sheets in workbook order (read beforehand from the zip); XLS: empty. */
    sheets: readonly XlsxSheet[];
    sheet?: string;
    previewRecords: number;
    out: string;
    checkpointEvery: number;
  }>;
export type RecordsCheckpoint = Readonly<{ byteOffset: number; record: number }>;
export type ReadWorkbookResult = Readonly<{
  sheets: string[];
  sheet: string;
  recordCount: number;
  checkpoints: RecordsCheckpoint[];
}>;
export type WorkbookPreview = Readonly<{ sheets: string[]; sheet: string; records: RawRecord[] }>;

export type WorkbookProgress = Readonly<{
  rowsRead: number;
  /** How far through the sheet, 0–1. */ fraction: number;
  preview?: WorkbookPreview;
}>;

type JobContext = {
  progress: (p: WorkbookProgress) => void;
  signal: AbortSignal;
  /** For tests: stand-ins for the exceljs decoding fix and the fast preview. */
  seams?: Readonly<{
    decodeWholeCharacters?: () => boolean;
    readXlsxPreview?: typeof readXlsxPreview;
    /** Reads with exceljs alone (the reference the fast full read is checked against). */
    exceljsOnly?: boolean;
  }>;
};

/**
 * Puts exceljs's whole-character decoding in place (see `decodeExceljsWholeCharacters`); says
 * whether it took. Without it the full read garbles the odd character split between two chunks,
 * where the fast preview does not: the preview is then left to the full read.
 */
function wholeCharacters(decode: () => boolean): boolean {
  try {
    return decode();
  } catch {
    // exceljs laid out differently (it is pinned; an update must be checked): the old path.
    return false;
  }
}

const cancelled = () => new CourierError('cancelled', 'Cancelled.');

/** Turns what a workbook library throws into the plain reading error. */
function workbookFailure(error: unknown, fileName: string, folder?: string): unknown {
  if (error instanceof CourierError) return error;
  if (folder !== undefined && isDiskFull(error)) return diskFullError(fileName, folder);
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) return readError('workbook-encrypted', fileName);
  return readError('workbook-corrupt', fileName, damageWords(message));
}

/**
 * What a reading library said about a damaged workbook, in a person's words, or '' when it said
 * nothing a person can use. Their own words are for programmers: "XLS Record 0x4ff Truncated:
 * 12 < 20", "CFB file size 2963 < 3584", or the JavaScript engine's "Cannot set properties of
 * undefined (setting 'name')" from a library that walked into a damaged structure (all seen on
 * mutated fixtures). The sentence is whole without them: the workbook is damaged, open it in
 * Excel and save it again.
 */
function damageWords(message: string): string {
  if (/truncated|file size \d+ < \d+|underflow|unexpected end|end of (data|file)/i.test(message))
    return 'its contents are cut short or damaged';
  if (/cannot find workbook stream|workbook stream/i.test(message)) return 'it holds no workbook';
  return '';
}

// ---- cell values -------------------------------------------------------------------------

/** A SheetJS cell (dense mode, raw values plus number formats) as the text the sheet shows. */
function sheetJsCellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 's':
      return String(cell.v);
    case 'n':
      return formatNumber(
        cell.v as number,
        typeof cell.z === 'string' ? cell.z : undefined,
        date1904
      );
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'd':
      return dateToIso(cell.v as Date);
    case 'e':
      return cell.w ?? '#ERROR';
    default:
      return typeof cell.v === 'number' ? generalNumber(cell.v) : String(cell.v);
  }
}

// ---- record sources ------------------------------------------------------------------------

/** Every non-blank record of one sheet, in order. */
type SheetRecords = AsyncIterable<RawRecord>;

function checkWidth(cells: readonly string[], fileName: string): void {
  if (cells.length > readLimits.maxColumns && effectiveWidth(cells) > readLimits.maxColumns) {
    throw readError('too-many-columns', fileName, effectiveWidth(cells).toLocaleString('en'));
  }
}

function excelRecord(row: ExcelJS.Row, fileName: string): RawRecord {
  const cells: string[] = [];
  const count = row.cellCount;
  if (count > readLimits.maxColumns * 4)
    throw readError('too-many-columns', fileName, count.toLocaleString('en'));
  for (let c = 1; c <= count; c++)
    cells.push(excelCellText(row.getCell(c) as unknown as ExcelCell));
  checkWidth(cells, fileName);
  return { line: row.number, cells };
}

/**
 * Whether an exceljs worksheet is this sheet. exceljs names a sheet from the workbook only when
 * the workbook part came before it in the zip; otherwise it calls it `Sheet<file number>`.
 */
const isSheet = (worksheetName: string, sheet: XlsxSheet): boolean =>
  worksheetName === sheet.name || worksheetName === `Sheet${sheet.fileNo}`;

/**
 * Streams an XLSX's sheets with exceljs's WorkbookReader (the only reader that copes with
 * 1M-row sheets), handing each to `visit` until it returns false.
 */
async function eachXlsxSheet(
  target: WorkbookTarget,
  pkg: XlsxPackage,
  sheets: readonly XlsxSheet[],
  signal: AbortSignal,
  visit: (worksheetName: string, records: SheetRecords) => Promise<boolean>,
  onFraction?: (fraction: number) => void
): Promise<void> {
  const sheetParts = pkg.sheets.filter(p => sheets.some(s => s.fileNo === p.fileNo));
  const sheetEntries = new Set(sheetParts.map(p => p.entry.name));
  // Parts renamed to where exceljs looks for them; rows and cells numbered where they are not.
  const parts: RebuiltPart[] = [];
  for (const part of exceljsPackageParts(pkg, sheetParts)) {
    const sheet = sheetEntries.has(part.entry.name) && part.as.startsWith('xl/worksheets/');
    const numbered =
      sheet && (await leavesOutReferencesIn(target.path, target.fileName, part.entry, signal));
    parts.push(numbered ? { ...part, rewrite: numberRowsAndCells } : part);
  }
  const total = sheetParts.reduce((sum, p) => sum + p.entry.compressedSize, 0);
  let done = 0;
  const zip = reorderedZip(
    target.path,
    target.fileName,
    parts,
    (name, bytes) => {
      if (!sheetEntries.has(name)) return;
      done += bytes;
      if (total > 0) onFraction?.(done / total);
    },
    signal
  );
  try {
    // Loaded on demand: exceljs takes most of a second to load, and text files never need it.
    const { default: excel } = await import('exceljs');
    const reader = new excel.stream.xlsx.WorkbookReader(zip.stream, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      const records: SheetRecords = {
        async *[Symbol.asyncIterator]() {
          for await (const row of worksheet) {
            if (signal.aborted) throw cancelled();
            const record = excelRecord(row, target.fileName);
            if (!isBlankRecord(record.cells)) yield record;
          }
        },
      };
      if (!(await visit(name, records))) break;
    }
  } catch (error) {
    // The zip stream was stopped (a part inflating past its size, a damaged part): that is the
    // reason, not exceljs's complaint about the cut input.
    throw zip.failure() ?? error;
  }
  // A stop exactly between two parts, or a cut the sheet's reader took for its end, may look
  // like a complete sheet to exceljs.
  const failure = zip.failure();
  if (failure) throw failure;
}

async function readXls(target: WorkbookTarget): Promise<XLSX.WorkBook> {
  const data = await readFile(target.path);
  const sheetJs = await import('@e965/xlsx');
  try {
    return sheetJs.read(data, {
      type: 'buffer',
      dense: true,
      cellNF: true,
      cellText: false,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
    });
  } catch (error) {
    throw workbookFailure(error, target.fileName);
  }
}

function xlsRecords(
  book: XLSX.WorkBook,
  name: string,
  fileName: string,
  signal: AbortSignal,
  onFraction?: (fraction: number) => void
): SheetRecords {
  const sheet = book.Sheets[name] as XLSX.DenseWorkSheet | undefined;
  const rows: XLSX.CellObject[][] = sheet?.['!data'] ?? [];
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  return {
    async *[Symbol.asyncIterator]() {
      for (let r = 0; r < rows.length; r++) {
        if (signal.aborted) throw cancelled();
        if (r % 1000 === 0) onFraction?.(r / rows.length);
        const row = rows[r];
        if (!row) continue;
        if (row.length > readLimits.maxColumns * 4)
          throw readError('too-many-columns', fileName, row.length.toLocaleString('en'));
        const cells: string[] = [];
        for (let c = 0; c < row.length; c++) cells.push(sheetJsCellText(row[c], date1904));
        checkWidth(cells, fileName);
        if (!isBlankRecord(cells)) yield { line: r + 1, cells };
      }
    },
  };
}

// ---- the job ---------------------------------------------------------------------------------

/** Runs a `read-workbook` job (see its type). */
export async function readWorkbook(
  job: ReadWorkbookJob,
  context: JobContext
): Promise<ReadWorkbookResult> {
  // A write that fails (a full temporary disk) is reported by the next record, or at the end.
  let writeFailure: unknown;
  const openOut = () => {
    const stream = createWriteStream(job.out);
    stream.on('error', error => {
      writeFailure ??= error;
    });
    return stream;
  };
  let out = openOut();
  // Lines are written to the file a few dozen kilobytes at a time (one write per record costs).
  let pending = '';
  /** The bytes of the lines already handed to the file (counted once per flush, not per line). */
  let flushedBytes = 0;
  const flush = async () => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    // Encoded once here: the stream would encode the text anyway, and the length is the count.
    const chunk = Buffer.from(text, 'utf8');
    flushedBytes += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const checkpoints: RecordsCheckpoint[] = [];
  const first: RawRecord[] = [];
  let sheets: string[] = job.sheets.map(s => s.name);
  let chosen: string | null = null;
  let previewSent = false;
  let count = 0;
  let lastReport = 0;
  let sinceReport = 0;
  let fraction = 0;
  const setFraction = (f: number) => {
    fraction = f;
  };
  // XLSX: the preview read ahead without exceljs (see xlsx-preview.ts), checked once the full
  // read has the same records: a preview that disagrees with the rows read must never stand.
  // The read fails rather than retry without it: the caller keeps the first preview it is sent
  // (its header, columns and rows are on screen), so a second one would not replace it.
  let early: XlsxPreview | null = null;
  const sendPreview = () => {
    if (chosen === null) return;
    if (early) {
      if (previewSent) return;
      previewSent = true;
      if (early.sheet !== chosen || JSON.stringify(early.records) !== JSON.stringify(first)) {
        throw readError(
          'workbook-corrupt',
          job.fileName,
          'its first rows read differently on a second pass'
        );
      }
      return;
    }
    if (previewSent) return;
    previewSent = true;
    context.progress({
      rowsRead: count,
      fraction,
      preview: { sheets, sheet: chosen, records: first },
    });
  };
  /**
   * Adds one record's line; a promise only when the file must take the lines first, so that most
   * records cost no await (a workbook's rows are many and short).
   */
  const write = (record: RawRecord): Promise<void> | undefined => {
    if (count % job.checkpointEvery === 0)
      checkpoints.push({ byteOffset: flushedBytes + Buffer.byteLength(pending), record: count });
    const cells = record.cells;
    // `[line, ...cells]` without building that array: the cells' JSON after the line number.
    const line =
      cells.length === 0
        ? `[${record.line}]\n`
        : `[${record.line},${JSON.stringify(cells).slice(1)}\n`;
    count++;
    if (!previewSent) {
      first.push(record);
      if (first.length >= job.previewRecords) sendPreview();
    }
    if (writeFailure) throw writeFailure;
    pending += line;
    if (++sinceReport >= 256 && (previewSent || early)) {
      sinceReport = 0;
      const now = Date.now();
      if (now - lastReport > 100) {
        lastReport = now;
        context.progress({ rowsRead: count, fraction });
      }
    }
    return pending.length >= 64 * 1024 ? flush() : undefined;
  };
  // Copies a sheet if it has records; says whether it did (then it is the sheet read).
  const copy = async (name: string, records: SheetRecords): Promise<boolean> => {
    for await (const record of records) {
      chosen ??= name;
      const taken = write(record);
      if (taken) await taken;
    }
    return chosen !== null;
  };
  try {
    if (job.format === 'xls') {
      const book = await readXls(job);
      sheets = [...book.SheetNames];
      if (job.sheet !== undefined && !sheets.includes(job.sheet))
        throw readError('sheet-not-found', job.fileName, job.sheet);
      for (const name of job.sheet !== undefined ? [job.sheet] : sheets) {
        if (await copy(name, xlsRecords(book, name, job.fileName, context.signal, setFraction)))
          break;
      }
    } else {
      const wanted =
        job.sheet !== undefined ? job.sheets.filter(s => s.name === job.sheet) : job.sheets;
      if (wanted.length === 0) throw readError('sheet-not-found', job.fileName, job.sheet ?? '');
      const pkg = await readXlsxPackage(job.path, job.fileName, job.entries);
      // Before exceljs is first loaded in this thread, which the full read below does.
      const whole = wholeCharacters(
        context.seams?.decodeWholeCharacters ?? decodeExceljsWholeCharacters
      );
      const preview = context.seams?.readXlsxPreview ?? readXlsxPreview;
      if (whole)
        early = await preview({ ...job, package: pkg }, wanted, job.previewRecords, {
          signal: context.signal,
        });
      // rowsRead stays 0: the count reported afterwards is the full read's, from the start.
      if (early)
        context.progress({
          rowsRead: 0,
          fraction: 0,
          preview: { sheets, sheet: early.sheet, records: early.records },
        });
      // The full read without exceljs, unless it is not sure of the workbook: then exceljs reads
      // it from the start (what the first pass wrote is dropped, its preview checked as above).
      let fast = context.seams?.exceljsOnly !== true;
      if (fast)
        try {
          await eachXlsxSheetFast(
            job,
            pkg,
            wanted,
            context.signal,
            async (sheet, records) => !(await copy(sheet.name, records)),
            setFraction
          );
        } catch (error) {
          if (!(error instanceof FastReadDeclined)) throw error;
          fast = false;
          if (previewSent && !early) early = { sheet: chosen!, records: first.slice() };
          previewSent = false;
          chosen = null;
          first.length = 0;
          checkpoints.length = 0;
          flushedBytes = 0;
          count = 0;
          sinceReport = 0;
          pending = '';
          out.end();
          await once(out, 'close');
          out = openOut();
        }
      // The sheets arrive in workbook order, so the first one with a record is the one to read.
      if (!fast)
        await eachXlsxSheet(
          job,
          pkg,
          wanted,
          context.signal,
          async (worksheetName, records) => {
            const sheet = wanted.find(s => isSheet(worksheetName, s));
            return !(sheet && (await copy(sheet.name, records)));
          },
          setFraction
        );
    }
    if (chosen === null)
      throw readError(
        'sheet-empty',
        job.fileName,
        job.sheet !== undefined ? `sheet “${job.sheet}”` : ''
      );
    sendPreview();
  } catch (error) {
    // A write still in flight fails once the file is destroyed: that is expected, not news.
    out.on('error', () => undefined);
    out.destroy();
    throw workbookFailure(writeFailure ?? error, job.fileName, dirname(job.out));
  }
  try {
    await flush();
  } catch (error) {
    writeFailure ??= error;
  }
  out.end();
  await once(out, 'close');
  if (writeFailure) throw workbookFailure(writeFailure, job.fileName, dirname(job.out));
  context.progress({ rowsRead: count, fraction: 1 });
  return { sheets, sheet: chosen, recordCount: count, checkpoints };
}
