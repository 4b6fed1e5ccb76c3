import { Transform } from 'node:stream';
import { inflateEntry, type ZipEntry } from './zip-file';

/**
 * Gives every `<row>` and `<c>` of a worksheet part the `r` attribute it may leave out.
 *
 * In OOXML a row without `r` is the row after the previous one, and a cell without `r` the cell
 * after the previous one in its row; some generators write them so. exceljs (and Courier's fast
 * preview, which mirrors it) needs the reference on each, and failed with "Cannot read properties
 * of undefined". This adds the missing ones as it streams the part; everything else passes
 * through byte for byte (a part that has them all is handed on unchanged).
 *
 * It works on bytes: `<` starts markup everywhere in XML except inside comments, CDATA sections
 * and processing instructions, which are skipped whole.
 */
export function numberRowsAndCells(): Transform {
  let carry: Buffer | null = null;
  let row = 0;
  let column = 0;

  /** Handles `data` up to the last piece of markup it cannot finish; returns what is left. */
  const process = (data: Buffer, push: (b: Buffer) => void, final: boolean): Buffer | null => {
    let from = 0;
    let at = data.indexOf(LT);
    while (at >= 0) {
      // `<row` and its next byte must be there to tell the tag (the rest comes with the next chunk).
      if (at + 5 > data.length && !final) break;
      const next = data[at + 1];
      if (next === undefined) break;
      if (next === BANG || next === QUESTION) {
        // A comment, CDATA section, DOCTYPE or processing instruction: skipped to its end.
        const end = skipSpecial(data, at);
        if (end < 0) break;
        at = data.indexOf(LT, end);
        continue;
      }
      const isRow =
        next === 0x72 && data[at + 2] === 0x6f && data[at + 3] === 0x77 && endsName(data[at + 4]);
      const isCell = next === 0x63 && endsName(data[at + 2]);
      if (!isRow && !isCell) {
        at = data.indexOf(LT, at + 1);
        continue;
      }
      const close = tagEnd(data, at);
      if (close < 0) break;
      const tag = data.toString('latin1', at, close);
      const r = /\sr\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
      const given = r ? (r[1] ?? r[2] ?? '') : undefined;
      const nameEnd = at + (isRow ? 4 : 2);
      if (isRow) {
        const n = given !== undefined && /^\d+$/.test(given) ? Number(given) : NaN;
        column = 0;
        if (Number.isFinite(n)) row = n;
        else if (given === undefined) {
          row += 1;
          push(data.subarray(from, nameEnd));
          push(Buffer.from(` r="${row}"`, 'latin1'));
          from = nameEnd;
        }
      } else {
        const letters = given === undefined ? null : /^([A-Za-z]{1,3})\d*$/.exec(given)?.[1];
        if (letters) column = columnNumber(letters);
        else if (given === undefined) {
          column += 1;
          push(data.subarray(from, nameEnd));
          push(Buffer.from(` r="${columnLetters(column)}${Math.max(row, 1)}"`, 'latin1'));
          from = nameEnd;
        }
      }
      at = data.indexOf(LT, close);
    }
    if (at < 0 || final) {
      if (from < data.length) push(data.subarray(from));
      return null;
    }
    if (from < at) push(data.subarray(from, at));
    return data.subarray(at);
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      carry = process(data, b => this.push(b), false);
      callback();
    },
    flush(callback) {
      if (carry) process(carry, b => this.push(b), true);
      carry = null;
      callback();
    },
  });
}

const LT = 0x3c;
const GT = 0x3e;
const BANG = 0x21;
const QUESTION = 0x3f;

/** Whether a byte ends an element name (white space, `>` or `/`); undefined: not known yet. */
const endsName = (b: number | undefined): boolean =>
  b === undefined || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === GT || b === 0x2f;

/** Where a start tag ends (just after its `>`, quotes respected), or -1 if not in `data`. */
function tagEnd(data: Buffer, at: number): number {
  let quote = 0;
  for (let i = at + 1; i < data.length; i++) {
    const b = data[i]!;
    if (quote) {
      if (b === quote) quote = 0;
    } else if (b === 0x22 || b === 0x27) quote = b;
    else if (b === GT) return i + 1;
  }
  return -1;
}

const COMMENT_END = Buffer.from('-->');
const CDATA_END = Buffer.from(']]>');
const PI_END = Buffer.from('?>');

/** Where `<!...>` or `<?...?>` ends (just after it), or -1 if not in `data`. */
function skipSpecial(data: Buffer, at: number): number {
  const head = data.toString('latin1', at, Math.min(data.length, at + 9));
  let end: Buffer;
  if (head.startsWith('<?')) end = PI_END;
  else if (head.startsWith('<!--')) end = COMMENT_END;
  else if (head.startsWith('<![CDATA[')) end = CDATA_END;
  else if (head.length < 9 && ('<!--'.startsWith(head) || '<![CDATA['.startsWith(head))) return -1;
  else {
    // A DOCTYPE (refused later by the readers anyway): to its `>`.
    const close = data.indexOf(GT, at);
    return close < 0 ? -1 : close + 1;
  }
  const found = data.indexOf(end, at + 2);
  return found < 0 ? -1 : found + end.length;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** How much of a sheet's start is looked at for rows and cells without `r`. */
const LOOK_AHEAD_BYTES = 64 * 1024;

/**
 * Whether a sheet part leaves out `r` on a row or cell in its first 64 KB. Numbering every sheet
 * as it streams would cost about a tenth of a big read; writers leave the references out from the
 * start (all of them, or those of consecutive cells), so the start of the part tells.
 */
export async function leavesOutReferences(part: AsyncIterable<Buffer>): Promise<boolean> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of part) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= LOOK_AHEAD_BYTES) break;
  }
  const numbering = numberRowsAndCells();
  let numbered = 0;
  numbering.on('data', (chunk: Buffer) => (numbered += chunk.length));
  for (const chunk of chunks) numbering.write(chunk);
  numbering.end();
  await new Promise<void>((resolve, reject) => {
    numbering.on('end', resolve);
    numbering.on('error', reject);
  });
  return numbered !== length;
}

/** Whether a sheet's zip entry leaves out the `r` of its rows or cells (see `leavesOutReferences`). */
export async function leavesOutReferencesIn(
  path: string,
  fileName: string,
  entry: ZipEntry,
  signal?: AbortSignal
): Promise<boolean> {
  const part = await inflateEntry(path, fileName, entry, { signal });
  try {
    return await leavesOutReferences(part);
  } finally {
    part.destroy();
  }
}
