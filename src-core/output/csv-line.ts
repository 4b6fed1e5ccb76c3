import type { OutputFormat } from '../destinations/destination';
import type { ByteBuilder } from './encode';

/** Writes one row of values as a line of the destination's format (line ending included). */
export type LineWriter = (values: readonly string[]) => string;

/**
 * Whether a format writes values without any quotes: quoting `never`, or no quote character at
 * all (then a value holding the delimiter cannot be quoted either).
 */
export const writesUnquoted = (format: OutputFormat): boolean => format.quoting === 'never' || format.quoteChar === 'none';

/**
 * A line writer for a format. `standard` quoting follows RFC 4180: a value is quoted when it holds
 * the delimiter, the quote character or a line break, and inner quotes are doubled. `always`
 * quotes every value (empty ones too). `never` (or quote character `none`) writes values as they
 * are: the preparation refuses values that would break such a line beforehand.
 */
export function lineWriter(format: OutputFormat): LineWriter {
  const { delimiter } = format;
  const eol = format.lineEnding === 'crlf' ? '\r\n' : '\n';
  if (writesUnquoted(format)) return values => values.join(delimiter) + eol;
  const quoteChar = format.quoteChar;
  const always = format.quoting === 'always';
  const doubled = quoteChar + quoteChar;
  const quote = (v: string): string => {
    if (!always && v.indexOf(delimiter) < 0 && v.indexOf(quoteChar) < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
    return quoteChar + v.split(quoteChar).join(doubled) + quoteChar;
  };
  return values => {
    let line = '';
    for (let i = 0; i < values.length; i++) {
      if (i > 0) line += delimiter;
      line += quote(values[i]!);
    }
    return line + eol;
  };
}

/** The characters that start a spreadsheet formula when a cell begins with them. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Values that start with `+` or `-` and still cannot compute anything, so they are written as
 * they are: a plain signed number (`-5`, `+3.25`, `-1,5`), an E.164 phone number
 * (`+32470123456`), or a lone sign (`-` meaning "none"). A spreadsheet shows each as the value
 * itself; neutralising them would change legitimate data.
 */
const HARMLESS_SIGNED = /^(?:[+-]\d+(?:[.,]\d+)?|\+[1-9]\d{1,14}|[+-])$/;

/**
 * Whether a spreadsheet would read a cell as a formula: it starts with `= + - @`, a tab or a
 * carriage return, and is not one of the harmless signed values above. The one rule behind
 * every file Courier writes (the files it sends and the rejected rows).
 */
export function startsLikeFormula(value: string): boolean {
  if (value.length === 0) return false;
  const c = value.charCodeAt(0);
  if (c !== 61 && c !== 43 && c !== 45 && c !== 64 && c !== 9 && c !== 13) return false;
  return !((c === 43 || c === 45) && HARMLESS_SIGNED.test(value));
}

/** Prefixes a value that a spreadsheet would run as a formula with `'` (OWASP's advice). */
export const neutraliseFormula = (value: string): string => (startsLikeFormula(value) ? `'${value}` : value);

/** Appends one row straight into a byte buffer (no intermediate line string). */
export type RowEncoder = (out: ByteBuilder, values: readonly string[]) => void;

/**
 * The byte-level twin of `lineWriter`, for the million-row path: same quoting rules, but each
 * value is encoded directly into the output buffer.
 */
export function rowEncoder(format: OutputFormat): RowEncoder {
  const { delimiter, encoding } = format;
  const delimiterByte = delimiter.charCodeAt(0);
  const crlf = format.lineEnding === 'crlf';
  const unquoted = writesUnquoted(format);
  const standard = !unquoted && format.quoting === 'standard';
  const always = !unquoted && format.quoting === 'always';
  // With no quote character the watch below never fires: `"` stands in for an unused one.
  const quoteChar = format.quoteChar === 'none' ? '"' : format.quoteChar;
  const doubled = quoteChar + quoteChar;
  const escape = (c: string) => (c === '|' || c === '\\' || c === ']' || c === '^' || c === '-' ? `\\${c}` : c);
  const needsQuotes = new RegExp(`[${escape(delimiter)}${escape(quoteChar)}\\r\\n]`);
  return (out, values) => {
    for (let i = 0; i < values.length; i++) {
      if (i > 0) out.appendByte(delimiterByte);
      const v = values[i]!;
      if (always) {
        out.appendText(quoteChar + v.split(quoteChar).join(doubled) + quoteChar, encoding);
        continue;
      }
      if (v === '') continue;
      if (standard && needsQuotes.test(v)) {
        out.appendText(quoteChar + v.split(quoteChar).join(doubled) + quoteChar, encoding);
      } else out.appendText(v, encoding);
    }
    if (crlf) out.appendByte(13);
    out.appendByte(10);
  };
}
