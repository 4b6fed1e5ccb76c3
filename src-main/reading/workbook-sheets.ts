import { readError } from '../../src-core/reading/read-errors';
import { declaresBomb, readEntry, type ZipEntry } from './zip-file';

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
