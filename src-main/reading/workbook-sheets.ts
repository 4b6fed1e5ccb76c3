import { readError } from '../../src-core/reading/read-errors';
import { declaresBomb, openEntry, readEntry, type ZipEntry } from './zip-file';

/** A sheet of an XLSX workbook, in workbook order, with the number of its part file. */
export type XlsxSheet = Readonly<{ name: string; fileNo: number }>;

const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

const attribute = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return match ? unescapeXml(match[2] ?? match[3] ?? '') : undefined;
};

/**
 * Lists an XLSX workbook's sheets from `xl/workbook.xml` and its relationships, before any sheet
 * is parsed (cheap: two small zip entries). Also refuses a workbook whose parts declare a zip bomb.
 */
export async function listXlsxSheets(path: string, fileName: string, entries: readonly ZipEntry[]): Promise<XlsxSheet[]> {
  if (declaresBomb(entries)) throw readError('zip-bomb', fileName);
  const find = (name: string) => entries.find(e => e.name === name);
  const book = find('xl/workbook.xml');
  const rels = find('xl/_rels/workbook.xml.rels');
  if (!book || !rels) throw readError('workbook-corrupt', fileName, 'its list of sheets is missing');
  const bookXml = (await readEntry(path, fileName, book)).toString('utf8');
  const relsXml = (await readEntry(path, fileName, rels)).toString('utf8');
  const targets = new Map<string, string>();
  for (const tag of relsXml.match(/<(\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target);
  }
  const sheets: XlsxSheet[] = [];
  for (const tag of bookXml.match(/<(\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const rid = attribute(tag, 'r:id') ?? attribute(tag, '\\w+:id');
    const target = rid ? targets.get(rid) : undefined;
    const fileNo = target ? Number(/sheet(\d+)\.xml$/.exec(target)?.[1] ?? NaN) : NaN;
    if (name !== undefined && Number.isFinite(fileNo)) sheets.push({ name, fileNo });
  }
  if (sheets.length === 0) throw readError('workbook-corrupt', fileName, 'it lists no sheets');
  return sheets;
}

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
  sheets: readonly XlsxSheet[]
): Promise<string | null> {
  if (sheets.length < 2) return null;
  let best: { name: string; score: number } | null = null;
  for (const sheet of sheets) {
    const entry = entries.find(e => e.name === `xl/worksheets/sheet${sheet.fileNo}.xml`);
    if (!entry) continue;
    const { rows, columns } = await sheetExtent(path, fileName, entry);
    // Rows under a header: a table has a header and at least one row, in two columns or more.
    const score = columns >= 2 ? rows - 1 : (rows - 1) / 1000;
    if (best === null || score > best.score) best = { name: sheet.name, score };
  }
  return best?.name ?? null;
}
