import { randomBytes } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDestination } from '../../../src-core/destinations/destination';
import { getDestination, saveDestination } from '../../../src-main/settings/destination-store';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';
import { tempHome } from '../../harness/temp-home';

// Issue 16, BlueConic: numbers, lists and date-times as the destination is set up, through the
// whole send (CLI settings → worker preparation → SFTP upload), compared byte for byte on the
// real sshd. The source mixes 3.5 and 1.234,5, a list in one cell plus a second column, and
// Brussels local times on both nights the clocks change.
describe('courier send writes numbers, lists and date-times as the destination says', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-values-home-', { shared: true });
  const work = tempHome('courier-values-work-', { shared: true });
  const name = `BlueConic ${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
  });
  afterAll(async () => {
    await new SecretStore().deleteAll(name).catch(() => 0);
    await sshd?.stop();
  });

  it('uploads one file with one decimal separator, joined lists and UTC times', async () => {
    const user = sshd.users[0]!;
    const added = await courier(
      [
        'destinations',
        'add',
        name,
        '--preset',
        'blueconic',
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
    // The customer's agreed columns (columns are the editor's business, not these settings).
    const saved = (await getDestination(home.path, name))!;
    await saveDestination(
      home.path,
      parseDestination({
        ...saved,
        columns: [
          { name: 'customer_id', required: true, rule: 'reference' },
          { name: 'score', rule: 'number' },
          { name: 'interests' },
          { name: 'last_visit', rule: 'date' },
        ],
        duplicateKey: [],
        receipt: 'none',
        fileName: 'profiles_{counter}.csv',
      }),
      { previousName: name }
    );
    const set = await courier(
      [
        'destinations',
        'set',
        name,
        'delimiter=;',
        'output.decimal=,',
        'output.multi-value=|',
        'output.date-format=YYYY-MM-DD HH:mm:ss',
        'output.time-zone=UTC',
        'output.source-time-zone=Europe/Brussels',
        'column.interests.split=,',
        'column.interests.combine=Interest 2',
      ],
      { home: home.path }
    );
    expect(set.code, set.stderr).toBe(0);

    const source = join(work.path, 'profiles.csv');
    await writeFile(
      source,
      [
        'customer_id,score,interests,Interest 2,last_visit',
        'c1,3.5,"sports, music",art,2026-03-29 01:30:00',
        'c2,"1.234,5",,music,2026-03-29 03:30:00',
        'c3,"7,25","travel,,",,2026-10-25 01:30:00',
        'c4,-2,,,2026-10-25 03:30:00',
        'c5,12,"rock|pop",,2026-07-01 12:00:00',
        'c6,lots,food,,2026-07-01 12:00:00',
        'c7,1,food,,2026-03-29 02:30:00',
      ].join('\n') + '\n'
    );
    const mapping = join(work.path, 'mapping.json');
    await writeFile(
      mapping,
      JSON.stringify({
        customer_id: 'customer_id',
        score: 'score',
        interests: 'interests',
        last_visit: 'last_visit',
      })
    );
    const sent = await courier(
      ['send', source, '--destination', name, '--mapping', mapping, '--exclude-invalid', '--json'],
      { home: home.path }
    );
    expect(sent.code, sent.stderr).toBe(0);
    const names = (await readdir(user.uploadDir)).filter(n => !n.startsWith('.'));
    expect(names).toEqual(['profiles_1.csv']);
    const remote = await readFile(join(user.uploadDir, names[0]!));
    expect(remote.toString('utf8')).toBe(
      [
        'customer_id;score;interests;last_visit',
        'c1;3,5;sports|music|art;2026-03-29 00:30:00',
        'c2;1234,5;music;2026-03-29 01:30:00',
        'c3;7,25;travel;2026-10-24 23:30:00',
        'c4;-2;;2026-10-25 02:30:00',
        '',
      ].join('\n')
    );
    // The three rows left out say why, in plain words.
    const report = JSON.parse(sent.stdout) as { issues?: Array<{ code: string }> };
    const codes = JSON.stringify(report);
    for (const code of ['list.separator-in-item', 'number.invalid', 'date.time-skipped'])
      expect(codes, code).toContain(code);
  }, 120_000);
});
