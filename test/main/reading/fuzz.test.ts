import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CourierError } from '../../../src-core/errors';
import { readErrorCodes } from '../../../src-core/reading/read-errors';
import { openSource } from '../../../src-main/reading/open-source';
import { indexSource } from '../../../src-main/reading/source-index';
import { tempHome } from '../../harness/temp-home';

// Feeds mutated files to the reader. Each must give a result or a plain reading error (a
// CourierError with a known `read.` code) within a bounded time: never another exception, a
// crash or a hang. The generator is seeded, so a failure names a case that can be replayed.

const fixtures = join(import.meta.dirname, '../../fixtures/reading');
const dir = tempHome('courier-fuzz-', { shared: true });

/** mulberry32: a small seeded PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const specials = [0x22, 0x2c, 0x3b, 0x09, 0x7c, 0x0d, 0x0a, 0x00, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0x80, 0xc3, 0xa9, 0x20];

function mutate(input: Uint8Array, rnd: () => number): Uint8Array {
  let bytes = Array.from(input);
  const steps = 1 + Math.floor(rnd() * 6);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(rnd() * (bytes.length + 1));
    const pick = specials[Math.floor(rnd() * specials.length)]!;
    switch (Math.floor(rnd() * 8)) {
      case 0:
        if (bytes.length) {
          const i = Math.min(at, bytes.length - 1);
          bytes[i] = bytes[i]! ^ (1 << Math.floor(rnd() * 8));
        }
        break;
      case 1:
        bytes.splice(at, 0, pick);
        break;
      case 2:
        bytes.splice(at, 1 + Math.floor(rnd() * 16));
        break;
      case 3: {
        const len = Math.floor(rnd() * 64);
        bytes.splice(at, 0, ...bytes.slice(at, at + len));
        break;
      }
      case 4:
        bytes = bytes.slice(0, at);
        break;
      case 5:
        bytes.splice(at, 0, ...Array.from({ length: 1 + Math.floor(rnd() * 20) }, () => pick));
        break;
      case 6:
        bytes.splice(0, 0, ...[[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x73, 0x65, 0x70, 0x3d, 0x3b, 0x0a]][Math.floor(rnd() * 4)]!);
        break;
      default:
        if (bytes.length) bytes[Math.min(at, bytes.length - 1)] = Math.floor(rnd() * 256);
    }
  }
  return new Uint8Array(bytes);
}

type Outcome = 'read' | string;

/** Opens and reads one file in full; returns 'read' or the error code, fails on anything else. */
async function attempt(path: string, deep: boolean): Promise<Outcome> {
  const work = (async (): Promise<Outcome> => {
    try {
      const source = await openSource(path, { workbookTimeoutMs: 20_000 });
      try {
        let count = 0;
        for await (const _row of source.rows()) count++;
        if (deep && source.plan.kind === 'csv') {
          const index = indexSource(source, { inProcess: true, checkpointEvery: 3 });
          expect(await index.finished).toBe(count);
          const rows = await index.getRows(Math.floor(count / 2), count);
          expect(rows.length).toBe(count - Math.floor(count / 2));
        }
      } finally {
        await source.dispose?.();
      }
      return 'read';
    } catch (error) {
      if (error instanceof CourierError && readErrorCodes.includes(error.code)) return error.code;
      throw new Error(`${path}: not a plain reading error: ${error instanceof Error ? error.stack : String(error)}`, { cause: error });
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${path}: no answer within 25 s`)), 25_000);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

async function seeds(names: (name: string) => boolean): Promise<Uint8Array[]> {
  const files = [
    ...(await readdir(fixtures)).filter(names).map(f => join(fixtures, f)),
    ...(await readdir(join(fixtures, 'csv-spectrum'))).filter(f => f.endsWith('.csv')).map(f => join(fixtures, 'csv-spectrum', f)),
  ];
  return Promise.all(files.map(async f => new Uint8Array(await readFile(f))));
}

describe('fuzz', () => {
  it('2,000 mutated text files and zips: a result or a plain reading error, never a crash or a hang', async () => {
    const inputs = await seeds(f => /\.(csv|txt|zip)$/.test(f) && f !== 'zipped-xlsx.zip');
    const rnd = random(20261122);
    const outcomes = new Map<Outcome, number>();
    for (let i = 0; i < 2000; i++) {
      const seed = inputs[i % inputs.length]!;
      const path = join(dir.path, `case-${i}.${i % 3 === 0 ? 'zip' : 'csv'}`);
      await writeFile(path, mutate(seed, rnd));
      const outcome = await attempt(path, i % 10 === 0);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      await rm(path, { force: true });
    }
    console.log('fuzz outcomes', Object.fromEntries(outcomes));
    // The mutations must exercise both paths, or the test proves nothing.
    expect(outcomes.get('read')).toBeGreaterThan(600);
    expect([...outcomes.keys()].filter(k => k !== 'read').length).toBeGreaterThanOrEqual(3);
  });

  it('mutated workbooks: a result or a plain reading error, in bounded time', async () => {
    const inputs = [new Uint8Array(await readFile(join(fixtures, 'contacts.xlsx'))), new Uint8Array(await readFile(join(fixtures, 'contacts.xls')))];
    const rnd = random(7);
    for (let i = 0; i < 8; i++) {
      const seed = inputs[i % 2]!;
      const path = join(dir.path, `book-${i}.${i % 2 === 0 ? 'xlsx' : 'xls'}`);
      // Mutate past the headers so the container is still recognised and the parser gets to work.
      const head = seed.subarray(0, 512);
      await writeFile(path, new Uint8Array([...head, ...mutate(seed.subarray(512), rnd)]));
      await attempt(path, false);
    }
  });
});
