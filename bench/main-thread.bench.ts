/**
 * Main-thread responsiveness during a 1M-row send: the app's Send button (`send:start`, the same
 * handler the window calls) sends `contacts-1m.csv` to a real local sshd while
 * `perf_hooks.monitorEventLoopDelay` samples this (the "main") thread. Target: p99 < 50 ms.
 *
 * Two runs, the same in all but one thing:
 *   worker      preparation in the preparation worker (what every caller does now)
 *   in-thread   preparation on the main thread (what `send:start` and jobs did before): the reference
 * Both upload in the transfer worker, as the app does. Then the CLI's `send` (preparation in the
 * worker now) is timed against in-thread preparation, to show it is not slower.
 *
 * Environment: `BENCH_ROWS` (default 1,000,000), `BENCH_RUNS` (default 3, interleaved),
 * `BENCH_ONLY=app|cli` runs one half. It runs built, as the app ships its code (see built.ts):
 * under tsx the preparation worker would first compile its TypeScript, and the CLI comparison
 * would measure that.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { generateCsv } from './contacts-data';
import { benchDataDir, runBuilt } from './built';
import { startSshd } from '../test/harness/servers/sshd';
import { destinationFromPreset } from '../src-core/destinations/presets';
import { saveDestination } from '../src-main/settings/destination-store';
import { fixedSecrets } from '../src-main/transfers/secret-reader';
import { createSendHandlers } from '../src-main/pipeline/send-handlers';
import { createWorkerUpload } from '../src-main/pipeline/worker-upload';
import { runPipeline } from '../src-main/pipeline/run-pipeline';
import {
  createWorkerPreparer,
  prepareInThisThread,
  type Preparer,
} from '../src-main/preparation/send-preparation';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const only = process.env.BENCH_ONLY?.toLowerCase();
await runBuilt(import.meta.filename, 'main-thread');

const dataDir = benchDataDir;
const file = join(dataDir, ROWS === 1_000_000 ? 'contacts-1m.csv' : `contacts-${ROWS}.csv`);
const mapping = {
  Email: 'E-mail',
  Language: 'Langue',
  FirstName: 'Prénom',
  LastName: 'Nom',
  Department: 'Ville',
  CustomId: 'Id',
};

if (!existsSync(file)) {
  console.log(`Generating ${file} (${ROWS.toLocaleString('en')} rows)…`);
  mkdirSync(dataDir, { recursive: true });
  await generateCsv(file, ROWS);
}
console.log(
  `File: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB), preset Hello Customer, invalid rows left out`
);

const sshd = await startSshd({ users: [{ auth: 'password' }] });
const user = sshd.users[0]!;
const secrets = fixedSecrets({ password: user.password });

/** A fresh settings folder with the destination (a fresh ledger: the same content may be sent again). */
async function freshHome(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'courier-bench-main-thread-'));
  await saveDestination(home, {
    ...destinationFromPreset('hello-customer', 'Bench'),
    variables: { touchpoint: 'bench' },
    folder: 'upload',
    transport: {
      protocol: 'sftp',
      host: '127.0.0.1',
      port: sshd.port,
      user: user.name,
      hostKey: sshd.hostKeyFingerprint,
    },
  });
  return home;
}

async function emptyUploads(): Promise<void> {
  for (const name of await readdir(user.uploadDir))
    await rm(join(user.uploadDir, name), { force: true });
}

type Delay = {
  p50: number;
  p99: number;
  max: number;
  seconds: number;
  outcome: string;
  rows: number;
};

