import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../../src-main/reading/open-source';
import type { SourceRow } from '../../../src-core/reading/source-table';
import { tempHome } from '../../harness/temp-home';

const dir = tempHome('courier-read-');

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir.path, name);
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
    const batched: SourceRow[] = [];
    for await (const batch of source.batches()) batched.push(...batch);
    expect(batched).toEqual(source.preview);
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

  it('numbers lines exactly whatever line breaks cells hold, up to a last line without a break', async () => {
    // Rows 0–999 hold no break in a cell, 1000–1999 LFs, 2000–2499 CRLFs and lone CRs (the
    // reader looks for breaks in cells only where a batch's text shows there are some).
    let text = 'id,note\r\n';
    let line = 2;
    const expected: number[] = [];
    for (let i = 0; i < 2500; i++) {
      expected.push(line);
      const note = i < 1000 ? 'plain' : i < 2000 ? (i % 3 === 0 ? '"a\nb"' : 'x') : i % 8 === 0 ? '"a\r\nb\rc"' : i % 8 === 4 ? '"a\rb"' : 'y';
      line += 1 + (note.match(/\r\n|\r|\n/g) ?? []).length;
      text += `${i},${note}${i < 2499 ? '\r\n' : ''}`;
    }
    const source = await openSource(await file('lines.csv', text));
    const rows = await all(source.rows());
    expect(rows.map(r => r.line)).toEqual(expected);
    expect(rows[2000]!.cells).toEqual(['2000', 'a\r\nb\rc']);
  });
});
