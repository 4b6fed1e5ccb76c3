import { chown, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';
import { tempHome } from '../../harness/temp-home';
import { courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';

// Issue 16, Digitaleo: a file Digitaleo refuses is moved from contacts/<action>/in to `ko/`
// (renamed with a time prefix). History says so in plain words and `courier history
// download-refused RUN_ID --out DIR` fetches it as Digitaleo kept it, against the real FTPS
// server; the platform's part (in → ko) is played by the test on the server's disk.
describe('courier history download-refused (Digitaleo ko) over FTPS', () => {
  let vsftpd: VsftpdServer;
  const home = tempHome('courier-refused-home-', { shared: true });
  const out = tempHome('courier-refused-out-', { shared: true });
  const stamp = String(Math.floor(Date.now() / 1000) + 5);
  const folder = (sub: string) => join(vsftpd.uploadDir, 'contacts/import', sub);

  beforeAll(async () => {
    requireKeychain();
    vsftpd = await startVsftpd({ mode: 'explicit' });
    for (const dir of [
      'contacts',
      'contacts/import',
      ...['in', 'on', 'ok', 'ko'].map(s => `contacts/import/${s}`),
    ]) {
      await mkdir(join(vsftpd.uploadDir, dir), { recursive: true });
      await chown(join(vsftpd.uploadDir, dir), vsftpd.user.uid, vsftpd.user.gid);
    }
  });
  afterAll(async () => {
    await vsftpd?.stop();
  });

  /** Plays Digitaleo refusing the file: once it lands in `in`, it moves to `ko`, time-prefixed. */
  async function platformRefuses(): Promise<string> {
    for (;;) {
      const names = (await readdir(folder('in'))).filter(
        n => !n.startsWith('.') && !n.endsWith('.part')
      );
      if (names.length > 0) {
        const koName = `${stamp}_${names[0]!}`;
        await rename(join(folder('in'), names[0]!), join(folder('ko'), koName));
        return koName;
      }
      await new Promise(r => setTimeout(r, 50));
    }
  }

  it('says the refusal in plain words and downloads the refused file, verified and never over a local file', async () => {
    const added = await courier(
      [
        'destinations',
        'add',
        'Digitaleo contacts',
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
    const source = join(home.path, 'export.csv');
    await writeFile(source, 'Email,Prénom,Nom\nanna@example.com,Anna,Peeters\n');
    const [sent, koName] = await Promise.all([
      courier(
        ['send', source, '--destination', 'Digitaleo contacts', '--wait-receipt', '30', '--json'],
        {
          home: home.path,
        }
      ),
      platformRefuses(),
    ]);
    // A refused receipt is not a success of the send (its own exit code); the receipt says why.
    expect(sent.code, sent.stderr + sent.stdout).not.toBe(0);
    expect(JSON.parse(sent.stdout).receipt).toMatchObject({ status: 'rejected' });

    const listed = await courier(['history', '--json'], { home: home.path });
    const run = JSON.parse(listed.stdout).runs[0] as { id: string; receipt: { status: string } };
    expect(run.receipt.status).toBe('rejected');
    const text = await courier(['history'], { home: home.path });
    expect(text.stdout).toContain(
      'The platform refused the file: it did not import it into Digitaleo contacts.'
    );
    expect(text.stdout).toContain(`courier history download-refused ${run.id} --out DIR`);

    // The same name refused a day earlier is in ko too: this run's copy is the one after it started.
    const sentName = koName.slice(stamp.length + 1);
    const older = `${Number(stamp) - 86_400}_${sentName}`;
    await writeFile(join(folder('ko'), older), 'an older refusal\n');
    // A file of that name is already in the folder: it stays as it is.
    await writeFile(join(out.path, koName), 'mine');
    const fetched = await courier(
      ['history', 'download-refused', run.id, '--out', out.path, '--json'],
      {
        home: home.path,
      }
    );
    expect(fetched.code, fetched.stderr).toBe(0);
    const files = JSON.parse(fetched.stdout).files as Array<{
      name: string;
      savedAs: string;
      sameAsSent: boolean;
    }>;
    const kept = await readFile(join(folder('ko'), koName));
    const second = koName.replace(/\.csv$/, ' (2).csv');
    expect(files).toMatchObject([
      { name: koName, savedAs: join(out.path, second), sameAsSent: true },
    ]);
    expect((await readFile(join(out.path, second))).equals(kept)).toBe(true);
    expect(await readFile(join(out.path, koName), 'utf8')).toBe('mine');

    // Digitaleo's copy differs from what was sent: said so, and saved beside the others.
    await writeFile(join(folder('ko'), koName), Buffer.concat([kept, Buffer.from('extra;line\n')]));
    const changed = await courier(['history', 'download-refused', run.id, '--out', out.path], {
      home: home.path,
    });
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('not the bytes Courier sent');
    expect((await readdir(out.path)).sort()).toEqual(
      [koName, second, koName.replace(/\.csv$/, ' (3).csv')].sort()
    );

    // Gone from ko (Digitaleo cleans up): said in words, nothing saved.
    await rm(join(folder('ko'), koName));
    const gone = await courier(['history', 'download-refused', run.id, '--out', out.path], {
      home: home.path,
    });
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('Digitaleo no longer keeps the refused file of this send');
    expect((await readdir(out.path)).filter(n => n.includes('.download'))).toEqual([]);
  });

  it('refuses a run the platform did not refuse, and an unknown run', async () => {
    const source = join(home.path, 'other.csv');
    await writeFile(source, 'Email,Prénom,Nom\nben@example.org,Ben,Maes\n');
    // Sent without waiting: its receipt is still pending, nothing was refused.
    const sent = await courier(['send', source, '--destination', 'Digitaleo contacts', '--json'], {
      home: home.path,
    });
    expect(sent.code, sent.stderr).toBe(0);
    const runId = JSON.parse(sent.stdout).run as string;
    const pending = await courier(['history', 'download-refused', runId, '--out', out.path], {
      home: home.path,
    });
    expect(pending.code).toBe(1);
    expect(pending.stderr).toContain('The platform did not refuse this send’s file');
    const unknown = await courier(
      ['history', 'download-refused', 'no-such-run', '--out', out.path],
      { home: home.path }
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no run “no-such-run” in the history');
  });
});
