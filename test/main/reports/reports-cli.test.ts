import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';
import { tempHome } from '../../harness/temp-home';

// Issue 16, Digitaleo: `courier reports download D [--since DAY] --out DIR` against the real
// sshd, whose `reporting/<day>/` folders the test fills as Digitaleo would. Each zip is fetched
// once (remembered), checked whole (a damaged one is neither kept nor remembered), and a local
// file of the same name is never written over.
describe('courier reports download', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-reports-home-', { shared: true });
  const out = tempHome('courier-reports-out-', { shared: true });
  const name = `Digitaleo ${randomBytes(3).toString('hex')}`;
  const other = `Other ${randomBytes(3).toString('hex')}`;

  /** A report zip as Digitaleo makes them (stored, so a flipped byte stays readable but wrong). */
  const reportZip = (files: Record<string, string>) =>
    zipSync(
      Object.fromEntries(Object.entries(files).map(([n, t]) => [n, [strToU8(t), { level: 0 }]]))
    );

  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    const reporting = join(sshd.users[0]!.uploadDir, 'reporting');
    const put = async (day: string, file: string, bytes: Uint8Array | string) => {
      await mkdir(join(reporting, day), { recursive: true });
      await writeFile(join(reporting, day, file), bytes);
    };
    await put(
      '2026-11-20',
      '2026-11-20_Daily.zip',
      reportZip({ 'openers.csv': 'email,date\na@x.be,2026-11-20\nb@x.be,2026-11-20\n' })
    );
    await put(
      '2026-11-21',
      '2026-11-21_Daily.zip',
      reportZip({ 'openers.csv': 'email,date\nc@x.be,2026-11-21\n' })
    );
    await put(
      '2026-11-21',
      '2026-11-21_12345_Spring sale.zip',
      reportZip({
        'clickers.csv': 'email,link\na@x.be,1\nb@x.be,2\nc@x.be,3',
        'unsubscribers.csv': 'email\nd@x.be\n',
      })
    );
    await put('2026-11-21', 'notes.txt', 'not a report');
    for (const [n, preset] of [
      [name, 'digitaleo'],
      [other, 'hello-customer'],
    ] as const) {
      const user = sshd.users[0]!;
      const added = await courier(
        [
          'destinations',
          'add',
          n,
          '--preset',
          preset,
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
          // Hello Customer's file name needs its touchpoint (issue 14).
          ...(preset === 'hello-customer' ? ['touchpoint=NPS'] : []),
        ],
        { home: home.path, stdin: `${user.password}\n` }
      );
      expect(added.code, added.stderr).toBe(0);
    }
  });
  afterAll(async () => {
    for (const n of [name, other]) await new SecretStore().deleteAll(n).catch(() => 0);
    await sshd?.stop();
  });

  it('downloads each zip once, lists files and row counts, and never writes over a local file', async () => {
    await writeFile(join(out.path, '2026-11-21_Daily.zip'), 'mine');
    const first = await courier(
      ['reports', 'download', name, '--since', '2026-11-21', '--out', out.path, '--json'],
      { home: home.path }
    );
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(
      result.downloaded.map(
        (r: { day: string; name: string; savedAs: string; entries: unknown }) => [
          r.day,
          r.name,
          r.savedAs.slice(out.path.length + 1),
          r.entries,
        ]
      )
    ).toEqual([
      [
        '2026-11-21',
        '2026-11-21_12345_Spring sale.zip',
        '2026-11-21_12345_Spring sale.zip',
        [
          { name: 'clickers.csv', rows: 3 },
          { name: 'unsubscribers.csv', rows: 1 },
        ],
      ],
      [
        '2026-11-21',
        '2026-11-21_Daily.zip',
        '2026-11-21_Daily (2).zip',
        [{ name: 'openers.csv', rows: 1 }],
      ],
    ]);
    expect(await readFile(join(out.path, '2026-11-21_Daily.zip'), 'utf8')).toBe('mine');
    const remote = await readFile(
      join(sshd.users[0]!.uploadDir, 'reporting/2026-11-21/2026-11-21_Daily.zip')
    );
    expect((await readFile(join(out.path, '2026-11-21_Daily (2).zip'))).equals(remote)).toBe(true);

    const second = await courier(['reports', 'download', name, '--out', out.path], {
      home: home.path,
    });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(
      '2026-11-20  2026-11-20_Daily.zip → ' +
        join(out.path, '2026-11-20_Daily.zip') +
        ' (' +
        (await readFile(join(out.path, '2026-11-20_Daily.zip'))).length +
        ' bytes)\n    openers.csv: 2 rows\n'
    );

    const third = await courier(['reports', 'download', name, '--out', out.path], {
      home: home.path,
    });
    expect(third.stdout).toBe('No new reports (3 downloaded before).\n');
    expect((await readdir(out.path)).sort()).toEqual([
      '2026-11-20_Daily.zip',
      '2026-11-21_12345_Spring sale.zip',
      '2026-11-21_Daily (2).zip',
      '2026-11-21_Daily.zip',
    ]);
  });

  it('a damaged zip is said in words, not kept and not remembered; a platform without reports is refused', async () => {
    const good = reportZip({ 'openers.csv': 'email\ne@x.be\n' });
    const bad = new Uint8Array(good);
    // The '@' of the address inside the stored data: searched with its neighbours, since a lone
    // 0x40 can also be a byte of the entry's modification time in the zip header (seen in CI).
    const at = Buffer.from(bad).indexOf('e@x.be') + 1;
    expect(at).toBeGreaterThan(0);
    bad[at] = bad[at]! ^ 0x01;
    const day = join(sshd.users[0]!.uploadDir, 'reporting/2026-11-22');
    await mkdir(day, { recursive: true });
    await writeFile(join(day, '2026-11-22_Daily.zip'), bad);
    const refused = await courier(['reports', 'download', name, '--out', out.path], {
      home: home.path,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The report “2026-11-22_Daily.zip” arrived damaged');
    expect((await readdir(out.path)).filter(n => n.includes('11-22'))).toEqual([]);
    await writeFile(join(day, '2026-11-22_Daily.zip'), good);
    const again = await courier(['reports', 'download', name, '--out', out.path, '--json'], {
      home: home.path,
    });
    expect(JSON.parse(again.stdout).downloaded.map((r: { name: string }) => r.name)).toEqual([
      '2026-11-22_Daily.zip',
    ]);

    const notDigitaleo = await courier(['reports', 'download', other, '--out', out.path], {
      home: home.path,
    });
    expect(notDigitaleo.code).toBe(1);
    expect(notDigitaleo.stderr).toContain('is not a Digitaleo destination');
  });
});
