import { beforeEach, describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../../src-main/cli/run-cli';
import { tempHome } from '../../harness/temp-home';

// Issue 13, items 3, 5 and 6, through the command line: invalid bytes far into a file, stray
// control characters in an export, and a quote that is never closed.

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

const dir = tempHome('courier-cli-text-');
let home: string;
beforeEach(async () => {
  home = join(dir.path, 'home');
});

/** Every output file of a folder, as bytes, by name. */
async function outputs(folder: string): Promise<Map<string, Buffer>> {
  // Files only: the rows left out live in their own `rejected/` folder, apart from the output.
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const names = entries.filter(e => e.isFile()).map(e => e.name);
  return new Map(
    await Promise.all(names.map(async n => [n, await readFile(join(folder, n))] as const))
  );
}

const REPLACEMENT = Buffer.from('\uFFFD', 'utf8');
const controlBytes = (bytes: Buffer) =>
  [...bytes].filter(b => (b < 0x20 && b !== 9 && b !== 10 && b !== 13) || b === 0x7f);

describe('a UTF-8 export whose last rows were appended in Latin-1', () => {
  let file: string;
  let lastLine: number;
  beforeEach(async () => {
    // 3 MB of UTF-8 (accents included), then two rows written by a Windows program in Latin-1.
    const lines = ['Email,Language,FirstName,LastName'];
    let size = 0;
    for (let i = 0; size < 3 * 1024 * 1024; i++) {
      const line = `person${i}@example.com,FR,Zoé,Lefèvre`;
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    const utf8 = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    const latin1 = Buffer.from(
      'zoe@example.com,FR,Zoë,Dupré\njan@example.com,NL,Jan,Peeters\n',
      'latin1'
    );
    file = join(dir.path, 'appended.csv');
    await writeFile(file, Buffer.concat([utf8, latin1]));
    lastLine = lines.length + 1;
  });

  it('check names the row and columns, the bytes and their Windows-1252 reading, and exits 1', async () => {
    const { code, stdout } = await courier([
      'check',
      file,
      '--destination',
      'hello-customer',
      '--json',
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.summary).toEqual({ 'text.invalid-bytes': 2 });
    expect(report.issues).toEqual([
      {
        row: lastLine - 2,
        sourceLine: lastLine,
        column: 'FirstName',
        code: 'text.invalid-bytes',
        severity: 'error',
        message: `Line ${lastLine.toLocaleString('en')}: “Zo\uFFFD” in FirstName holds bytes that are not valid UTF-8 (EB); read as Windows-1252 it is “Zoë”.`,
      },
      expect.objectContaining({
        sourceLine: lastLine,
        column: 'LastName',
        message: expect.stringContaining('“Dupré”'),
      }),
    ]);
    const human = await courier(['check', file, '--destination', 'hello-customer']);
    expect(human.stdout).toContain('Characters that were not valid UTF-8');
    expect(human.stdout).toContain(
      '--fix read-as-windows-1252:FirstName reads the bytes that were not valid UTF-8 as Windows-1252.'
    );
  });

  it('prepare writes nothing while they are there; the recorded fix writes “Zoë Dupré”, never U+FFFD', async () => {
    const out = join(dir.path, 'out');
    const blocked = await courier([
      'prepare',
      file,
      '--destination',
      'hello-customer',
      '--out',
      out,
    ]);
    expect(blocked.code).toBe(1);
    expect((await outputs(out)).size).toBe(0);

    const left = await courier([
      'prepare',
      file,
      '--destination',
      'hello-customer',
      '--out',
      join(dir.path, 'left'),
      '--exclude-invalid',
    ]);
    expect(left.code).toBe(0);
    for (const [name, bytes] of await outputs(join(dir.path, 'left'))) {
      if (name !== 'rejected.csv') expect(bytes.includes(REPLACEMENT), name).toBe(false);
    }

    const mapping = join(dir.path, 'mapping.json');
    const fixes = [
      { kind: 'read-as-windows-1252', column: 'FirstName' },
      { kind: 'read-as-windows-1252', column: 'LastName' },
    ];
    await writeFile(
      mapping,
      JSON.stringify({
        mapping: {
          Email: 'Email',
          Language: 'Language',
          FirstName: 'FirstName',
          LastName: 'LastName',
        },
        fixes,
      })
    );
    const fixed = await courier([
      'prepare',
      file,
      '--destination',
      'hello-customer',
      '--out',
      join(dir.path, 'fixed'),
      '--mapping',
      mapping,
    ]);
    expect(fixed.code).toBe(0);
    const files = [...(await outputs(join(dir.path, 'fixed'))).values()];
    expect(files.length).toBeGreaterThan(1); // split by Hello Customer's 1 MB per file
    const all = Buffer.concat(files);
    expect(all.includes(REPLACEMENT)).toBe(false);
    expect(all.toString('utf8')).toContain('zoe@example.com;FR;Zoë;Dupré;;');
    expect(all.toString('utf8')).toContain('jan@example.com;NL;Jan;Peeters;;');
  }, 60_000);
});

describe('a 2,000-row database export with a NUL and other control characters', () => {
  let file: string;
  beforeEach(async () => {
    const lines = ['Email;Language;FirstName;LastName'];
    for (let i = 0; i < 2000; i++) {
      const first = i === 499 ? 'Ja\x00n' : i === 999 ? 'Piet\x1b[0m' : 'Jan';
      const last = i === 1499 ? 'De\x07 Smet\x7f' : 'Peeters';
      lines.push(`p${i}@example.com;NL;${first};${last}`);
    }
    file = join(dir.path, 'export.csv');
    await writeFile(file, `${lines.join('\r\n')}\r\n`);
  });

  it('is read, and check says which row and column hold one', async () => {
    const { code, stdout } = await courier([
      'check',
      file,
      '--destination',
      'hello-customer',
      '--json',
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.rowCount).toBe(2000);
    expect(report.validRowCount).toBe(1997);
    expect(
      report.issues.map(
        (i: { sourceLine: number; column: string; code: string }) =>
          `${i.sourceLine}:${i.column}:${i.code}`
      )
    ).toEqual([
      '501:FirstName:text.control-characters',
      '1001:FirstName:text.control-characters',
      '1501:LastName:text.control-characters',
    ]);
    expect(report.issues[0].message).toBe(
      'Line 501: “Ja␀n” in FirstName holds an invisible control character (shown as a symbol such as ␀), which is never written to a file.'
    );
    const human = await courier(['check', file, '--destination', 'hello-customer']);
    expect(human.stdout).toContain('Invisible control characters');
    expect(human.stdout).toContain(
      '--fix remove-control-characters:FirstName removes the invisible control characters.'
    );
    expect(human.stdout).not.toContain('\x00');
  });

  it('inspect shows them as symbols, never as raw control characters on the terminal', async () => {
    const { code, stdout } = await courier(['inspect', file, '--rows', '499:501']);
    expect(code).toBe(0);
    expect(stdout).toContain('Ja␀n');
    expect(controlBytes(Buffer.from(stdout))).toEqual([]);
  });

  it('no control character reaches a written file, left out or removed by the fix', async () => {
    const left = await courier([
      'prepare',
      file,
      '--destination',
      'hello-customer',
      '--out',
      join(dir.path, 'left'),
      '--exclude-invalid',
      '--json',
    ]);
    expect(left.code).toBe(0);
    const report = JSON.parse(left.stdout) as { written: string[]; rejected: string };
    expect(report.written).toHaveLength(1);
    for (const path of [...report.written, report.rejected])
      expect(controlBytes(await readFile(path)), path).toEqual([]);
    expect((await readFile(report.written[0]!, 'utf8')).split('\r\n')).toHaveLength(1 + 1997 + 1);
    // The rows left out show where their control characters were, as symbols.
    expect(await readFile(report.rejected, 'utf8')).toContain('Ja␀n');

    const mapping = join(dir.path, 'mapping.json');
    const fixes = [
      { kind: 'remove-control-characters', column: 'FirstName' },
      { kind: 'remove-control-characters', column: 'LastName' },
    ];
    await writeFile(
      mapping,
      JSON.stringify({
        mapping: {
          Email: 'Email',
          Language: 'Language',
          FirstName: 'FirstName',
          LastName: 'LastName',
        },
        fixes,
      })
    );
    const fixed = await courier([
      'prepare',
      file,
      '--destination',
      'hello-customer',
      '--out',
      join(dir.path, 'fixed'),
      '--mapping',
      mapping,
      '--json',
    ]);
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.stdout)).toMatchObject({
      rowCount: 2000,
      validRowCount: 2000,
      issues: [],
    });
    const [output] = [...(await outputs(join(dir.path, 'fixed'))).values()];
    expect(controlBytes(output!)).toEqual([]);
    expect(output!.toString('utf8')).toContain('p499@example.com;NL;Jan;Peeters;;');
    expect(output!.toString('utf8')).toContain('p1499@example.com;NL;Jan;De Smet;;');
  });
});

describe('a small CSV that starts with an unbalanced quote', () => {
  it('check and prepare say the quote on line 1 is never closed, exit non-zero and write nothing', async () => {
    const file = join(dir.path, 'quote.csv');
    await writeFile(
      file,
      '"Email,Language,FirstName\nzoe@example.com,FR,Zoé\njan@example.com,NL,Jan\n'
    );
    const check = await courier(['check', file, '--destination', 'hello-customer']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      'In “quote.csv”, a quote (") in the row on line 1 is never closed'
    );
    const json = await courier(['check', file, '--destination', 'hello-customer', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'read.unclosed-quote' } });
    const out = join(dir.path, 'out');
    const prepare = await courier([
      'prepare',
      file,
      '--destination',
      'hello-customer',
      '--out',
      out,
    ]);
    expect(prepare.code).toBe(1);
    expect(prepare.stderr).toContain('line 1 is never closed');
    expect((await outputs(out)).size).toBe(0);
  });

  it('a quote opened on a later line and never closed is named by its line', async () => {
    const file = join(dir.path, 'later.csv');
    await writeFile(
      file,
      'Email,Language,FirstName\nzoe@example.com,FR,Zoé\njan@example.com,NL,"Jan\nan@example.com,NL,An\n'
    );
    const check = await courier(['check', file, '--destination', 'hello-customer']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('line 3 is never closed');
  });
});
