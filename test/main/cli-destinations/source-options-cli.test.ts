import { randomBytes } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { addSftpDestination, courier } from './run-captured';
import { requireKeychain } from '../secrets/keychain-harness';
import { tempHome } from '../../harness/temp-home';

// `--sheet` and `--header-row` are read the same way by inspect, check, prepare and send: the file
// a person corrected in `inspect` is the file that is checked, prepared and sent.

describe('--sheet and --header-row on check, prepare and send', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-source-home-', { shared: true });
  const work = tempHome('courier-source-work-', { shared: true });
  let workbook: string;
  const unique = randomBytes(4).toString('hex');

  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    // A short sheet first, the contacts on the second, as exports often come.
    const book = new ExcelJS.Workbook();
    const readMe = book.addWorksheet('Read me');
    readMe.addRow(['Email', 'Language']);
    readMe.addRow(['help@example.com', 'en']);
    const contacts = book.addWorksheet('Contacts');
    contacts.addRow(['Email', 'Language']);
    contacts.addRow(['wendy@example.be', 'nl']);
    contacts.addRow(['jean@example.fr', 'fr']);
    contacts.addRow(['anna@example.nl', 'en']);
    workbook = join(work.path, 'export.xlsx');
    await book.xlsx.writeFile(workbook);
    // A text export whose column names are on line 3 (a title line and a blank line first).
    await writeFile(
      join(work.path, 'titled.csv'),
      'Export of 2 December 2026\n\nEmail,Language\nwendy@example.be,nl\njean@example.fr,fr\n'
    );
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('check reads the sheet and header line it is given', async () => {
    const readMe = await courier(
      ['check', workbook, '--destination', 'hello-customer', '--sheet', 'Read me', '--json'],
      { home: home.path }
    );
    expect(readMe.code, readMe.stderr).toBe(0);
    expect(JSON.parse(readMe.stdout)).toMatchObject({ rowCount: 1 });
    const contacts = await courier(
      ['check', workbook, '--destination', 'hello-customer', '--sheet', 'Contacts', '--json'],
      { home: home.path }
    );
    expect(JSON.parse(contacts.stdout)).toMatchObject({ rowCount: 3, validRowCount: 3 });

    const titled = await courier(
      [
        'check',
        join(work.path, 'titled.csv'),
        '--destination',
        'hello-customer',
        '--header-row',
        '3',
        '--json',
      ],
      { home: home.path }
    );
    expect(titled.code, titled.stderr).toBe(0);
    expect(JSON.parse(titled.stdout)).toMatchObject({ rowCount: 2, validRowCount: 2 });

    const wrong = await courier(
      [
        'check',
        join(work.path, 'titled.csv'),
        '--destination',
        'hello-customer',
        '--header-row',
        '0',
      ],
      { home: home.path }
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--header-row needs a line number from 1');
  });

  it('prepare writes the sheet it is given', async () => {
    const out = join(work.path, 'out');
    const prepared = await courier(
      ['prepare', workbook, '--destination', 'hello-customer', '--sheet', 'Contacts', '--out', out],
      { home: home.path }
    );
    expect(prepared.code, prepared.stderr).toBe(0);
    const [file] = (await readdir(out, { withFileTypes: true })).filter(e => e.isFile());
    const text = await readFile(join(out, file!.name), 'utf8');
    expect(text).toContain('jean@example.fr;FR');
    expect(text).not.toContain('help@example.com');
  });

  it('send uploads the sheet it is given to the real server', async () => {
    const user = sshd.users[0]!;
    const name = `sheet-${unique}`;
    const add = await addSftpDestination(home.path, name, sshd, user);
    expect(add.code, add.stderr).toBe(0);
    const sent = await courier(
      ['send', workbook, '--destination', name, '--sheet', 'Contacts', '--json'],
      { home: home.path }
    );
    expect(sent.code, sent.stderr).toBe(0);
    const report = JSON.parse(sent.stdout) as { rows: { sent: number }; files: { name: string }[] };
    expect(report.rows.sent).toBe(3);
    const delivered = await readFile(join(user.uploadDir, report.files[0]!.name), 'utf8');
    expect(delivered).toContain('anna@example.nl;EN');
    expect(delivered).not.toContain('help@example.com');
    await courier(['destinations', 'remove', name], { home: home.path });
  });
});
