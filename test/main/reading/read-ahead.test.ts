import { readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../../../src-core/reading/source-table';
import { FULL_READ_CHUNK_BYTES, streamCsvBatches, type CsvPlan } from '../../../src-main/reading/csv-stream';
import { openSource } from '../../../src-main/reading/open-source';
import { READ_AHEAD_MIN_BYTES, readAheadBatches } from '../../../src-main/reading/read-ahead';
import { tempHome } from '../../harness/temp-home';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { parseDestination } from '../../../src-core/destinations/destination';
import { prepareFile } from '../../../src-main/preparation/prepare-file';

const dir = tempHome('courier-read-ahead-');
const fixtures = new URL('../../fixtures/reading/', import.meta.url).pathname;

/** The id the next thread gets (ids are given in order), by starting one that ends at once. */
async function nextThreadId(): Promise<number> {
  const probe = new Worker('', { eval: true });
  const id = probe.threadId;
  await new Promise(resolve => probe.once('exit', resolve));
  return id;
}

/** Every row, with the progress said last and the error the read ended with. */
async function readAll(batches: AsyncIterable<readonly SourceRow[]>): Promise<{ rows: SourceRow[]; error: unknown }> {
  const rows: SourceRow[] = [];
  try {
    for await (const batch of batches) rows.push(...batch);
    return { rows, error: null };
  } catch (error) {
    return { rows, error };
  }
}

async function planOf(path: string): Promise<CsvPlan> {
  const source = await openSource(path);
  if (source.plan.kind !== 'csv') throw new Error(`${path} is not a text file`);
  return source.plan.csv;
}

/** Reads a file both ways: in this thread, and ahead in the read-ahead worker. */
async function bothWays(path: string) {
  const plan = await planOf(path);
  const size = statSync(path).size;
  const here: [number, number][] = [];
  const ahead: [number, number][] = [];
  const inThread = await readAll(streamCsvBatches(plan, { chunkBytes: FULL_READ_CHUNK_BYTES, onProgress: (b, r) => here.push([b, r]) }));
  const readAhead = await readAll(readAheadBatches(plan, size, { onProgress: (b, r) => ahead.push([b, r]) }));
  return { inThread, readAhead, here, ahead };
}

/** About 1.2 MB of contacts: quoted delimiters and line breaks, doubled quotes, accents, CRLF and LF lines. */
function contacts(rows: number): string {
  let text = 'Id;Name;Address;Note\r\n';
  for (let i = 0; i < rows; i++) {
    const address = i % 3 === 0 ? `"Rue ${i}; boîte ${i % 9}${i % 2 ? '\r\n' : '\n'}1000 Brussel"` : `Kerkstraat ${i}`;
    const note = i === 1234 ? '"odd" ' : i % 11 === 0 ? '"said ""hi"""' : i % 17 === 0 ? '' : 'ok 😀';
    text += `${i + 1};Zoë Nguyễn ${i};${address};${note}${i % 50 === 0 ? '\n' : '\r\n'}`;
  }
  return text;
}

describe('reading a text export ahead, in a worker', () => {
  it('gives the same rows, lines and progress as reading it in this thread', async () => {
    const path = join(dir.path, 'contacts.csv');
    await writeFile(path, contacts(20_000));
    const { inThread, readAhead, here, ahead } = await bothWays(path);
    expect(inThread.error).toBeNull();
    expect(readAhead.error).toBeNull();
    expect(readAhead.rows.length).toBe(20_000);
    expect(readAhead.rows).toEqual(inThread.rows);
    // Progress moves along the way and ends where the in-thread read ends: the whole file.
    expect(ahead.length).toBeGreaterThan(1);
    expect(ahead.at(-1)).toEqual(here.at(-1));
    for (let i = 1; i < ahead.length; i++) expect(ahead[i]![0]).toBeGreaterThanOrEqual(ahead[i - 1]![0]);
  });

  it('gives the same rows for every kind of text file the reader knows', async () => {
    const files = [
      ...['windows-1252.csv', 'utf16le-bom.txt', 'utf16be-bom.txt', 'utf8-bom.csv', 'cr-only.csv', 'mixed-crlf-lf-in-cells.csv', 'sep-line.csv', 'stray-quote.csv', 'title-lines.csv', 'leading-zeros.csv'].map(f => join(fixtures, f)),
      ...readdirSync(join(fixtures, 'csv-spectrum')).filter(f => f.endsWith('.csv')).map(f => join(fixtures, 'csv-spectrum', f)),
    ];
    expect(files.length).toBeGreaterThan(15);
    for (const path of files) {
      const { inThread, readAhead } = await bothWays(path);
      expect([path, readAhead.rows]).toEqual([path, inThread.rows]);
      expect([path, readAhead.error]).toEqual([path, inThread.error]);
    }
  });

  it('ends with the same error, after the same rows, when the file is damaged', async () => {
    const path = join(dir.path, 'unclosed.csv');
    await writeFile(path, `${contacts(3000)}3001;Jan;"Rue sans fin\r\n3002;Piet;Kerkstraat;ok\r\n`);
    const { inThread, readAhead } = await bothWays(path);
    expect(inThread.error).toMatchObject({ code: 'read.unclosed-quote' });
    expect(readAhead.error).toMatchObject({ code: 'read.unclosed-quote', message: (inThread.error as Error).message });
    expect(readAhead.rows).toEqual(inThread.rows);
  });

  it('stops the worker when the reader stops early or is cancelled', async () => {
    const path = join(dir.path, 'contacts.csv');
    await writeFile(path, contacts(20_000));
    const plan = await planOf(path);
    const size = statSync(path).size;
    // A consumer that takes one batch and leaves.
    for await (const batch of readAheadBatches(plan, size)) {
      expect(batch[0]!.index).toBe(0);
      break;
    }
    const controller = new AbortController();
    let taken = 0;
    const cancelled = readAll(
      (async function* () {
        for await (const batch of readAheadBatches(plan, size, { signal: controller.signal })) {
          taken += batch.length;
          if (taken >= 1000) controller.abort();
          yield batch;
        }
      })()
    );
    const { error, rows } = await cancelled;
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(rows.length).toBeLessThan(20_000);
    // Cancelled before it starts: nothing is read.
    const before = new AbortController();
    before.abort();
    const none = await readAll(readAheadBatches(plan, size, { signal: before.signal }));
    expect(none.error).toMatchObject({ code: 'cancelled' });
    expect(none.rows).toEqual([]);
    // The worker is gone and nothing was left behind: the file reads whole again.
    expect((await readAll(readAheadBatches(plan, size))).rows.length).toBe(20_000);
  });

  it('is how a big text file is read for a preparation, and only then', async () => {
    const path = join(dir.path, 'big.csv');
    const text = contacts(Math.ceil((READ_AHEAD_MIN_BYTES / 1e6) * 20_000));
    await writeFile(path, text);
    expect(statSync(path).size).toBeGreaterThanOrEqual(READ_AHEAD_MIN_BYTES);
    const source = await openSource(path);
    const progress: number[] = [];
    const before = await nextThreadId();
    const { rows, error } = await readAll(source.batches({ onProgress: p => progress.push(p.bytesRead), readAhead: true }));
    expect(error).toBeNull();
    // A thread was started in between, the read-ahead worker (from source, tsx's loader adds one).
    const after = await nextThreadId();
    expect(after).toBeGreaterThan(before + 1);
    // Without being asked to, a full read stays in this thread (reading alone, that is faster).
    expect((await readAll(source.batches())).rows.length).toBe(rows.length);
    expect(await nextThreadId()).toBe(after + 1);
    // A preparation reads ahead, and its rows are the rows read.
    const destination = parseDestination({
      ...destinationFromPreset('generic'),
      columns: [{ name: 'Id', required: true }, { name: 'Name' }, { name: 'Note' }],
    });
    const prepared = await prepareFile(path, destination, { now: new Date(), mapping: { Id: 'Id', Name: 'Name', Note: 'Note' } });
    expect(await nextThreadId()).toBeGreaterThan(after + 2);
    expect(prepared.rowCount).toBe(rows.length);
    expect(prepared.writtenRowCount).toBe(rows.length);
    const inThread = await readAll(streamCsvBatches(await planOf(path), { chunkBytes: FULL_READ_CHUNK_BYTES }));
    expect(rows.length).toBe(inThread.rows.length);
    expect(rows.at(-1)).toEqual(inThread.rows.at(-1));
    expect(rows[12_345]).toEqual(inThread.rows[12_345]);
    expect(progress.at(-1)).toBe(statSync(path).size);
  });
});
