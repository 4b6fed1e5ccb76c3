/**
 * Characters in a cell that nobody typed and nobody can see: bytes that were not valid UTF-8
 * (rows appended in Latin-1 to a UTF-8 export), and control characters (NUL, ESC… that database
 * exports carry). They are read and kept, never replaced, so a person can be told which row and
 * column hold them and choose a fix; they are never written to an output file.
 */

/**
 * A byte that is not valid UTF-8 is read as the lone surrogate U+DC80–U+DCFF (0xDC00 plus the
 * byte, Python's "surrogateescape"). No valid text decodes to a lone surrogate, so the original
 * byte is known exactly and can be read again in Windows-1252 on request.
 */
export const escapedByte = (byte: number): number => 0xdc00 + byte;

/** A byte kept as a lone surrogate (not the low half of a real surrogate pair such as 💀). */
const ESCAPED = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;
const ESCAPED_ALL = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;

/** Control characters: C0 but tab, LF and CR (which cells may hold), and DEL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_ALL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;

/** Either kind, for one quick look (a lone low surrogate may still be half of a real pair). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ODD = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uDC80-\uDCFF]/;

/** The control character codes, for scanners that look at one code unit at a time. */
export const controlCodes: readonly number[] = [...Array(32).keys()]
  .filter(c => c !== 9 && c !== 10 && c !== 13)
  .concat(0x7f);

/** Whether text holds a byte that was not valid UTF-8 where it was read. */
export const hasInvalidBytes = (text: string): boolean => ESCAPED.test(text);

const LOW_SURROGATE = /[\uDC80-\uDCFF]/;

/** How many bytes that were not valid UTF-8 a text holds. */
export const countInvalidBytes = (text: string): number =>
  LOW_SURROGATE.test(text) ? (text.match(ESCAPED_ALL)?.length ?? 0) : 0;

/** Whether text holds a control character. */
export const hasControlCharacters = (text: string): boolean => CONTROL.test(text);

// Windows-1252 for bytes 0x80–0x9F; its five unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) have no
// character at all and become U+FFFD, which the fix's before-and-after shows.
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
  0x152, 0xfffd, 0x17d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0xfffd, 0x17e, 0x178,
];

/** The character a byte 0x80–0xFF stands for in Windows-1252. */
function windows1252Char(byte: number): string {
  return String.fromCharCode(byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : byte);
}

/** Text with each byte that was not valid UTF-8 read as Windows-1252 instead (“Zo\uDCEB” → “Zoë”). */
export function readInvalidBytesAs1252(text: string): string {
  return hasInvalidBytes(text)
    ? text.replace(ESCAPED_ALL, c => windows1252Char(c.charCodeAt(0) - 0xdc00))
    : text;
}

/** The invalid bytes of a text in hexadecimal, as a person can look them up (“EB”, “E9 E8”). */
export function invalidBytesHex(text: string): string {
  return (text.match(ESCAPED_ALL) ?? [])
    .map(c => (c.charCodeAt(0) - 0xdc00).toString(16).toUpperCase().padStart(2, '0'))
    .join(' ');
}

/** Text without its control characters. */
export const withoutControlCharacters = (text: string): string =>
  hasControlCharacters(text) ? text.replace(CONTROL_ALL, '') : text;

/**
 * Text as a message may show it: control characters as their visible symbols (␀, ␛, ␡) and
 * invalid bytes as U+FFFD, so a message never carries either.
 */
export function visibleOddCharacters(text: string): string {
  if (!ODD.test(text)) return text;
  let shown = text;
  if (hasControlCharacters(shown))
    shown = shown.replace(CONTROL_ALL, c =>
      String.fromCharCode(c === '\x7f' ? 0x2421 : 0x2400 + c.charCodeAt(0))
    );
  if (hasInvalidBytes(shown)) shown = shown.replace(ESCAPED_ALL, '\uFFFD');
  return shown;
}

/**
 * Decodes UTF-8 keeping every invalid byte as an escaped byte (see `escapedByte`) instead of
 * replacing it. `bytes` must end on a character boundary (see `incompleteUtf8Tail`).
 */
export function decodeUtf8Escaping(bytes: Uint8Array): string {
  const n = bytes.length;
  const parts: string[] = [];
  let units: number[] = [];
  const flush = () => {
    if (units.length > 0) parts.push(String.fromCharCode(...units));
    units = [];
  };
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (units.length >= 8192) flush();
    if (b < 0x80) {
      units.push(b);
      i++;
      continue;
    }
    const need =
      b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    let cp = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    let ok = need > 0 && i + need < n;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      // One byte at a time: the next byte may start a valid character of its own.
      units.push(escapedByte(b));
      i++;
      continue;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else units.push(cp);
    i += need + 1;
  }
  flush();
  return parts.join('');
}

/**
 * How many bytes at the end of a chunk start a character the chunk does not finish (0–3): they
 * wait for the next chunk. Bytes that could never be finished count as 0 (they are invalid).
 */
export function incompleteUtf8Tail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const need =
      b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    return need >= back ? back : 0;
  }
  return 0;
}
