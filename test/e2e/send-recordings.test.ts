import { randomBytes } from 'node:crypto';
import { chown, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretStore } from '../../src-main/secrets/secret-store';
import { dropFile, startBrowser, type BrowserHarness } from '../harness/browser';
import { startSshd, type SshdServer } from '../harness/servers/sshd';
import { courier } from '../main/cli-destinations/run-captured';
import { tempHome } from '../harness/temp-home';

const wait = { timeout: 20_000 };

// Issue 16, EvaluAgent: in the app, a destination that receives call recordings asks on the Send
// screen for the folder they are in (the system's folder dialog), sends them to the real sshd
// before the records, and says how many went.
describe('the Send screen with call recordings', () => {
  let harness: BrowserHarness;
  let sshd: SshdServer;
  const dir = tempHome('ui-recordings-', { shared: true });
  const name = `Calls ${randomBytes(3).toString('hex')}`;
  beforeAll(async () => {
    [harness, sshd] = await Promise.all([
      startBrowser(),
      startSshd({ users: [{ auth: 'password' }] }),
    ]);
  });
  afterAll(async () => {
    await new SecretStore().deleteAll(name).catch(() => 0);
    await harness?.close();
    await sshd?.stop();
  });

  it('chooses the recordings folder, then sends the recordings and the records', async () => {
    const home = join(dir.path, 'home');
    const user = sshd.users[0]!;
    const remote = join(user.uploadDir, 'recordings');
    await mkdir(remote);
    await chown(remote, user.uid, user.gid);
    const added = await courier(
      [
        'destinations',
        'add',
        name,
        'recordings.column=Recording',
        'recordings.folder=upload/recordings',
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
        '--password-stdin',
      ],
      { home, stdin: `${user.password}\n` }
    );
    expect(added.code, added.stderr).toBe(0);
    const folder = join(dir.path, 'recordings');
    await mkdir(folder);
    for (const n of [1, 2, 3]) await writeFile(join(folder, `call-${n}.wav`), randomBytes(1500));
    const records = join(dir.path, 'calls.csv');
    await writeFile(
      records,
      [
        'Contact ID,Agent Email,Date,Recording',
        'C-1,one@example.com,2026-12-01,call-1.wav',
        'C-2,two@example.com,2026-12-01,call-2.wav',
        'C-3,three@example.com,2026-12-01,call-3.wav',
        '',
      ].join('\n')
    );
    const picked: string[] = [];
    const app = await harness.openApp({
      home,
      locale: 'en-GB',
      services: { pickFolder: async () => (picked.push(folder), folder) },
    });
    const { page } = app;
    await dropFile(page, records);
    await page.getByRole('button', { name: 'Continue to columns' }).click(wait);
    await page.getByRole('button', { name: 'Continue to review' }).click(wait);
    await page.getByRole('button', { name: 'Continue to send' }).click(wait);

    // No folder yet: the screen says what it needs, and Send waits for it.
    const choice = page.getByTestId('send-recordings');
    await choice.waitFor(wait);
    expect(await choice.textContent()).toContain(
      'Not chosen yet: the recordings named in Recording must be in it.'
    );
    const sendNow = page.getByRole('button', { name: 'Send now' });
    expect(await sendNow.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Choose the recordings folder…' }).click();
    await expect
      .poll(() => choice.textContent(), wait)
      .toContain(`${folder} — the recordings named in Recording go to upload/recordings first.`);
    expect(picked).toEqual([folder]);

    await sendNow.click();
    await expect
      .poll(() => page.getByTestId('send-outcome').textContent(), { timeout: 60_000 })
      .toContain('Sent: 3 rows delivered.');
    expect(await page.getByTestId('send-recordings-sent').textContent()).toBe(
      '3 of 3 recordings sent (4.5 kB) to upload/recordings.'
    );
    expect((await readdir(remote)).sort()).toEqual(['call-1.wav', 'call-2.wav', 'call-3.wav']);
    // The progress said which part was going up: the recordings (one of three…), then the records.
    const parts = app.emitted
      .filter(e => e.channel === 'send:progress')
      .map(e => e.payload as { part?: string; file?: number; files?: number });
    expect(parts.find(p => p.part === 'recordings')).toMatchObject({ files: 3 });
    const lastRecording = parts.map(p => p.part).lastIndexOf('recordings');
    expect(lastRecording).toBeLessThan(parts.findIndex(p => p.part === 'records'));

    // Done every night: the job takes the recordings folder chosen for this send.
    await page.getByRole('button', { name: 'Do this every night' }).click();
    await page.getByRole('heading', { name: 'Do this on a schedule' }).waitFor(wait);
    expect(await page.getByTestId('job-recordings').textContent()).toBe(folder);
    await page.getByRole('button', { name: 'Save the job' }).click();
    await expect
      .poll(
        async () => (await app.handlers['jobs:list'](undefined)).jobs.map(j => j.recordingsFolder),
        wait
      )
      .toEqual([folder]);
    await app.close();
  }, 180_000);
});
