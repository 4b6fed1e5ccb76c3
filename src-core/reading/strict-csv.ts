/**
 * A fast path for papaparse's Parser on well-formed CSV: the complete records at the start of a
 * text, exactly as papaparse's `parse(text, 0, true)` with `preview` gives them, somewhat faster
 * (about 15 % on the benchmark's contacts), and with each record's line breaks counted on the way
 * (the reader looked through every cell for them afterwards).
 *
 * It reads only what RFC 4180 allows: a quoted field closes with a quote followed by the
 * delimiter, the newline or (on LF files) CR LF. Anything else (a stray quote after a closing
 * one, spaces between a quote and a delimiter, a lone CR after a quote…) makes it return null,
 * and the caller parses the same text with papaparse, whose lenient rules then decide. So the
 * records are papaparse's on every input; only well-formed text is read faster.
 */

/**
 * Records read, where the first unread record starts, and for each record the line breaks held
 * in its cells (LFs and lone CRs, as `breaksIn` counts them), for line numbers.
 */
export type StrictRecords = { records: string[][]; consumed: number; breaks: number[] };

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Whether `delimiter` is one the fast path reads as papaparse does (one character, not a quote or line break). */
export const strictDelimiter = (delimiter: string): boolean =>
  delimiter.length === 1 && !['\r', '\n', '"', '\ufeff'].includes(delimiter);

/**
 * Reads up to `max` complete records (each ended by `newline`) from the start of `text`; the
 * unfinished record at its end is left unread, as papaparse does when told more text follows.
 * Returns null on anything outside strict CSV (see above). `delimiter` must pass `strictDelimiter`.
 */
export function strictRecords(
  text: string,
  delimiter: string,
  newline: '\n' | '\r',
  max: number
): StrictRecords | null {
  const len = text.length;
  const delim = delimiter.charCodeAt(0);
  const nl = newline.charCodeAt(0);
  // On a file parsed on LF, a closing quote may be followed by CR LF (papaparse counts the CR as a
  // space between the quote and the newline), and the CR a CRLF line leaves at the end of its
  // last cell is dropped (as `dropRecordCr` does).
  const crlf = nl === LF;
  const records: string[][] = [];
  const breaks: number[] = [];
  const done = (): StrictRecords => ({ records, consumed, breaks });
  // indexOf finds the next delimiter, newline or quote several times faster than a character
  // loop (the text is often two-byte: one name in Vietnamese is enough). `len` stands for none.
  const find = (c: string, at: number): number => {
    const i = text.indexOf(c, at);
    return i === -1 ? len : i;
  };
  // The line-break character that is not the newline (CR on LF files, LF on CR files): the
  // newline can be inside a quoted cell only, the other one anywhere; cells are searched for
  // breaks only when one of them falls inside.
  const other = crlf ? '\r' : '\n';
  let consumed = 0;
  let cursor = 0;
  let nextDelim = find(delimiter, 0);
  let nextNl = find(newline, 0);
  let nextOther = find(other, 0);
  let row: string[] = [];
  let held = 0;
  while (records.length < max) {
    let value: string;
    if (text.charCodeAt(cursor) === QUOTE) {
      let q = cursor;
      let escaped = false;
      for (;;) {
        q = text.indexOf('"', q + 1);
        if (q === -1 || q === len - 1) return done();
        if (text.charCodeAt(q + 1) !== QUOTE) break;
        escaped = true;
        q++;
      }
      const raw = text.slice(cursor + 1, q);
      value = escaped ? raw.replace(/""/g, '"') : raw;
      const inside = nextNl < q || nextOther < q;
      const after = text.charCodeAt(q + 1);
      let last = false;
      if (after === delim) cursor = q + 2;
      else if (after === nl) {
        cursor = q + 2;
        last = true;
      } else if (crlf && after === CR) {
        if (q + 2 >= len) return done();
        if (text.charCodeAt(q + 2) !== LF) return null;
        cursor = q + 3;
        last = true;
      } else return null;
      if (last && crlf && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
      if (inside) held += breaksIn(value);
      if (nextDelim < cursor) nextDelim = find(delimiter, cursor);
      if (nextNl < cursor) nextNl = find(newline, cursor);
      if (nextOther < cursor) nextOther = find(other, cursor);
      row.push(value);
      if (!last) continue;
    } else if (nextDelim < nextNl) {
      value = text.slice(cursor, nextDelim);
      if (nextOther < nextDelim) held += breaksIn(value);
      row.push(value);
      cursor = nextDelim + 1;
      nextDelim = find(delimiter, cursor);
      if (nextOther < cursor) nextOther = find(other, cursor);
      continue;
    } else {
      if (nextNl === len) return done();
      let end = nextNl;
      // The CR of a CR LF line is dropped from the last cell.
      if (crlf && end > cursor && text.charCodeAt(end - 1) === CR) end--;
      value = text.slice(cursor, end);
      if (nextOther < end) held += breaksIn(value);
      row.push(value);
      cursor = nextNl + 1;
      nextNl = find(newline, cursor);
      if (nextOther < cursor) nextOther = find(other, cursor);
    }
    records.push(row);
    breaks.push(held);
    row = [];
    held = 0;
    consumed = cursor;
  }
  return done();
}

/** How many line breaks a cell holds (CRLF, LF and CR each count one), for line numbers. */
export function breaksIn(cell: string): number {
  let n = 0;
  let i = cell.indexOf('\n');
  while (i !== -1) {
    n++;
    i = cell.indexOf('\n', i + 1);
  }
  i = cell.indexOf('\r');
  while (i !== -1) {
    if (cell.charCodeAt(i + 1) !== 10) n++;
    i = cell.indexOf('\r', i + 1);
  }
  return n;
}
