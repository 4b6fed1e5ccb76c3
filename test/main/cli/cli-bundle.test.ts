import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';
import { runBuiltCli } from '../../harness/built-cli';
import { tempHome } from '../../harness/temp-home';
import { requireKeychain } from '../secrets/keychain-harness';

// The built CLI bundle end to end, as the installed launcher and `npm run courier` run it: a child
// `node out/main/cli.js` (its lazily loaded chunks, its transfer worker) against the real servers.

const contacts = [
  'Email;Language;FirstName',
  'wendy@example.be;nl;Wendy',
  'jean@example.fr;FR;Jean',
  '',
].join('\r\n');
const home = tempHome('courier-bundle-', { shared: true });

function courier(args: string[], stdin = '') {
  return runBuiltCli(['--home', home.path, ...args], { stdin });
}

describe('the built CLI bundle (out/main/cli.js) against real servers', () => {
  let sshd: SshdServer;
  let ftps: VsftpdServer;
  const unique = randomBytes(4).toString('hex');

  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    ftps = await startVsftpd({ mode: 'explicit' });
  });
  afterAll(async () => {
    await sshd?.stop();
    await ftps?.stop();
  });

  it('inspects, checks and sends over SFTP', async () => {
    const source = join(home.path, 'export.csv');
    await writeFile(source, contacts);
    const inspected = await courier(['inspect', source, '--json']);
    expect(inspected.code).toBe(0);
    expect(JSON.parse(inspected.stdout)).toMatchObject({ format: 'csv', rowCount: 2 });

    const user = sshd.users[0]!;
    const name = `bundle-sftp-${unique}`;
    const add = await courier(
      [
        'destinations',
        'add',
        name,
        'touchpoint=NPS',
        '--preset',
        'hello-customer',
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
      `${user.password}\n`
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    try {
      const checked = await courier(['check', source, '--destination', name, '--json']);
      expect(checked.code).toBe(0);
      // A big export is read ahead by the read-ahead worker, started from the built preparation
      // (its bundle beside the code that starts it): every row is read, duplicates found across it.
      const big = join(home.path, 'big-export.csv');
      const lines = ['Email;Language;FirstName'];
      for (let i = 0; i < 330_000; i++) lines.push(`contact.${i % 300_000}@example.be;nl;Wendy ${i}`);
      await writeFile(big, `${lines.join('\r\n')}\r\n`);
      const checkedBig = await courier(['check', big, '--destination', name, '--json']);
      expect(checkedBig.stderr).toBe('');
      expect(checkedBig.code).toBe(0);
      expect(JSON.parse(checkedBig.stdout)).toMatchObject({ rowCount: 330_000, duplicateRowCount: 30_000 });
      const sent = await courier(['send', source, '--destination', name, '--json']);
      expect(sent.stderr).toBe('');
      expect(sent.code).toBe(0);
      const [file] = JSON.parse(sent.stdout).files as { name: string }[];
      expect(await readFile(join(user.uploadDir, file!.name), 'utf8')).toContain(
        'wendy@example.be'
      );
    } finally {
      await courier(['destinations', 'remove', name]);
    }
  });

  it('sends over FTPS (explicit TLS)', async () => {
    const source = join(home.path, 'export-ftps.csv');
    await writeFile(source, contacts);
    const name = `bundle-ftps-${unique}`;
    const add = await courier(
      [
        'destinations',
        'add',
        name,
        'touchpoint=NPS',
        '--preset',
        'hello-customer',
        '--protocol',
        'ftps',
        '--host',
        '127.0.0.1',
        '--port',
        String(ftps.port),
        '--user',
        ftps.user.name,
        '--folder',
        'upload',
        '--tls-fingerprint',
        `SHA256:${ftps.certFingerprint}`,
        '--password-stdin',
      ],
      `${ftps.user.password}\n`
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    try {
      const sent = await courier(['send', source, '--destination', name, '--json']);
      expect(sent.stderr).toBe('');
      expect(sent.code).toBe(0);
      const [file] = JSON.parse(sent.stdout).files as { name: string }[];
      expect(await readFile(join(ftps.uploadDir, file!.name), 'utf8')).toContain('jean@example.fr');
    } finally {
      await courier(['destinations', 'remove', name]);
    }
  });
});
