import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli';
import { openSource, type OpenedSource } from '../../../src-main/reading/open-source';
import { tempHome } from '../../harness/temp-home';

/**
 * Workbooks and exports that other tools open and Courier used to refuse: Excel 2.x–5 files,
 * XLSX packages laid out otherwise, rows without references, macro-enabled workbooks, and
 * UTF-16 text in Greek or Cyrillic without a byte-order mark.
 */

const fixture = (name: string) => join(import.meta.dirname, '../../fixtures/reading', name);
const dir = tempHome('courier-odd-books-');

async function read(source: OpenedSource): Promise<{ line: number; cells: readonly string[] }[]> {
  const out: { line: number; cells: readonly string[] }[] = [];
  try {
    for await (const row of source.rows()) out.push({ line: row.line, cells: row.cells });
  } finally {
    await source.dispose?.();
  }
  return out;
}

async function courier(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
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

const oldRows = [
  { line: 2, cells: ['anne@example.fr', 'Anne-Sophie', '01000', '2026-11-20', '1234.5'] },
  { line: 3, cells: ['bob@example.com', 'Bob', '75001', '2000-01-03', '2'] },
];

describe('Excel 2.x to 5 files (BIFF2–BIFF5)', () => {
  it.each([
    ['excel2-biff2.xls', 'Sheet1'],
    ['EXCEL3-BIFF3.XLS', 'Sheet1'],
    ['excel4-biff4.xls', 'Sheet1'],
    ['excel5-biff5.xls', 'People'],
  ])('%s: text stays text, dates are dates, numbers stay numbers', async (name, sheet) => {
    const source = await openSource(fixture(name));
    expect(source.format).toEqual({
      format: 'xls',
      encoding: null,
      delimiter: null,
      sheet,
      sheets: [sheet],
      headerRow: 1,
    });
    expect(source.columns).toEqual(['Email', 'Name', 'Zip', 'Signed up', 'Amount']);
    expect(await read(source)).toEqual(oldRows);
  });

  it('inspect reads an upper-case .XLS from an old system', async () => {
    const { code, stdout } = await courier('inspect', fixture('EXCEL3-BIFF3.XLS'), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      format: 'xls',
      columns: ['Email', 'Name', 'Zip', 'Signed up', 'Amount'],
      rowCount: 2,
      rows: oldRows.map(r => r.cells),
    });
  });

  it('reads an Excel 4 file zipped, as old systems send them', async () => {
    const path = join(dir.path, 'export.zip');
    await writeFile(
      path,
      zipSync({ 'EXPORT.XLS': new Uint8Array(await readFile(fixture('excel4-biff4.xls'))) })
    );
    expect(await read(await openSource(path))).toEqual(oldRows);
  });
});

describe('XLSX packages laid out otherwise', () => {
  it('finds the workbook and its sheets by their relationships, wherever they are', async () => {
    const source = await openSource(fixture('odd-part-paths.xlsx'));
    expect(source.format).toEqual({
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: 'People',
      sheets: ['People', 'Other'],
      headerRow: 1,
    });
    expect(await read(source)).toEqual([
      { line: 2, cells: ['anne@example.fr', 'Anne', '01000', '2026-11-20'] },
      { line: 3, cells: ['bob@example.com', 'Bob', '75001', '2000-01-03'] },
    ]);
    const { code, stdout } = await courier(
      'inspect',
      fixture('odd-part-paths.xlsx'),
      '--json',
      '--sheet',
      'Other'
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ sheet: 'Other', columns: ['Code'], rows: [['A']] });
  });

  it('reads rows and cells without r in order', async () => {
    const source = await openSource(fixture('no-cell-refs.xlsx'));
    expect(source.columns).toEqual(['Email', 'Name', 'Zip', 'Signed up']);
    expect(await read(source)).toEqual([
      { line: 2, cells: ['anne@example.fr', 'Anne', '01000', '2026-11-20'] },
      { line: 5, cells: ['bob@example.com', '', '75001', '2000-01-03'] },
      { line: 6, cells: ['cleo@example.be', 'Cléo', '', ''] },
    ]);
  });
});

describe('macro-enabled workbooks (.xlsm)', () => {
  it('reads the data and says the macros were ignored', async () => {
    const source = await openSource(fixture('macros.xlsm'));
    expect(source.format.notes).toEqual(['macros-ignored']);
    expect(await read(source)).toEqual([{ line: 2, cells: ['anne@example.fr', 'Anne'] }]);
    const plain = await openSource(fixture('contacts.xlsx'));
    expect(plain.format.notes).toBeUndefined();
    await plain.dispose?.();
  });

  it('inspect tells a person, and says so in JSON', async () => {
    const human = await courier('inspect', fixture('macros.xlsm'));
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(
      'Macros were ignored: only the data was read; nothing in the workbook was run or kept.'
    );
    const json = JSON.parse((await courier('inspect', fixture('macros.xlsm'), '--json')).stdout);
    expect(json).toMatchObject({
      format: 'xlsx',
      columns: ['Email', 'Name'],
      notes: ['macros-ignored'],
    });
  });

  it('reads an .xlsm inside a zip', async () => {
    const path = join(dir.path, 'book.zip');
    await writeFile(
      path,
      zipSync({ 'book.xlsm': new Uint8Array(await readFile(fixture('macros.xlsm'))) })
    );
    const source = await openSource(path);
    expect(source.format.notes).toEqual(['macros-ignored']);
    await read(source);
  });
});

describe('UTF-16 text without a byte-order mark, in Greek and Cyrillic', () => {
  const table = 'Όνομα;Πόλη;Email\r\nΓιώργος;Αθήνα;g@example.gr\r\nЕлена;Москва;e@example.ru\r\n';
  it.each([
    ['utf-16le', Buffer.from(table, 'utf16le')],
    ['utf-16be', Buffer.from(table, 'utf16le').swap16()],
  ])('%s', async (encoding, bytes) => {
    const path = join(dir.path, 'export.csv');
    await writeFile(path, bytes);
    const source = await openSource(path);
    expect(source.format).toMatchObject({ format: 'csv', encoding, delimiter: ';' });
    expect(source.columns).toEqual(['Όνομα', 'Πόλη', 'Email']);
    expect((await read(source)).map(r => r.cells)).toEqual([
      ['Γιώργος', 'Αθήνα', 'g@example.gr'],
      ['Елена', 'Москва', 'e@example.ru'],
    ]);
  });
});
