import { describe, expect, it } from 'vitest';
import { isUtf8, sniffBytes } from '../../../src-core/reading/sniff-bytes';
import { detectDialect, detectNewline } from '../../../src-core/reading/detect-dialect';
import { detectHeaderRecord, fitToWidth, uniqueColumnNames } from '../../../src-core/reading/detect-header';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new Uint8Array([...s].map(c => c.charCodeAt(0)));
const utf8 = (s: string) => {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return new Uint8Array(out);
};

describe('sniffBytes', () => {
  it('recognises byte-order marks', () => {
    expect(sniffBytes(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ kind: 'text', encoding: 'utf-8', bomLength: 3 });
    expect(sniffBytes(bytes(0xff, 0xfe, 0x61, 0))).toEqual({ kind: 'text', encoding: 'utf-16le', bomLength: 2 });
    expect(sniffBytes(bytes(0xfe, 0xff, 0, 0x61))).toEqual({ kind: 'text', encoding: 'utf-16be', bomLength: 2 });
  });

  it('tells UTF-8 from Windows-1252 by validity', () => {
    expect(sniffBytes(utf8('Nom;Prénom\nZoë;Lefèvre\n'))).toMatchObject({ encoding: 'utf-8', bomLength: 0 });
    // "Zoë" and "€" in Windows-1252: 0xEB and 0x80 are not valid UTF-8 here.
    expect(sniffBytes(bytes(...ascii('Zo'), 0xeb, 0x3b, 0x80, 0x0a))).toMatchObject({ encoding: 'windows-1252' });
  });

  it('accepts a UTF-8 head cut in the middle of a character', () => {
    const full = utf8('abc é');
    expect(isUtf8(full.subarray(0, full.length - 1), true)).toBe(true);
    expect(isUtf8(full.subarray(0, full.length - 1), false)).toBe(false);
    expect(isUtf8(bytes(0xc0, 0x80))).toBe(false); // overlong
    expect(isUtf8(bytes(0xed, 0xa0, 0x80))).toBe(false); // surrogate
    expect(isUtf8(utf8('😀 ok'))).toBe(true);
  });

  it('recognises UTF-16 without a BOM from its zero bytes', () => {
    const le = new Uint8Array([...ascii('name,city\n')].flatMap(b => [b, 0]));
    const be = new Uint8Array([...ascii('name,city\n')].flatMap(b => [0, b]));
    expect(sniffBytes(le)).toMatchObject({ kind: 'text', encoding: 'utf-16le', bomLength: 0 });
    expect(sniffBytes(be)).toMatchObject({ kind: 'text', encoding: 'utf-16be', bomLength: 0 });
  });

  it('recognises Greek and Cyrillic UTF-16 without a BOM', () => {
    const text = 'Όνομα;Πόλη;Email\r\nΓιώργος;Αθήνα;g@x.gr\r\nИмя;Москва;i@x.ru\r\nЕлена;Санкт-Петербург;12\r\n';
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    expect(sniffBytes(le)).toEqual({ kind: 'text', encoding: 'utf-16le', bomLength: 0 });
    expect(sniffBytes(be)).toEqual({ kind: 'text', encoding: 'utf-16be', bomLength: 0 });
    // The same text in UTF-8, and bytes with a few zeros in no pattern, stay what they are.
    expect(sniffBytes(utf8(text))).toMatchObject({ kind: 'text', encoding: 'utf-8' });
    const noise = new Uint8Array(400).map((_, i) => (i % 37 === 0 ? 0 : (i * 97) % 251 || 1));
    expect(sniffBytes(noise)).not.toMatchObject({ encoding: 'utf-16le' });
    expect(sniffBytes(noise)).not.toMatchObject({ encoding: 'utf-16be' });
  });

  it('recognises bare BIFF streams (Excel 2.x to 5 files)', () => {
    expect(sniffBytes(bytes(0x09, 0x00, 0x04, 0x00, 0x02, 0x00, 0x10, 0x00))).toEqual({ kind: 'biff' });
    expect(sniffBytes(bytes(0x09, 0x02, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0, 0))).toEqual({ kind: 'biff' });
    expect(sniffBytes(bytes(0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x00, 0x01, 0, 0))).toEqual({ kind: 'biff' });
    expect(sniffBytes(bytes(0x09, 0x08, 0x08, 0x00, 0x00, 0x05, 0x10, 0x00))).toEqual({ kind: 'biff' });
    // A tab-started text file is not one.
    expect(sniffBytes(ascii('\tname\tcity\n'))).toMatchObject({ kind: 'text' });
  });

  it('recognises containers and binaries', () => {
    expect(sniffBytes(bytes(0x50, 0x4b, 3, 4, 0))).toEqual({ kind: 'zip' });
    expect(sniffBytes(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toEqual({ kind: 'ole' });
    expect(sniffBytes(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))).toEqual({ kind: 'binary', looksLike: 'a PNG image' });
    expect(sniffBytes(bytes(0x61, 0x00, 0x62, 0x01, 0x02, 0x03, 0x00, 0x00))).toMatchObject({ kind: 'binary' });
  });
});

describe('detectDialect', () => {
  it('picks the delimiter that splits lines consistently', () => {
    expect(detectDialect('a,b,c\n1,2,3\n4,5,6\n').delimiter).toBe(',');
    expect(detectDialect('a\tb\n1\t2\n').delimiter).toBe('\t');
    expect(detectDialect('a|b|c\n1|2|3\n').delimiter).toBe('|');
    expect(detectDialect('name,note\n"a;b;c",x\n"d;e",y\n').delimiter).toBe(',');
  });

  it('reads a semicolon file with decimal commas as semicolon-separated', () => {
    const sample = 'Name;Amount;Rate;Qty\nBob;1,5;0,25;3\nAnn;12,75;1;4\nEve;3;2,5;1,5\n';
    expect(detectDialect(sample).delimiter).toBe(';');
  });

  it('honours Excel’s sep= line', () => {
    expect(detectDialect('sep=|\r\na,b|c\r\n')).toEqual({ delimiter: '|', newline: '\r\n', sepLine: true });
  });

  it('falls back for a single column', () => {
    expect(detectDialect('email\na@x.be\n').delimiter).toBe(',');
    expect(detectDialect('email\na@x.be\n', '\t').delimiter).toBe('\t');
  });

  it('finds the record separator outside quoted cells', () => {
    expect(detectNewline('a,b\r\n"x\ny",2\r\n3,4\r\n')).toBe('\r\n');
    expect(detectNewline('a,b\n1,2\n')).toBe('\n');
    expect(detectNewline('a,b\r1,2\r3,4\r')).toBe('\r');
  });
});

describe('header detection and column names', () => {
  const rec = (line: number, ...cells: string[]) => ({ line, cells });

  it('skips title lines, blank lines and an export date above the header', () => {
    const records = [
      rec(1, 'Contacts export'),
      rec(2, 'Export date: 2026-11-20', ''),
      rec(3, '', '', ''),
      rec(4, 'Email', 'Name', 'City'),
      rec(5, 'a@x.be', 'Ann', 'Gent'),
      rec(6, 'b@x.be', 'Bob', ''),
    ];
    expect(detectHeaderRecord(records)).toBe(3);
  });

  it('takes the first line of a plain table and -1 when there is nothing', () => {
    expect(detectHeaderRecord([rec(1, 'a', 'b'), rec(2, '1', '2')])).toBe(0);
    expect(detectHeaderRecord([rec(1, ''), rec(2, ' ', '')])).toBe(-1);
  });

  it('names blank and repeated columns uniquely and readably', () => {
    expect(uniqueColumnNames(['Email', '', 'Email', ' Name ', 'email', 'Email (2)'])).toEqual([
      'Email',
      'Column 2',
      'Email (3)',
      'Name',
      'email (4)',
      'Email (2)',
    ]);
    expect(uniqueColumnNames(['\uFEFFid', 'x'], 4)).toEqual(['id', 'x', 'Column 3', 'Column 4']);
  });

  it('fits rows to the table without dropping a value', () => {
    expect(fitToWidth(['a'], 3)).toEqual(['a', '', '']);
    expect(fitToWidth(['a', 'b', '', ''], 2)).toEqual(['a', 'b']);
    expect(fitToWidth(['a', 'b', '', 'kept'], 2)).toEqual(['a', 'b', '', 'kept']);
  });
});
