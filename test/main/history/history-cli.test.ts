import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { captureIo } from '../jobs/cli-io-capture';
import { tempHome } from '../../harness/temp-home';

const home = tempHome('courier-history-cli-');

describe('courier history', () => {
  it('says there are no runs yet', async () => {
    const c = captureIo();
    expect(await runCli(['history', '--home', home.path], c.io)).toBe(0);
    expect(c.out()).toContain('No runs yet');
  });

  it('lists runs newest first, as text and as JSON, with --limit', async () => {
    const store = createHistoryStore(home.path);
    for (const [i, outcome] of (['sent', 'failed', 'held'] as const).entries()) {
      await store.append({
        startedAt: `2026-11-2${i}T02:00:00.000Z`,
        trigger: i === 0 ? 'cli' : 'job',
        job: i === 0 ? null : { id: 'j', name: 'Nightly' },
        outcome,
        source: { fileName: `export-${i}.csv`, sha256: 'c'.repeat(64) },
        destination: 'Acme SFTP',
        rows: {
          read: 5,
          sent: outcome === 'sent' ? 5 : 0,
          excluded: 0,
          issues: outcome === 'held' ? { 'email.invalid': 2 } : {},
        },
        error:
          outcome === 'failed'
            ? { code: 'transfer.refused', message: 'The server refused the login.' }
            : null,
      });
    }
    const text = captureIo();
    expect(await runCli(['history', '--home', home.path, '--limit', '2'], text.io)).toBe(0);
    expect(text.out()).toContain('export-2.csv → Acme SFTP: held for review');
    expect(text.out()).toContain('email.invalid ×2');
    expect(text.out()).toContain('FAILED; 0 of 5 rows sent — The server refused the login.');
    expect(text.out()).not.toContain('export-0.csv');

    const json = captureIo();
    expect(await runCli(['history', '--json', '--home', home.path], json.io)).toBe(0);
    const { runs } = JSON.parse(json.out()) as { runs: { source: { fileName: string } }[] };
    expect(runs.map(r => r.source.fileName)).toEqual([
      'export-2.csv',
      'export-1.csv',
      'export-0.csv',
    ]);
  });

  it('refuses a bad --limit with exit code 2', async () => {
    const c = captureIo();
    expect(await runCli(['history', '--limit', 'lots', '--home', home.path], c.io)).toBe(2);
    expect(c.err()).toContain('--limit');
  });
});
