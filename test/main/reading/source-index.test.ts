import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../../../src-core/reading/source-table';
import { openSource, type OpenedSource } from '../../../src-main/reading/open-source';
import { indexSource, type IndexProgress } from '../../../src-main/reading/source-index';
import { tempHome } from '../../harness/temp-home';

const dir = tempHome('courier-index-');

/** A contacts table with quoted commas, line breaks inside cells and accents. */
function contacts(rows: number, newline = '\r\n'): string {
  const lines = ['Email;Name;Note;City'];
  for (let i = 0; i < rows; i++) {
    const note = i % 5 === 0 ? `"called twice;\nno answer ${i}"` : i % 7 === 0 ? '"said ""later"""' : `note ${i}`;
    lines.push(`user${i}@example.com;Zoë Lefèvre ${i};${note};Liège`);
  }
  return lines.join(newline) + newline;
}

async function all(source: OpenedSource): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const row of source.rows()) out.push(row);
  return out;
}

describe('indexSource on text files', () => {
  it('reads in a worker, reports progress, and serves any window of rows from disk', async () => {
    const path = join(dir.path, 'contacts.csv');
    await writeFile(path, contacts(20_000));
    const source = await openSource(path);
    const expected = await all(source);
    expect(expected).toHaveLength(20_000);
    const progress: IndexProgress[] = [];
    const index = indexSource(source, { checkpointEvery: 500, onProgress: p => progress.push(p) });
    // Windows can be fetched before the read is over (from the start or the last resume point).
    expect(await index.getRows(15_000, 15_003)).toEqual(expected.slice(15_000, 15_003));
    expect(await index.finished).toBe(20_000);
    expect(progress.at(-1)).toEqual({ bytesRead: source.sizeBytes, totalBytes: source.sizeBytes, rowsRead: 20_000, done: true, rowCount: 20_000 });
    for (const [start, end] of [
      [0, 5],
      [499, 502],
      [12_345, 12_400],
      [19_990, 20_000],
      [19_998, 20_050],
    ] as const) {
      expect(await index.getRows(start, end)).toEqual(expected.slice(start, end));
    }
    expect(await index.getRows(20_000, 20_010)).toEqual([]);
    expect((await index.getRows(0, 100_000)).length).toBe(5000);
    await expect(index.getRows(5, 2)).rejects.toMatchObject({ code: 'read.bad-window' });
    await index.close();
  });

  it.each([
    ['windows-1252', (text: string) => iconv.encode(text, 'windows-1252')],
    ['utf-16le', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
  ])('keeps exact byte offsets in %s', async (encoding, encode) => {
    const path = join(dir.path, `contacts-${encoding}.csv`);
    await writeFile(path, encode(contacts(3000, '\n').replace(/Liège/g, '€ Liège')));
    const source = await openSource(path);
    expect(source.format.encoding).toBe(encoding);
    const expected = await all(source);
    const index = indexSource(source, { checkpointEvery: 100, inProcess: true });
    expect(await index.finished).toBe(3000);
    expect(await index.getRows(2345, 2350)).toEqual(expected.slice(2345, 2350));
    expect((await index.getRows(2345, 2346))[0]!.cells[3]).toBe('€ Liège');
  });

  it('stays right after bytes that are not valid UTF-8 (kept as themselves, one byte each in resume points)', async () => {
    const path = join(dir.path, 'mostly-utf8.csv');
    // Past the first megabyte, so the file is detected as UTF-8 from a clean head.
    const text = contacts(30_000, '\n');
    const cut = text.indexOf('user20000@');
    await writeFile(path, Buffer.concat([Buffer.from(text.slice(0, cut)), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(text.slice(cut))]));
    const source = await openSource(path);
    const expected = await all(source);
    expect(source.format.encoding).toBe('utf-8');
    const index = indexSource(source, { checkpointEvery: 100, inProcess: true });
    await index.finished;
    expect(await index.getRows(25_000, 25_003)).toEqual(expected.slice(25_000, 25_003));
    expect(await index.getRows(19_999, 20_001)).toEqual(expected.slice(19_999, 20_001));
    expect(expected[20_000]!.cells[0]).toBe('\uDCFF\uDCFEAuser20000@example.com');
  });

  it('can be cancelled', async () => {
    const path = join(dir.path, 'cancel.csv');
    await writeFile(path, contacts(50_000));
    const source = await openSource(path);
    const index = indexSource(source, { inProcess: true });
    index.cancel();
    await expect(index.finished).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('indexSource on workbooks', () => {
  it('serves windows from the records the single pass over the sheet wrote, and cleans up', async () => {
    const source = await openSource(join(import.meta.dirname, '../../fixtures/reading/contacts.xlsx'));
    const index = indexSource(source, { checkpointEvery: 2 });
    expect(await index.finished).toBe(3);
    const rows = await index.getRows(1, 3);
    expect(rows.map(r => [r.index, r.line, r.cells[0]])).toEqual([
      [1, 5, 'jan@example.be'],
      [2, 6, ''],
    ]);
    expect(rows).toEqual(source.preview.slice(1, 3));
    expect(await index.getRows(3, 10)).toEqual([]);
    await index.close();
    await source.dispose?.();
    await expect(access(source.plan.kind === 'workbook' ? source.plan.workbook.recordsFile : '')).rejects.toThrow();
  });

  it('reports how far through a big sheet the pass is, in bytes of the file', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const path = join(dir.path, 'big.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = book.addWorksheet('Contacts');
    sheet.addRow(['Email', 'Name', 'City']).commit();
    for (let i = 0; i < 10_000; i++) sheet.addRow([`u${i}@x.be`, `Zoë ${i}`, 'Liège']).commit();
    sheet.commit();
    await book.commit();
    const source = await openSource(path);
    const seen: IndexProgress[] = [];
    const index = indexSource(source, { onProgress: p => seen.push(p) });
    expect(await index.finished).toBe(10_000);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.bytesRead).toBeGreaterThanOrEqual(seen[i - 1]!.bytesRead);
      expect(seen[i]!.rowsRead).toBeGreaterThanOrEqual(seen[i - 1]!.rowsRead);
    }
    expect(seen.every(p => p.bytesRead <= source.sizeBytes && p.totalBytes === source.sizeBytes)).toBe(true);
    expect(seen.at(-1)).toEqual({ bytesRead: source.sizeBytes, totalBytes: source.sizeBytes, rowsRead: 10_000, done: true, rowCount: 10_000 });
    expect((await index.getRows(9_998, 10_000)).map(r => [r.line, r.cells[0]])).toEqual([
      [10_000, 'u9998@x.be'],
      [10_001, 'u9999@x.be'],
    ]);
    await source.dispose?.();
  });
});
