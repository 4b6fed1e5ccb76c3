import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../../../src-core/reading/source-table';
import { openSource, type OpenedSource } from '../../../src-main/reading/open-source';
import { indexSource } from '../../../src-main/reading/source-index';
import { tempHome } from '../../harness/temp-home';

const dir = tempHome('courier-newlines-');

const all = async (source: OpenedSource): Promise<SourceRow[]> => {
  const out: SourceRow[] = [];
  for await (const row of source.rows()) out.push(row);
  return out;
};

// An export with rows appended by another program: CRLF and LF lines in one file, and a quoted
// address with a CRLF line break inside it, which must stay a line break inside the cell.
const text = (crlfFirst: boolean) => {
  const [a, b] = crlfFirst ? ['\r\n', '\n'] : ['\n', '\r\n'];
  return `Email;Name;Address${a}an@x.be;Ann;Main St 1${a}bo@x.be;Bob;"Line 1\r\nLine 2"${a}cy@x.be;Cy;${b}di@x.be;Di;Quay 4${b}${a}ed@x.be;Ed;"Dock ""7"""${a}`;
};

const expected: SourceRow[] = [
  { index: 0, line: 2, cells: ['an@x.be', 'Ann', 'Main St 1'] },
  { index: 1, line: 3, cells: ['bo@x.be', 'Bob', 'Line 1\r\nLine 2'] },
  { index: 2, line: 5, cells: ['cy@x.be', 'Cy', ''] },
  { index: 3, line: 6, cells: ['di@x.be', 'Di', 'Quay 4'] },
  { index: 4, line: 8, cells: ['ed@x.be', 'Ed', 'Dock "7"'] },
];

describe('a file that mixes CRLF and LF lines', () => {
  for (const crlfFirst of [true, false]) {
    it(`keeps one row per line, with no stray carriage return (${crlfFirst ? 'mostly CRLF' : 'mostly LF'})`, async () => {
      const path = join(dir.path, 'appended.csv');
      await writeFile(path, text(crlfFirst));
      const source = await openSource(path);
      expect(source.columns).toEqual(['Email', 'Name', 'Address']);
      expect(source.preview).toEqual(expected);
      expect(await all(source)).toEqual(expected);
      // The background index (the grid's rows) reads the same.
      const index = indexSource(source, { checkpointEvery: 2 });
      expect(await index.finished).toBe(5);
      expect(await index.getRows(0, 10)).toEqual(expected);
      expect(await index.getRows(3, 5)).toEqual(expected.slice(3));
      await index.close();
      await source.dispose?.();
    });
  }

  // The trade-off, stated: an unquoted LF in a CRLF file ends a row (as every spreadsheet program
  // reads it), so rows appended by another program are never merged into the row above. A line
  // break inside a value must be quoted, as Excel and every CRM write it.
  it('ends a row at an unquoted LF even in a file of CRLF lines', async () => {
    const path = join(dir.path, 'notes.csv');
    await writeFile(path, 'Email;Note\r\nan@x.be;first\nbo@x.be;second\r\ncy@x.be;"two\nlines"\r\n');
    const source = await openSource(path);
    expect((await all(source)).map(r => r.cells)).toEqual([
      ['an@x.be', 'first'],
      ['bo@x.be', 'second'],
      ['cy@x.be', 'two\nlines'],
    ]);
  });

  it('still reads a file of old Mac CR lines', async () => {
    const path = join(dir.path, 'mac.csv');
    await writeFile(path, 'Email;Name\ran@x.be;Ann\rbo@x.be;Bob\r');
    const source = await openSource(path);
    expect((await all(source)).map(r => r.cells)).toEqual([
      ['an@x.be', 'Ann'],
      ['bo@x.be', 'Bob'],
    ]);
  });
});
