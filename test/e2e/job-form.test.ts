import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropFile,
  seriousA11yViolations,
  startBrowser,
  type BrowserHarness,
} from '../harness/browser';
import { startVsftpd, type VsftpdServer } from '../harness/servers/vsftpd';
import { calls } from '../../src-core/ipc/contract';
import { routeCall } from '../../src-main/ipc/ipc-router';
import { tempHome } from '../harness/temp-home';

const wait = { timeout: 20_000 };

// Issue 15, items 11 and 12: after a send to a real FTPS server, "Do this every night" opens the
// job form. Its "When some rows have problems" answers are read in full, it can send the newest
// file of a folder chosen with the folder chooser, and leaving it with changes asks first.
describe('the job form after a send', () => {
  let harness: BrowserHarness;
  let server: VsftpdServer;
  const dir = tempHome('ui-e2e-job-', { shared: true });
  beforeAll(async () => {
    [server, harness] = await Promise.all([startVsftpd({ mode: 'explicit' }), startBrowser()]);
  });
  afterAll(async () => {
    await harness?.close();
    await server?.stop();
  });

  it('chooses the newest file in a folder, says both problem choices in full, asks before leaving', async () => {
    const exports = join(dir.path, 'exports');
    await mkdir(exports);
    const file = join(exports, 'contacts-monday.csv');
    await writeFile(file, 'Email;Name\nan@example.be;An\nbo@example.be;Bo\n');
    const app = await harness.openApp({
      locale: 'en-GB',
      // The system folder chooser is an Electron object: here it answers the exports folder.
      services: { pickFolder: async () => exports },
    });
    const { page, handlers } = app;
    const save = await routeCall(
      handlers,
      'destinations:save',
      calls['destinations:save'].request.parse({
        destination: {
          version: 1,
          name: 'Partner',
          transport: {
            protocol: 'ftps',
            host: server.host,
            port: server.port,
            user: server.user.name,
            auth: 'password',
          },
          folder: '/upload',
          columns: [{ name: 'Email', required: true, rule: 'email' }, { name: 'Name' }],
          fileName: 'contacts_{date:YYYYMMDD}_{time:HHmmss}.csv',
        },
      }),
      true
    );
    expect(save.ok).toBe(true);
    const secret = await routeCall(
      handlers,
      'secrets:set',
      { destination: 'Partner', kind: 'password', value: server.user.password },
      true
    );
    expect(secret.ok).toBe(true);

    await dropFile(page, file);
    await page.getByRole('button', { name: 'Continue to columns' }).click();
    await expect
      .poll(() => page.getByLabel('Email', { exact: true }).inputValue(), wait)
      .toBe('Email');
    await page.getByRole('button', { name: 'Continue to review' }).click();
    const next = page.getByRole('button', { name: 'Continue to send' });
    await expect.poll(() => next.isEnabled(), wait).toBe(true);
    await next.click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Send now' }).isEnabled(), wait)
      .toBe(true);
    await page.getByRole('button', { name: 'Send now' }).click();
    const trust = page.getByRole('dialog', { name: 'Is this the right server?' });
    await trust.waitFor({ timeout: 30_000 });
    await trust.getByRole('button', { name: 'It matches: trust and send' }).click();
    await expect
      .poll(() => page.getByTestId('send-outcome').textContent(), { timeout: 60_000 })
      .toContain('Sent: 2 rows delivered.');

    await page.getByRole('button', { name: 'Do this every night' }).click();
    const form = page.getByRole('form', { name: 'Do this on a schedule' });
    await form.waitFor(wait);
    await page.setViewportSize({ width: 900, height: 900 });

    // Both answers are there in full, each readable, none cut off in a box.
    const problems = form.getByRole('group', { name: 'When some rows have problems' });
    const sendValid = problems.getByRole('radio', {
      name: 'Send the valid rows and report the others',
    });
    expect(await sendValid.isChecked()).toBe(true);
    expect(await problems.getByRole('radio', { name: 'Send nothing and tell me' }).count()).toBe(1);
    const clipped = await problems.evaluate(group =>
      [...group.querySelectorAll('label')]
        .filter(
          l =>
            l.scrollWidth > l.clientWidth + 1 ||
            l.getBoundingClientRect().right > group.getBoundingClientRect().right + 1
        )
        .map(l => l.textContent)
    );
    expect(clipped).toEqual([]);

    // Leaving with a change asks first, and Stay keeps the form.
    const source = form.getByRole('group', { name: 'What to send' });
    expect(
      await source.getByRole('radio', { name: 'This file again: contacts-monday.csv' }).isChecked()
    ).toBe(true);
    await source.getByRole('radio', { name: 'The newest file in a folder' }).check();
    const sidebar = page.getByRole('navigation', { name: 'Main' });
    await sidebar.getByRole('button', { name: 'History' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await leave.waitFor(wait);
    await leave.getByRole('button', { name: 'Stay on the form' }).click();
    await expect.poll(() => leave.isVisible(), wait).toBe(false);

    // A folder is needed; the folder chooser gives one.
    await form.getByRole('button', { name: 'Save the job' }).click();
    await form.getByText('Choose the folder Courier should look in.').waitFor(wait);
    await source.getByRole('button', { name: 'Choose a folder…' }).click();
    await expect.poll(() => form.getByTestId('job-folder').textContent(), wait).toBe(exports);
    expect(await source.getByLabel('Files named').inputValue()).toBe('*.csv');
    await source.getByLabel('Files named').fill('contacts-*.csv');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save the job' }).click();
    await expect.poll(() => form.count(), wait).toBe(0);

    // Saved through the jobs service as a watched folder, as `courier jobs add --watch` does.
    const listed = await routeCall(handlers, 'jobs:list', undefined, true);
    expect(listed.ok).toBe(true);
    const jobs = listed.ok ? (listed.value as { jobs: Array<{ source: unknown }> }).jobs : [];
    expect(jobs.map(j => j.source)).toEqual([
      { kind: 'folder', folder: exports, pattern: 'contacts-*.csv', pick: 'newest' },
    ]);
    // Saved: leaving asks nothing.
    await sidebar.getByRole('button', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor(wait);
    expect(await page.getByRole('dialog', { name: 'Leave without saving?' }).isVisible()).toBe(
      false
    );
    await app.close();
  }, 240_000);
});
