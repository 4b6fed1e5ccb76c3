import { describe, expect, it } from 'vitest';
import { destination, preset, rows, NOW } from './helpers';
import { createPreparation, prepareRows, sinksParts, type PreparationInput } from '../../../src-core/preparation/prepare';
import type { Destination } from '../../../src-core/destinations/destination';

/** Prepares the same rows in memory and with a part sink (each part copied as it comes). */
function both(d: Destination, header: string[], data: string[][], extra: Partial<PreparationInput> = {}) {
  const mapping = Object.fromEntries(d.columns.map(c => [c.name, header.includes(c.name) ? c.name : null]));
  const input: PreparationInput = { destination: d, sourceColumns: header, mapping, now: NOW, excludeInvalid: true, ...extra };
  const memory = prepareRows(input, rows(data));
  const parts: Uint8Array[] = [];
  const p = createPreparation({ ...input, partSink: { put: bytes => void parts.push(bytes.slice()) } });
  for (const row of rows(data)) p.push(row);
  return { memory, sunk: p.finishSunk(), parts };
}

describe('a part sink', () => {
  // Byte and row limits, invalid rows, a row too large for a file, later duplicates left out.
  const d = destination({
    columns: [{ name: 'Email', rule: 'email', required: true }, { name: 'Name' }],
    limits: { maxBytes: 120, maxRows: 4 },
    duplicateKey: ['Email'],
    duplicates: 'leave-out',
    output: { lineEnding: 'crlf', encoding: 'utf-8-bom' },
    fileName: 'out_{date}.csv',
  });
  const data = Array.from({ length: 40 }, (_, i) => [
    i % 9 === 4 ? 'not an address' : i % 11 === 7 ? 'person1@example.be' : `person${i}@example.be`,
    i === 14 ? 'x'.repeat(200) : `Zoë ${i}`,
  ]);

  it('gets every part as it would have been in memory, in order, with the same names, counts and issues', () => {
    const { memory, sunk, parts } = both(d, ['Email', 'Name'], data);
    expect(memory.files.length).toBeGreaterThan(5);
    expect(parts.map(b => Buffer.from(b).toString('hex'))).toEqual(memory.files.map(f => Buffer.from(f.bytes).toString('hex')));
    expect(sunk.files).toEqual(memory.files.map((f, part) => ({ name: f.name, rows: f.rows, innerName: null, part, size: f.bytes.length })));
    const { files: _m, ...memoryRest } = memory;
    const { files: _s, ...sunkRest } = sunk;
    expect(sunkRest).toEqual(memoryRest);
    expect(memory.issues.map(i => i.code)).toEqual(expect.arrayContaining(['email.invalid', 'limit.row-too-large', 'duplicate.key']));
  });

  it('gets the header-only file of an empty export, and nothing when no row is sent', () => {
    const empty = both(d, ['Email', 'Name'], []);
    expect(empty.parts.map(b => Buffer.from(b).toString('utf8'))).toEqual(['\ufeffEmail,Name\r\n']);
    expect(empty.sunk.files).toEqual([{ name: empty.memory.files[0]!.name, rows: 0, innerName: null, part: 0, size: empty.parts[0]!.length }]);
    const none = both(d, ['Email', 'Name'], [['nope', 'a']]);
    expect(none.memory.files).toEqual([]);
    expect(none.sunk.files).toEqual([]);
    expect(none.parts).toEqual([]);
  });

  it('is refused for outputs written from whole parts, and each way of finishing needs its own mode', () => {
    expect(sinksParts(preset('hello-customer'))).toBe(true);
    expect(sinksParts(preset('digitaleo'))).toBe(!preset('digitaleo').output.zip);
    const zipped = destination({ columns: [{ name: 'Email' }], output: { zip: true } });
    expect(sinksParts(zipped)).toBe(false);
    const input = { destination: zipped, sourceColumns: ['Email'], mapping: { Email: 'Email' }, now: NOW };
    expect(() => createPreparation({ ...input, partSink: { put: () => {} } })).toThrow(/cannot go to a sink/);
    expect(() => createPreparation(input).finishSunk()).toThrow(/needs a part sink/);
    const plain = { ...input, destination: d, mapping: { Email: 'Email', Name: null } };
    expect(() => createPreparation({ ...plain, partSink: { put: () => {} } }).finish()).toThrow(/finishSunk/);
  });
});
