import { chown, mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretStore } from '../../src-main/secrets/secret-store';
import { seriousA11yViolations, startBrowser, type BrowserHarness } from '../harness/browser';
import { startVsftpd, type VsftpdServer } from '../harness/servers/vsftpd';
import { courier } from '../main/cli-destinations/run-captured';
import { requireKeychain } from '../main/secrets/keychain-harness';
import { tempHome } from '../harness/temp-home';

const wait = { timeout: 30_000 };

// Issue 16, Digitaleo, in the app over the real FTPS server: the Jobs screen saves a job that
// fetches the reports, Run now fetches them and History lists each zip's files and row counts;
// a send Digitaleo refused (moved to `ko/`, played by the test on the server's disk) is said in
// plain words in History, whose button downloads the file as Digitaleo kept it.
describe('Digitaleo reports job and refused file in the app', () => {
  let harness: BrowserHarness;
  let vsftpd: VsftpdServer;
  const dir = tempHome('ui-digitaleo-ko-', { shared: true });
  const name = 'Digitaleo shop';
  const folder = (sub: string) => join(vsftpd.uploadDir, 'contacts/import', sub);

  beforeAll(async () => {
    requireKeychain();
    [vsftpd, harness] = await Promise.all([startVsftpd({ mode: 'explicit' }), startBrowser()]);
    for (const sub of [
      'contacts',
      'contacts/import',
      'contacts/import/in',
      'contacts/import/ko',
      'reporting',
      'reporting/2026-12-02',
    ]) {
      await mkdir(join(vsftpd.uploadDir, sub), { recursive: true });
      await chown(join(vsftpd.uploadDir, sub), vsftpd.user.uid, vsftpd.user.gid);
    }
    await writeFile(
      join(vsftpd.uploadDir, 'reporting/2026-12-02/2026-12-02_Daily.zip'),
      zipSync({ 'openers.csv': strToU8('email\nanna@example.com\nben@example.org\n') })
    );
  });
  afterAll(async () => {
    await new SecretStore().deleteAll(name).catch(() => 0);
    await harness?.close();
    await vsftpd?.stop();
  });

  /** Plays Digitaleo refusing the file: once it lands in `in`, it moves to `ko`, time-prefixed. */
  async function platformRefuses(): Promise<string> {
    const stamp = String(Math.floor(Date.now() / 1000) + 5);
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

  it('saves and runs a reports job from the Jobs screen, and downloads a refused file from History', async () => {
    const home = join(dir.path, 'home');
    const documents = join(dir.path, 'Documents');
    const reportsOut = join(dir.path, 'Reports');
    await mkdir(reportsOut, { recursive: true });
    const added = await courier(
      [
        'destinations',
        'add',
        name,
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
      { home, stdin: `${vsftpd.user.password}\n` }
    );
    expect(added.code, added.stderr).toBe(0);
    // A send Digitaleo refuses (from the command line, into the same settings folder).
    const source = join(dir.path, 'export.csv');
    await writeFile(source, 'Email,Prénom,Nom\nanna@example.com,Anna,Peeters\n');
    const [sent, koName] = await Promise.all([
      courier(['send', source, '--destination', name, '--wait-receipt', '30', '--json'], {
        home,
      }),
      platformRefuses(),
    ]);
    expect(JSON.parse(sent.stdout).receipt).toMatchObject({ status: 'rejected' });
    const refusedRun = JSON.parse(sent.stdout).run as string;

    const app = await harness.openApp({
      home,
      services: { documentsFolder: documents, pickFolder: async () => reportsOut },
    });
    const { page } = app;
    const sidebar = page.getByRole('navigation', { name: 'Main' });

    // The Jobs screen: a job that fetches the reports every day at 07:00.
    await sidebar.getByRole('button', { name: 'Scheduled jobs' }).click();
    await page.getByRole('button', { name: 'Fetch Digitaleo reports on a schedule…' }).click();
    const form = page.getByRole('form', { name: 'Fetch Digitaleo reports' });
    await form.waitFor(wait);
    await expect.poll(() => form.getByLabel('Digitaleo destination').inputValue(), wait).toBe(name);
    await form.getByRole('button', { name: 'Save the job' }).click();
    await form.getByText('Choose the folder the reports go to.').waitFor(wait);
    await form.getByRole('button', { name: 'Choose a folder…' }).click();
    await expect
      .poll(() => form.getByTestId('reports-folder').textContent(), wait)
      .toBe(reportsOut);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save the job' }).click();
    await expect.poll(() => form.count(), wait).toBe(0);
    const row = page.locator('tr[data-job="Digitaleo reports"]');
    await expect.poll(() => row.textContent(), wait).toContain(`the reports, into ${reportsOut}`);
    const jobs = await app.services.jobs.service.overview();
    expect(jobs.jobs.map(j => [j.source, j.destination, j.scheduleText])).toEqual([
      [{ kind: 'reports', out: reportsOut }, name, 'every day at 07:00'],
    ]);

    await row.getByRole('button', { name: 'Run now' }).click();
    await expect
      .poll(async () => (await readdir(reportsOut)).sort(), wait)
      .toEqual(['2026-12-02_Daily.zip']);
    await expect.poll(() => row.textContent(), wait).toContain('Reports downloaded');

    // History: the reports run lists the zip's files and rows.
    await sidebar.getByRole('button', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor(wait);
    const runs = await app.services.history.listRuns();
    const reportsRun = runs.find(r => r.reports)!;
    await page
      .locator(`tr[data-run="${reportsRun.id}"]`)
      .getByRole('button', { name: 'Details' })
      .click();
    const reports = page.getByTestId('run-reports');
    await expect
      .poll(() => reports.textContent(), wait)
      .toBe('2026-12-02_Daily.zipopeners.csv: 2 rows');

    // The refused send: said in plain words, and its file downloaded as Digitaleo kept it.
    await page
      .locator(`tr[data-run="${refusedRun}"]`)
      .getByRole('button', { name: 'Details' })
      .click();
    const refused = page.getByTestId('refused-file');
    await expect
      .poll(() => refused.textContent(), wait)
      .toContain('Digitaleo refused this file: it did not import it');
    await refused.getByRole('button', { name: 'Download the refused file' }).click();
    const saved = join(documents, 'Courier refused files', name, koName);
    await expect
      .poll(() => refused.getByRole('status').textContent(), wait)
      .toContain(`Saved as ${saved}.`);
    expect(await refused.getByRole('status').textContent()).toContain(
      'It is exactly the file Courier sent.'
    );
    expect((await readFile(saved)).equals(await readFile(join(folder('ko'), koName)))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await app.close();
  }, 240_000);
});
