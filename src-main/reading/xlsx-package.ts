import { readError } from '../../src-core/reading/read-errors';
import { inflateEntry, readEntry, type ZipEntry } from './zip-file';

/**
 * Where the parts of an XLSX workbook are, found as the OOXML packaging rules say: the workbook
 * is the target of the package's `officeDocument` relationship, its sheets, shared strings and
 * styles are the targets of the workbook's relationships. Targets may be absolute (`/xl/...`),
 * written with backslashes, point outside `xl/`, or differ in case from the zip's names (part
 * names are case-insensitive): Excel opens all of these, and so does Courier.
 */

/**
 * A worksheet of the workbook, in workbook order, with the zip entry that holds it, its
 * relationship id, and the number the full read files it under (`xl/worksheets/sheet<fileNo>.xml`:
 * its own number in a standard package, its position otherwise).
 */
export type XlsxSheetPart = Readonly<{
  name: string;
  entry: ZipEntry;
  relId: string;
  fileNo: number;
}>;

export type XlsxPackage = Readonly<{
  workbook: ZipEntry;
  /** The workbook's relationships part. */
  workbookRels: ZipEntry;
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
  /** The worksheets (chart, dialog and macro sheets are not data and are left out). */
  sheets: readonly XlsxSheetPart[];
  /** Whether the workbook carries macros (VBA or Excel 4 macro sheets): never read, never run. */
  macros: boolean;
  /**
   * Whether the parts are where exceljs looks for them (`xl/workbook.xml`, `xl/worksheets/sheetN.xml`
   * with the relationships pointing there as it expects): otherwise the full read renames them.
   */
  standard: boolean;
}>;

const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

/** An attribute of a start tag, with or without a namespace prefix (`r:id`, `id`). */
export const xmlAttribute = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return match ? unescapeXml(match[2] ?? match[3] ?? '') : undefined;
};

type Relationship = Readonly<{ id: string; type: string; target: string; external: boolean }>;

