/**
 * What a file is, judged from its first bytes: a zip (XLSX or a zipped export), an OLE compound
 * file (legacy XLS, or any Office file protected with a password), a bare BIFF stream (Excel 2.x,
 * 3 and 4 files, and Excel 5 worksheets saved outside a compound file), text in some encoding, or
 * something else (an image, a PDF, a program) that Courier cannot read.
 */

/** The kind of container the first bytes announce. */
export type ByteKind =
  | Readonly<{ kind: 'zip' }>
  | Readonly<{ kind: 'ole' }>
  | Readonly<{ kind: 'biff' }>
  | Readonly<{ kind: 'text'; encoding: TextEncoding; bomLength: number }>
  | Readonly<{ kind: 'binary'; looksLike: string | null }>;

/** The encodings Courier reads text in (names as iconv-lite and the CLI spell them). */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const signatures: readonly (readonly [readonly number[], string])[] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x42, 0x4d], 'a BMP image'],
  [[0x52, 0x49, 0x46, 0x46], 'a media file'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program'],
  [[0x4d, 0x5a], 'a program'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x49, 0x44, 0x33], 'an MP3 file'],
  [[0x00, 0x00, 0x01, 0x00], 'an icon'],
];

/**
 * Classifies a file from its head (the first few hundred kilobytes are plenty).
 *
 * Text detection: a byte-order mark wins; otherwise UTF-16 without a BOM is recognised by its
 * zero bytes at every other position; otherwise valid UTF-8 is UTF-8 and anything else is
 * Windows-1252 (what Excel and most Windows CRMs write). Text that is mostly control bytes is
 * binary, whatever its extension says.
 */
export function sniffBytes(head: Uint8Array): ByteKind {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole' };
  if (isBareBiff(head)) return { kind: 'biff' };
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: 'text', encoding: 'utf-8', bomLength: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be', bomLength: 2 };
  for (const [prefix, looksLike] of signatures) {
    if (startsWith(head, prefix)) return { kind: 'binary', looksLike };
  }
  const utf16 = sniffUtf16WithoutBom(head);
  if (utf16) return { kind: 'text', encoding: utf16, bomLength: 0 };
  if (looksBinary(head)) return { kind: 'binary', looksLike: null };
  return { kind: 'text', encoding: isUtf8(head, true) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/** BIFF record types of a beginning-of-file record: BIFF2, BIFF3, BIFF4, BIFF5 and later. */
const BOF_RECORDS: ReadonlySet<number> = new Set([0x0009, 0x0209, 0x0409, 0x0809]);
/** What a BOF record says the stream holds: workbook globals, VB module, sheet, chart, macro sheet, BIFF4 workbook. */
const BOF_KINDS: ReadonlySet<number> = new Set([0x0005, 0x0006, 0x0010, 0x0020, 0x0040, 0x0100]);

/**
 * Whether a file is a bare BIFF stream: it starts with a beginning-of-file record (type, a length
 * of 4 to 20 bytes, a version, then what the stream holds). Excel 2.x–4 wrote these as `.xls`
 * files; SheetJS reads them.
 */
function isBareBiff(head: Uint8Array): boolean {
  if (head.length < 8) return false;
  const word = (at: number) => head[at]! | (head[at + 1]! << 8);
  const length = word(2);
  return BOF_RECORDS.has(word(0)) && length >= 4 && length <= 20 && BOF_KINDS.has(word(6));
}

function sniffUtf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // Latin text in UTF-16 has a zero in (nearly) every high byte and (almost) none in the low byte.
  if (oddZeros > pairs * 0.7 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.7 && oddZeros < pairs * 0.05) return 'utf-16be';
  // Greek, Cyrillic... in UTF-16: the high bytes are the script's block (0x03, 0x04...) and zero
  // for the separators, digits and line breaks between words; the low bytes are never zero.
  if (oddZeros >= Math.max(2, pairs * 0.01) && evenZeros === 0 && fewHighBytes(head, n, 1)) return 'utf-16le';
  if (evenZeros >= Math.max(2, pairs * 0.01) && oddZeros === 0 && fewHighBytes(head, n, 0)) return 'utf-16be';
  return null;
}

/**
 * Whether the bytes at one parity (the high bytes of UTF-16 code units) take so few values that
 * they are the blocks of one or two scripts, and the text they make has no control characters
 * (other than tab and line breaks): what single-byte or UTF-8 text never does.
 */
function fewHighBytes(head: Uint8Array, n: number, high: 0 | 1): boolean {
  const counts = new Map<number, number>();
  let control = 0;
  for (let i = 0; i < n; i += 2) {
    const hi = head[i + high]!;
    const lo = head[i + 1 - high]!;
    counts.set(hi, (counts.get(hi) ?? 0) + 1);
    if (hi === 0 && lo < 0x20 && lo !== 0x09 && lo !== 0x0a && lo !== 0x0d) control++;
    // Surrogates and the private-use area are not what a text export is made of.
    if (hi >= 0xd8 && hi <= 0xf8) return false;
  }
  const top = [...counts.values()].sort((a, b) => b - a);
  const pairs = n / 2;
  return control === 0 && (top[0]! + (top[1] ?? 0) + (top[2] ?? 0)) / pairs >= 0.95;
}

/**
 * Whether a head is a binary file rather than text: more than 3% control bytes (NUL included;
 * tab, line breaks and form feed not). A few stray NULs or escape characters, as database exports
 * carry, leave a text file text: its cells holding them are flagged when it is prepared. Images,
 * programs and archives are mostly refused by their signature before this is asked.
 */
function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > 0.03;
}

/**
 * Whether bytes are valid UTF-8.
 *
 * With `truncated`, an incomplete sequence at the very end is accepted: the head of a file is
 * cut anywhere, possibly in the middle of a character.
 */
export function isUtf8(bytes: Uint8Array, truncated = false): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return false;
    if (i + need >= n) {
      // Not enough bytes left: fine only when the head was cut in the middle of this character.
      if (!truncated) return false;
      for (let k = i + 1; k < n; k++) if ((bytes[k]! & 0xc0) !== 0x80) return false;
      return true;
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}
