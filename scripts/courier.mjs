#!/usr/bin/env node
// `npm run courier -- ARGS`: runs the built CLI bundle (`out/main/cli.js`, the one the app ships),
// building it first when it is missing or older than the sources. When it cannot be built (for
// example electron-vite is not installed), falls back to the TypeScript sources through tsx, slower.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const bundle = join(root, 'out', 'main', 'cli.js');

/** The newest modification time among the files the main bundle is built from. */
function newestSource() {
  let newest = 0;
  for (const name of ['package.json', 'electron.vite.config.ts'])
    newest = Math.max(newest, mtime(join(root, name)));
  for (const dir of ['src-main', 'src-core']) {
    for (const file of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })) {
      newest = Math.max(newest, mtime(join(root, dir, file)));
    }
  }
  return newest;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function build() {
  process.stderr.write('courier: building the command line (sources changed)…\n');
  const result = spawnSync('npx', ['--no-install', 'electron-vite', 'build'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    shell: process.platform === 'win32',
  });
  // The build's warnings are not the command's output; its errors are shown when it fails.
  if (result.status !== 0 && result.stderr) process.stderr.write(result.stderr);
  return result.status === 0 && mtime(bundle) > 0;
}

const built = mtime(bundle);
if ((built === 0 || built < newestSource()) && !build()) {
  process.stderr.write('courier: could not build; running the sources through tsx (slower).\n');
  const dev = spawnSync(
    process.execPath,
    [
      '--import',
      import.meta.resolve('tsx'),
      join(root, 'src-main', 'cli', 'main.ts'),
      ...process.argv.slice(2),
    ],
    {
      cwd: process.cwd(),
      stdio: 'inherit',
    }
  );
  process.exit(dev.status ?? 1);
}
// In this process: the bundle reads process.argv.slice(2), which are the user's arguments here too.
await import(pathToFileURL(bundle).href);
