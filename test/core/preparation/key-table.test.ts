import { describe, expect, it } from 'vitest';
import { KeyTable } from '../../../src-core/preparation/key-table';

describe('KeyTable', () => {
  it('remembers the first line of each key through growth', () => {
    const table = new KeyTable(4);
    for (let i = 0; i < 10_000; i++) expect(table.getOrAdd(i * 7919, i ^ 0x5555, i)).toBe(-1);
    for (let i = 0; i < 10_000; i++) expect(table.getOrAdd(i * 7919, i ^ 0x5555, 99_999)).toBe(i);
    // Same high half, different low half: a different key.
    expect(table.getOrAdd(0, 1, 5)).toBe(-1);
  });
});
