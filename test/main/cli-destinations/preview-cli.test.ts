import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../../harness/temp-home';
import { courier } from './run-captured';

/**
 * `courier destinations preview`: the editor's live preview in the CLI, through the same
 * destination service: the next file's name and first lines, from a sample or made-up rows;
 * settings tried on a copy are never saved.
 */
const home = tempHome('courier-preview-cli-');

const run = (...args: string[]) => courier(args, { home: home.path });

describe('courier destinations preview', () => {
  it('shows the next file from the sample, tries settings without saving them, and refuses at the field', async () => {
    const added = await run(
      'destinations',
      'add',
      'Partner',
      '--preset',
      'generic',
      '--protocol',
      'sftp',
      '--host',
      'sftp.example.com',
      '--user',
      'acme',
      'columns=Email,Name',
      'file-name=partner_{date:YYYYMMDD}.csv'
    );
    expect(added.code, added.stderr).toBe(0);
    const sample = join(home.path, 'export.csv');
    await writeFile(sample, 'Email,Name\nanne@example.com,Anne\nbart@example.com,Bart\n');

    const shown = await run('destinations', 'preview', 'Partner', '--sample', sample);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^Next file: partner_\d{8}\.csv\n/);
    expect(shown.stdout).toMatch(/split in files would name them: partner_\d{8}_1\.csv, partner_\d{8}_2\.csv/);
    expect(shown.stdout).toContain('From 2 rows of');
    expect(shown.stdout).toContain('anne@example.com');

    // A setting tried on a copy: the preview follows it, the saved destination does not change.
    const tried = await run(
      'destinations',
      'preview',
      'Partner',
      'delimiter=;',
      '--sample',
      sample,
      '--json'
    );
    expect(tried.code, tried.stderr).toBe(0);
    const preview = JSON.parse(tried.stdout);
    expect(preview.lines[0]).toBe('Email;Name');
    expect(preview.rows).toBe(2);
    const saved = JSON.parse((await run('destinations', 'show', 'Partner', '--json')).stdout);
    expect(saved.destination.output.delimiter).toBe(',');

    // Without a sample: made-up rows in the destination's columns.
    const madeUp = await run('destinations', 'preview', 'Partner', '--json');
    expect(JSON.parse(madeUp.stdout).synthetic).toBe(true);

    // A file name that needs a variable nobody filled: told at its field, exit code 2.
    const refused = await run(
      'destinations',
      'preview',
      'Partner',
      'file-name=survey_{touchpoint}.csv'
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('touchpoint');
    expect(refused.stderr).toContain('variables.touchpoint');

    const stray = await run('destinations', 'preview', 'Partner', '--sheet', 'Contacts');
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--sheet chooses a sheet of the --sample FILE');
  });
});
