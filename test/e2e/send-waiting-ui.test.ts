import { once } from 'node:events';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import type { Page } from 'playwright-core';
import { dropFile, saveScreenshot, startBrowser, type BrowserHarness } from '../harness/browser';
import { startSshd, type SshdServer } from '../harness/servers/sshd';
import { tempHome } from '../harness/temp-home';

// Issue 15, items 4, 5, 8 and 9 on the Send screen, in Chromium with the real services: a server
// that accepts and never answers (steps said, the 20-second limit said, tries counted, Cancel),
// then the real sshd (the host-key question with no red box behind it, the name shown is the name
// that arrives), then the same file again ("Nothing new to send", calm).

const wait = { timeout: 20_000 };

/** Drop, match (the destination chosen), review, and on to Send: the name the screen shows. */
async function walkToSend(page: Page, file: string): Promise<string> {
  await dropFile(page, file);
  await page.getByRole('heading', { name: 'contacts.csv' }).waitFor(wait);
  await page.getByRole('button', { name: 'Continue to columns' }).click();
  await page.getByRole('heading', { name: 'Match the columns' }).waitFor();
  await page.getByLabel('Send to').selectOption('Hello Customer');
  // The columns, chosen by the person (what Courier proposes is not what this test is about).
  await page.getByLabel('Email', { exact: true }).selectOption('E-mail', wait);
  await page.getByLabel('Language', { exact: true }).selectOption('Taal');
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await page.getByRole('heading', { name: 'Check the rows' }).waitFor();
  await page.getByRole('button', { name: 'Continue to send' }).click();
  await expect.poll(() => page.getByTestId('first-lines').count(), wait).toBe(1);
  return (await page.locator('section[aria-labelledby="send-what"] td.mono').textContent())!;
}

