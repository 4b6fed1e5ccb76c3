/**
 * Start-up time of the `courier` command: `courier --help` from the built bundle
 * (`out/main/cli.js`, what the installed launcher runs), through `scripts/courier.mjs` (what
 * `npm run courier` runs, with its is-the-build-current check), beside `node -e 0` (Node's own
 * start on this machine, the floor), and through the installed launcher `packaging/bin/courier`
 * in a fake app layout whose "Electron" execs this Node (Electron cannot be fetched here). Prints median and best wall time over several runs against the
 * 0.3 s target.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = 15;
const TARGET_MS = 300;
const root = join(import.meta.dirname, '..');
const bundle = join(root, 'out', 'main', 'cli.js');
const launcher = join(root, 'scripts', 'courier.mjs');

// Builds the bundle when it is missing or stale, so the runs below time start-up only.
const first = spawnSync(process.execPath, [launcher, '--version'], { cwd: root, encoding: 'utf8' });
if (first.status !== 0) throw new Error(`courier --version failed: ${first.stderr}`);

function time(command: string, args: string[]): { median: number; best: number } {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    const result = spawnSync(command, args, { cwd: root, stdio: 'ignore' });
    times.push(performance.now() - began);
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, best: times[0]! };
}

/** A fake installed app (Linux layout) in a temp folder; returns its launcher. */
function fakeInstall(base: string): string {
  const resources = join(base, 'Courier App', 'resources');
  mkdirSync(join(resources, 'bin'), { recursive: true });
  copyFileSync(join(root, 'packaging', 'bin', 'courier'), join(resources, 'bin', 'courier'));
  chmodSync(join(resources, 'bin', 'courier'), 0o755);
  mkdirSync(join(resources, 'app.asar'));
  for (const name of ['out', 'node_modules', 'package.json'])
    symlinkSync(join(root, name), join(resources, 'app.asar', name));
  writeFileSync(
    join(base, 'Courier App', 'courier'),
    `#!/bin/sh\nexec '${process.execPath}' "$@"\n`,
    { mode: 0o755 }
  );
  return join(resources, 'bin', 'courier');
}
const fake = mkdtempSync(join(tmpdir(), 'courier-bench-'));
const installed = fakeInstall(fake);

const rows: [string, string, string[]][] = [
  ['node -e 0', process.execPath, ['-e', '0']],
  ['courier --help (out/main/cli.js)', process.execPath, [bundle, '--help']],
  ['courier send --help (out/main/cli.js)', process.execPath, [bundle, 'send', '--help']],
  ['courier --help (scripts/courier.mjs)', process.execPath, [launcher, '--help']],
  ['courier --help (launcher, fake app)', installed, ['--help']],
];
console.log(`${RUNS} runs each; target for courier --help: < ${TARGET_MS} ms`);
for (const [label, command, args] of rows) {
  const { median, best } = time(command, args);
  const verdict = label.startsWith('courier')
    ? median < TARGET_MS
      ? '  (meets target)'
      : '  (OVER target)'
    : '';
  console.log(
    `${label.padEnd(38)} median ${median.toFixed(0).padStart(5)} ms   best ${best.toFixed(0).padStart(5)} ms${verdict}`
  );
}
rmSync(fake, { recursive: true, force: true });