/** One send through the app's `send:start` handler, with the main thread's event-loop delay sampled. */
async function appSend(prepare: Preparer): Promise<Delay> {
  const home = await freshHome();
  try {
    await emptyUploads();
    let events = 0;
    const context = {
      home,
      appVersion: 'bench',
      locale: 'en',
      emit: (() => void events++) as never,
    };
    const handlers = createSendHandlers(context, secrets, createWorkerUpload(), prepare);
    global.gc?.();
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const started = performance.now();
    const outcome = await handlers['send:start']({
      path: file,
      destination: 'Bench',
      mapping,
      excludeInvalid: true,
    });
    const seconds = (performance.now() - started) / 1000;
    histogram.disable();
    if (outcome.outcome !== 'sent' && outcome.outcome !== 'sent-with-exclusions')
      throw new Error(`send failed: ${JSON.stringify(outcome.error)}`);
    const ms = (ns: number) => ns / 1e6;
    return {
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      seconds,
      outcome: outcome.outcome,
      rows: outcome.rows.read,
    };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** One send with the CLI's pipeline options (upload in the process, as `courier send` does). */
async function cliSend(
  prepare: Preparer,
  json: boolean
): Promise<{ seconds: number; issues: number }> {
  // `--json` brings every issue back from the worker (maxIssues); the contacts file has none left after exclusion.
  const home = await freshHome();
  try {
    await emptyUploads();
    global.gc?.();
    const started = performance.now();
    const result = await runPipeline(
      { path: file, destination: 'Bench', mapping, excludeInvalid: true, trigger: 'cli' },
      { home, secrets, prepare, maxIssues: json ? Infinity : 0 }
    );
    const seconds = (performance.now() - started) / 1000;
    if (result.run.outcome !== 'sent-with-exclusions' && result.run.outcome !== 'sent')
      throw new Error(`send failed: ${JSON.stringify(result.run.error)}`);
    return { seconds, issues: result.preparation!.issues.length };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/**
 * The floor on this machine right now: the same histogram while the main thread does nothing and
 * one worker thread keeps a CPU busy for as long as a send (what the preparation worker does).
 * A busy machine delays an idle thread's timers too; no placement of the work goes below this.
 */
async function idleBaseline(seconds: number): Promise<Delay> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const busy = new Worker(
    `const end = Date.now() + ${Math.round(seconds * 1000)}; while (Date.now() < end) {}`,
    { eval: true }
  );
  await new Promise(resolve => busy.once('exit', resolve));
  histogram.disable();
  const ms = (ns: number) => ns / 1e6;
  return {
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
    seconds,
    outcome: 'idle main thread, one busy worker',
    rows: 0,
  };
}

const fmt = (d: Delay) =>
  `p50 ${d.p50.toFixed(1).padStart(5)} ms  p99 ${d.p99.toFixed(1).padStart(6)} ms  max ${d.max.toFixed(1).padStart(6)} ms  (send ${d.seconds.toFixed(2)} s, ${d.outcome})`;
const median = (values: number[]) =>
  [...values].sort((x, y) => x - y)[Math.floor((values.length - 1) / 2)]!;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// Other processes compete for the CPU too: a busy machine delays every thread, whatever it runs.
console.log(
  `${RUNS} runs of each, interleaved; load average at start ${loadavg()
    .map(l => l.toFixed(1))
    .join(' ')} on ${availableParallelism()} CPUs`
);

try {
  if (only !== 'cli') {
    console.log(
      '\nMain thread event-loop delay during send:start of all rows (monitorEventLoopDelay, resolution 10 ms; upload in the transfer worker)'
    );
    const worker: Delay[] = [];
    const inThread: Delay[] = [];
    const idle: Delay[] = [];
    for (let i = 0; i < RUNS; i++) {
      worker.push(await appSend(createWorkerPreparer()));
      console.log(`  run ${i + 1}  preparation in the worker       ${fmt(worker.at(-1)!)}`);
      inThread.push(await appSend(prepareInThisThread));
      console.log(
        `  run ${i + 1}  preparation in the main thread  ${fmt(inThread.at(-1)!)}  (before: the reference)`
      );
      idle.push(await idleBaseline(worker.at(-1)!.seconds));
      console.log(
        `  run ${i + 1}  nothing on the main thread      ${fmt(idle.at(-1)!)}  (the machine's floor)`
      );
    }
    const p99 = median(worker.map(d => d.p99));
    const p99Before = median(inThread.map(d => d.p99));
    console.log(
      `  median p99: worker ${p99.toFixed(1)} ms (target < 50 ms: ${p99 < 50 ? 'met' : 'NOT met'}), in the main thread ${p99Before.toFixed(1)} ms; before / after ${(p99Before / p99).toFixed(1)}×`
    );
    console.log(
      `  median p99 with nothing on the main thread (the floor): ${median(idle.map(d => d.p99)).toFixed(1)} ms`
    );
    console.log(
      `  median max: worker ${median(worker.map(d => d.max)).toFixed(1)} ms, in the main thread ${median(inThread.map(d => d.max)).toFixed(1)} ms`
    );
    console.log(`  (${worker[0]!.rows.toLocaleString('en')} rows per send)`);
  }
  if (only !== 'app') {
    console.log(
      "\n`courier send` (the CLI's pipeline options: upload in the process): wall time, best of the runs"
    );
    const worker: number[] = [];
    const inThread: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      worker.push((await cliSend(createWorkerPreparer(), false)).seconds);
      inThread.push((await cliSend(prepareInThisThread, false)).seconds);
    }
    const best = (values: number[]) => Math.min(...values);
    const all = (values: number[]) => values.map(v => v.toFixed(2)).join(', ');
    console.log(
      `  preparation in the worker (now)   best ${best(worker).toFixed(2)} s  (runs: ${all(worker)})`
    );
    console.log(
      `  preparation in the thread (before) best ${best(inThread).toFixed(2)} s  (runs: ${all(inThread)})`
    );
    console.log(
      `  ratio before / now ${(best(inThread) / best(worker)).toFixed(2)} (≥ 1: not slower)`
    );
  }
} finally {
  await emptyUploads();
  await sshd.stop();
}
