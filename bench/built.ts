/**
 * Runs a benchmark as the app ships its code: the benchmark file and every `*.worker.ts` of
 * src-main bundled with esbuild into `bench/.data/built-<name>/` (flat, a worker beside the code
 * that starts it, packages left in node_modules: what `electron.vite.config.ts` builds into
 * `out/main/`), then run with plain Node. Under tsx each worker thread first compiles its
 * TypeScript, which costs hundreds of milliseconds the app never pays.
 *
 * A benchmark calls `await runBuilt(import.meta.filename, 'name')` first: from source it builds,
 * runs the bundle with the same arguments and exits with its code; in the bundle (or with
 * `BENCH_TSX=1`) it returns and the benchmark goes on. The bundle finds the data through
 * `BENCH_DATA_DIR` (its own folder is not beside the sources).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Where a benchmark's data lives, for the source and the bundle alike. */
export const benchDataDir = process.env.BENCH_DATA_DIR ?? join(root, 'bench', '.data');

/**
 * Bundles a benchmark and every `*.worker.ts` of src-main into `bench/.data/built-<name>/`, as
 * the app's build does; the path of the benchmark's bundle.
 */
export async function buildBench(benchFile: string, name: string): Promise<string> {
  const { build } = await import('esbuild');
  const outdir = join(benchDataDir, `built-${name}`);
  const workers = Object.fromEntries(
    readdirSync(join(root, 'src-main'), { recursive: true, encoding: 'utf8' })
      .filter(file => file.endsWith('.worker.ts'))
      .map(file => [basename(file, '.ts'), join(root, 'src-main', file)])
  );
  await build({
    entryPoints: { [name]: benchFile, ...workers },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return join(outdir, `${name}.js`);
}

export async function runBuilt(benchFile: string, name: string): Promise<void> {
  if (!benchFile.endsWith('.ts') || process.env.BENCH_TSX === '1') return;
  const bundle = await buildBench(benchFile, name);
  console.log(`(runs an esbuild bundle, as the app ships the code; BENCH_TSX=1 for tsx)`);
  const child = spawnSync(process.execPath, ['--expose-gc', bundle, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_DATA_DIR: benchDataDir },
  });
  process.exit(child.status ?? 1);
}
