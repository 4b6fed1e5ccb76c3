import { ByteBuilder } from './encode';
import { lineWriter, neutraliseFormula } from './csv-line';
import { OutputFormat } from '../destinations/destination';
import { visibleOddCharacters } from '../reading/odd-characters';

/**
 * The folder, beside the files to send, that holds the rows left out. They carry every source
 * column, mapped or not (a private note, a national number), so they never sit where an upload
 * picks files up, and no output file may take this name (see `fileNames`).
 */
export const REJECTED_FOLDER = 'rejected';

/** The rejected-rows file inside `REJECTED_FOLDER`. */
export const REJECTED_FILE = 'rejected.csv';

/** The words of a rejected-rows file: its two headers of Courier's and each row's reason (see `rejectedWords`, src-core/words). */
export type RejectedWords<R> = Readonly<{
  line: string;
  why: string;
  reason: (row: R) => string;
}>;

// Excel opens a UTF-8 file with a BOM correctly; CRLF and standard quoting are what it writes.
const format = OutputFormat.parse({ delimiter: ',', quoting: 'standard', encoding: 'utf-8-bom', lineEnding: 'crlf' });

/**
 * The rejected rows as a CSV the person who made the export can open in Excel: their own columns
 * as read, plus a last column saying why. Cells that a spreadsheet would run as a formula are
 * neutralised (this file is opened by people, not imported).
 */
export function rejectedRowsCsv<R extends Readonly<{ cells: readonly string[]; sourceLine: number }>>(
  sourceColumns: readonly string[],
  rejected: ReadonlyArray<R>,
  words: RejectedWords<R>
): Uint8Array {
  const write = lineWriter(format);
  const out = new ByteBuilder(4096);
  out.append(new Uint8Array([0xef, 0xbb, 0xbf]));
  // Control characters and bytes that were not valid UTF-8 are shown as symbols (␀, �): a file
  // never carries them, and a person sees where they were.
  out.appendText(write([words.line, ...sourceColumns.map(visibleOddCharacters), words.why].map(neutraliseFormula)), 'utf-8');
  for (const r of rejected) {
    const cells = sourceColumns.map((_, i) => neutraliseFormula(visibleOddCharacters(r.cells[i] ?? '')));
    out.appendText(write([String(r.sourceLine), ...cells, words.reason(r)]), 'utf-8');
  }
  return out.toBytes();
}
