/**
 * Start-up time of the `courier` command: `courier --help` from the built bundle
 * (`out/main/cli.js`, what the installed launcher runs), through `scripts/courier.mjs` (what
 * `npm run courier` runs, with its is-the-build-current check), beside `node -e 0` (Node's own
 * start on this machine, the floor). Prints median and best wall time over several runs against the
 * 0.3 s target.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const RUNS = 15;
const TARGET_MS = 300;
const root = join(import.meta.dirname, '..');
const bundle = join(root, 'out', 'main', 'cli.js');
const launcher = join(root, 'scripts', 'courier.mjs');

// Builds the bundle when it is missing or stale, so the runs below time start-up only.
const first = spawnSync(process.execPath, [launcher, '--version'], { cwd: root, encoding: 'utf8' });
if (first.status !== 0) throw new Error(`courier --version failed: ${first.stderr}`);

function time(args: string[]): { median: number; best: number } {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    times.push(performance.now() - began);
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, best: times[0]! };
}

const rows: [string, string[]][] = [
  ['node -e 0', ['-e', '0']],
  ['courier --help (out/main/cli.js)', [bundle, '--help']],
  ['courier --help (scripts/courier.mjs)', [launcher, '--help']],
];
console.log(`${RUNS} runs each; target for courier --help: < ${TARGET_MS} ms`);
for (const [label, args] of rows) {
  const { median, best } = time(args);
  const verdict = label.startsWith('courier')
    ? median < TARGET_MS
      ? '  (meets target)'
      : '  (OVER target)'
    : '';
  console.log(
    `${label.padEnd(38)} median ${median.toFixed(0).padStart(5)} ms   best ${best.toFixed(0).padStart(5)} ms${verdict}`
  );
}