describe('the Send screen while waiting, and its outcomes', () => {
  let harness: BrowserHarness;
  let sshd: SshdServer;
  let silent: Server;
  let silentPort: number;
  const sockets: Socket[] = [];
  const dir = tempHome('ui-e2e-waiting-', { shared: true });

  beforeAll(async () => {
    silent = createServer(socket => {
      sockets.push(socket);
      socket.on('error', () => undefined);
      socket.resume();
    });
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    silentPort = (silent.address() as { port: number }).port;
    [sshd, harness] = await Promise.all([
      startSshd({ users: [{ auth: 'password' }] }),
      startBrowser(),
    ]);
  });
  afterAll(async () => {
    await harness?.close();
    await sshd?.stop();
    for (const socket of sockets) socket.destroy();
    silent?.close();
  });

  it('says each step, the time limit and the try, and cancels', async () => {
    const user = sshd.users[0]!;
    const file = join(dir.path, 'contacts.csv');
    const lines = ['E-mail;Taal;Voornaam;Achternaam;Winkel'];
    for (let i = 0; i < 300; i++) lines.push(`contact.${i}@example.be;nl;Wendy;De Vos;Brussel`);
    await writeFile(file, `${lines.join('\r\n')}\r\n`);
    const app = await harness.openApp({ locale: 'en-GB' });
    const { page } = app;
    // Set up by IT beforehand, at an address where a server accepts and never answers.
    await app.services.destinations.create(
      {
        ...destinationFromPreset('hello-customer', 'Hello Customer'),
        variables: { touchpoint: 'NPS' },
        folder: 'upload',
        transport: {
          protocol: 'sftp',
          host: '127.0.0.1',
          port: silentPort,
          user: user.name,
          hostKey: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        },
      },
      { password: user.password }
    );

    const shown = await walkToSend(page, file);
    expect(shown).toMatch(/\.csv$/);

    // Item 4 and 9: the two steps with rows and bytes; the step waited on; the limit in words
    // when it passes (20 seconds of the real clock), with the try counted; Cancel.
    await page.getByRole('button', { name: 'Send now' }).click();
    const steps = page.getByTestId('send-steps');
    await expect
      .poll(() => page.getByTestId('send-phase').textContent(), wait)
      .toBe('Setting up the secure connection…');
    expect(await steps.locator('li').allTextContents()).toEqual([
      'Step 1 of 2 · Preparing the file — Done',
      expect.stringMatching(/^Step 2 of 2 · Uploading — 300 rows · 0 bytes of [\d.,]+ kB$/),
    ]);
    expect(await steps.locator('li[aria-current="step"]').textContent()).toContain('Step 2 of 2');
    await expect
      .poll(() => page.getByTestId('send-problem').textContent(), { timeout: 60_000 })
      .toBe(
        'The server did not answer within 20 seconds (while setting up the secure connection).'
      );
    await expect
      .poll(() => page.getByTestId('send-phase').textContent(), wait)
      .toMatch(/ · Attempt 2 of 6$/);
    await saveScreenshot(page, 'send-waiting', 'light');
    await page.getByRole('button', { name: 'Cancel the upload' }).click();
    await expect
      .poll(() => page.getByTestId('send-outcome').textContent(), wait)
      .toContain('The upload was cancelled.');

    await app.close();
  }, 180_000);

  it('asks before trusting a new server with no red box behind, sends the name shown, then has nothing new', async () => {
    const user = sshd.users[0]!;
    const file = join(dir.path, 'contacts.csv');
    const app = await harness.openApp({ locale: 'en-GB' });
    const { page } = app;
    // The real server, its host key not confirmed yet.
    await app.services.destinations.create(
      {
        ...destinationFromPreset('hello-customer', 'Hello Customer'),
        variables: { touchpoint: 'NPS' },
        folder: 'upload',
        transport: { protocol: 'sftp', host: '127.0.0.1', port: sshd.port, user: user.name },
      },
      { password: user.password }
    );
    const shown = await walkToSend(page, file);
    // Item 5: the question comes with no red box behind it.
    await page.getByRole('button', { name: 'Send now' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor(wait);
    expect(await dialog.getByTestId('fingerprint').textContent()).toBe(sshd.hostKeyFingerprint);
    expect(await page.getByTestId('send-outcome').count()).toBe(0);
    expect(await page.getByText('The file was not sent.').count()).toBe(0);
    await dialog.getByRole('button', { name: 'It matches: trust and send' }).click();

    // Item 8: the file arrives under the name the screen showed.
    await expect
      .poll(() => page.getByTestId('send-outcome').textContent(), { timeout: 60_000 })
      .toContain('Sent');
    expect((await readdir(user.uploadDir)).filter(n => !n.startsWith('.'))).toEqual([shown]);

    // Item 5: the same file again is calm, not a failure.
    await page.getByRole('button', { name: 'Send again' }).click();
    const outcome = page.getByTestId('send-outcome');
    await expect
      .poll(() => outcome.textContent(), { timeout: 60_000 })
      .toContain('Nothing new to send: this file was already sent to Hello Customer');
    expect(await outcome.getAttribute('role')).toBe('status');
    expect(await outcome.getAttribute('class')).not.toContain('notice--error');

    // History: the delivery and the calm repeat; the confirmation is not a run.
    await page.getByRole('button', { name: 'History' }).click();
    await expect
      .poll(() => page.locator('.badge').allTextContents(), wait)
      .toEqual(['Nothing new to send', 'Sent']);
    await app.close();
  }, 180_000);

  it('says plainly that a job names its file when each run sends it', async () => {
    const user = sshd.users[0]!;
    const file = join(dir.path, 'contacts.csv');
    // The platform collected the earlier file (Hello Customer names its file by the day).
    for (const name of await readdir(user.uploadDir)) await rm(join(user.uploadDir, name));
    await writeFile(
      file,
      `E-mail;Taal;Voornaam;Achternaam;Winkel\r\nnew.one@example.be;nl;Nel;Peeters;Gent\r\n`
    );
    const app = await harness.openApp({ locale: 'en-GB' });
    const { page } = app;
    await app.services.destinations.create(
      {
        ...destinationFromPreset('hello-customer', 'Hello Customer'),
        variables: { touchpoint: 'NPS' },
        folder: 'upload',
        transport: {
          protocol: 'sftp',
          host: '127.0.0.1',
          port: sshd.port,
          user: user.name,
          hostKey: sshd.hostKeyFingerprint,
        },
      },
      { password: user.password }
    );
    await walkToSend(page, file);
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect
      .poll(() => page.getByTestId('send-outcome').textContent(), { timeout: 60_000 })
      .toContain('Sent');
    await page.getByRole('button', { name: 'Do this every night' }).click();
    await expect
      .poll(() => page.getByTestId('job-name-time').textContent(), wait)
      .toBe(
        'Each run names its file with the date and time it is sent, so the name changes from one run to the next.'
      );
    await app.close();
  }, 120_000);
});
