#!/usr/bin/env node
// `npm start`: fetches Electron's runtime on first use (npm install does not, so that install and
// tests work on machines that cannot reach Electron's download host), builds, and launches.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

if (!existsSync(join(electronDir, 'path.txt'))) {
  console.log('Downloading the Electron runtime (first start only)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error('Could not download the Electron runtime. Check the network connection and try `npm start` again.');
    process.exit(1);
  }
}
if (process.argv.includes('--ensure-only')) process.exit(0);

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const electron = require('electron');
const app = spawnSync(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(app.status ?? 0);
