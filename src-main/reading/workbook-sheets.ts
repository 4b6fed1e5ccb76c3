import { readError } from '../../src-core/reading/read-errors';
import { findXlsxPackage, type XlsxPackage } from './xlsx-package';
import { declaresBomb, type ZipEntry } from './zip-file';

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
