import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { breaksIn, strictDelimiter, strictRecords } from '../../../src-core/reading/strict-csv';

/** What the reader took from papaparse before the fast path: records, CR dropped, breaks per record. */
function papaparseRecords(text: string, delimiter: string, newline: '\n' | '\r', max: number) {
  const parser = new Papa.Parser({
    delimiter,
    newline,
    quoteChar: '"',
    fastMode: false,
    preview: max,
  });
  const result = parser.parse(text, 0, true) as { data: string[][]; meta: { cursor: number } };
  const records = result.data.map(cells => {
    const last = cells.length - 1;
    if (newline === '\n' && cells[last]!.endsWith('\r')) cells[last] = cells[last]!.slice(0, -1);
    return cells;
  });
  return {
    records,
    consumed: result.meta.cursor,
    breaks: records.map(cells => cells.reduce((n, c) => n + breaksIn(c), 0)),
  };
}

/** A seeded random source, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe('strictRecords (the fast path of the CSV reader)', () => {
  it('reads well-formed CSV as papaparse does: quotes, doubled quotes, line breaks in cells, CRLF, a record cut at the end', () => {
    const text =
      'Id,Name,Note\r\n1,"De Vos, Jan","said ""hi""\r\nthen left"\r\n2,Zoë,\r\n3,"x\r",y\r\n4,"unfinished\n';
    const fast = strictRecords(text, ',', '\n', 1000);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(papaparseRecords(text, ',', '\n', 1000));
    expect(fast!.records.at(-1)).toEqual(['3', 'x\r', 'y']);
    expect(fast!.breaks).toEqual([0, 1, 0, 1]);
  });

  it('stops after `max` records, at the same place as papaparse', () => {
    const text = 'a;b\nc;"d\ne"\nf;g\nh;i\n';
    expect(strictRecords(text, ';', '\n', 2)).toEqual(papaparseRecords(text, ';', '\n', 2));
    expect(strictRecords(text, ';', '\n', 2)!.consumed).toBe(12);
  });

  it('gives up (null) on text that only papaparse’s lenient rules read', () => {
    expect(strictRecords('a,"b" ,c\n', ',', '\n', 10)).toBeNull();
    expect(strictRecords('a,"b"x\nc\n', ',', '\n', 10)).toBeNull();
    expect(strictRecords('a,"b"\rc\n', ',', '\n', 10)).toBeNull();
  });

  it('accepts only one-character delimiters papaparse keeps', () => {
    expect([',', ';', '\t', '|'].every(strictDelimiter)).toBe(true);
    expect(['"', '\n', '\r', '::', ''].some(strictDelimiter)).toBe(false);
  });

  it('agrees with papaparse on 20,000 random texts, well-formed or not, whenever it answers', () => {
    const next = seeded(7);
    const pieces = [
      'a',
      'bc',
      'é',
      ' ',
      ',',
      ';',
      '"',
      '""',
      '\n',
      '\r',
      '\r\n',
      '"x,y"',
      '"l1\r\nl2"',
    ];
    let answered = 0;
    for (let n = 0; n < 20_000; n++) {
      const length = 1 + Math.floor(next() * 30);
      let text = '';
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      const delimiter = next() < 0.7 ? ',' : ';';
      const newline = next() < 0.85 ? '\n' : '\r';
      const max = 1 + Math.floor(next() * 6);
      const fast = strictRecords(text, delimiter, newline, max);
      if (fast === null) continue;
      answered++;
      expect(fast, JSON.stringify({ text, delimiter, newline, max })).toEqual(
        papaparseRecords(text, delimiter, newline, max)
      );
    }
    // Most random texts hold a stray quote; enough must still take the fast path to mean something.
    expect(answered).toBeGreaterThan(5_000);
  });
});
