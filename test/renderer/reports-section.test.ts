import { randomBytes } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDestination } from '../../src-main/settings/destination-store';
import { SecretStore } from '../../src-main/secrets/secret-store';
import { startBrowser, type BrowserHarness } from '../harness/browser';
import { mountSection } from '../harness/section-mount';
import { startSshd, type SshdServer } from '../harness/servers/sshd';
import { courier } from '../main/cli-destinations/run-captured';
import { tempHome } from '../harness/temp-home';

const patience = { timeout: 20_000 };

// Issue 16, Digitaleo: the editor's “Reports” section, mounted over an app page whose
// window.courier reaches the real services, downloads from the real sshd into Documents.
describe('the Reports section', () => {
  let harness: BrowserHarness;
  let sshd: SshdServer;
  const dir = tempHome('ui-reports-', { shared: true });
  const name = `Digitaleo ${randomBytes(3).toString('hex')}`;
  beforeAll(async () => {
    [harness, sshd] = await Promise.all([
      startBrowser(),
      startSshd({ users: [{ auth: 'password' }] }),
    ]);
    const day = join(sshd.users[0]!.uploadDir, 'reporting/2026-11-21');
    await mkdir(day, { recursive: true });
    await writeFile(
      join(day, '2026-11-21_Daily.zip'),
      zipSync({ 'openers.csv': strToU8('email\na@x.be\nb@x.be\n') })
    );
    await writeFile(
      join(day, '2026-11-21_777_Promo.zip'),
      zipSync({ 'clickers.csv': strToU8('email\na@x.be\n') })
    );
  });
  afterAll(async () => {
    await new SecretStore().deleteAll(name).catch(() => 0);
    await harness?.close();
    await sshd?.stop();
  });

  it('downloads the new report zips once and lists their files with row counts', async () => {
    const home = join(dir.path, 'home');
    const documents = join(dir.path, 'Documents');
    const user = sshd.users[0]!;
    const added = await courier(
      [
        'destinations',
        'add',
        name,
        '--preset',
        'digitaleo',
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
    const app = await harness.openApp({ home, services: { documentsFolder: documents } });
    const destination = (await getDestination(home, name))!;
    await mountSection(app.page, 'reports', destination, { inApp: true });
    const { page } = app;
    await page.getByRole('heading', { name: 'Reports' }).waitFor(patience);
    await page.getByRole('button', { name: 'Download reports' }).click();
    const folder = join(documents, 'Courier reports', name);
    const status = page.getByTestId('reports-result');
    await expect
      .poll(() => status.locator('p').textContent(), patience)
      .toBe(`2 reports saved in ${folder}.`);
    expect(await status.locator('li li').allTextContents()).toEqual([
      'clickers.csv: 1 row',
      'openers.csv: 2 rows',
    ]);
    expect((await readdir(folder)).sort()).toEqual([
      '2026-11-21_777_Promo.zip',
      '2026-11-21_Daily.zip',
    ]);

    await page.getByRole('button', { name: 'Download reports' }).click();
    await expect
      .poll(() => status.locator('p').textContent(), patience)
      .toBe('No new reports (2 downloaded before).');
    await app.close();
  });
});
