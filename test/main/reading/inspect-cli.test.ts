import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli';
import { tempHome } from '../../harness/temp-home';

const fixtures = join(import.meta.dirname, '../../fixtures/reading');
const dir = tempHome('courier-inspect-');

async function courier(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, callback) {
        append(String(chunk));
        callback();
      },
    });
  const code = await runCli([...argv, '--home', join(dir.path, 'home')], {
    stdout: sink(s => (stdout += s)),
    stderr: sink(s => (stderr += s)),
    stdin: new PassThrough(),
    env: {},
  });
  return { code, stdout, stderr };
}

describe('courier inspect', () => {
  it('prints the documented JSON for a text export', async () => {
    const lines = ['Export date: 2026-11-20', '', 'Email;Name;Amount'];
    for (let i = 0; i < 50; i++) lines.push(`u${i}@x.be;"Zoë\r\n${i}";${i},5`);
    const path = join(dir.path, 'contacts.csv');
    await writeFile(path, lines.join('\r\n') + '\r\n');
    const { code, stdout } = await courier('inspect', path, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['format', 'encoding', 'delimiter', 'sheet', 'headerRow', 'columns', 'rowCount', 'rows']);
    expect(out).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', sheet: null, headerRow: 3, columns: ['Email', 'Name', 'Amount'], rowCount: 50 });
    expect(out.rows).toHaveLength(20);
    expect(out.rows[0]).toEqual(['u0@x.be', 'Zoë\r\n0', '0,5']);
    const window = JSON.parse((await courier('inspect', path, '--json', '--rows', '45:60')).stdout);
    expect(window.rows.map((r: string[]) => r[0])).toEqual(['u45@x.be', 'u46@x.be', 'u47@x.be', 'u48@x.be', 'u49@x.be']);
    const header = JSON.parse((await courier('inspect', path, '--json', '--header-row', '4', '--rows', '0:1')).stdout);
    expect(header).toMatchObject({ headerRow: 4, columns: ['u0@x.be', 'Zoë\r\n0', '0,5'], rowCount: 49, rows: [['u1@x.be', 'Zoë\r\n1', '1,5']] });
  });

  it('prints the documented JSON for a workbook sheet', async () => {
    const { code, stdout } = await courier('inspect', join(fixtures, 'contacts.xlsx'), '--json', '--sheet', 'Other sheet');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: 'Other sheet',
      headerRow: 1,
      columns: ['Code', 'Label'],
      rowCount: 1,
      rows: [['A', 'Alpha']],
    });
  });

  it('prints a short summary for people', async () => {
    const { code, stdout } = await courier('inspect', join(fixtures, 'title-lines.csv'));
    expect(code).toBe(0);
    expect(stdout).toContain('title-lines.csv: CSV, UTF-8, comma-separated, header on line 4');
    expect(stdout).toContain('2 data rows × 4 columns: Email, Name, Column 3, Email (2)');
    expect(stdout).toMatch(/5 {2}ann@x\.be \| Ann \| {2}\| a2@x\.be/);
  });

  it('prints errors as {"error": {code, message}} with exit code 1', async () => {
    const empty = join(dir.path, 'empty.csv');
    await writeFile(empty, '');
    const { code, stdout } = await courier('inspect', empty, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({ error: { code: 'read.empty-file', message: '“empty.csv” is empty: it contains no data at all.' } });
    const several = await courier('inspect', join(fixtures, 'several.zip'), '--json');
    expect(several.code).toBe(1);
    expect(JSON.parse(several.stdout).error.code).toBe('read.zip-several-files');
  });

  it('refuses bad arguments as usage errors', async () => {
    expect((await courier('inspect')).code).toBe(2);
    expect((await courier('inspect', 'x.csv', '--rows', '5')).code).toBe(2);
    expect((await courier('inspect', 'x.csv', '--header-row', 'zero')).code).toBe(2);
    expect((await courier('inspect', 'x.csv', '--bogus')).code).toBe(2);
  });
});
