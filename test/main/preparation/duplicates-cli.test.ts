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

const dir = tempHome('courier-cli-dup-');
let home: string;
let file: string;
beforeEach(async () => {
  home = join(dir.path, 'home');
  file = join(dir.path, 'contacts.csv');
  await writeFile(
    file,
    'Email;Language;FirstName\r\nan@example.be;NL;An\r\njan@example.be;NL;Jan\r\nAN@example.be;FR;Anne\r\n'
  );
});

/** The rows of the one file `prepare` wrote (the rejected-rows folder aside). */
async function writtenRows(out: string): Promise<string[]> {
  const names = (await readdir(out, { withFileTypes: true }))
    .filter(e => e.isFile())
    .map(e => e.name);
  expect(names).toHaveLength(1);
  return (await readFile(join(out, names[0]!), 'utf8'))
    .split('\r\n')
    .filter(l => l !== '')
    .slice(1);
}

// Hello Customer: one invitation per person. The CLI says what the file holds, and the file holds it.
describe('duplicates on the command line', () => {
  it('check counts and lists the duplicate that is left out', async () => {
    const { code, stdout } = await courier(['check', file, '--destination', 'hello-customer']);
    expect(code).toBe(0);
    expect(stdout).toContain('3 rows; 2 ready to send.');
    expect(stdout).toContain(
      '1 duplicate row is left out: only the first row with the same Email is sent (--keep-duplicates sends them too).'
    );
    expect(stdout).toContain(
      '! Line 4 has the same Email as line 2. It is left out: only the first is sent.'
    );
    const json = JSON.parse(
      (await courier(['check', file, '--destination', 'hello-customer', '--json'])).stdout
    );
    expect(json).toMatchObject({
      rowCount: 3,
      validRowCount: 2,
      duplicateRowCount: 1,
      summary: { 'duplicate.key': 1 },
    });
    expect(json.files[0].rows).toBe(2);
  });

  it('prepare writes the first row only, and lists the one left out apart', async () => {
    const out = join(dir.path, 'out');
    const { code, stderr } = await courier([
      'prepare',
      file,
      '--destination',
      'hello-customer',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(await writtenRows(out)).toEqual(['an@example.be;NL;An;;;', 'jan@example.be;NL;Jan;;;']);
    expect(stderr).toContain('1 row was left out');
  });

  it('--keep-duplicates writes both, and says both are sent', async () => {
    const out = join(dir.path, 'kept');
    const { code } = await courier([
      'prepare',
      file,
      '--destination',
      'hello-customer',
      '--out',
      out,
      '--keep-duplicates',
    ]);
    expect(code).toBe(0);
    expect(await writtenRows(out)).toHaveLength(3);
    const { stdout } = await courier([
      'check',
      file,
      '--destination',
      'hello-customer',
      '--keep-duplicates',
    ]);
    expect(stdout).toContain('3 rows; 3 ready to send.');
    expect(stdout).toContain('! Line 4 has the same Email as line 2. Both are sent.');
  });
});
