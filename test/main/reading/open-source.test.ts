import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSource } from '../../../src-main/reading/open-source';
import type { SourceRow } from '../../../src-core/reading/source-table';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-read-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function all(rows: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('openSource on text exports', () => {
  it('finds the header under title lines, names blank and repeated columns, keeps decimal commas', async () => {
    const path = await file('a.csv', 'Export date: 2026-11-20\n\nName;Amount;Email;Email;;Zip\nBob;1,5;b@x.com;;;01234\n"Al\r\nice";2,25;a@x.com;q;;0099\n');
    const source = await openSource(path);
    expect(source.format).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', headerRow: 3, sheet: null });
    expect(source.columns).toEqual(['Name', 'Amount', 'Email', 'Email (2)', 'Column 5', 'Zip']);
    expect(source.preview).toEqual([
      { index: 0, line: 4, cells: ['Bob', '1,5', 'b@x.com', '', '', '01234'] },
      { index: 1, line: 5, cells: ['Al\r\nice', '2,25', 'a@x.com', 'q', '', '0099'] },
    ]);
    expect(await all(source.rows())).toEqual(source.preview);
  });

  it('honours Excel’s sep= line and does not treat it as data', async () => {
    const path = await file('b.csv', 'sep=;\r\na;b\r\n1;"x\ny"\r\n2;3\r\n');
    const source = await openSource(path);
    expect(source.format).toMatchObject({ delimiter: ';', headerRow: 2 });
    expect(source.columns).toEqual(['a', 'b']);
    expect((await all(source.rows())).map(r => [r.line, ...r.cells])).toEqual([
      [3, '1', 'x\ny'],
      [5, '2', '3'],
    ]);
  });
});
