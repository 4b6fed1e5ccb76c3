/**
 * Preparation benchmark: map + validate + encode + write the 1M-row contacts CSV for the Hello
 * Customer preset, beside raw papaparse streaming the same file in the same run. Prints each
 * throughput, the ratios against papaparse (target ≥ 0.5) by wall time and by CPU time (steadier
 * on a shared machine), and each measurement's peak RSS.
 *
 * Each measurement runs in its own child process, so its memory and warm-up are its own:
 *   papaparse-step     papaparse alone, streaming the file row by row
 *   papaparse-chunk    papaparse alone, a chunk of rows at a time (its fastest streaming mode)
 *   papaparse+write    papaparse step mode, each row written back as CSV (the pipeline's reference)
 *   papaparse+prepare  papaparse (chunk) feeding createPreparation: the cost of this work alone
 *   courier            prepareFileInto (the reader's openSource + preparation, each complete part
 *                      written to disk as the next ones are prepared, as a send does) + write
 *
 * The children run an esbuild bundle of this file and the workers (`buildBench`), i.e. the code
 * as the app ships it: under tsx, every function created at run time is wrapped by `keepNames`,
 * which measurably slows code that makes closures per row, and every worker compiles its
 * TypeScript first (BENCH_TSX=1 runs the children under tsx instead).
 *
 * The file is `bench/.data/contacts-1m.csv`, shared with the reading benchmark and generated
 * here when absent by the generator the two share (`contacts-data.ts`).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBench } from './built';
import { generateCsv } from './contacts-data';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const dataDir = join(import.meta.dirname, '.data');
// A child gets the file from its parent (the bundle does not live beside this source).
const file =
  process.argv[3] ?? join(dataDir, ROWS === 1_000_000 ? 'contacts-1m.csv' : `contacts-${ROWS}.csv`);
const mapping = {
  Email: 'E-mail',
  Language: 'Langue',
  FirstName: 'Prénom',
  LastName: 'Nom',
  Department: 'Ville',
  CustomId: 'Id',
};

type Measure = { rows: number; seconds: number; cpu: number; peakRssMb: number; note?: string };

async function destination() {
  const { destinationFromPreset } = await import('../src-core/destinations/presets');
  const { parseDestination } = await import('../src-core/destinations/destination');
  return parseDestination({
    ...destinationFromPreset('hello-customer'),
    variables: { touchpoint: 'bench' },
  });
}

const measurements: Record<
  string,
  () => Promise<Omit<Measure, 'peakRssMb' | 'cpu' | 'seconds'> & { seconds?: number }>
> = {
  /** papaparse alone, a row at a time (`step`). */
  'papaparse-step': async () => {
    const { default: Papa } = await import('papaparse');
    let rows = 0;
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8' }), {
        step: () => void rows++,
        complete: () => resolve(),
        error: (e: Error) => reject(e),
      });
    });
    return { rows: rows - 1 };
  },
  /** papaparse alone, a chunk of rows at a time (its fastest streaming mode). */
  'papaparse-chunk': async () => {
    const { default: Papa } = await import('papaparse');
    let rows = 0;
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8' }), {
        chunk: r => void (rows += r.data.length),
        complete: () => resolve(),
        error: (e: Error) => reject(e),
      });
    });
    return { rows: rows - 1 };
  },
  /** The reference of the whole pipeline: papaparse step mode reading, each row written back as CSV. */
  'papaparse+write': async () => {
    const { default: Papa } = await import('papaparse');
    const { createWriteStream } = await import('node:fs');
    const out = await mkdtemp(join(tmpdir(), 'courier-bench-papa-write-'));
    try {
      const sink = createWriteStream(join(out, 'out.csv'));
      const quote = (cell: string) =>
        /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
      let rows = 0;
      let pending = '';
      await new Promise<void>((resolve, reject) => {
        Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8' }), {
          step: (result, parser) => {
            rows++;
            pending += `${result.data.map(quote).join(',')}\r\n`;
            if (pending.length > 1 << 16) {
              const full = !sink.write(pending);
              pending = '';
              // Back-pressure, as a real writer must: papaparse waits for the file to drain.
              if (full) {
                parser.pause();
                sink.once('drain', () => parser.resume());
              }
            }
          },
          complete: () => resolve(),
          error: (e: Error) => reject(e),
        });
      });
      await new Promise<void>(resolve => sink.end(pending, () => resolve()));
      return { rows: rows - 1 };
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  },
  'papaparse+prepare': async () => {
    const { default: Papa } = await import('papaparse');
    const { createPreparation } = await import('../src-core/preparation/prepare');
    const d = await destination();
    let preparation: ReturnType<typeof createPreparation> | null = null;
    let index = 0;
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8' }), {
        chunk: result => {
          for (const cells of result.data) {
            if (!preparation)
              preparation = createPreparation({
                destination: d,
                sourceColumns: cells,
                mapping,
                now: new Date(),
                excludeInvalid: true,
              });
            else preparation.push({ index: index++, line: index + 1, cells });
          }
        },
        complete: () => resolve(),
        error: (e: Error) => reject(e),
      });
    });
    const result = (preparation as ReturnType<typeof createPreparation> | null)!.finish();
    return { rows: result.rowCount, note: `${result.files.length} files` };
  },
  courier: async () => {
    const { prepareFileInto } = await import('../src-main/preparation/prepare-file');
    const out = await mkdtemp(join(tmpdir(), 'courier-bench-prepare-'));
    try {
      const result = await prepareFileInto(
        file,
        await destination(),
        { now: new Date(), excludeInvalid: true, mapping },
        out
      );
      try {
        await result.write();
      } finally {
        await result.dispose();
      }
      const bytes = result.files.reduce((n, f) => n + f.size, 0);
      return {
        rows: result.rowCount,
        note: `${result.writtenRowCount.toLocaleString('en')} rows sent in ${result.files.length} files (${(bytes / 1e6).toFixed(1)} MB), ${result.issues.length.toLocaleString('en')} issues`,
      };
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  },
};

