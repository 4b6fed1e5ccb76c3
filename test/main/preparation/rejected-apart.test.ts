import { randomBytes } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';
import { getDestination, saveDestination } from '../../../src-main/settings/destination-store';
import { tempHome } from '../../harness/temp-home';

// Issue 13, item 2: with a destination file name `rejected.csv` and --exclude-invalid, the
// rejected rows (with an unmapped private column) replaced the output and were uploaded.

const SSN = '85.07.30-033.61';
const source = [
  'Email;Name;Note',
  'wendy@example.be;Wendy;ok',
  `jan@@example.com;Jan;national number ${SSN}`,
  'marie@example.fr;Marie;ok',
  '',
].join('\r\n');
const columns = [
  { name: 'Email', rule: 'email', required: true },
  { name: 'Name', rule: 'text' },
];
const expected = 'Email,Name\r\nwendy@example.be,Wendy\r\nmarie@example.fr,Marie\r\n';

const work = tempHome('courier-rejected-apart-', { shared: true });
beforeAll(async () => {
  await writeFile(join(work.path, 'export.csv'), source);
});

describe('courier prepare --exclude-invalid: the rejected rows live apart from the files to send', () => {
  it('an output named rejected.csv holds only the mapped columns; the rejected rows are in their own folder', async () => {
    const destinationFile = join(work.path, 'drop.json');
    await writeFile(
      destinationFile,
      JSON.stringify({ version: 1, name: 'Drop', columns, fileName: 'rejected.csv' })
    );
    const out = join(work.path, 'out');
    const home = join(work.path, 'home');
    const r = await courier(
      [
        'prepare',
        join(work.path, 'export.csv'),
        '--destination',
        destinationFile,
        '--out',
        out,
        '--exclude-invalid',
      ],
      { home }
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('rejected.csv\n');
    expect((await readdir(out)).sort()).toEqual(['rejected', 'rejected.csv']);
    const sent = await readFile(join(out, 'rejected.csv'), 'utf8');
    expect(sent).toBe(expected);
    expect(sent).not.toContain(SSN);
    const rejectedPath = join(out, 'rejected', 'rejected.csv');
    expect(r.stderr).toBe(`1 row was left out; see ${rejectedPath}.\n`);
    const rejected = await readFile(rejectedPath, 'utf8');
    expect(rejected).toContain(SSN);
    expect(rejected).toContain('jan@@example.com');

    // --json says the same: the written files are the files to send, the rejected rows apart.
    const out2 = join(work.path, 'out2');
    const json = JSON.parse(
      (
        await courier(
          [
            'prepare',
            join(work.path, 'export.csv'),
            '--destination',
            destinationFile,
            '--out',
            out2,
            '--exclude-invalid',
            '--json',
          ],
          { home }
        )
      ).stdout
    );
    expect(json.written).toEqual([join(out2, 'rejected.csv')]);
    expect(json.rejected).toBe(join(out2, 'rejected', 'rejected.csv'));
  });

  it('an output file never takes the rejected rows’ folder name', async () => {
    const destinationFile = join(work.path, 'bare.json');
    await writeFile(
      destinationFile,
      JSON.stringify({ version: 1, name: 'Bare', columns, fileName: 'REJECTED' })
    );
    const out = join(work.path, 'out3');
    const r = await courier(
      [
        'prepare',
        join(work.path, 'export.csv'),
        '--destination',
        destinationFile,
        '--out',
        out,
        '--exclude-invalid',
      ],
      { home: join(work.path, 'home') }
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('REJECTED_2\n');
    expect((await readdir(out)).sort()).toEqual(['REJECTED_2', 'rejected']);
    expect(await readFile(join(out, 'REJECTED_2'), 'utf8')).toBe(expected);
  });
});

describe('courier send --exclude-invalid to a destination whose file is called rejected.csv (real sshd)', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-rejected-send-', { shared: true });
  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('uploads the valid rows with the mapped columns only; the rejected rows stay in the settings folder', async () => {
    const user = sshd.users[0]!;
    const name = `drop-${randomBytes(4).toString('hex')}`;
    const add = await courier(
      [
        'destinations',
        'add',
        name,
        '--protocol',
        'sftp',
        '--host',
        '127.0.0.1',
        '--port',
        String(sshd.port),
        '--user',
        user.name,
        '--folder',
        'upload',
        '--host-key',
        sshd.hostKeyFingerprint,
        '--password-stdin',
      ],
      { home: home.path, stdin: `${user.password}\n` }
    );
    expect(add.code).toBe(0);
    const added = (await getDestination(home.path, name))!;
    await saveDestination(
      home.path,
      { ...added, columns, fileName: 'rejected.csv', duplicateKey: [], atLeastOneOf: [] },
      { previousName: name }
    );

    const sent = await courier(
      ['send', join(work.path, 'export.csv'), '--destination', name, '--exclude-invalid', '--json'],
      { home: home.path }
    );
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const report = JSON.parse(sent.stdout);
    expect(report).toMatchObject({
      outcome: 'sent-with-exclusions',
      rows: { read: 3, sent: 2, excluded: 1 },
    });
    expect(report.files.map((f: { name: string }) => f.name)).toEqual(['rejected.csv']);
    expect((await readdir(user.uploadDir)).filter(f => !f.startsWith('.'))).toEqual([
      'rejected.csv',
    ]);
    const uploaded = await readFile(join(user.uploadDir, 'rejected.csv'), 'utf8');
    expect(uploaded).toBe(expected);
    expect(uploaded).not.toContain(SSN);
    // The rows left out are kept for the person who made the export, in the settings folder.
    const kept = await readdir(join(home.path, 'rejected'));
    expect(kept).toEqual([`${report.run}.csv`]);
    expect(await readFile(join(home.path, 'rejected', kept[0]!), 'utf8')).toContain(SSN);
  });
});