function relationships(xml: string): Relationship[] {
  const found: Relationship[] = [];
  for (const tag of xml.match(/<(\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = xmlAttribute(tag, 'Id');
    const target = xmlAttribute(tag, 'Target');
    if (id === undefined || target === undefined) continue;
    found.push({
      id,
      type: xmlAttribute(tag, 'Type') ?? '',
      target,
      external: /^external$/i.test(xmlAttribute(tag, 'TargetMode') ?? ''),
    });
  }
  return found;
}

/** A zip name as a part name: no leading slash, forward slashes, `.` and `..` resolved, lower case. */
function partKey(name: string): string {
  const out: string[] = [];
  for (const piece of name.replace(/\\/g, '/').split('/')) {
    if (piece === '' || piece === '.') continue;
    if (piece === '..') out.pop();
    else out.push(piece);
  }
  let key = out.join('/');
  try {
    key = decodeURIComponent(key);
  } catch {
    // Not percent-encoded after all: the name as written.
  }
  return key.toLowerCase();
}

/** The part a relationship points to, from the folder of the part that holds the relationship. */
function resolveTarget(fromFolder: string, target: string): string {
  const clean = target.replace(/\\/g, '/').replace(/[?#].*$/, '');
  return partKey(clean.startsWith('/') ? clean : `${fromFolder}/${clean}`);
}

const folderOf = (name: string): string => name.replace(/\\/g, '/').replace(/\/?[^/]*$/, '');
const baseOf = (name: string): string => name.replace(/\\/g, '/').replace(/^.*\//, '');

/** The first few kilobytes of a part (the rest is not inflated). */
async function startOf(path: string, fileName: string, entry: ZipEntry): Promise<string> {
  const stream = await inflateEntry(path, fileName, entry);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>)
      return chunk.subarray(0, 4096).toString('utf8');
    return '';
  } finally {
    stream.destroy();
  }
}

/**
 * Finds the workbook's parts in a zip, or null when the zip is not a spreadsheet package (no
 * workbook to be found). Also refuses a workbook whose list of sheets is missing or empty.
 */
export async function findXlsxPackage(
  path: string,
  fileName: string,
  entries: readonly ZipEntry[]
): Promise<XlsxPackage | null> {
  const byKey = new Map<string, ZipEntry>();
  for (const entry of entries) if (!entry.name.endsWith('/')) byKey.set(partKey(entry.name), entry);
  const text = async (entry: ZipEntry) => (await readEntry(path, fileName, entry)).toString('utf8');

  let workbook: ZipEntry | undefined;
  const packageRels = byKey.get('_rels/.rels');
  if (packageRels) {
    try {
      const office = relationships(await text(packageRels)).find(
        r => !r.external && /\/officeDocument$/.test(r.type)
      );
      const candidate = office ? byKey.get(resolveTarget('', office.target)) : undefined;
      // A Word or PowerPoint package has an office document too: only a <workbook> is one.
      if (candidate && /<(\w+:)?workbook[\s>]/.test(await startOf(path, fileName, candidate)))
        workbook = candidate;
    } catch {
      // Damaged package relationships: the workbook where Excel puts it, if it is there (a
      // damaged part is then reported by the read of that part).
    }
  }
  workbook ??= byKey.get('xl/workbook.xml');
  if (!workbook) return null;

  const bookFolder = folderOf(workbook.name);
  const relsEntry = byKey.get(partKey(`${bookFolder}/_rels/${baseOf(workbook.name)}.rels`));
  if (!relsEntry) throw readError('workbook-corrupt', fileName, 'its list of sheets is missing');
  const rels = relationships(await text(relsEntry)).filter(r => !r.external);
  const target = (r: Relationship) => byKey.get(resolveTarget(bookFolder, r.target));
  const ofType = (type: string) => rels.find(r => r.type.endsWith(`/${type}`));
  const byId = new Map(rels.map(r => [r.id, r]));

  const found: Omit<XlsxSheetPart, 'fileNo'>[] = [];
  const bookXml = await text(workbook);
  for (const tag of bookXml.match(/<(\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = xmlAttribute(tag, 'name');
    const rid = xmlAttribute(tag, 'r:id') ?? xmlAttribute(tag, '\\w+:id');
    const rel = rid === undefined ? undefined : byId.get(rid);
    // Chart, dialog and macro sheets hold no rows.
    if (name === undefined || !rel || !rel.type.endsWith('/worksheet')) continue;
    const entry = target(rel);
    if (entry) found.push({ name, entry, relId: rel.id });
  }
  if (found.length === 0) throw readError('workbook-corrupt', fileName, 'it lists no sheets');

  const sharedStringsRel = ofType('sharedStrings');
  const stylesRel = ofType('styles');
  // Without a relationship, the part where Excel puts it (exceljs reads it by that name).
  const beside = (name: string) => byKey.get(partKey(`${bookFolder}/${name}`));
  const sharedStrings =
    (sharedStringsRel ? target(sharedStringsRel) : beside('sharedStrings.xml')) ?? null;
  const styles = (stylesRel ? target(stylesRel) : beside('styles.xml')) ?? null;
  const macros =
    rels.some(r => /(macrosheet|vbaProject)$/i.test(r.type)) ||
    entries.some(
      e => /(^|\/)vbaProject\.bin$/i.test(e.name) || /(^|\/)macrosheets\//i.test(e.name)
    );
  // exceljs finds a sheet by its zip name, and names it from the relationship whose target is
  // exactly `worksheets/sheetN.xml`.
  const standardSheet = (s: Omit<XlsxSheetPart, 'fileNo'>) =>
    /^xl\/worksheets\/sheet\d+\.xml$/.test(s.entry.name) &&
    byId.get(s.relId)?.target === `worksheets/${baseOf(s.entry.name)}`;
  const standard =
    workbook.name === 'xl/workbook.xml' &&
    relsEntry.name === 'xl/_rels/workbook.xml.rels' &&
    (sharedStrings === null || sharedStrings.name === 'xl/sharedStrings.xml') &&
    (styles === null || styles.name === 'xl/styles.xml') &&
    found.every(standardSheet) &&
    new Set(found.map(s => s.entry)).size === found.length;
  const sheets: XlsxSheetPart[] = found.map((s, i) => ({
    ...s,
    fileNo: standard ? Number(/(\d+)\.xml$/.exec(s.entry.name)![1]) : i + 1,
  }));
  return { workbook, workbookRels: relsEntry, sharedStrings, styles, sheets, macros, standard };
}

/** A part as the full read hands it to exceljs: under the name exceljs looks for, maybe rewritten. */
export type ExceljsPart = Readonly<{ entry: ZipEntry; as: string; content?: Buffer }>;

/**
 * The parts the full read hands exceljs, under the names it looks for (`xl/workbook.xml`,
 * `xl/worksheets/sheet<fileNo>.xml`...), in the order that lets it stream the sheets: workbook
 * relationships, workbook, shared strings, styles, then the sheets. A package laid out otherwise
 * gets relationships rewritten to point to those names (same ids, so the sheets keep their names).
 */
export function exceljsPackageParts(
  pkg: XlsxPackage,
  sheets: readonly XlsxSheetPart[]
): ExceljsPart[] {
  const parts: ExceljsPart[] = [];
  if (pkg.standard) parts.push({ entry: pkg.workbookRels, as: 'xl/_rels/workbook.xml.rels' });
  else {
    const rels = pkg.sheets.map(
      s =>
        `<Relationship Id="${escapeXml(s.relId)}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${s.fileNo}.xml"/>`
    );
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
    parts.push({
      entry: pkg.workbookRels,
      as: 'xl/_rels/workbook.xml.rels',
      content: Buffer.from(xml, 'utf8'),
    });
  }
  parts.push({ entry: pkg.workbook, as: 'xl/workbook.xml' });
  if (pkg.sharedStrings) parts.push({ entry: pkg.sharedStrings, as: 'xl/sharedStrings.xml' });
  if (pkg.styles) parts.push({ entry: pkg.styles, as: 'xl/styles.xml' });
  for (const s of sheets) parts.push({ entry: s.entry, as: `xl/worksheets/sheet${s.fileNo}.xml` });
  return parts;
}

const WORKSHEET_TYPE =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
