/**
 * The problems Courier finds in a file, with stable codes (for programs, history and counts) and
 * sentences a person who has never opened a CSV in a text editor understands.
 */

/** `error` keeps the row out of the output; `warning` is worth knowing but does not. */
export type Severity = 'error' | 'warning';

/** Every issue code, with what it means (shown as a group title in the review). */
export const issueCodes = {
  'required.missing': { severity: 'error', title: 'Required values missing' },
  'mapping.required-unmapped': { severity: 'error', title: 'Required columns without a source column' },
  'email.invalid': { severity: 'error', title: 'E-mail addresses that are not valid' },
  'language.invalid': { severity: 'error', title: 'Languages Courier does not recognise' },
  'language.normalised': { severity: 'warning', title: 'Languages written as two-letter codes' },
  'phone.invalid': { severity: 'error', title: 'Phone numbers that are not valid' },
  'date.invalid': { severity: 'error', title: 'Dates not in the expected form' },
  'number.invalid': { severity: 'error', title: 'Values that are not numbers' },
  'value.not-allowed': { severity: 'error', title: 'Values that are not allowed' },
  'contact.missing': { severity: 'error', title: 'Rows without a way to contact the person' },
  'duplicate.key': { severity: 'warning', title: 'Duplicate rows' },
  'output.delimiter': { severity: 'error', title: 'Values holding the separator' },
  'output.line-break': { severity: 'error', title: 'Values holding a line break' },
  'output.quote': { severity: 'warning', title: 'Quotes in a file written without quotes' },
  'output.unencodable': { severity: 'error', title: 'Characters the file encoding cannot hold' },
  'output.formula-neutralised': { severity: 'warning', title: 'Values that look like spreadsheet formulas' },
  'limit.row-too-large': { severity: 'error', title: 'Rows larger than a whole file may be' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type IssueCode = keyof typeof issueCodes;

/** One problem in one row (or, with `row` null, in the whole file). */
export type RowIssue = Readonly<{
  /** 0-based data row; null for a problem with the whole file (e.g. a required column not mapped). */
  row: number | null;
  /** The line (text) or row (workbook) number the person sees in a text editor or Excel. */
  sourceLine: number | null;
  /** The target column concerned, if one. */
  column: string | null;
  code: IssueCode;
  message: string;
  severity: Severity;
}>;

/** Quotes a value for a message, shortened so a huge cell does not flood the screen. */
export function quoted(value: string): string {
  const v = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return `“${v.replace(/\r?\n|\r/g, '↵').replace(/\t/g, '⇥')}”`;
}

/** Human name of an output encoding. */
export function encodingLabel(encoding: string): string {
  switch (encoding) {
    case 'windows-1252':
      return 'Western European (Windows-1252)';
    case 'iso-8859-1':
      return 'Western European (ISO 8859-1, Latin-1)';
    default:
      return 'UTF-8';
  }
}

/** The delimiter in words. */
export function delimiterLabel(delimiter: string): string {
  return delimiter === '\t' ? 'a tab' : delimiter === ';' ? 'a semicolon (;)' : delimiter === ',' ? 'a comma (,)' : `“${delimiter}”`;
}
