/**
 * Review benchmark (issue 15, item 11): the check behind the Review screen (`review:check`) on
 * the newcomer's workbook: a short "Read me" sheet first, 5,000 contacts (French headers) on the
 * second, sent to Hello Customer. Measured in this thread (`reviewCheck`, the preparation alone)
 * and in a fresh worker thread running the built worker (`out/main/prepare.worker.js`, as the app
 * does for every check), first call and the following ones. Goal: under 1 s.
 *
 * Needs a build for the worker part (`npx electron-vite build`, or any `node scripts/test.mjs …`).
 * `BENCH_ROUNDS=n` (default 5); `BENCH_ROWS=n` (default 5000).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  reviewCheck,
  type PrepareJob,
  type ReviewCheckRequest,
} from '../src-main/preparation/review';
import { runWorker } from '../src-main/workers/run-worker';

const rows = Number(process.env.BENCH_ROWS ?? 5000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const dataDir = join(import.meta.dirname, '.data');
const book = join(dataDir, `two-sheets-${rows}.xlsx`);
const builtWorker = join(import.meta.dirname, '..', 'out', 'main', 'prepare.worker.js');

async function writeWorkbook(path: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const readMe = workbook.addWorksheet('Read me');
  readMe.addRow(['Contacts exported from the CRM']);
  readMe.addRow(['Use the second sheet.']);
  const sheet = workbook.addWorksheet('Contacts');
  sheet.addRow(['E-mail', 'Langue', 'Prénom', 'Nom', 'GSM']);
  for (let i = 0; i < rows; i++) {
    sheet.addRow([
      i % 97 === 5 ? `contact${i}@example` : `contact${i}@example.be`,
      i % 3 === 0 ? 'fr' : 'nl',
      `Prénom ${i}`,
      `Nom ${i}`,
      470_000_000 + i,
    ]);
  }
  await workbook.xlsx.writeFile(path);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value)} ms`;

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(book)) await writeWorkbook(book);
  const home = await mkdtemp(join(tmpdir(), 'bench-review-'));
  const request: ReviewCheckRequest = {
    path: book,
    destination: 'hello-customer',
    mapping: { Email: 'E-mail', Language: 'Langue', FirstName: 'Prénom', LastName: 'Nom' },
    fixes: [],
    excludeInvalid: false,
    maxIssues: 5000,
  };
  try {
    const inThread: number[] = [];
    let summary = '';
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      const result = await reviewCheck(request, home, new Date());
      inThread.push(performance.now() - start);
      summary = `${result.counts.rows} rows, ${result.counts.ready} ready, ${result.counts.withProblem} with a problem, ${result.issueCount} issues`;
    }
    console.log(`workbook: ${rows} contacts on the second sheet (${summary})`);
    console.log(
      `review:check in this thread: first ${ms(inThread[0]!)}, median ${ms(median(inThread))}, worst ${ms(Math.max(...inThread))}`
    );

    if (!existsSync(builtWorker)) {
      console.log('(no build: out/main/prepare.worker.js is missing, the worker part is skipped)');
      return;
    }
    const url = pathToFileURL(builtWorker);
    const inWorker: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const job: PrepareJob = { kind: 'review', request, home, now: new Date().toISOString() };
      const start = performance.now();
      await runWorker(url, job);
      inWorker.push(performance.now() - start);
    }
    console.log(
      `review:check in a fresh worker (built, as the app): first ${ms(inWorker[0]!)}, median ${ms(median(inWorker))}, worst ${ms(Math.max(...inWorker))}`
    );
    const goal = median(inWorker) < 1000 ? 'under' : 'OVER';
    console.log(`goal: ${goal} 1 s (median, worker)`);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

await main();
