import { readError } from '../../src-core/reading/read-errors';
import { findXlsxPackage, type XlsxPackage, type XlsxSheetPart } from './xlsx-package';
import { declaresBomb, openEntry, type ZipEntry } from './zip-file';

/** A sheet of an XLSX workbook, in workbook order, with the number the full read files it under. */
export type XlsxSheet = Readonly<{ name: string; fileNo: number }>;

/**
 * Lists an XLSX workbook's sheets by following its relationships (see `findXlsxPackage`), before
 * any sheet is parsed (cheap: a few small zip entries). Also refuses a workbook whose parts
 * declare a zip bomb.
 */
export async function listXlsxSheets(
  path: string,
  fileName: string,
  entries: readonly ZipEntry[]
): Promise<XlsxSheet[]> {
  return sheetsOf(await readXlsxPackage(path, fileName, entries));
}

/** The workbook's parts (see `findXlsxPackage`); a zip that holds no workbook is a damaged one. */
export async function readXlsxPackage(
  path: string,
  fileName: string,
  entries: readonly ZipEntry[]
): Promise<XlsxPackage> {
  if (declaresBomb(entries)) throw readError('zip-bomb', fileName);
  const pkg = await findXlsxPackage(path, fileName, entries);
  if (!pkg) throw readError('workbook-corrupt', fileName, 'its list of sheets is missing');
  return pkg;
}

/** The sheets of a workbook package, as the reading job is told them. */
export const sheetsOf = (pkg: XlsxPackage): XlsxSheet[] =>
  pkg.sheets.map(s => ({ name: s.name, fileNo: s.fileNo }));
/** How much of a sheet's part is read to size it: its `dimension` comes first, else a row count. */
const SIZING_BYTES = 256 * 1024;

/** A sheet's extent as its part says it, without reading the sheet: rows and columns. */
export type SheetExtent = Readonly<{ rows: number; columns: number }>;

const columnNumber = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/**
 * A sheet's rows and columns from the first bytes of its part: the `dimension` Excel writes
 * before the data (`A1:F5001`), else the rows started within those bytes (scaled to the part's
 * size when it goes on). Never the whole sheet: opening a workbook stays as fast with ten sheets.
 */
export async function sheetExtent(
  path: string,
  fileName: string,
  entry: ZipEntry
): Promise<SheetExtent> {
  const stream = await openEntry(path, fileName, entry);
  let text = '';
  let read = 0;
  try {
    for await (const chunk of stream) {
      read += (chunk as Buffer).length;
      text += (chunk as Buffer).toString('latin1');
      if (/<(\w+:)?sheetData\b/.test(text) && /<(\w+:)?dimension\b[^>]*>/.test(text)) break;
      if (read >= SIZING_BYTES) break;
    }
  } finally {
    stream.destroy();
  }
  const dimension =
    /<(?:\w+:)?dimension\b[^>]*\sref\s*=\s*["']([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?["']/i.exec(text);
  if (dimension && dimension[3] !== undefined) {
    const rows = Number(dimension[4]) - Number(dimension[2]) + 1;
    const columns = columnNumber(dimension[3]) - columnNumber(dimension[1]!) + 1;
    // "A1" alone is what writers put on an empty sheet and on some that did not count.
    if (rows > 1 || columns > 1) return { rows, columns };
  }
  const started = (text.match(/<(?:\w+:)?row\b/g) ?? []).length;
  const cells =
    /<(?:\w+:)?row\b[^>]*>([\s\S]*?)<\/(?:\w+:)?row>/.exec(text)?.[1]?.match(/<(?:\w+:)?c\b/g)
      ?.length ?? 0;
  const whole = read < SIZING_BYTES || entry.size <= read;
  return { rows: whole ? started : Math.round((started * entry.size) / read), columns: cells };
}

/**
 * The sheet that holds the data: the one with the most rows among those with at least two
 * columns (a "Read me" sheet of one column of sentences is not a table), the first on a tie.
 * Null when the workbook has one sheet, or none can be sized.
 */
export async function chooseDataSheet(
  path: string,
  fileName: string,
  entries: readonly ZipEntry[],
  sheets: readonly XlsxSheetPart[]
): Promise<string | null> {
  if (sheets.length < 2) return null;
  let best: { name: string; score: number } | null = null;
  for (const sheet of sheets) {
    const { rows, columns } = await sheetExtent(path, fileName, sheet.entry);
    // Rows under a header: a table has a header and at least one row, in two columns or more.
    const score = columns >= 2 ? rows - 1 : (rows - 1) / 1000;
    if (best === null || score > best.score) best = { name: sheet.name, score };
  }
  return best?.name ?? null;
}
