import { beforeEach, describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../../src-main/cli/run-cli';
import { tempHome } from '../../harness/temp-home';

async function courier(
  argv: readonly string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCli(['--home', home, ...argv], {
    stdout,
    stderr,
    stdin: Readable.from([]),
    env: {},
  });
  return { code, stdout: out, stderr: err };
}

const dir = tempHome('courier-cli-zero-');
let home: string;
let book: string;
let destination: string;
beforeEach(async () => {
  home = join(dir.path, 'home');
  book = join(dir.path, 'contacts.xlsx');
  // A workbook whose phone column holds numbers, as Excel keeps 0473 89 32 57 typed in a cell.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Contacts');
  sheet.addRow(['Email', 'GSM']);
  sheet.addRow(['an@example.be', 473893257]);
  sheet.addRow(['bo@example.be', '0470 12 34 56']);
  sheet.addRow(['cy@example.be', 471234567]);
  await workbook.xlsx.writeFile(book);
  destination = join(dir.path, 'survey.json');
  await writeFile(
    destination,
    JSON.stringify({
      version: 1,
      name: 'Survey',
      columns: [
        { name: 'Email', rule: 'email', required: true },
        { name: 'Mobile', rule: 'phone' },
      ],
      output: { delimiter: ';', quoting: 'never', encoding: 'utf-8', lineEnding: 'lf' },
      fileName: 'survey.csv',
      phoneCountry: 'BE',
    })
  );
  await writeFile(
    join(dir.path, 'mapping.json'),
    JSON.stringify({ Email: 'Email', Mobile: 'GSM' })
  );
});

// Issue 15, item 10: Excel ate the leading zero. `check` says so and names the fix; `--fix` applies it.
describe('phone numbers that lost their leading 0, on the command line', () => {
  it('check says how many, and how to put the 0 back', async () => {
    const mapping = join(dir.path, 'mapping.json');
    const { code, stdout } = await courier(['check', book, '-d', destination, '-m', mapping]);
    expect(code).toBe(0);
    expect(stdout).toContain('Phone numbers that lost their leading 0 (warning)');
    expect(stdout).toContain(
      'Excel removed the leading 0 of 2 phone numbers; --fix restore-leading-zero:Mobile puts it back.'
    );
    expect(stdout).toContain(
      '! Line 2: “473893257” lost its leading 0 (Excel removes it from numbers); it is read as 0473893257 and sent as “+32473893257”.'
    );
    const json = await courier(['check', book, '-d', destination, '-m', mapping, '--json']);
    expect(JSON.parse(json.stdout).summary).toEqual({ 'phone.leading-zero': 2 });
  });

  it('--fix restore-leading-zero:COLUMN puts it back: no warning, the same numbers written', async () => {
    const mapping = join(dir.path, 'mapping.json');
    const fixed = await courier([
      'check',
      book,
      '-d',
      destination,
      '-m',
      mapping,
      '--fix',
      'restore-leading-zero:Mobile',
      '--json',
    ]);
    expect(JSON.parse(fixed.stdout).summary).toEqual({});
    const out = join(dir.path, 'out');
    const prepared = await courier([
      'prepare',
      book,
      '-d',
      destination,
      '-m',
      mapping,
      '--out',
      out,
      '--fix',
      'restore-leading-zero:Mobile',
    ]);
    expect(prepared.code).toBe(0);
    const names = (await readdir(out, { withFileTypes: true })).filter(e => e.isFile());
    expect(await readFile(join(out, names[0]!.name), 'utf8')).toBe(
      'Email;Mobile\nan@example.be;+32473893257\nbo@example.be;+32470123456\ncy@example.be;+32471234567\n'
    );
  });

  it('a fix the option does not know is a usage error, for send too', async () => {
    const sent = await courier([
      'send',
      book,
      '--destination',
      destination,
      '--fix',
      'paint:Mobile',
    ]);
    expect(sent.code).toBe(2);
    expect(sent.stderr).toContain('--fix paint:Mobile: the fix must be one of');
    const noColumn = await courier(['check', book, '-d', destination, '--fix', 'trim']);
    expect(noColumn.stderr).toContain('say which column, as trim:COLUMN');
  });
});
