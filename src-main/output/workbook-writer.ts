import { PassThrough } from 'node:stream';
import type { WorkSheet } from '@e965/xlsx';
import type { Destination } from '../../src-core/destinations/destination';
import {
  fileTooLarge,
  type PreparationResult,
  type PreparedFile,
} from '../../src-core/preparation/prepare';
import {
  isWorkbookFormat,
  workbookCells,
  workbookRows,
  type WorkbookCell,
} from '../../src-core/output/workbook-cells';

/**
 * Writes a preparation's parts as workbooks (one sheet, the header row, typed cells) when the
 * destination's format is `xls` or `xlsx`; any other result is returned as it is.
 *
 * One part at a time, each written then kept only as its bytes: `.xlsx` through exceljs's
 * streaming writer, `.xls` (Excel 97–2003, BIFF8) through SheetJS. The destination's byte limit
 * is checked on the written workbook.
 */
export async function writeWorkbooks(
  result: PreparationResult,
  destination: Destination,
  now: Date
): Promise<PreparationResult> {
  const format = destination.output.format;
  if (!isWorkbookFormat(format)) return result;
  const files: PreparedFile[] = [];
  for (const file of result.files) {
    const rows = workbookRows(new TextDecoder().decode(file.bytes));
    const header = destination.output.header ? rows.shift() : undefined;
    const cells = rows.map(row => workbookCells(destination, row));
    const bytes =
      format === 'xlsx' ? await xlsxBytes(header, cells, now) : await xlsBytes(header, cells);
    const max = destination.limits.maxBytes;
    if (max !== null && bytes.length > max)
      throw fileTooLarge({ name: file.name, bytes }, destination);
    const preview = [header, ...rows.slice(0, 9)].filter((r): r is string[] => r !== undefined);
    files.push({ ...file, bytes, firstLines: preview.map(r => r.join(' | ')) });
  }
  return { ...result, files };
}

const SHEET = 'Sheet1';

/** An `.xlsx` of one sheet through exceljs's streaming writer. */
async function xlsxBytes(
  header: readonly string[] | undefined,
  rows: readonly WorkbookCell[][],
  now: Date
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  book.creator = 'Courier';
  book.created = now;
  book.modified = now;
  const sheet = book.addWorksheet(SHEET);
  if (header) {
    const row = sheet.addRow([...header]);
    row.eachCell(cell => (cell.numFmt = '@'));
    row.commit();
  }
  for (const cells of rows) {
    const row = sheet.addRow(
      cells.map(c => (c.kind === 'text' ? c.value : c.kind === 'number' ? c.value : c.serial))
    );
    cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      // Text cells carry the Text format, so Excel keeps 0032… and 12345678901234567890 as typed.
      cell.numFmt = c.kind === 'text' ? '@' : c.kind === 'date' ? c.format : 'General';
    });
    row.commit();
  }
  sheet.commit();
  await book.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** An Excel 97–2003 `.xls` (BIFF8) of one sheet through SheetJS. */
async function xlsBytes(
  header: readonly string[] | undefined,
  rows: readonly WorkbookCell[][]
): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const sheet: Record<string, unknown> = {};
  let r = 0;
  let width = header?.length ?? 0;
  if (header) {
    header.forEach((v, c) => (sheet[XLSX.utils.encode_cell({ r, c })] = { t: 's', v, z: '@' }));
    r++;
  }
  for (const cells of rows) {
    width = Math.max(width, cells.length);
    cells.forEach((cell, c) => {
      sheet[XLSX.utils.encode_cell({ r, c })] =
        cell.kind === 'text'
          ? { t: 's', v: cell.value, z: '@' }
          : cell.kind === 'number'
            ? { t: 'n', v: cell.value }
            : { t: 'n', v: cell.serial, z: cell.format };
    });
    r++;
  }
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(r - 1, 0), c: Math.max(width - 1, 0) },
  });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet as WorkSheet, SHEET);
  const written = XLSX.write(book, { bookType: 'biff8', type: 'array' }) as ArrayBuffer;
  return new Uint8Array(written);
}
