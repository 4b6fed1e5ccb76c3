import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { SourceRow } from '../../../src-core/reading/source-table';
import { breaksIn } from '../../../src-core/reading/strict-csv';
import { openSource } from '../../../src-main/reading/open-source';
import { indexSource } from '../../../src-main/reading/source-index';
import { tempHome } from '../../harness/temp-home';

const dir = tempHome('courier-strict-');

/**
 * About 600 kB of contacts (many 64 kB read chunks): quoted commas, CRLF and LF breaks inside
 * cells, doubled quotes, accents, CRLF lines with some LF lines mixed in, and two rows only
 * papaparse's lenient rules read (spaces after a closing quote, a stray quote after one).
 */
function contacts(): string {
  let text = 'Id,Name,Address,Note\r\n';
  for (let i = 0; i < 6000; i++) {
    const address =
      i % 3 === 0
        ? `"Rue ${i}, boîte ${i % 9}${i % 2 ? '\r\n' : '\n'}1000 Brussel"`
        : `Kerkstraat ${i}`;
    // Two odd rows: the batch holding one is read by papaparse, the others by the fast path.
    const note =
      i === 1234 ? '"odd" ' : i === 4567 ? '"a"b"' : i % 11 === 0 ? '"said ""hi"""' : 'ok';
    text += `${i + 1},Zoë Nguyễn ${i},${address},${note}${i % 50 === 0 ? '\n' : '\r\n'}`;
  }
  return text;
}

/** What the reader gave before the fast path: papaparse on the whole text, CR dropped, lines counted. */
function reference(text: string): SourceRow[] {
  const records = Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
  }).data;
  let line = 1;
  const rows: SourceRow[] = [];
  records.forEach((cells, r) => {
    const last = cells.length - 1;
    if (cells[last]!.endsWith('\r')) cells[last] = cells[last]!.slice(0, -1);
    const start = line;
    line += 1 + cells.reduce((n, c) => n + breaksIn(c), 0);
    if (r > 0 && !(cells.length === 1 && cells[0] === ''))
      rows.push({ index: rows.length, line: start, cells });
  });
  return rows;
}

describe('the CSV reader’s strict fast path', () => {
  it('reads a large export, odd rows included, exactly as papaparse alone: cells, line numbers, and the index’s windows', async () => {
    const text = contacts();
    const path = join(dir.path, 'contacts.csv');
    await writeFile(path, text);
    const expected = reference(text);
    const source = await openSource(path);
    const rows: SourceRow[] = [];
    for await (const row of source.rows()) rows.push(row);
    expect(rows.length).toBe(6000);
    expect(rows).toEqual(expected);
    const batched: SourceRow[] = [];
    for await (const batch of source.batches()) batched.push(...batch);
    expect(batched).toEqual(expected);
    // The index reads in 1 MB chunks with checkpoints; a window from the middle must agree too.
    const index = indexSource(source);
    expect(await index.finished).toBe(6000);
    expect(await index.getRows(4321, 4400)).toEqual(expected.slice(4321, 4400));
    await index.close();
  });
});