const child = process.argv[2];
if (child) {
  const measure = measurements[child]!;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await measure();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  process.stdout.write(
    JSON.stringify({
      ...result,
      seconds,
      cpu: (used.user + used.system) / 1e6,
      peakRssMb: peak / 1e6,
    })
  );
} else {
  if (!existsSync(file)) {
    console.log(`Generating ${file} (${ROWS.toLocaleString('en')} rows)…`);
    mkdirSync(dataDir, { recursive: true });
    await generateCsv(file, ROWS);
  }
  const mb = statSync(file).size / 1e6;
  console.log(`File: ${file} (${mb.toFixed(1)} MB), preset Hello Customer`);
  let command = ['--import', 'tsx', import.meta.filename];
  if (process.env.BENCH_TSX !== '1') {
    // With the workers beside it, as in the app: a big text file is read ahead in the reading worker.
    command = [await buildBench(import.meta.filename, 'prepare')];
    console.log('(children run an esbuild bundle, as the app ships the code; BENCH_TSX=1 for tsx)');
  }
  const once = (name: string): Measure => {
    const r = spawnSync(process.execPath, [...command, name, file], {
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Measure;
  };
  // The best of a few runs (the usual way to read through noise from other processes), peak RSS the highest.
  const RUNS = Number(process.env.BENCH_RUNS ?? 3);
  const run = (name: string): Measure => {
    const all = Array.from({ length: RUNS }, () => once(name));
    const best = all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    return {
      ...best,
      cpu: Math.min(...all.map(m => m.cpu)),
      peakRssMb: Math.max(...all.map(m => m.peakRssMb)),
    };
  };
  console.log(`(best of ${RUNS} runs each)`);
  const show = (label: string, m: Measure) =>
    console.log(
      `${label.padEnd(40)} ${m.rows.toLocaleString('en')} rows in ${m.seconds.toFixed(2)} s = ${(mb / m.seconds).toFixed(1)} MB/s, CPU ${m.cpu.toFixed(2)} s, peak RSS ${m.peakRssMb.toFixed(0)} MB${m.note ? ` (${m.note})` : ''}`
    );
  const step = run('papaparse-step');
  show('papaparse alone (step)', step);
  const chunk = run('papaparse-chunk');
  show('papaparse alone (chunk)', chunk);
  const written = run('papaparse+write');
  show('papaparse (step) + CSV write', written);
  const own = run('papaparse+prepare');
  show('papaparse (chunk) + map/validate/encode', own);
  const full = run('courier');
  show('courier read+map+validate+write', full);
  const ratio = (base: Measure, m: Measure) =>
    `${(base.seconds / m.seconds).toFixed(2)} by wall time, ${(base.cpu / m.cpu).toFixed(2)} by CPU`;
  console.log(
    `ratio, whole pipeline vs papaparse step:     ${ratio(step, full)} (target ≥ 0.8, peak RSS < 200 MB)`
  );
  console.log(`ratio, whole pipeline vs papaparse+CSV write: ${ratio(written, full)}`);
  console.log(`ratio, whole pipeline vs papaparse chunk:    ${ratio(chunk, full)} (target ≥ 0.5)`);
  console.log(`ratio, preparation alone on papaparse chunk: ${ratio(chunk, own)}`);
}
