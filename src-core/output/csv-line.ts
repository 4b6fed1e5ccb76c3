import type { OutputFormat } from '../destinations/destination';
import type { ByteBuilder } from './encode';

/** Writes one row of values as a line of the destination's format (line ending included). */
export type LineWriter = (values: readonly string[]) => string;

/**
 * A line writer for a format. `standard` quoting follows RFC 4180: a value is quoted when it holds
 * the delimiter, the quote character or a line break, and inner quotes are doubled. `never` writes
 * values as they are: the preparation refuses values that would break such a line beforehand.
 */
export function lineWriter(format: OutputFormat): LineWriter {
  const { delimiter, quoteChar } = format;
  const eol = format.lineEnding === 'crlf' ? '\r\n' : '\n';
  if (format.quoting === 'never') return values => values.join(delimiter) + eol;
  const doubled = quoteChar + quoteChar;
  const quote = (v: string): string => {
    if (v.indexOf(delimiter) < 0 && v.indexOf(quoteChar) < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
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

/** Prefixes a value that a spreadsheet would run as a formula with `'` (OWASP's advice). */
export const neutraliseFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** Appends one row straight into a byte buffer (no intermediate line string). */
export type RowEncoder = (out: ByteBuilder, values: readonly string[]) => void;

/**
 * The byte-level twin of `lineWriter`, for the million-row path: same quoting rules, but each
 * value is encoded directly into the output buffer.
 */
export function rowEncoder(format: OutputFormat): RowEncoder {
  const { delimiter, quoteChar, encoding } = format;
  const delimiterByte = delimiter.charCodeAt(0);
  const crlf = format.lineEnding === 'crlf';
  const standard = format.quoting === 'standard';
  const doubled = quoteChar + quoteChar;
  const escape = (c: string) => (c === '|' || c === '\\' || c === ']' || c === '^' || c === '-' ? `\\${c}` : c);
  const needsQuotes = new RegExp(`[${escape(delimiter)}${escape(quoteChar)}\\r\\n]`);
  return (out, values) => {
    for (let i = 0; i < values.length; i++) {
      if (i > 0) out.appendByte(delimiterByte);
      const v = values[i]!;
      if (v === '') continue;
      if (standard && needsQuotes.test(v)) {
        out.appendText(quoteChar + v.split(quoteChar).join(doubled) + quoteChar, encoding);
      } else out.appendText(v, encoding);
    }
    if (crlf) out.appendByte(13);
    out.appendByte(10);
  };
}
