import { beforeEach, describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../../src-main/cli/run-cli';
import { printReportJson } from '../../../src-main/cli/commands/check';
import { saveDestination } from '../../../src-main/settings/destination-store';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { parseDestination } from '../../../src-core/destinations/destination';
import { tempHome } from '../../harness/temp-home';

async function courier(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCli(['--home', home, ...argv], { stdout, stderr, stdin: Readable.from([]), env: {} });
  return { code, stdout: out, stderr: err };
}

const dir = tempHome('courier-cli-prep-');
let home: string;
let file: string;
beforeEach(async () => {
  home = join(dir.path, 'home');
  file = join(dir.path, 'contacts.csv');
  await writeFile(file, 'E-mail;Langue;Prénom;Nom\r\nwendy@hellocustomer.com;EN;Wendy;De Vos\r\njan@@example.com;Français;Jan;Peeters\r\nmarie@exemple.fr;fr-BE;Marie;Dubois\r\n');
});

describe('courier check', () => {
  it('--json prints the documented object and exits 1 when a row has an error', async () => {
    const { code, stdout } = await courier(['check', file, '--destination', 'hello-customer', '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['destination', 'mapping', 'rowCount', 'validRowCount', 'duplicateRowCount', 'issues', 'summary', 'files']);
    expect(report).toMatchObject({
      destination: 'Hello Customer',
      mapping: { Email: 'E-mail', Language: 'Langue', FirstName: 'Prénom', LastName: 'Nom', Department: null, CustomId: null },
      rowCount: 3,
      validRowCount: 2,
      summary: { 'email.invalid': 1, 'language.normalised': 2 },
      files: [{ name: expect.stringMatching(/^touchpoint_\d{8}\.csv$/), rows: 2, bytes: expect.any(Number) }],
    });
    // Streamed in batches, yet exactly what JSON.stringify(report, null, 2) prints.
    expect(stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(report.issues[0]).toEqual({
      row: 1,
      sourceLine: 3,
      column: 'Email',
      code: 'email.invalid',
      message: 'Line 3: “jan@@example.com” is not a valid e-mail address (it has more than one @).',
      severity: 'error',
    });
  });

  it('exits 0 when only warnings remain; honours a mapping file', async () => {
    const mapping = join(dir.path, 'mapping.json');
    await writeFile(mapping, JSON.stringify({ mapping: { Email: 'E-mail', Language: 'Langue' }, fixes: [{ kind: 'exclude-row', row: 1 }] }));
    const { code, stdout } = await courier(['check', file, '--destination', 'hello-customer', '--mapping', mapping, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.mapping).toEqual({ Email: 'E-mail', Language: 'Langue', FirstName: null, LastName: null, Department: null, CustomId: null });
    expect(report.issues.every((i: { severity: string }) => i.severity === 'warning')).toBe(true);
  });

  it('without --json prints the problems in words', async () => {
    const { code, stdout } = await courier(['check', file, '--destination', 'hello-customer']);
    expect(code).toBe(1);
    expect(stdout).toContain('3 rows; 2 ready to send.');
    expect(stdout).toContain('E-mail addresses that are not valid');
    expect(stdout).toContain('✗ Line 3: “jan@@example.com” is not a valid e-mail address');
  });

  it('accepts a configured destination name and a destination file', async () => {
    await saveDestination(home, parseDestination({ ...destinationFromPreset('hello-customer', 'NPS Gent'), variables: { touchpoint: 'gent' } }));
    const byName = JSON.parse((await courier(['check', file, '--destination', 'NPS Gent', '--json'])).stdout);
    expect(byName.files[0].name).toMatch(/^gent_\d{8}\.csv$/);
    const destFile = join(dir.path, 'dest.json');
    await writeFile(destFile, JSON.stringify({ version: 1, name: 'Mine', columns: [{ name: 'Mail', rule: 'email', required: true }] }));
    const mapping = join(dir.path, 'm.json');
    await writeFile(mapping, JSON.stringify({ Mail: 'E-mail' }));
    const byFile = await courier(['check', file, '--destination', destFile, '--mapping', mapping, '--json']);
    expect(JSON.parse(byFile.stdout)).toMatchObject({ destination: 'Mine', validRowCount: 2 });
  });

  it('usage errors exit 2; an unknown destination or file exits 1 with a plain message', async () => {
    expect((await courier(['check', file])).code).toBe(2);
    expect((await courier(['check', '--destination', 'generic'])).code).toBe(2);
    const unknown = await courier(['check', file, '--destination', 'nowhere', '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error.code).toBe('destination.not-found');
    const missing = await courier(['check', join(dir.path, 'nope.csv'), '--destination', 'generic']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^courier: /);
  });
});

describe('courier prepare', () => {
  it('refuses to write a file with errors, unless --exclude-invalid', async () => {
    const out = join(dir.path, 'out');
    const blocked = await courier(['prepare', file, '--destination', 'hello-customer', '--out', out]);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('--exclude-invalid');
    await expect(readdir(out)).rejects.toThrow();

    const ok = await courier(['prepare', file, '--destination', 'hello-customer', '--out', out, '--exclude-invalid']);
    expect(ok.code).toBe(0);
    const names = ok.stdout.trim().split('\n');
    expect(names).toEqual([expect.stringMatching(/^touchpoint_\d{8}\.csv$/)]);
    // The rejected rows are kept in a folder of their own, never beside the files to send.
    expect((await readdir(out)).sort()).toEqual(['rejected', ...names].sort());
    const sent = await readFile(join(out, names[0]!), 'utf8');
    expect(sent).toBe('Email;Language;FirstName;LastName;Department;CustomId\r\nwendy@hellocustomer.com;EN;Wendy;De Vos;;\r\nmarie@exemple.fr;FR;Marie;Dubois;;\r\n');
    expect(await readFile(join(out, 'rejected', 'rejected.csv'), 'utf8')).toContain('jan@@example.com');
  });

  it('needs --out', async () => {
    expect((await courier(['prepare', file, '--destination', 'generic'])).code).toBe(2);
  });

  it('--json lists the written files', async () => {
    const out = join(dir.path, 'out2');
    const { code, stdout } = await courier(['prepare', file, '--destination', 'digitaleo', '--out', out, '--exclude-invalid', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.written).toHaveLength(1);
    expect(report.rejected).toBe(join(out, 'rejected', 'rejected.csv'));
    expect((await readFile(report.written[0], 'utf8')).split('\n')[0]).toBe('Civilité,Prénom,Nom,Email,Téléphone Fixe,Mobile,Fax,Adresse 1,Adresse 2,Code postal,Ville,Etat,Pays,Date de naissance,Société,Référence');
  });
});

describe('streamed JSON report', () => {
  it('prints exactly what JSON.stringify prints, with or without issues and keys after them', async () => {
    for (const report of [
      { a: 1, issues: [], b: ['x'] },
      { a: 'é', issues: Array.from({ length: 2500 }, (_, i) => ({ row: i, message: `“${i}”` })), written: [], rejected: null },
      { issues: [{ x: 1 }] },
    ]) {
      const stdout = new PassThrough();
      let out = '';
      stdout.on('data', (d: Buffer) => (out += d.toString()));
      await printReportJson({ stdout, stderr: new PassThrough(), stdin: Readable.from([]), env: {} }, report);
      expect(out).toBe(`${JSON.stringify(report, null, 2)}\n`);
    }
  });
});
