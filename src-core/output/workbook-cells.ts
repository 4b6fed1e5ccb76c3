import type { Destination, OutputFormat } from '../destinations/destination';
import { parseDate } from '../validation/date';
import { numberWith } from './number-text';

/**
 * Workbook output (CustomerGauge's XLS, and XLSX): the preparation writes each part as plain
 * UTF-8 CSV in a fixed dialect, then the main process turns every part into a workbook of one
 * sheet with typed cells: numbers as numbers, dates as real dates, everything else as text (so
 * leading zeros, long ids and phone numbers survive Excel).
 */

/** The file formats a destination can be sent in. */
export type FileFormat = OutputFormat['format'];

/** True for the formats written as workbooks. */
export const isWorkbookFormat = (format: FileFormat): format is 'xls' | 'xlsx' =>
  format === 'xls' || format === 'xlsx';

/** The fixed CSV dialect a workbook's rows travel in between the preparation and the writer. */
export function workbookDialect(output: OutputFormat): OutputFormat {
  return {
    ...output,
    delimiter: ',',
    quoting: 'standard',
    quoteChar: '"',
    encoding: 'utf-8',
    lineEnding: 'lf',
    zip: false,
  };
}

/** The rows of a part written in `workbookDialect` (RFC 4180, `"` doubled, LF between rows). */
export function workbookRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** One cell of a workbook: text, a number, or a date (an Excel serial day number and its format). */
export type WorkbookCell =
  | Readonly<{ kind: 'text'; value: string }>
  | Readonly<{ kind: 'number'; value: number }>
  | Readonly<{ kind: 'date'; serial: number; format: string }>;

/** Beyond 15 significant digits Excel rounds a number: such a value stays text. */
const EXACT_DIGITS = 15;

/** Days from Excel's day 0 (1899-12-30) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

/** Typed cells for one data row, by the destination's column rules (values already validated). */
export function workbookCells(destination: Destination, values: readonly string[]): WorkbookCell[] {
  return destination.columns.map((column, i) => {
    const value = values[i] ?? '';
    if (value === '') return { kind: 'text', value };
    if (column.rule === 'number') {
      const plain = numberWith(value, '.');
      const digits = (plain ?? '').replace(/[^0-9]/g, '').replace(/^0+(?=\d)/, '');
      if (plain !== null && digits.length <= EXACT_DIGITS && !/^[-+]?0\d/.test(plain))
        return { kind: 'number', value: Number(plain) };
      return { kind: 'text', value };
    }
    if (column.rule === 'date') {
      const format = column.dateFormat ?? destination.output.dateFormat ?? 'YYYY-MM-DD';
      const parts = parseDate(value, format);
      if (parts) {
        const ms = Date.UTC(
          parts.year,
          parts.month - 1,
          parts.day,
          parts.hour,
          parts.minute,
          parts.second
        );
        return {
          kind: 'date',
          serial: ms / 86_400_000 + EXCEL_EPOCH_DAYS,
          format: excelDateFormat(format),
        };
      }
    }
    return { kind: 'text', value };
  });
}

const EXCEL_TOKENS: Readonly<Record<string, string>> = {
  YYYY: 'yyyy',
  YY: 'yy',
  MM: 'mm',
  M: 'm',
  DD: 'dd',
  D: 'd',
  HH: 'hh',
  mm: 'mm',
  ss: 'ss',
};

/** A destination date format (`DD/MM/YYYY HH:mm`) as an Excel number format (`dd/mm/yyyy hh:mm`). */
export function excelDateFormat(format: string): string {
  let out = '';
  let last = 0;
  const literal = (text: string) =>
    text === '' ? '' : /^[-/ :.,]+$/.test(text) ? text : `"${text.replace(/"/g, '')}"`;
  for (const m of format.matchAll(/YYYY|YY|MM|M|DD|D|HH|mm|ss/g)) {
    out += literal(format.slice(last, m.index)) + EXCEL_TOKENS[m[0]]!;
    last = m.index + m[0].length;
  }
  return out + literal(format.slice(last));
}
