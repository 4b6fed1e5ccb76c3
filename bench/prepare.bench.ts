/**
 * Map + validate + write the 1M-row contacts CSV for the Hello Customer preset, beside raw
 * papaparse streaming the same file in the same run. Prints both throughputs, the ratio
 * (target ≥ 0.5) and peak RSS.
 *
 * The file is `bench/.data/contacts-1m.csv`; it is generated here when absent (same shape as the
 * reading benchmark's: quoted commas, embedded line breaks, accents).
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import Papa from 'papaparse';
import { prepareFile, writePreparedFiles } from '../src-main/preparation/prepare-file';
import { createPreparation } from '../src-core/preparation/prepare';
import { destinationFromPreset } from '../src-core/destinations/presets';
import { parseDestination, type Destination } from '../src-core/destinations/destination';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const dataDir = join(import.meta.dirname, '.data');
const file = join(dataDir, ROWS === 1_000_000 ? 'contacts-1m.csv' : `contacts-${ROWS}.csv`);

async function generate(path: string, rows: number): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  const first = ['Zoë', 'Jan', 'Marie', 'Pieter', 'Élodie', 'Jürgen', 'Sofia', 'Luc', 'Anaïs', 'Kees'];
  const last = ['De Vos', 'Peeters', 'Dubois', 'Müller', 'Janssens', 'Lefèvre', "O'Brien", 'Van den Berg', 'Nguyễn', 'Smith'];
  const cities = ['Brussel', 'Liège', 'Gent', 'Antwerpen', 'Köln', 'Paris', 'Lille', 'Namur', 'Utrecht', 'Bruges'];
  const langs = ['EN', 'fr', 'nl', 'de', 'NL', 'FR'];
  let rnd = 42;
  const next = () => ((rnd = (rnd * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(a: T[]) => a[Math.floor(next() * a.length)]!;
  out.write('Id,Prénom,Nom,E-mail,Langue,Téléphone,Ville,Société,Remarques,Créé le\r\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const f = pick(first);
    const l = pick(last);
    const bad = i % 97 === 0;
    const email = bad ? `${f}@@example.com` : `${f}.${l}.${i}@example.be`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    const lang = i % 101 === 0 ? 'Français' : pick(langs);
    const notes = i % 13 === 0 ? '"Called back, left message\nwill retry"' : i % 7 === 0 ? '"Prefers e-mail, not phone"' : 'ok';
    chunk += `${i + 1},${f},"${l}",${email},${lang},+32 470 ${String(i % 100).padStart(2, '0')} ${String(i % 89).padStart(2, '0')} 12,${pick(cities)},"Acme, ${pick(cities)} SA",${notes},2026-11-${String((i % 28) + 1).padStart(2, '0')}\r\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  await rename(tmp, path);
}

/** CPU seconds used by this process since `since` (all threads): steadier than wall time on a busy machine. */
const cpuSince = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
};

async function papaparseAlone(path: string): Promise<{ rows: number; seconds: number; cpu: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse(createReadStream(path, { encoding: 'utf8' }), {
      step: () => {
        rows++;
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  return { rows: rows - 1, seconds: (performance.now() - start) / 1000, cpu: cpuSince(cpu) };
}

const mapping = { Email: 'E-mail', Language: 'Langue', FirstName: 'Prénom', LastName: 'Nom', Department: 'Ville', CustomId: 'Id' };

/** papaparse feeding the preparation directly: the cost of map + validate + encode alone. */
async function papaparseThenPrepare(path: string, destination: Destination): Promise<{ rows: number; seconds: number; cpu: number; files: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let header: string[] | null = null;
  let preparation: ReturnType<typeof createPreparation> | null = null;
  let index = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(path, { encoding: 'utf8' }), {
      step: result => {
        const cells = result.data;
        if (!header) {
          header = cells;
          preparation = createPreparation({ destination, sourceColumns: header, mapping, now: new Date(), excludeInvalid: true });
          return;
        }
        preparation!.push({ index, line: index + 2, cells });
        index++;
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  const result = (preparation as ReturnType<typeof createPreparation> | null)!.finish();
  return { rows: result.rowCount, seconds: (performance.now() - start) / 1000, cpu: cpuSince(cpu), files: result.files.length };
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

if (!existsSync(file)) {
  console.log(`Generating ${file} (${ROWS.toLocaleString('en')} rows)…`);
  await generate(file, ROWS);
}
const size = statSync(file).size;
const mb = size / 1e6;
console.log(`File: ${file} (${mb.toFixed(1)} MB)`);

const raw = await papaparseAlone(file);
console.log(`papaparse alone:            ${raw.rows.toLocaleString('en')} rows in ${raw.seconds.toFixed(2)} s = ${(mb / raw.seconds).toFixed(1)} MB/s (CPU ${raw.cpu.toFixed(2)} s)`);
const destination = parseDestination({ ...destinationFromPreset('hello-customer'), variables: { touchpoint: 'bench' } });
const own = await papaparseThenPrepare(file, destination);
console.log(`papaparse + map/validate/encode: ${own.rows.toLocaleString('en')} rows in ${own.seconds.toFixed(2)} s = ${(mb / own.seconds).toFixed(1)} MB/s (CPU ${own.cpu.toFixed(2)} s), ${own.files} files`);
console.log(`  ratio vs papaparse alone: ${(raw.seconds / own.seconds).toFixed(2)} by wall time, ${(raw.cpu / own.cpu).toFixed(2)} by CPU time (target ≥ 0.5)`);
(globalThis as { gc?: () => void }).gc?.();
peakRss = process.memoryUsage().rss;

const out = await mkdtemp(join(tmpdir(), 'courier-bench-prepare-'));
const start = performance.now();
const cpuStart = process.cpuUsage();
const result = await prepareFile(file, destination, {
  now: new Date(),
  excludeInvalid: true,
  mapping,
});
const prepared = (performance.now() - start) / 1000;
const written = await writePreparedFiles(result, out);
const total = (performance.now() - start) / 1000;
const totalCpu = cpuSince(cpuStart);
clearInterval(sampler);
await rm(out, { recursive: true, force: true });

const outBytes = result.files.reduce((n, f) => n + f.bytes.length, 0);
console.log(
  `read+map+validate+write:    ${result.rowCount.toLocaleString('en')} rows in ${total.toFixed(2)} s = ${(mb / total).toFixed(1)} MB/s ` +
    `(prepare ${prepared.toFixed(2)} s, write ${(total - prepared).toFixed(2)} s)`
);
console.log(`  ${result.writtenRowCount.toLocaleString('en')} rows sent in ${result.files.length} files (${(outBytes / 1e6).toFixed(1)} MB), ${written.length - result.files.length} rejected file, ${result.issues.length.toLocaleString('en')} issues`);
console.log(`  ratio of the whole pipeline (openSource reader + preparation + write) vs papaparse: ${(raw.seconds / total).toFixed(2)} by wall time, ${(raw.cpu / totalCpu).toFixed(2)} by CPU time (CPU ${totalCpu.toFixed(2)} s)`);
console.log(`peak RSS: ${(peakRss / 1e6).toFixed(0)} MB`);
