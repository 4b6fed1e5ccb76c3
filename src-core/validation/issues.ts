/**
 * The problems Courier finds in a file: stable codes (for programs, history and counts) and the
 * raw values behind each one's sentence. Core says no sentence itself: `issueText`
 * (src-core/words) says them all, in English for the command line and in the person's language
 * in the window and the rows-left-out file, from one catalogue.
 */

import { emailProblemKinds } from './email';
import { visibleOddCharacters } from '../reading/odd-characters';

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
  'phone.extension-dropped': { severity: 'warning', title: 'Phone numbers sent without their extension' },
  'phone.leading-zero': { severity: 'warning', title: 'Phone numbers that lost their leading 0' },
  'date.invalid': { severity: 'error', title: 'Dates not in the expected form' },
  'date.time-skipped': { severity: 'error', title: 'Times the clocks skipped' },
  'date.time-twice': { severity: 'warning', title: 'Times that happened twice' },
  'number.invalid': { severity: 'error', title: 'Values that are not numbers' },
  'value.not-allowed': { severity: 'error', title: 'Values that are not allowed' },
  'list.separator-in-item': { severity: 'error', title: 'List items holding the list separator' },
  'contact.missing': { severity: 'error', title: 'Rows without a way to contact the person' },
  'recording.missing': { severity: 'error', title: 'Recordings that are not in the folder' },
  'recording.unreadable': { severity: 'error', title: 'Recordings Courier may not read' },
  'duplicate.key': { severity: 'warning', title: 'Duplicate rows' },
  'text.invalid-bytes': { severity: 'error', title: 'Characters that were not valid UTF-8' },
  'text.control-characters': { severity: 'error', title: 'Invisible control characters' },
  'output.delimiter': { severity: 'error', title: 'Values holding the separator' },
  'output.line-break': { severity: 'error', title: 'Values holding a line break' },
  'output.quote': { severity: 'warning', title: 'Quotes in a file written without quotes' },
  'output.unencodable': { severity: 'error', title: 'Characters the file encoding cannot hold' },
  'output.formula-neutralised': { severity: 'warning', title: 'Values that look like spreadsheet formulas' },
  'limit.row-too-large': { severity: 'error', title: 'Rows larger than a whole file may be' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type IssueCode = keyof typeof issueCodes;

/** A raw value a sentence needs: text, a number (a line, a size) or a list (column names, allowed values). */
export type IssueParam = string | number | readonly string[];

/**
 * The raw values behind each code's sentence, so the review can say it in the user's language.
 *
 * `line` is the line (text) or row (workbook) number the person sees; a `value` is shown as
 * `shown()` gives it (shortened, line breaks made visible), without quotes. Countries are ISO
 * 3166 codes, encodings and delimiters as the destination writes them. A field that the issue's
 * variant does not use is ''.
 */
export type IssueParamsByCode = {
  'required.missing': { line: number; column: string; destination: string };
  'mapping.required-unmapped': { column: string; destination: string };
  /** `character`: the refused character of the `local-character` and `domain-character` variants. */
  'email.invalid': { line: number; value: string; character: string };
  'language.invalid': { line: number; value: string };
  /** `code`: the two-letter code the value is sent as. */
  'language.normalised': { line: number; value: string; code: string };
  /** `country`: where national numbers are read; `otherCountry` and `international` for the `elsewhere` variant. */
  'phone.invalid': { line: number; value: string; country: string; otherCountry: string; international: string };
  /**
   * A number stored as a number (Excel drops the 0 in front): `restored` is it with its leading 0
   * (`0473893257`), `sent` the number as written (E.164), `country` where it was read.
   */
  'phone.leading-zero': { line: number; value: string; restored: string; sent: string; country: string };
  /** `extension`: the digits left out; `sent`: the number as written (E.164). */
  'phone.extension-dropped': { line: number; value: string; extension: string; sent: string };
  /**
   * `format`: the expected date format; `reading`: the value rewritten in it, and `from`: the
   * common format it was read in (both only in the `reads-as` variant, else '').
   */
  'date.invalid': { line: number; value: string; format: string; reading: string; from: string };
  /** `zone`: the source's time zone (IANA name) in which the clocks skipped this time. */
  'date.time-skipped': { line: number; value: string; zone: string };
  /** `zone`: the source's time zone; `offset`: the UTC offset it was read at (`+02:00`). */
  'date.time-twice': { line: number; value: string; zone: string; offset: string };
  'number.invalid': { line: number; value: string; column: string };
  /** `value`: the item; `separator`: the destination's multi-value separator. */
  'list.separator-in-item': { line: number; value: string; column: string; separator: string };
  'value.not-allowed': { line: number; value: string; column: string; allowed: readonly string[] };
  /** `columns`: the columns of which at least one must hold a valid value. */
  'contact.missing': { line: number; columns: readonly string[]; destination: string };
  /** `value`: the recording as the row names it; `column`: the column naming it. */
  'recording.missing': { line: number; value: string; column: string };
  'recording.unreadable': { line: number; value: string; column: string };
  /** `key`: the duplicate key's columns; `firstLine`: the line of the row that had it first. */
  'duplicate.key': { line: number; key: readonly string[]; firstLine: number };
  /**
   * `value`: the cell with each invalid byte shown as �; `bytes`: those bytes in hexadecimal
   * (`EB`); `reading`: the cell with them read as Windows-1252 (`Zoë`), shown like `value`.
   */
  'text.invalid-bytes': { line: number; value: string; column: string; bytes: string; reading: string };
  /** `value`: the cell with each control character shown as its symbol (␀, ␛). */
  'text.control-characters': { line: number; value: string; column: string };
  /** `delimiter`: the file's delimiter (`,` `;` `|` or a tab). */
  'output.delimiter': { line: number; value: string; column: string; delimiter: string };
  'output.line-break': { line: number; column: string };
  'output.quote': { line: number; value: string; column: string };
  /** `encoding`: the output encoding's id (`windows-1252`, `iso-8859-1`, `utf-8`…). */
  'output.unencodable': { line: number; value: string; character: string; encoding: string };
  /** `sent`: the value as it is written instead (shown like `value`). */
  'output.formula-neutralised': { line: number; value: string; sent: string };
  /** `maxBytes`: the destination's file size limit in bytes. */
  'limit.row-too-large': { line: number; destination: string; maxBytes: number };
};

/**
 * The codes whose sentence comes in several forms, and those forms.
 *
 * `email.invalid` says why the address is wrong; `phone.invalid` may add the number's form in a
 * neighbouring country; `date.invalid` may add how the value reads in the expected format;
 * `output.delimiter` is a tab in a file that is not tab-separated, or the file's own separator;
 * `duplicate.key` says whether the later row is left out or sent as well.
 */
export const issueVariants = {
  'email.invalid': emailProblemKinds,
  'phone.invalid': ['plain', 'elsewhere'],
  'date.invalid': ['plain', 'reads-as'],
  'output.delimiter': ['tab', 'separator'],
  'duplicate.key': ['left-out', 'kept'],
} as const satisfies Partial<Record<IssueCode, readonly string[]>>;

/** The variant of a code's sentence (null for a code with one form). */
export type IssueVariant<C extends IssueCode> = C extends keyof typeof issueVariants ? (typeof issueVariants)[C][number] : null;

/** One problem in one row (or, with `row` null, in the whole file). */
export type RowIssue = {
  [C in IssueCode]: Readonly<{
    /** 0-based data row; null for a problem with the whole file (e.g. a required column not mapped). */
    row: number | null;
    /** The line (text) or row (workbook) number the person sees in a text editor or Excel. */
    sourceLine: number | null;
    /** The target column concerned, if one. */
    column: string | null;
    code: C;
    /** Which form of the code's sentence applies (see `issueVariants`). */
    variant: IssueVariant<C>;
    /** The raw values of the sentence; `issueText` (src-core/words) says it in a language. */
    params: Readonly<IssueParamsByCode[C]>;
    severity: Severity;
  }>;
}[IssueCode];

/**
 * A value as a message shows it: shortened so a huge cell does not flood the screen, breaks and
 * tabs visible, control characters as their symbols (␀) and invalid bytes as �.
 */
export function shown(value: string): string {
  const v = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return visibleOddCharacters(v.replace(/\r?\n|\r/g, '↵').replace(/\t/g, '⇥'));
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
