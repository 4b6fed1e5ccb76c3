import { describe, expect, it } from 'vitest';
import { DuplicateFinder, SeenKeys } from '../../../src-core/preparation/duplicate-finder';

describe('DuplicateFinder', () => {
  it('reports every later row with an earlier row’s key, naming the first one', () => {
    const finder = new DuplicateFinder();
    const keys: Array<[number, number]> = [];
    for (let i = 0; i < 20_000; i++) keys.push([Math.imul(i, 0x9e3779b1), i ^ 0x5a5a]);
    keys.forEach(([hi, lo], row) => finder.add(hi, lo, row, row + 2));
    // Row 20000 repeats row 7, row 20001 repeats row 7 again, row 20002 repeats row 19999.
    finder.add(keys[7]![0], keys[7]![1], 20_000, 20_002);
    finder.add(keys[7]![0], keys[7]![1], 20_001, 20_003);
    finder.add(keys[19_999]![0], keys[19_999]![1], 20_002, 20_004);
    // Same high half, different low half: not a duplicate.
    finder.add(keys[3]![0], 12345, 20_003, 20_005);
    expect(finder.duplicates()).toEqual([
      { row: 20_000, line: 20_002, firstLine: 9 },
      { row: 20_001, line: 20_003, firstLine: 9 },
      { row: 20_002, line: 20_004, firstLine: 20_001 },
    ]);
  });

  it('handles negative halves (unsigned order) and nothing at all', () => {
    const finder = new DuplicateFinder();
    expect(finder.duplicates()).toEqual([]);
    finder.add(-1, -5, 0, 2);
    finder.add(1, -5, 1, 3);
    finder.add(-1, -5, 2, 4);
    expect(finder.duplicates()).toEqual([{ row: 2, line: 4, firstLine: 2 }]);
  });
});

describe('SeenKeys', () => {
  it('tells the first line of a key seen before, across growth and shared halves', () => {
    const seen = new SeenKeys();
    for (let i = 0; i < 100_000; i++) {
      // Many keys share a high half (and a low half): only both together are the key.
      const hi = i % 97;
      const lo = Math.imul(i, 0x45d9f3b);
      expect(seen.firstLine(hi, lo)).toBe(-1);
      seen.add(hi, lo, i + 2);
    }
    for (let i = 0; i < 100_000; i += 997)
      expect(seen.firstLine(i % 97, Math.imul(i, 0x45d9f3b))).toBe(i + 2);
    expect(seen.firstLine(5, 12345)).toBe(-1);
    expect(seen.firstLine(0, 0)).toBe(2);
  });

  it('works the same when sized beforehand, with more keys than the hint said', () => {
    for (const expected of [0, 1000, 50_000, 10_000_000]) {
      const seen = new SeenKeys(expected);
      for (let i = 0; i < 60_000; i++) {
        expect(seen.firstLine(i % 97, Math.imul(i, 0x45d9f3b))).toBe(-1);
        seen.add(i % 97, Math.imul(i, 0x45d9f3b), i + 2);
      }
      for (let i = 0; i < 60_000; i += 997)
        expect(seen.firstLine(i % 97, Math.imul(i, 0x45d9f3b))).toBe(i + 2);
      expect(seen.firstLine(5, 12345)).toBe(-1);
    }
  });
});
