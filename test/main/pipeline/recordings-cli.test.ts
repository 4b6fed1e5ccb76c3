import { randomBytes } from 'node:crypto';
import { chown, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDestination } from '../../../src-main/settings/destination-store';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { tempHome } from '../../harness/temp-home';
import { courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';

/**
 * `courier destinations set NAME recordings.column=… recordings.folder=…` and
 * `courier send FILE --destination NAME --recordings DIR`, against the real sshd: the recordings
 * arrive in their folder with the records, the report counts them, a missing one is named.
 */
describe('courier send --recordings', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-recordings-cli-', { shared: true });
  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    const user = sshd.users[0]!;
    await mkdir(join(user.uploadDir, 'recordings'));
    await chown(join(user.uploadDir, 'recordings'), user.uid, user.gid);
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('sets the recordings up, sends them before the records, and counts them', async () => {
    const user = sshd.users[0]!;
    const add = await courier(
      [
        'destinations',
        'add',
        'Calls',
        '--preset',
        'evaluagent',
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
        '--auth',
        'password',
        '--password-stdin',
      ],
      { home: home.path, stdin: `${user.password}\n` }
    );
    expect(add.code, add.stderr).toBe(0);
    const set = await courier(
      [
        'destinations',
        'set',
        'Calls',
        'recordings.column=Recording',
        'recordings.folder=upload/recordings',
      ],
      { home: home.path }
    );
    expect(set.code, set.stderr).toBe(0);
    const shown = await courier(['destinations', 'show', 'Calls'], { home: home.path });
    expect(shown.stdout).toContain(
      'call recordings named in Recording, sent first to upload/recordings'
    );
    expect((await getDestination(home.path, 'Calls'))?.recordings).toEqual({
      column: 'Recording',
      remoteFolder: 'upload/recordings',
    });

    const folder = join(home.path, 'recordings');
    await mkdir(folder);
    const sizes = [1000, 2000, 3000];
    for (const [i, size] of sizes.entries())
      await writeFile(join(folder, `call-${i + 1}.wav`), randomBytes(size));
    const source = join(home.path, 'calls.csv');
    await writeFile(
      source,
      [
        'Contact ID,Agent Email,Date,Recording',
        'C-1,one@example.com,2026-12-01,call-1.wav',
        'C-2,two@example.com,2026-12-01,call-2.wav',
        'C-3,three@example.com,2026-12-01,call-3.wav',
        'C-4,four@example.com,2026-12-01,',
        '',
      ].join('\n')
    );
    const sent = await courier(
      ['send', source, '--destination', 'Calls', '--recordings', folder, '--json'],
      { home: home.path }
    );
    expect(sent.code, sent.stderr + sent.stdout).toBe(0);
    const report = JSON.parse(sent.stdout);
    expect(report.recordings).toEqual({
      count: 3,
      bytes: 6000,
      uploaded: 3,
      uploadedBytes: 6000,
      remoteFolder: 'upload/recordings',
    });
    expect((await readdir(join(user.uploadDir, 'recordings'))).sort()).toEqual([
      'call-1.wav',
      'call-2.wav',
      'call-3.wav',
    ]);
    const records = await readFile(join(user.uploadDir, report.files[0].name), 'utf8');
    expect(records.split('\r\n')[1]).toBe('C-1,one@example.com,2026-12-01,,,,call-1.wav');

    // History keeps the counts; the words say what was sent (and what was there already).
    await writeFile(
      source,
      `${await readFile(source, 'utf8')}C-5,five@example.com,2026-12-02,call-1.wav\n`
    );
    const again = await courier(
      ['send', source, '--destination', 'Calls', '--recordings', folder],
      {
        home: home.path,
      }
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      '0 of 3 recordings sent (0 kB of 6 kB) to upload/recordings; 3 were there already.'
    );
    const history = await courier(['history'], { home: home.path });
    expect(history.stdout).toContain(
      '  3 of 3 recordings sent (6 kB of 6 kB) to upload/recordings.'
    );
  });

  it('names the row whose recording is missing, and sends nothing', async () => {
    const folder = join(home.path, 'recordings');
    const source = join(home.path, 'calls-missing.csv');
    await writeFile(
      source,
      [
        'Contact ID,Agent Email,Date,Recording',
        'C-1,one@example.com,2026-12-03,call-1.wav',
        'C-2,two@example.com,2026-12-03,call-8812.wav',
        '',
      ].join('\n')
    );
    const before = await readdir(sshd.users[0]!.uploadDir);
    const held = await courier(
      ['send', source, '--destination', 'Calls', '--recordings', folder, '--json'],
      { home: home.path }
    );
    expect(held.code).toBe(1);
    const report = JSON.parse(held.stdout);
    expect(report.outcome).toBe('held');
    expect(report.check.issues.map((i: { message: string }) => i.message)).toEqual([
      'Line 3: the recording “call-8812.wav” is not in the folder.',
    ]);
    expect(await readdir(sshd.users[0]!.uploadDir)).toEqual(before);

    // Without the folder, the send says what it needs.
    const without = await courier(['send', source, '--destination', 'Calls'], { home: home.path });
    expect(without.code).toBe(1);
    expect(without.stderr).toContain(
      'Calls receives the call recordings with the records: choose the folder the recordings are in.'
    );
  });
});
