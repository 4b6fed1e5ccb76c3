import { chown, mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';
import { tempHome } from '../../harness/temp-home';
import { courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';

/**
 * Digitaleo's "sync an existing list" mode against the real FTPS server: the list is matched by
 * the file's name, so every run's file must be named exactly `<list>.csv` — no date, no `-2`.
 * The platform's own processing (in → on → ok) is played by the test on the server's disk.
 */
describe('Digitaleo sync mode over FTPS, two runs on two days', () => {
  let vsftpd: VsftpdServer;
  const home = tempHome('courier-digitaleo-sync-', { shared: true });
  beforeAll(async () => {
    requireKeychain();
    vsftpd = await startVsftpd({ mode: 'explicit' });
    for (const dir of [
      'contacts',
      'contacts/import',
      'contacts/import/in',
      'contacts/import/on',
      'contacts/import/ok',
      'contacts/import/ko',
    ]) {
      await mkdir(join(vsftpd.uploadDir, dir), { recursive: true });
      await chown(join(vsftpd.uploadDir, dir), vsftpd.user.uid, vsftpd.user.gid);
    }
  });
  afterAll(async () => {
    await vsftpd?.stop();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const inFolder = () => join(vsftpd.uploadDir, 'contacts/import/in');

  /** Plays Digitaleo: once the file lands in `in`, it moves to `on` (timestamped), then to `ok`. */
  async function platformTakes(name: string, stamp: string): Promise<Buffer> {
    for (;;) {
      const names = await readdir(inFolder());
      if (names.includes(name)) break;
      await new Promise(r => setTimeout(r, 50));
    }
    const bytes = await readFile(join(inFolder(), name));
    const onName = `${stamp}_${name}`;
    await rename(join(inFolder(), name), join(vsftpd.uploadDir, 'contacts/import/on', onName));
    await new Promise(r => setTimeout(r, 200));
    await rename(
      join(vsftpd.uploadDir, 'contacts/import/on', onName),
      join(vsftpd.uploadDir, 'contacts/import/ok', onName)
    );
    return bytes;
  }

  it('names both files exactly Clients.csv in contacts/import/in, places .syncExistingList and reads the receipt', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T09:00:00') });
    const added = await courier(
      [
        'destinations',
        'add',
        'Clients sync',
        'digitaleo.mode=sync',
        'digitaleo.list=Clients',
        '--preset',
        'digitaleo',
        '--protocol',
        'ftps',
        '--host',
        '127.0.0.1',
        '--port',
        String(vsftpd.port),
        '--user',
        vsftpd.user.name,
        '--folder',
        '/upload',
        '--tls-fingerprint',
        `SHA256:${vsftpd.certFingerprint}`,
        '--password-stdin',
      ],
      { home: home.path, stdin: `${vsftpd.user.password}\n` }
    );
    expect(added.code, added.stderr).toBe(0);

    const days = [
      {
        now: '2026-12-01T09:00:00',
        stamp: '1796115600',
        rows: ['anna@example.com,Anna,Peeters', 'ben@example.org,Ben,Maes'],
      },
      // The next day one contact left the list: a sync of the same list removes her.
      { now: '2026-12-02T09:00:00', stamp: '1796202000', rows: ['ben@example.org,Ben,Maes'] },
    ];
    const delivered: Buffer[] = [];
    for (const day of days) {
      vi.setSystemTime(new Date(day.now));
      const source = join(home.path, `export-${day.stamp}.csv`);
      await writeFile(source, ['Email,Prénom,Nom', ...day.rows, ''].join('\n'));
      const [sent, bytes] = await Promise.all([
        courier(
          ['send', source, '--destination', 'Clients sync', '--wait-receipt', '30', '--json'],
          { home: home.path }
        ),
        platformTakes('Clients.csv', day.stamp),
      ]);
      expect(sent.code, sent.stderr + sent.stdout).toBe(0);
      const result = JSON.parse(sent.stdout);
      expect(result.files.map((f: { name: string }) => f.name)).toEqual(['Clients.csv']);
      expect(result.receipt).toMatchObject({ status: 'accepted' });
      delivered.push(bytes);
    }
    // Each day's contacts, under the list's own name, in the order they were sent.
    expect(delivered[0]!.toString('utf8')).toContain('anna@example.com');
    expect(delivered[1]!.toString('utf8')).not.toContain('anna@example.com');
    expect(delivered[1]!.toString('utf8')).toContain('ben@example.org');
    expect((await readdir(join(vsftpd.uploadDir, 'contacts/import/ok'))).sort()).toEqual([
      '1796115600_Clients.csv',
      '1796202000_Clients.csv',
    ]);
    expect(
      (await readdir(join(vsftpd.uploadDir, 'contacts/import'))).filter(n => n.startsWith('.'))
    ).toEqual(['.syncExistingList']);
    // The ledger remembers both deliveries under the same name (never renamed to Clients-2.csv).
    const ledger = (await readFile(join(home.path, 'ledger.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map(line => JSON.parse(line) as { remoteName: string; at: string });
    expect(ledger.map(e => e.remoteName)).toEqual(['Clients.csv', 'Clients.csv']);
  });
});
