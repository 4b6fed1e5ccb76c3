import { describe, expect, it } from 'vitest';
import {
  countInvalidBytes,
  decodeUtf8Escaping,
  hasControlCharacters,
  hasInvalidBytes,
  incompleteUtf8Tail,
  invalidBytesHex,
  readInvalidBytesAs1252,
  visibleOddCharacters,
  withoutControlCharacters,
} from '../../../src-core/reading/odd-characters';
import { sniffBytes } from '../../../src-core/reading/sniff-bytes';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('bytes that are not valid UTF-8 are kept, never replaced', () => {
  it('decodes valid UTF-8 exactly as TextDecoder does, emoji and accents included', () => {
    const text = 'Zoë;Lefèvre;💀;€;日本\n';
    expect(decodeUtf8Escaping(utf8(text))).toBe(text);
    expect(hasInvalidBytes(text)).toBe(false); // 💀 is D83D DC80: a real pair, not an escaped byte
  });

  it('keeps a Latin-1 byte as itself, so it reads back as Windows-1252', () => {
    // "Zoë;Dupré" appended in Latin-1 after UTF-8 text.
    const bytes = concat(
      utf8('Zoé;'),
      new Uint8Array([0x5a, 0x6f, 0xeb, 0x3b, 0x44, 0x75, 0x70, 0x72, 0xe9])
    );
    const text = decodeUtf8Escaping(bytes);
    expect(text).not.toContain('\uFFFD');
    expect(hasInvalidBytes(text)).toBe(true);
    expect(countInvalidBytes(text)).toBe(2);
    expect(invalidBytesHex(text)).toBe('EB E9');
    expect(readInvalidBytesAs1252(text)).toBe('Zoé;Zoë;Dupré');
    expect(visibleOddCharacters(text)).toBe('Zoé;Zo�;Dupr�');
  });

  it('reads Windows-1252’s own 0x80–0x9F characters, and says nothing for its five unassigned bytes', () => {
    const text = decodeUtf8Escaping(
      new Uint8Array([0x80, 0x20, 0x93, 0x4f, 0x4b, 0x94, 0x20, 0x81])
    );
    expect(readInvalidBytesAs1252(text)).toBe('€ “OK” \uFFFD');
  });

  it('an overlong form, a surrogate and a cut character are invalid byte by byte', () => {
    expect(invalidBytesHex(decodeUtf8Escaping(new Uint8Array([0xc0, 0xaf])))).toBe('C0 AF');
    expect(invalidBytesHex(decodeUtf8Escaping(new Uint8Array([0xed, 0xa0, 0x80])))).toBe(
      'ED A0 80'
    );
    // A lead byte followed by ASCII: the lead alone is invalid, the ASCII stays.
    expect(decodeUtf8Escaping(new Uint8Array([0xe9, 0x61]))).toBe('\uDCE9a');
  });

  it('knows how many bytes at a chunk’s end wait for the next chunk', () => {
    const euro = utf8('€'); // E2 82 AC
    expect(incompleteUtf8Tail(concat(utf8('a'), euro.subarray(0, 1)))).toBe(1);
    expect(incompleteUtf8Tail(concat(utf8('a'), euro.subarray(0, 2)))).toBe(2);
    expect(incompleteUtf8Tail(concat(utf8('a'), euro))).toBe(0);
    expect(incompleteUtf8Tail(utf8('💀').subarray(0, 3))).toBe(3);
    expect(incompleteUtf8Tail(new Uint8Array([0x61, 0xeb]))).toBe(1); // a Latin-1 ë at the end: maybe a lead byte
    expect(incompleteUtf8Tail(new Uint8Array([0x61, 0x80]))).toBe(0); // a lone continuation byte never completes
  });
});

describe('control characters', () => {
  it('are found, shown as symbols and removed; tabs and line breaks are not control characters here', () => {
    expect(hasControlCharacters('Jan\tDe Vos\r\n')).toBe(false);
    for (const c of ['\x00', '\x01', '\x07', '\x0b', '\x0c', '\x1b', '\x1f', '\x7f'])
      expect(hasControlCharacters(`a${c}b`), JSON.stringify(c)).toBe(true);
    expect(visibleOddCharacters('Ja\x00n \x1b[0m\x7f')).toBe('Ja␀n ␛[0m␡');
    expect(withoutControlCharacters('Ja\x00n\x1b Pe\teters\x07')).toBe('Jan Pe\teters');
  });
});

describe('a text export with stray control bytes is text; binaries stay binary', () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => `p${i}@example.com;NL;Jan;Peeters`).join('\r\n');

  it('a NUL, an ESC and a BEL in 2,000 rows do not make a file binary', () => {
    const text = rows(2000)
      .replace('p10@', 'p10\x00@')
      .replace('p20@', 'p20\x1b@')
      .replace('p30@', 'p30\x07@');
    expect(sniffBytes(utf8(text))).toEqual({ kind: 'text', encoding: 'utf-8', bomLength: 0 });
  });

  it('data full of NULs and control bytes is binary', () => {
    const program = new Uint8Array(4096).map((_, i) =>
      i % 4 === 0 ? 0x41 : i % 3 === 0 ? 0x00 : 0x02
    );
    expect(sniffBytes(program)).toEqual({ kind: 'binary', looksLike: null });
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(sniffBytes(noise)).toMatchObject({ kind: 'binary' });
    expect(sniffBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]))).toEqual({
      kind: 'binary',
      looksLike: 'a PDF document',
    });
    expect(sniffBytes(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toEqual({
      kind: 'binary',
      looksLike: 'a program',
    });
  });
});
