import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { tempHome } from '../../harness/temp-home';
import { courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';

/**
 * EvaluAgent allows columns after the agreed template: what reaches the real SFTP server is the
 * template's columns, then the export's other columns in their own order, through the same
 * formula-neutralising writer.
 */
describe('EvaluAgent extra columns, delivered to the real sshd', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-evaluagent-extra-', { shared: true });
  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('sends the template columns, then the unmapped ones in source order, byte for byte', async () => {
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
    const source = join(home.path, 'calls.csv');
    await writeFile(
      source,
      [
        'Queue,Contact ID,Agent Email,Wrap-up note,Date,Direction,Customer Phone,Duration,Sentiment',
        'Sales,C-1,agent.one@example.com,=1+1,2026-12-01,inbound,+32470123456,125,positive',
        'Support,C-2,agent.two@example.com,"call back, Monday",2026-12-01,outbound,,64,neutral',
        '',
      ].join('\n')
    );
    const sent = await courier(['send', source, '--destination', 'Calls', '--json'], {
      home: home.path,
    });
    expect(sent.code, sent.stderr + sent.stdout).toBe(0);
    const [file] = JSON.parse(sent.stdout).files as { name: string }[];
    const delivered = (await readFile(join(user.uploadDir, file!.name))).toString('utf8');
    expect(delivered).toBe(
      [
        'Contact ID,Agent Email,Date,Direction,Customer Phone,Duration,Queue,Wrap-up note,Sentiment',
        "C-1,agent.one@example.com,2026-12-01,inbound,+32470123456,125,Sales,'=1+1,positive",
        'C-2,agent.two@example.com,2026-12-01,outbound,,64,Support,"call back, Monday",neutral',
        '',
      ].join('\r\n')
    );

    // Turned off, the same export sends the template's columns only.
    expect(
      (await courier(['destinations', 'set', 'Calls', 'extra-columns=no'], { home: home.path }))
        .code
    ).toBe(0);
    const again = await courier(['send', source, '--destination', 'Calls', '--force', '--json'], {
      home: home.path,
    });
    expect(again.code, again.stderr).toBe(0);
    const [second] = JSON.parse(again.stdout).files as { name: string }[];
    expect(
      (await readFile(join(user.uploadDir, second!.name))).toString('utf8').split('\r\n')[0]
    ).toBe('Contact ID,Agent Email,Date,Direction,Customer Phone,Duration');
  });
});
