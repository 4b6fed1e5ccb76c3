import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDestination } from '../../../src-core/destinations/destination';
import { getDestination, saveDestination } from '../../../src-main/settings/destination-store';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { openSource } from '../../../src-main/reading/open-source';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';
import { tempHome } from '../../harness/temp-home';

// Issue 16, CustomerGauge: `output.format=xls|xlsx` through the whole send (CLI settings →
// worker preparation → SFTP upload). The workbooks on the real sshd are read back with
// Courier's own reader: the same cells as the golden read-back of the workbook tests.
describe('courier send uploads workbooks', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-workbook-home-', { shared: true });
  const work = tempHome('courier-workbook-work-', { shared: true });
  const names: string[] = [];

  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
  });
  afterAll(async () => {
    for (const name of names) await new SecretStore().deleteAll(name).catch(() => 0);
    await sshd?.stop();
  });

  for (const format of ['xlsx', 'xls'] as const) {
    it(`${format}: 5 contacts, 2 per file → 3 workbooks on the server, cells as sent`, async () => {
      const user = sshd.users[0]!;
      const name = `CustomerGauge ${format} ${randomBytes(3).toString('hex')}`;
      names.push(name);
      const added = await courier(
        [
          'destinations',
          'add',
          name,
          '--preset',
          'customergauge',
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
      expect(added.code, added.stderr).toBe(0);
      const saved = (await getDestination(home.path, name))!;
      await saveDestination(
        home.path,
        parseDestination({
          ...saved,
          columns: [
            { name: 'Email', rule: 'email', required: true },
            { name: 'Mobile', rule: 'phone' },
            { name: 'Customer ID', rule: 'reference' },
            { name: 'Score', rule: 'number' },
            { name: 'Visit date', rule: 'date', dateFormat: 'DD/MM/YYYY' },
          ],
          duplicateKey: [],
        }),
        { previousName: name }
      );
      const set = await courier(
        [
          'destinations',
          'set',
          name,
          `output.format=${format}`,
          'max-rows=2',
          `file-name=${format}_{counter}.csv`,
        ],
        { home: home.path }
      );
      expect(set.code, set.stderr).toBe(0);
      const source = join(work.path, `contacts-${format}.csv`);
      await writeFile(
        source,
        [
          'Email,Mobile,Customer ID,Score,Visit date',
          'anne@example.be,0470 12 34 56,00012345678901234567,"3,5",20/11/2026',
          'bart@example.be,+32 471 00 00 01,000042,7,01/03/2026',
          'chloe@example.be,,123456789012345678,-2.25,29/02/2028',
          'dirk@example.be,0470000002,7,,',
          'eva@example.be,0470000003,0,1.234,31/12/1999',
        ].join('\n')
      );
      const sent = await courier(['send', source, '--destination', name], { home: home.path });
      expect(sent.code, sent.stderr).toBe(0);

      const remote = (await readdir(user.uploadDir)).filter(n => n.startsWith(`${format}_`)).sort();
      expect(remote).toEqual([
        `${format}_1.${format}`,
        `${format}_2.${format}`,
        `${format}_3.${format}`,
      ]);
      const rows: string[][] = [];
      for (const file of remote) {
        const opened = await openSource(join(user.uploadDir, file));
        try {
          expect(opened.columns).toEqual(['Email', 'Mobile', 'Customer ID', 'Score', 'Visit date']);
          for await (const row of opened.rows()) rows.push([...row.cells]);
        } finally {
          await opened.dispose?.();
        }
      }
      expect(rows).toEqual([
        ['anne@example.be', '+32470123456', '00012345678901234567', '3.5', '2026-11-20'],
        ['bart@example.be', '+32471000001', '000042', '7', '2026-03-01'],
        ['chloe@example.be', '', '123456789012345678', '-2.25', '2028-02-29'],
        ['dirk@example.be', '+32470000002', '7', '', ''],
        ['eva@example.be', '+32470000003', '0', '1.234', '1999-12-31'],
      ]);
      // What arrived is a workbook of the chosen kind (its file signature), not a renamed CSV.
      const first = await readFile(join(user.uploadDir, remote[0]!));
      expect([...first.subarray(0, 4)]).toEqual(
        format === 'xls' ? [0xd0, 0xcf, 0x11, 0xe0] : [0x50, 0x4b, 0x03, 0x04]
      );
    }, 120_000);
  }
});
