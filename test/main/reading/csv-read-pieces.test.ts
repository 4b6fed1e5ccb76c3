import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceRow } from '../../../src-core/reading/source-table';
import { streamCsvBatches, type CsvPlan } from '../../../src-main/reading/csv-stream';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-pieces-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 10 });
});

async function readAll(plan: CsvPlan, chunkBytes: number) {
  const rows: SourceRow[] = [];
  let progress = 0;
  for await (const batch of streamCsvBatches(plan, {
    chunkBytes,
    onProgress: bytes => (progress = bytes),
  }))
    rows.push(...batch);
  return { rows, progress };
}

describe('the CSV reader reads the disk in bigger pieces than it decodes', () => {
  it('gives the same rows and lines whatever the piece size, characters cut between pieces included', async () => {
    let text = 'Id,Name,Note\r\n';
    // About 900 kB: several disk reads, each split into many pieces of an odd size, so that
    // two-, three- and four-byte characters are cut between pieces and between reads.
    for (let i = 0; i < 12_000; i++)
      text += `${i},Zoë Nguyễn 😀 ${i},"line one\nline ${i}, two"\r\n`;
    const path = join(dir, 'contacts.csv');
    await writeFile(path, text);
    const size = Buffer.byteLength(text);
    const plan: CsvPlan = {
      path,
      fileName: 'contacts.csv',
      encoding: 'utf-8',
      bomLength: 0,
      delimiter: ',',
      newline: '\r\n',
      headerRecord: 0,
      width: 3,
    };
    const whole = await readAll(plan, 1 << 20);
    expect(whole.rows).toHaveLength(12_000);
    expect(whole.rows[11_999]).toEqual({
      index: 11_999,
      line: 2 + 2 * 11_999,
      cells: ['11999', 'Zoë Nguyễn 😀 11999', 'line one\nline 11999, two'],
    });
    expect(whole.progress).toBe(size);
    for (const pieces of [1 << 16, 1001, 7]) {
      const read = await readAll(plan, pieces);
      expect(read.rows).toEqual(whole.rows);
      expect(read.progress).toBe(size);
    }
  });
});
