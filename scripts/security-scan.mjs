// `npm run security:scan`: Doyensec's Electronegativity over the app's own code (src-main and
// src-renderer together, so its global checks see the window set-up and the page at once).
// Exits 1 when a finding of medium or higher severity remains. No network: the check that
// fetches Electron's release list is skipped (package.json pins the Electron major).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const electron = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'));
const cli = join(
  dirname(require.resolve('@doyensec/electronegativity/package.json')),
  'dist/index.js'
);

const work = mkdtempSync(join(tmpdir(), 'courier-scan-'));
try {
  for (const folder of ['src-main', 'src-renderer'])
    cpSync(join(root, folder), join(work, folder), {
      recursive: true,
      filter: source => !source.includes('node_modules'),
    });
  const report = join(work, 'electronegativity.csv');
  const run = spawnSync(
    process.execPath,
    [
      cli,
      '-i',
      work,
      '-r',
      '-e',
      electron.version,
      '-x',
      'AvailableSecurityFixesGlobalCheck',
      '-o',
      report,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] }
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
  const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  const serious = rows.filter(row => /^[^,]+,"(MEDIUM|HIGH|CRITICAL)"/.test(row));
  console.log(
    `\nElectronegativity ${require('@doyensec/electronegativity/package.json').version} on Electron ${electron.version}: ${rows.length} finding(s), ${serious.length} of medium or higher severity.`
  );
  for (const row of rows) console.log(`  ${row}`);
  process.exit(serious.length > 0 ? 1 : 0);
} finally {
  rmSync(work, { recursive: true, force: true });
}
