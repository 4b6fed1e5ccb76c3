import { CourierError, type ErrorParams } from '../errors';

/**
 * Limits and plain-language errors of the readers, in one place so every reader (CSV, XLSX, XLS,
 * zip) fails the same way for the same problem.
 */
export const readLimits = {
  /** A single record longer than this (in characters) is not a contact export: refuse it. */
  maxRecordChars: 4 * 1024 * 1024,
  /** More columns than this is not a contact export (and would make the grid unusable). */
  maxColumns: 2000,
  /** A zip entry may not expand to more than this many bytes... */
  maxUnzippedBytes: 4 * 1024 * 1024 * 1024,
  /** ...nor expand more than this many times its compressed size (a zip bomb). */
  maxZipRatio: 200,
  /** How many data rows a preview holds. */
  previewRows: 100,
} as const;

/**
 * Builds a reading error with its stable code; the message (and `params.file`) names the file.
 * `extra` adds figures a program may check (e.g. how many bytes a zip bomb inflated before it was stopped).
 */
export function readError(
  code: ReadErrorCode,
  fileName: string,
  detail?: string,
  extra?: ErrorParams
): CourierError {
  const make = messages[code];
  return new CourierError(`read.${code}`, make(fileName, detail ?? ''), {
    params: { file: fileName, ...paramsOf(code, detail ?? ''), ...extra },
  });
}

/** The details a translation can use as they are: names and numbers, not English phrases. */
function paramsOf(code: ReadErrorCode, detail: string): Record<string, string | number> {
  if (code === 'sheet-not-found' && detail) return { sheet: detail };
  if (code === 'too-many-columns') {
    const count = Number(detail.replace(/[^\d]/g, ''));
    return detail && Number.isFinite(count)
      ? { columns: count, max: readLimits.maxColumns }
      : { max: readLimits.maxColumns };
  }
  if (code === 'unclosed-quote') return { line: Number(detail) || 1 };
  if (code === 'header-row-out-of-range' && detail) return { row: detail.replace(/^“|”$/g, '') };
  if (code === 'disk-full' && detail) return { folder: detail };
  return {};
}

const messages = {
  'not-found': (f: string) => `“${f}” could not be found. It may have been moved or deleted.`,
  'permission-denied': (f: string) =>
    `Courier is not allowed to open “${f}”. Check that you have permission to read it, or copy it somewhere else first.`,
  'not-a-file': (f: string) => `“${f}” is a folder, not a file. Choose the export file inside it.`,
  'empty-file': (f: string) => `“${f}” is empty: it contains no data at all.`,
  'no-data': (f: string) => `“${f}” contains no rows of data, only blank lines or spaces.`,
  'not-text': (f: string, d: string) =>
    `“${f}” is not a spreadsheet or a text export${d ? ` (it looks like ${d})` : ''}. Export the data as CSV, TSV, XLS or XLSX and try again.`,
  'workbook-encrypted': (f: string) =>
    `“${f}” is protected with a password. Open it in Excel, remove the password (File › Info › Protect Workbook), save it and try again.`,
  'workbook-corrupt': (f: string, d: string) =>
    `“${f}” looks like an Excel workbook but it is damaged and cannot be read${d ? ` (${d})` : ''}. Open it in Excel and save it again, or export it as CSV.`,
  'sheet-not-found': (f: string, d: string) => `“${f}” has no sheet named “${d}”.`,
  'sheet-empty': (f: string, d: string) =>
    `Every sheet of “${f}” is empty${d ? ` (${d})` : ''}: there is no data to read.`,
  'zip-empty': (f: string) => `The zip file “${f}” holds no file to read.`,
  'zip-several-files': (f: string, d: string) =>
    `The zip file “${f}” holds several files${d ? ` (${d})` : ''}. Courier reads a zip only when it holds exactly one CSV, TSV, TXT, XLS or XLSX file: unzip it and choose the file you want.`,
  'zip-unsupported': (f: string, d: string) =>
    `The zip file “${f}” holds ${d || 'a file'} which is not a CSV, TSV, TXT, XLS or XLSX file.`,
  'zip-bomb': (f: string) =>
    `The zip file “${f}” expands to an unreasonable size (it may be a “zip bomb”) and was not opened.`,
  'zip-encrypted': (f: string) =>
    `The zip file “${f}” is protected with a password. Unzip it yourself and choose the file inside.`,
  'zip-corrupt': (f: string, d: string) =>
    `The zip file “${f}” is damaged and cannot be opened${d ? ` (${d})` : ''}.`,
  'line-too-long': (f: string, d: string) =>
    `“${f}” has a line far too long to be a row of contacts${d ? ` (${d})` : ''}. It may not be a real export, or a quote may never be closed.`,
  'unclosed-quote': (f: string, d: string) =>
    `In “${f}”, a quote (") in the row on line ${d || '1'} is never closed, so everything after it would be read as one value. Close or remove that quote, or export the file again.`,
  'too-many-columns': (f: string, d: string) =>
    `“${f}” has ${d || 'too many'} columns; Courier reads at most ${readLimits.maxColumns}. Check that the right delimiter was used or remove unused columns.`,
  'header-row-out-of-range': (f: string, d: string) =>
    `The header row ${d} does not exist in “${f}”. Choose a line that holds the column names.`,
  'too-slow': (f: string) =>
    `Reading “${f}” took too long and was stopped. The file may be damaged or far larger than a contact export.`,
  'too-large': (f: string) =>
    `“${f}” needs more memory than Courier allows for reading a workbook. Save it as CSV and try again.`,
  changed: (f: string) => `“${f}” changed on disk while Courier was reading it. Open it again.`,
  'disk-full': (f: string, d: string) =>
    `There is not enough disk space to read “${f}”${d ? ` (in ${d})` : ''}. Free some space and try again.`,
} satisfies Record<string, (fileName: string, detail: string) => string>;

/** Every reading error code without its `read.` prefix. */
export type ReadErrorCode = keyof typeof messages;

/** Every code a reader may throw (with the prefix), e.g. for the fuzz test. */
export const readErrorCodes: readonly string[] = Object.keys(messages).map(c => `read.${c}`);
