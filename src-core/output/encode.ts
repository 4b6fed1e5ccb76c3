import type { OutputEncoding } from '../destinations/destination';

/**
 * Text → bytes for the output encodings, written here because core has no TextEncoder or Buffer.
 *
 * Windows-1252 and ISO-8859-1 never replace a character they cannot hold: callers ask
 * `firstUnencodable` first and report such a value as an issue; `encodeInto` refuses them.
 */

// Windows-1252 bytes 0x80-0x9F (WHATWG's table; the five unassigned bytes map to their C1 code point).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const fromUnicode1252 = new Map<number, number>(CP1252_HIGH.map((cp, i) => [cp, 0x80 + i]));

function byte1252(cp: number): number {
  if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) return cp;
  return fromUnicode1252.get(cp) ?? -1;
}

const SURROGATE = /[\ud800-\udfff]/;

/** The first character a value cannot be written with in this encoding, or null. */
export function firstUnencodable(value: string, encoding: OutputEncoding): string | null {
  const single = encoding === 'windows-1252' || encoding === 'iso-8859-1';
  // UTF-8 holds everything but a broken surrogate pair; a native regex scan is much faster.
  if (!single && !SURROGATE.test(value)) return null;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = value.charCodeAt(i + 1);
      const paired = c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      if (!paired || single) return paired ? value.slice(i, i + 2) : value[i]!;
      i++;
      continue;
    }
    if (encoding === 'iso-8859-1' && c > 0xff) return value[i]!;
    if (encoding === 'windows-1252' && byte1252(c) < 0) return value[i]!;
  }
  return null;
}

/** A growable byte buffer. */
export class ByteBuilder {
  bytes: Uint8Array;
  length = 0;
  /** Characters that could not be written (only counted when not `strict`; written as `?` or U+FFFD). */
  unencodable = 0;
  /** Strict builders throw on an unencodable character; lenient ones count it (the caller then reports it). */
  readonly strict: boolean;
  /** ASCII characters to count in `watched` while encoding (e.g. the delimiter of a no-quote file). */
  watch: Uint8Array = new Uint8Array(128);
  /** How many watched characters were written. */
  watched = 0;
  constructor(initial = 1024, strict = true) {
    this.bytes = new Uint8Array(initial);
    this.strict = strict;
  }
  /** Appends one byte (an ASCII delimiter or line ending). */
  appendByte(byte: number): void {
    if (this.length === this.bytes.length) this.reserve(1);
    this.bytes[this.length++] = byte;
  }
  /** Forgets everything after `length` bytes (a row that turned out not to fit). */
  truncate(length: number): void {
    this.length = length;
  }
  /** Makes room for `extra` more bytes. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
  /** Appends raw bytes. */
  append(bytes: Uint8Array, length = bytes.length): void {
    this.reserve(length);
    this.bytes.set(length === bytes.length ? bytes : bytes.subarray(0, length), this.length);
    this.length += length;
  }
  /** Appends text in an encoding; throws on a character the encoding cannot hold (a bug: check first). */
  appendText(text: string, encoding: OutputEncoding): void {
    if (encoding === 'utf-8' || encoding === 'utf-8-bom') this.appendUtf8(text);
    else this.appendSingleByte(text, encoding);
  }
  private appendUtf8(text: string): void {
    if (this.length + text.length * 3 > this.bytes.length) this.reserve(text.length * 3);
    const out = this.bytes;
    let n = this.length;
    const length = text.length;
    let i = 0;
    // ASCII run first: most of a contact file.
    const watch = this.watch;
    let watched = 0;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) break;
      watched += watch[c]!;
      out[n++] = c;
    }
    for (; i < length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        watched += watch[c]!;
        out[n++] = c;
      } else if (c < 0x800) {
        out[n++] = 0xc0 | (c >> 6);
        out[n++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 0x3f);
        out[n++] = 0x80 | ((c >> 6) & 0x3f);
        out[n++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          if (this.strict) throw new Error('Unpaired surrogate in output text');
          this.unencodable++;
          c = 0xfffd;
        }
        out[n++] = 0xe0 | (c >> 12);
        out[n++] = 0x80 | ((c >> 6) & 0x3f);
        out[n++] = 0x80 | (c & 0x3f);
      }
    }
    this.length = n;
    this.watched += watched;
  }
  private appendSingleByte(text: string, encoding: 'windows-1252' | 'iso-8859-1'): void {
    this.reserve(text.length);
    const out = this.bytes;
    let n = this.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) this.watched += this.watch[c]!;
      const b = c < 0x80 ? c : encoding === 'iso-8859-1' ? (c <= 0xff ? c : -1) : byte1252(c);
      if (b < 0) {
        if (this.strict) throw new Error(`Character U+${c.toString(16)} cannot be written in ${encoding}`);
        this.unencodable++;
        out[n++] = 0x3f;
        continue;
      }
      out[n++] = b;
    }
    this.length = n;
  }
  /** A copy of the bytes written so far. */
  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
  clear(): void {
    this.length = 0;
  }
}

/** Encodes a whole string (throws on an unencodable character: check with `firstUnencodable`). */
export function encodeText(text: string, encoding: OutputEncoding): Uint8Array {
  const b = new ByteBuilder(Math.max(16, text.length * (encoding.startsWith('utf-8') ? 3 : 1)));
  b.appendText(text, encoding);
  return b.toBytes();
}

/** The bytes every file of this encoding starts with. */
export const bomOf = (encoding: OutputEncoding): Uint8Array => (encoding === 'utf-8-bom' ? new Uint8Array([0xef, 0xbb, 0xbf]) : new Uint8Array(0));

/** Decodes UTF-8 (for previews and tests; invalid sequences become U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  let out = '';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const parts: string[] = [];
  while (i < bytes.length) {
    const b = bytes[i]!;
    let cp = 0xfffd;
    let len = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0 && i + 1 < bytes.length) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      len = 2;
    } else if (b >= 0xe0 && b < 0xf0 && i + 2 < bytes.length) {
      cp = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      len = 3;
    } else if (b >= 0xf0 && b < 0xf5 && i + 3 < bytes.length) {
      cp = ((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
      len = 4;
    }
    out += String.fromCodePoint(cp);
    i += len;
    if (out.length > 8192) {
      parts.push(out);
      out = '';
    }
  }
  parts.push(out);
  return parts.join('');
}

/** Decodes Windows-1252 or ISO-8859-1 bytes (for previews and tests). */
export function decodeSingleByte(bytes: Uint8Array, encoding: 'windows-1252' | 'iso-8859-1'): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(encoding === 'windows-1252' && b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
  return out;
}

/** Decodes bytes written in any output encoding. */
export function decodeText(bytes: Uint8Array, encoding: OutputEncoding): string {
  return encoding === 'utf-8' || encoding === 'utf-8-bom' ? decodeUtf8(bytes) : decodeSingleByte(bytes, encoding);
}
