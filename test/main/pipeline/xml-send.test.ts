import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDestination } from '../../../src-core/destinations/destination';
import { getDestination, saveDestination } from '../../../src-main/settings/destination-store';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';
import { tempHome } from '../../harness/temp-home';

const GOLDEN = join(import.meta.dirname, '../../fixtures/golden-xml/customergauge');

// Issue 16, CustomerGauge XML: `courier destinations set D output.xml-sample=FILE` learns the
// vendor's sample; `courier send` then uploads XML in that structure to the real sshd, byte for
// byte the golden file of the core test. A sample Courier cannot follow is refused in words.
describe('courier send uploads XML in the structure of the vendor’s sample', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-xml-home-', { shared: true });
  const work = tempHome('courier-xml-work-', { shared: true });
  const name = `CustomerGauge XML ${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
  });
  afterAll(async () => {
    await new SecretStore().deleteAll(name).catch(() => 0);
    await sshd?.stop();
  });

  it('learns the sample from the command line, sends one XML file, refuses a sample it cannot follow', async () => {
    const user = sshd.users[0]!;
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
        columns: [{ name: 'First name' }, { name: 'Last name' }],
        duplicateKey: [],
      }),
      { previousName: name }
    );

    const bad = join(work.path, 'nested.xml');
    await writeFile(bad, '<Root><Contact><Phone>1</Phone><Phone>2</Phone></Contact></Root>');
    const refused = await courier(['destinations', 'set', name, `output.xml-sample=${bad}`], {
      home: home.path,
    });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('“Phone” repeats inside one “Contact”');
    expect((await getDestination(home.path, name))!.output.format).toBe('csv');

    const set = await courier(
      [
        'destinations',
        'set',
        name,
        `output.xml-sample=${join(GOLDEN, 'sample.xml')}`,
        'file-name=contacts_{counter}.csv',
      ],
      { home: home.path }
    );
    expect(set.code, set.stderr).toBe(0);
    const shown = JSON.parse(
      (await courier(['destinations', 'show', name, '--json'], { home: home.path })).stdout
    ).destination;
    expect(shown.output.format).toBe('xml');
    expect(shown.output.xml.fields.map((f: { name: string }) => f.name)).toEqual([
      'FirstName',
      'lastName',
      'EmailAddress',
      'cg:Segment',
      'Reference',
    ]);

    const source = join(work.path, 'contacts.csv');
    await writeFile(
      source,
      [
        'First name,Last name,EmailAddress,cg:Segment,Reference',
        "Zoë,O'Brien & <Sons>,zoe@example.be,B2B,007",
        '=1+1,,x@example.be,"""quoted""",',
      ].join('\n')
    );
    const sent = await courier(['send', source, '--destination', name], { home: home.path });
    expect(sent.code, sent.stderr).toBe(0);
    const remote = (await readdir(user.uploadDir)).filter(n => n.endsWith('.xml'));
    expect(remote).toEqual(['contacts_1.xml']);
    const bytes = await readFile(join(user.uploadDir, remote[0]!));
    expect(bytes.equals(await readFile(join(GOLDEN, 'expected.xml')))).toBe(true);
  }, 120_000);
});
